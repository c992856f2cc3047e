package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Generators;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input that was once seen to crash, hang, exhaust memory or write something,
 * now refused in one short line with exit status 2, nothing written.
 */
class CliRefusalsTest {
    @TempDir
    Path dir;
    Path model;
    Path data;
    Path test;

    @BeforeEach
    void files() throws Exception {
        model = dir.resolve("m.json");
        data = dir.resolve("d.csv");
        test = dir.resolve("t.csv");
        Architecture arch = new Architecture(new int[] {2, 4, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        ModelFiles.write(model, Initializer.GLOROT.create(arch, 1), Map.of());
        CsvDatasets.write(Generators.moons(60, 0.1, 1), data);
        CsvDatasets.write(Generators.moons(30, 0.1, 2), test);
    }

    private CliRun refusedWithoutWriting(String[] args, String... fragments) throws IOException {
        FolderState before = FolderState.of(dir);
        CliRun run = CliRun.of(args).refused(fragments);
        assertEquals(before, FolderState.of(dir), "nothing written or changed");
        return run;
    }

    private static String[] args(String... a) {
        return a;
    }

    @Test
    void devicesWithoutEndAreReadWithACap() throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero));
        long t0 = System.nanoTime();
        refusedWithoutWriting(args("evaluate", "--model", model.toString(), "--data", "/dev/zero"),
                "/dev/zero:1: line longer than 1,000 characters");
        refusedWithoutWriting(args("evaluate", "--model", "/dev/zero", "--data", data.toString()),
                "/dev/zero: not valid JSON (line 1");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused at once, not after reading gigabytes");
    }

    @Test
    void aHugeLineIsCutAndQuotedByItsStartOnly() throws Exception {
        Path line = dir.resolve("line.csv");
        byte[] row = new byte[20_000_000];
        java.util.Arrays.fill(row, (byte) '7');
        Files.write(line, "x1,x2,label\n".getBytes(StandardCharsets.UTF_8));
        Files.write(line, row, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(line, ",0,0\n1,1,1\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun run = refusedWithoutWriting(args("evaluate", "--model", model.toString(), "--data", line.toString()),
                line + ":2: line longer than 1,000 characters (a data row is x1,x2,label); it starts '7777");
        assertTrue(run.err().length() < 200, run.err());
    }

    @Test
    void networksBeyondTheSizeBoundAreRefusedBeforeAnythingLarge() throws Exception {
        Path out = dir.resolve("big.json");
        refusedWithoutWriting(args("init", "--layers", "2,4400,4400,1", "--out", out.toString()),
                "--layers: the layers make 19,382,001 parameters; a network may have at most 10,000,000");
        // a valid-looking model file whose layers ask for 4 million hidden units
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"format\": \"boundary-lab-model/1\", \"layers\": [2, 4000000, 1],"
                + " \"hidden_activation\": \"tanh\", \"output_activation\": \"sigmoid\", \"loss\": \"binary_cross_entropy\","
                + " \"weights\": [[[0.5, 0.5]]], \"biases\": [[0]]}");
        refusedWithoutWriting(args("evaluate", "--model", huge.toString(), "--data", data.toString()),
                huge + ": invalid network: the layers have 4,000,003 units in all; a network may have at most 10,000");
        refusedWithoutWriting(args("sweep", "--data", data.toString(), "--test", test.toString(), "--hidden", "5000",
                "--epochs", "1", "--learning-rate", "1", "--out", out.toString()), "--hidden");
    }

    @Test
    void fileSystemErrorsNameTheFile() throws Exception {
        refusedWithoutWriting(args("evaluate", "--model", dir.toString(), "--data", data.toString()),
                dir + ": is a folder, not a model file");
        refusedWithoutWriting(args("evaluate", "--model", model.toString(), "--data", dir.toString()),
                dir + ": is a folder, not a data file");
        refusedWithoutWriting(args("evaluate", "--model", dir.resolve("nope.json").toString(), "--data", data.toString()),
                dir.resolve("nope.json") + ": no such file or folder");
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full) && Files.isWritable(full));
        CliRun run = CliRun.of("datasets", "--kind", "moons", "--out", "/dev/full").refused("/dev/full: ");
        assertTrue(run.err().toLowerCase(java.util.Locale.ROOT).contains("no space left"), run.err());
        assertTrue(Files.exists(full) && !Files.isRegularFile(full), "/dev/full is still a device");
    }

    @Test
    void notUtf8IsReportedOnTheRightLine() throws Exception {
        Path latin = dir.resolve("latin.csv");
        StringBuilder rows = new StringBuilder("x1,x2,label\n");
        for (int r = 2; r < 1501; r++) {
            rows.append(r % 7).append(".5,").append(r % 5).append(",").append(r % 2).append('\n');
        }
        byte[] head = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "1,2\u00e9,0\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(latin, all);
        refusedWithoutWriting(args("evaluate", "--model", model.toString(), "--data", latin.toString()),
                latin + ":1501: not UTF-8 text (byte 0xe9)");
    }

    @Test
    void aLongOutputNameWorks() throws Exception {
        Path out = dir.resolve("n".repeat(226) + ".csv");
        CliRun.of("datasets", "--kind", "moons", "--out", out.toString()).ok();
        assertTrue(Files.isRegularFile(out));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void devicesPipesAndLinksAreWrittenThroughNeverReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull));
        CliRun.of("datasets", "--kind", "moons", "--out", "/dev/null").ok();
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");

        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        CliRun.of("datasets", "--kind", "circles", "--out", link.toString()).ok();
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(real).startsWith(CsvDatasets.HEADER), "its target got the data");

        Path fifo = dir.resolve("pipe.csv");
        Assumptions.assumeTrue(org.boundarylab.io.AtomicFilesTestAccess.mkfifo(fifo));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CliRun.of("datasets", "--kind", "xor", "--samples", "10", "--out", fifo.toString()).ok();
        assertEquals(11, reader.get(10, TimeUnit.SECONDS).lines().count());
        assertFalse(Files.isRegularFile(fifo), "still a pipe");
    }

    @Test
    void aCommandWithSeveralOutputsWritesAllOrNone() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full) && Files.isWritable(full));
        Path out = dir.resolve("train-part.csv");
        refusedWithoutWriting(args("datasets", "--kind", "moons", "--test-ratio", "0.2", "--out", out.toString(),
                "--test-out", "/dev/full"), "/dev/full: ");
        Path trained = dir.resolve("trained.json");
        Files.writeString(trained, "previous model");
        refusedWithoutWriting(args("train", "--model", model.toString(), "--data", data.toString(), "--epochs", "3",
                "--learning-rate", "0.1", "--out", trained.toString(), "--loss-log", "/dev/full"), "/dev/full: ");
        assertEquals("previous model", Files.readString(trained));
        Path table = dir.resolve("sweep.csv");
        refusedWithoutWriting(args("sweep", "--data", data.toString(), "--test", test.toString(), "--hidden", "2",
                "--seeds", "1", "--epochs", "5", "--learning-rate", "1", "--out", table.toString(), "--png", "/dev/full",
                "--quiet"), "/dev/full: ");
    }

    @Test
    void aSaveRemovesOldLeftoversOfKilledSavesOfItsFile() throws Exception {
        Path out = dir.resolve("moons.csv");
        Path stale = Files.writeString(dir.resolve(".moons.csv.4242.tmp"), "half a file");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path other = Files.writeString(dir.resolve(".other.csv.4242.tmp"), "not ours");
        Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        CliRun.of("datasets", "--kind", "moons", "--out", out.toString()).ok();
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other));
    }

    @Test
    void generatorOptionsAreRefusedByName() throws Exception {
        Path out = dir.resolve("n.csv");
        refusedWithoutWriting(args("datasets", "--kind", "moons", "--noise", "1e308", "--out", out.toString()),
                "--noise must be at most 1000.0");
        refusedWithoutWriting(args("datasets", "--kind", "moons", "--test-ratio", "1e-9", "--out", out.toString(),
                "--test-out", dir.resolve("t2.csv").toString()), "--test-ratio 1.0E-9 holds out none of the 200 points");
        refusedWithoutWriting(args("datasets", "--kind", "moons", "--samples", "4", "--test-ratio", "0.25",
                "--out", out.toString(), "--test-out", dir.resolve("t2.csv").toString()), "--test-ratio 0.25 holds out 1");
    }

    @Test
    void dataOutOfRangeAndLossesThatAreNotFiniteAreRefused() throws Exception {
        Path far = dir.resolve("far.csv");
        Files.writeString(far, "x1,x2,label\n1,2,0\n1e300,-1e300,1\n");
        refusedWithoutWriting(args("train", "--model", model.toString(), "--data", far.toString(), "--epochs", "3",
                "--learning-rate", "0.1", "--out", dir.resolve("o.json").toString()),
                far + ":3: x1 is 1e300, outside the range -1e6 to 1e6");
        // a linear model with weights of 1e300 on points at 1e6: its outputs overflow
        Architecture lin = new Architecture(new int[] {2, 1}, Activation.TANH, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR);
        Path wild = dir.resolve("wild.json");
        ModelFiles.write(wild, Network.of(lin, new double[][][] {{{1e300}, {1e300}}}, new double[][] {{0}}), Map.of());
        Path edge = dir.resolve("edge.csv");
        Files.writeString(edge, "x1,x2,label\n1e6,1e6,0\n-1e6,1e6,1\n");
        refusedWithoutWriting(args("evaluate", "--model", wild.toString(), "--data", edge.toString()),
                "the loss of " + wild + " on " + edge + " is ", "not a finite number");
    }

    @Test
    void aByteOrderMarkIsAcceptedInModelFiles() throws Exception {
        byte[] json = Files.readAllBytes(model);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Path bom = dir.resolve("bom.json");
        Files.write(bom, withBom);
        CliRun.of("evaluate", "--model", bom.toString(), "--data", data.toString()).ok();
    }

    @Test
    void argumentsAreQuotedShortAndPrintable() throws Exception {
        String evil = "\u001b[31m" + "9".repeat(5000) + "\u0000";
        refusedWithoutWriting(args("datasets", "--kind", "moons", "--samples", evil, "--out",
                dir.resolve("x.csv").toString()), "--samples");
        refusedWithoutWriting(args("init", "--layers", "2," + evil + ",1", "--out", dir.resolve("x.json").toString()),
                "--layers");
        refusedWithoutWriting(args("datasets", "--kind", evil, "--out", dir.resolve("x.csv").toString()), "--kind");
    }
}
