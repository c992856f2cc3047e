package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Generators;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.workspace.GifFrames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --gif}: the animation of the run, written with the model and the log. */
class TrainGifTest {
    @TempDir
    Path dir;
    Path model;
    Path train;
    Path test;

    @BeforeEach
    void tinyProblem() throws Exception {
        model = dir.resolve("start.json");
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        Architecture arch = new Architecture(new int[] {2, 4, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        ModelFiles.write(model, Initializer.GLOROT.create(arch, 1), Map.of());
        CsvDatasets.write(Generators.moons(80, 0.1, 1), train);
        CsvDatasets.write(Generators.moons(40, 0.1, 2), test);
    }

    private String[] trainArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--model", model.toString(), "--data", train.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void framesCarryTheFiguresOfTheLossLogAndTheLastOneThoseOfTheModel() throws Exception {
        Path out = dir.resolve("out.json");
        Path log = dir.resolve("loss.csv");
        Path gif = dir.resolve("run.gif");
        CliRun run = CliRun.of(trainArgs("--test", test.toString(), "--epochs", "200", "--learning-rate", "0.5",
                "--out", out.toString(), "--loss-log", log.toString(), "--log-every", "20", "--gif", gif.toString(),
                "--gif-frames", "11", "--gif-size", "160x120")).ok();
        assertTrue(run.out().contains("wrote " + out + ", " + log + " and " + gif + " (11 frames, epochs 0 to 200)"),
                run.out());

        GifFrames frames = GifFrames.read(gif);
        assertEquals(11, frames.size());
        assertEquals(160, frames.width());
        assertEquals(120, frames.height());
        assertTrue(frames.loops());
        List<Integer> delays = new ArrayList<>(java.util.Collections.nCopies(10, 10));
        delays.add(30);
        assertEquals(delays, frames.delays(), "100 ms a frame, the last three times as long");

        List<String> rows = Files.readAllLines(log);
        for (int i = 0; i < 10; i++) {
            assertEquals(20L * i, frames.epoch(i));
            // the row of that epoch, number for number: epoch,train_loss,test_loss,train_accuracy,test_accuracy
            String[] row = rows.get(1 + i).split(",");
            Map<String, String> f = frames.figures(i);
            assertEquals(List.of(row), List.of(f.get("epoch"), f.get("train_loss"), f.get("test_loss"),
                    f.get("train_accuracy"), f.get("test_accuracy")), "frame " + i);
        }
        assertEquals(200, frames.epoch(10), "the last frame is the trained network");
        @SuppressWarnings("unchecked")
        Map<String, Object> training = (Map<String, Object>) ModelFiles.readFull(out).extras().get("training");
        Map<String, String> last = frames.figures(10);
        assertEquals(((Number) training.get("final_train_loss")).doubleValue(),
                Double.parseDouble(last.get("train_loss")));
        assertEquals(((Number) training.get("final_test_loss")).doubleValue(), Double.parseDouble(last.get("test_loss")));
        assertEquals(((Number) training.get("final_train_accuracy")).doubleValue(),
                Double.parseDouble(last.get("train_accuracy")));
        assertEquals(((Number) training.get("final_test_accuracy")).doubleValue(),
                Double.parseDouble(last.get("test_accuracy")));
    }

    @Test
    void theAnimationDoesNotChangeTheRun() throws Exception {
        for (String optimizer : new String[] {"gd", "sgd"}) {
            Path plain = dir.resolve("plain-" + optimizer + ".json");
            Path animated = dir.resolve("animated-" + optimizer + ".json");
            Path plainLog = dir.resolve("plain-" + optimizer + ".csv");
            Path animatedLog = dir.resolve("animated-" + optimizer + ".csv");
            CliRun.of(trainArgs("--test", test.toString(), "--epochs", "60", "--learning-rate", "0.3", "--optimizer",
                    optimizer, "--out", plain.toString(), "--loss-log", plainLog.toString(), "--log-every", "7")).ok();
            CliRun.of(trainArgs("--test", test.toString(), "--epochs", "60", "--learning-rate", "0.3", "--optimizer",
                    optimizer, "--out", animated.toString(), "--loss-log", animatedLog.toString(), "--log-every", "7",
                    "--gif", dir.resolve(optimizer + ".gif").toString(), "--gif-frames", "9",
                    "--gif-size", "96x64")).ok();
            assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(animated), optimizer + ": the same model");
            assertArrayEquals(Files.readAllBytes(plainLog), Files.readAllBytes(animatedLog), optimizer + ": the same log");
        }
    }

    @Test
    void moreFramesThanEpochsGiveOneFramePerEpoch() throws Exception {
        Path gif = dir.resolve("run.gif");
        CliRun run = CliRun.of(trainArgs("--epochs", "5", "--learning-rate", "0.5", "--out",
                dir.resolve("out.json").toString(), "--gif", gif.toString(), "--gif-size", "96x64")).ok();
        assertTrue(run.out().contains("(6 frames, epochs 0 to 5)"), run.out());
        GifFrames frames = GifFrames.read(gif);
        assertEquals(6, frames.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(i, frames.epoch(i));
            assertEquals("NaN", frames.figures(i).get("test_loss"), "no test data");
        }
    }

    @Test
    void framesAreEvenlySpacedFromTheFirstEpochToTheLast() {
        assertArrayEquals(new long[] {0, 3, 7, 10}, TrainCommand.frameEpochs(4, 10));
        assertArrayEquals(new long[] {0, 1, 2}, TrainCommand.frameEpochs(3, 2));
        long[] sixty = TrainCommand.frameEpochs(60, 3000);
        assertEquals(60, sixty.length);
        assertEquals(0, sixty[0]);
        assertEquals(3000, sixty[59]);
        for (int k = 1; k < 60; k++) {
            long step = sixty[k] - sixty[k - 1];
            assertTrue(step == 50 || step == 51, "step " + step);
        }
        long[] dense = TrainCommand.frameEpochs(500, 499);
        for (int k = 0; k < 500; k++) {
            assertEquals(k, dense[k]);
        }
    }

    @Test
    void badAnimationArgumentsAreRefusedBeforeAnythingIsWritten() throws Exception {
        String out = dir.resolve("out.json").toString();
        String gif = dir.resolve("run.gif").toString();
        FolderState before = FolderState.of(dir);
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", gif, "--gif-size", "10x10"))
                .refused("--gif-size must be 64 to 4096 pixels a side, got 10x10");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", gif, "--gif-size", "5000x100"))
                .refused("--gif-size must be 64 to 4096 pixels a side, got 5000x100");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", gif, "--gif-size", "wide\u202e"))
                .refused("--gif-size must be WIDTHxHEIGHT in pixels, e.g. 480x360, got 'wide\\u202e'");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", gif, "--gif-frames", "1"))
                .refused("--gif-frames must be at least 2, got 1");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", gif, "--gif-frames", "501"))
                .refused("--gif-frames must be at most 500, got 501");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", gif, "--gif-delay", "5"))
                .refused("--gif-delay must be at least 10, got 5");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif-frames", "20"))
                .refused("--gif-frames needs --gif RUN.gif");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", out))
                .refused("--gif and --out are the same file");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--loss-log", gif, "--gif", gif))
                .refused("--gif and --loss-log are the same file");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", train.toString()))
                .refused("--gif and --data are the same file");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif",
                dir.resolve("nowhere/run.gif").toString())).refused("--gif", "does not exist");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out, "--gif", dir.toString()))
                .refused("--gif " + dir + " is a folder");
        assertEquals(before, FolderState.of(dir), "nothing written");
    }

    @Test
    void aLargeNetworkGetsFewerFramesOrNone() throws Exception {
        // 2-220-220-1: 49,501 parameters; 500 copies would be 24.8 million numbers
        Architecture wide = new Architecture(new int[] {2, 220, 220, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        ModelFiles.write(model, Initializer.GLOROT.create(wide, 1), Map.of());
        FolderState before = FolderState.of(dir);
        CliRun.of(trainArgs("--epochs", "1000", "--learning-rate", "0.5", "--out", dir.resolve("out.json").toString(),
                "--gif", dir.resolve("run.gif").toString(), "--gif-frames", "500"))
                .refused("--gif-frames 500 would keep 500 copies of a network of 49,501 parameters",
                        "give --gif-frames 404 or fewer");
        assertEquals(before, FolderState.of(dir));
    }

    @Test
    void aFailingAnimationLeavesTheModelAndLogUnwritten() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full) && Files.isWritable(full));
        Path out = dir.resolve("out.json");
        Path log = dir.resolve("loss.csv");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.5", "--out", out.toString(), "--loss-log",
                log.toString(), "--gif", full.toString(), "--gif-size", "64x64")).refused("/dev/full: ");
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(log));
    }

    @Test
    void aDivergingRunWritesNoAnimation() throws Exception {
        Architecture linear = new Architecture(new int[] {2, 8, 1}, Activation.LINEAR, Activation.LINEAR,
                Loss.MEAN_SQUARED_ERROR);
        ModelFiles.write(model, Initializer.LECUN.create(linear, 3), Map.of());
        Path gif = dir.resolve("run.gif");
        CliRun.of(trainArgs("--epochs", "1000", "--learning-rate", "50", "--out", dir.resolve("out.json").toString(),
                "--gif", gif.toString())).refused("training diverged at epoch", "not written: ", " and " + gif);
        assertFalse(Files.exists(gif));
    }
}
