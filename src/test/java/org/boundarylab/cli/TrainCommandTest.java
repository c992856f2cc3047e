package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
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
        ModelFiles.write(model, Initializer.GLOROT.create(arch, 1), Map.of("features", List.of("x1", "x2")));
        CsvDatasets.write(Generators.moons(80, 0.1, 1), train);
        CsvDatasets.write(Generators.moons(40, 0.1, 2), test);
    }

    private String[] trainArgs(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", model.toString(),
                "--data", train.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void trainingLowersTheLossAndWritesALoadableModelAndLog() throws Exception {
        Path out = dir.resolve("out.json");
        Path log = dir.resolve("loss.csv");
        CliRun run = CliRun.of(trainArgs("--epochs", "250", "--learning-rate", "0.5", "--out", out.toString(),
                "--loss-log", log.toString())).ok();
        assertTrue(run.out().contains("trained 2-4-1"), run.out());

        List<String> lines = Files.readAllLines(log);
        assertEquals("epoch,train_loss", lines.get(0));
        List<String> epochs = lines.stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertEquals(List.of("0", "100", "200", "249"), epochs, "every 100 epochs and the last");
        double first = Double.parseDouble(lines.get(1).split(",")[1]);
        double last = Double.parseDouble(lines.get(lines.size() - 1).split(",")[1]);
        assertTrue(last < 0.7 * first, first + " -> " + last);

        ModelFile trained = ModelFiles.readFull(out);
        Dataset data = CsvDatasets.read(train);
        double finalLoss = trained.network().loss(data.x(), data.y(), Regularization.NONE);
        assertTrue(finalLoss <= last, "the saved model is the trained one");
        // the starting model's own extras survive; the run's settings and history are added
        assertEquals(List.of("x1", "x2"), trained.extras().get("features"));
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) trained.extras().get("training");
        assertEquals(250, settings.get("epochs"));
        assertEquals(0.5, settings.get("learning_rate"));
        assertEquals("gd", settings.get("optimizer"));
        assertEquals(80, settings.get("batch_size"));
        assertEquals(finalLoss, (Double) settings.get("final_train_loss"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> history = (Map<String, Object>) trained.extras().get("history");
        assertEquals(List.of(0, 100, 200, 249), history.get("epoch"));
    }

    @Test
    void withATestSetTheLogHasAllColumnsForThePreUpdateWeights() throws Exception {
        Path out = dir.resolve("out.json");
        Path log = dir.resolve("loss.csv");
        CliRun.of(trainArgs("--test", test.toString(), "--epochs", "31", "--learning-rate", "0.3",
                "--log-every", "10", "--out", out.toString(), "--loss-log", log.toString())).ok();
        List<String> lines = Files.readAllLines(log);
        assertEquals("epoch,train_loss,test_loss,train_accuracy,test_accuracy", lines.get(0));
        assertEquals(5, lines.size(), "epochs 0, 10, 20, 30");
        // the row of epoch 0 describes the starting model, before any update
        Network start = ModelFiles.read(model);
        Dataset testSet = CsvDatasets.read(test);
        String[] row0 = lines.get(1).split(",");
        assertEquals(Double.toString(start.loss(testSet.x(), testSet.y(), Regularization.NONE)), row0[2]);
        assertEquals(5, row0.length);
    }

    @Test
    void everyOptimizerRunsAndMiniBatchesAreReproducible() throws Exception {
        for (String optimizer : new String[] {"sgd", "momentum", "adam"}) {
            Path a = dir.resolve(optimizer + "-a.json");
            Path b = dir.resolve(optimizer + "-b.json");
            String[] common = {"--epochs", "20", "--learning-rate", "0.05", "--optimizer", optimizer,
                "--batch-size", "16", "--seed", "9", "--l2", "0.001", "--l1", "0.0001"};
            CliRun.of(concat(trainArgs(common), "--out", a.toString())).ok();
            CliRun.of(concat(trainArgs(common), "--out", b.toString())).ok();
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), optimizer);
        }
    }

    /** The loss log reproduces the numpy reference run of tutorial 000 (golden file seed000). */
    @Test
    void lossLogMatchesTheGoldenRun() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/seed000-moons-2-5-3-1.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        ObjectMapper mapper = new ObjectMapper();
        double[][] x = mapper.convertValue(golden.at("/train/x"), double[][].class);
        int[] y = mapper.convertValue(golden.at("/train/y"), int[].class);
        Path data = dir.resolve("golden-train.csv");
        CsvDatasets.write(new Dataset(x, y, 2), data);
        Architecture arch = new Architecture(mapper.convertValue(golden.get("layers"), int[].class),
                Activation.parse(golden.get("hidden_activation").asText()),
                Activation.parse(golden.get("output_activation").asText()),
                Loss.parse(golden.get("loss").asText()));
        Network initial = Network.of(arch, mapper.convertValue(golden.at("/initial/weights"), double[][][].class),
                mapper.convertValue(golden.at("/initial/biases"), double[][].class));
        Path start = dir.resolve("golden-start.json");
        ModelFiles.write(start, initial, Map.of());
        Path log = dir.resolve("golden-log.csv");

        CliRun.of("train", "--model", start.toString(), "--data", data.toString(), "--epochs", "301",
                "--learning-rate", golden.get("learning_rate").asText(), "--out", dir.resolve("g.json").toString(),
                "--loss-log", log.toString()).ok();

        List<String> rows = Files.readAllLines(log).subList(1, 5);
        for (String row : rows) {
            String[] cells = row.split(",");
            double expected = golden.at("/loss_history/" + cells[0]).asDouble();
            double actual = Double.parseDouble(cells[1]);
            assertEquals(expected, actual, 1e-9 * Math.abs(expected), "epoch " + cells[0]);
        }
        assertEquals("300", rows.get(3).split(",")[0]);
    }

    @Test
    void divergenceStopsWithoutWritingTheModel() throws Exception {
        Architecture linear = new Architecture(new int[] {2, 8, 1}, Activation.LINEAR, Activation.LINEAR,
                Loss.MEAN_SQUARED_ERROR);
        ModelFiles.write(model, Initializer.LECUN.create(linear, 3), Map.of());
        Path out = dir.resolve("out.json");
        Files.writeString(out, "previous model");
        Path log = dir.resolve("loss.csv");
        CliRun.of(trainArgs("--epochs", "1000", "--learning-rate", "50", "--log-every", "1",
                "--out", out.toString(), "--loss-log", log.toString()))
                .refused("training diverged at epoch", "try a --learning-rate below 50.0, e.g. 5.0",
                        "not written: " + out, "(the loss log is)");
        assertEquals("previous model", Files.readString(out));
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.size() > 2 && lines.size() < 1001, "log stops at the blow-up: " + lines.size());
    }

    @Test
    void aRunThatEndsWorseThanItStartedIsWrittenWithAWarning() throws Exception {
        Path out = dir.resolve("out.json");
        CliRun run = CliRun.of(trainArgs("--epochs", "50", "--learning-rate", "1e6", "--out", out.toString()));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().startsWith("warning: the training loss rose from"), run.err());
        assertEquals(1, run.err().lines().count());
        assertTrue(ModelFiles.read(out).isFinite());
    }

    @Test
    void badArgumentsAndFilesAreOneLineWithStatusTwo() throws Exception {
        String out = dir.resolve("out.json").toString();
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "-0.1", "--out", out))
                .refused("--learning-rate must be a finite number > 0, got -0.1");
        CliRun.of(trainArgs("--epochs", "0", "--learning-rate", "0.1", "--out", out))
                .refused("--epochs must be at least 1, got 0");
        CliRun.of(trainArgs("--epochs", "-3", "--learning-rate", "0.1", "--out", out)).refused("--epochs");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.1", "--l2", "-1", "--out", out))
                .refused("--l2 must be a finite number >= 0");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.1", "--batch-size", "0", "--out", out))
                .refused("--batch-size must be at least 1");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.1", "--log-every", "0", "--out", out))
                .refused("--log-every must be at least 1");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "fast", "--out", out)).refused("'fast'");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.1", "--optimizer", "rmsprop", "--out", out))
                .refused("unknown optimizer 'rmsprop'");
        CliRun.of(trainArgs("--epochs", "10", "--out", out)).refused("Missing required option", "--learning-rate");

        // missing file
        CliRun.of("train", "--model", model.toString(), "--data", dir.resolve("nope.csv").toString(),
                "--epochs", "10", "--learning-rate", "0.1", "--out", out).refused("nope.csv: no such file");
        // malformed CSV row
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x1,x2,label\n0.5,0.25,1\n0.1,0.2,x\n");
        CliRun.of("train", "--model", model.toString(), "--data", bad.toString(),
                "--epochs", "10", "--learning-rate", "0.1", "--out", out).refused(bad + ":3: label", "'x'");
        // corrupt model
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, Files.readString(model).replace("\"tanh\"", "\"tahn\""));
        CliRun.of("train", "--model", corrupt.toString(), "--data", train.toString(),
                "--epochs", "10", "--learning-rate", "0.1", "--out", out)
                .refused(corrupt + ": hidden_activation: unknown activation 'tahn'");
        Path notJson = dir.resolve("notjson.json");
        Files.writeString(notJson, "x1,x2,label\n1,2,0\n");
        CliRun.of("train", "--model", notJson.toString(), "--data", train.toString(),
                "--epochs", "10", "--learning-rate", "0.1", "--out", out).refused(notJson + ": not valid JSON");
        // labels the model cannot represent
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "x1,x2,label\n0,0,0\n1,1,1\n2,2,2\n");
        CliRun.of("train", "--model", model.toString(), "--data", three.toString(),
                "--epochs", "10", "--learning-rate", "0.1", "--out", out)
                .refused("has labels 0..2 but", "make a model with 3 softmax outputs");
        // output folder missing: refused before any training
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.1",
                "--out", dir.resolve("no/such/out.json").toString())).refused("does not exist");
        // outputs that would destroy an input
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.1", "--out", train.toString()))
                .refused("--out and --data are the same file");
        CliRun.of(trainArgs("--epochs", "10", "--learning-rate", "0.1", "--out", out, "--loss-log", model.toString()))
                .refused("--loss-log and --model are the same file");
        assertTrue(Files.readString(train).startsWith("x1,x2,label"));
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void theStartingModelMayBeOverwrittenToContinueTraining() throws Exception {
        CliRun.of(trainArgs("--epochs", "5", "--learning-rate", "0.5", "--out", model.toString())).ok();
        assertEquals(5, ((Map<?, ?>) ModelFiles.readFull(model).extras().get("training")).get("epochs"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
