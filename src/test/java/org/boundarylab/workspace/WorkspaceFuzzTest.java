package org.boundarylab.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged workspace files of every kind: each is either opened (whole, or with every part it
 * left out said) or refused with one short line that starts with the file's name, never with
 * another exception, and never with the file's own bytes poured into the message.
 */
class WorkspaceFuzzTest {
    private static final int CASES = 1500;

    @TempDir
    Path dir;

    /** A good workspace of an Adam run in mini-batches, so every part of the format is present. */
    private static String goodFile() throws IOException {
        LabSettings s = LabSettings.defaults().toBuilder().samples(40).hidden(3, 2).optimizer(Optimizer.Kind.ADAM)
                .learningRate(0.01).batchSize(8).build();
        Split split = s.split();
        Network net = s.initialNetwork(split.train().classes());
        Trainer t = new Trainer(net, split.train().x(), split.train().y(), s.trainingOptions());
        TrainingHistory h = new TrainingHistory();
        for (int e = 0; e < 5; e++) {
            h.add(new TrainingHistory.Row(e, t.epoch(true), Double.NaN, Double.NaN, Double.NaN));
        }
        Workspace w = new Workspace(s, split.train(), split.test(), net, h, 5, t.state());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        WorkspaceFiles.write(out, w);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void damagedFilesAreOpenedInPartOrRefusedInOneShortLine() throws Exception {
        String good = goodFile();
        Path file = dir.resolve("lab.blab");
        Random r = new Random(15);
        int refused = 0;
        int partly = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = mutate(good, r);
            Files.write(file, bytes);
            try {
                WorkspaceFiles.Opened opened = WorkspaceFiles.open(file);
                if (!opened.complete()) {
                    partly++;
                    for (String d : opened.dropped()) {
                        assertShort(d, "case " + i);
                    }
                }
            } catch (WorkspaceFormatException | IOException e) {
                refused++;
                String m = e.getMessage();
                assertTrue(m.startsWith(file.toString() + ": "), "case " + i + " names the file: " + m);
                assertShort(m.substring(file.toString().length()), "case " + i);
            } catch (RuntimeException | Error e) {
                fail("case " + i + " escaped as " + e + "\nfile: " + new String(bytes, 0,
                        Math.min(bytes.length, 300), StandardCharsets.UTF_8), e);
            }
        }
        // the mutations must reach every branch: refusals, partial opens and whole opens
        assertTrue(refused > CASES / 10, "refused " + refused);
        // (a partial open needs damage inside the network, trainer or history and nowhere else: 1 to 2%)
        assertTrue(partly > CASES / 80, "opened in part " + partly);
    }

    private static void assertShort(String message, String what) {
        assertTrue(message.length() <= 420, what + ": message of " + message.length() + " characters");
        assertFalse(message.contains("[Source:"), what + ": " + message);
        assertFalse(message.chars().anyMatch(c -> c < 0x20 && c != '\n'), what + ": control character in " + message);
    }

    /** One of several kinds of damage, some of them several times. */
    private static byte[] mutate(String good, Random r) {
        String s = good;
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(12)) {
                case 0 -> s = s.substring(0, at); // cut short
                case 1 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + r.nextInt(40)));
                case 2 -> s = s.substring(0, at) + "\u0000\u0007\u001b" + s.substring(at);
                case 3 -> s = s.substring(0, at) + "9".repeat(2000) + s.substring(at);
                case 4 -> s = s.replaceFirst("\"(hidden|samples|classes|epoch|steps|shuffle_state)\":[0-9\\[]+",
                        "\"$1\":" + List.of("-1", "1e400", "\"x\"", "null", "[]", "9223372036854775807", "2.5")
                                .get(r.nextInt(7)));
                case 5 -> s = s.replaceFirst("\"(optimizer|loss|format|dataset|hidden_activation)\":\"[^\"]*\"",
                        "\"$1\":\"" + List.of("sgd", "adam", "boundary-lab-workspace/7", "", "x".repeat(500),
                                "softmax").get(r.nextInt(6)) + "\"");
                case 6 -> s = s.replaceFirst("\\[(-?[0-9.E-]+),", "[" + List.of("NaN", "\"a\"", "1e309", "{}",
                        "-0.0").get(r.nextInt(5)) + ",");
                case 7 -> s = s.replaceFirst("\"(order|moments|rows|train|test|weights|biases)\":\\[",
                        "\"$1\":[[],");
                case 8 -> s = s.substring(0, at) + "\"extra\":{\"a\":[1,2,3]}," + s.substring(at);
                case 9 -> s = "\uFEFF" + s;
                case 10 -> s = s.replaceFirst("\"(trainer|history|network|settings|data)\":", "\"$1_gone\":");
                default -> {
                    char[] c = s.toCharArray();
                    c[at] = (char) (32 + r.nextInt(95));
                    s = new String(c);
                }
            }
            if (s.isEmpty()) {
                break;
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileFarTooLargeIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("huge.blab");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(WorkspaceFiles.MAX_FILE_BYTES + 1); // sparse: no disk used
        }
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFiles.open(file));
        assertEquals(file + ": 200 MB is far too large for a workspace file (at most 200 MB)", e.getMessage());
    }

    @Test
    void aDeviceThatNeverEndsIsRefused() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFiles.open(zero));
        assertTrue(e.getMessage().startsWith("/dev/zero: not valid JSON"), e.getMessage());
        assertShort(e.getMessage(), "/dev/zero");
    }

    @Test
    void aFolderOrAMissingFileIsNamed() {
        WorkspaceFormatException folder = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFiles.open(dir));
        assertEquals(dir + ": is a folder, not a workspace file", folder.getMessage());
        Path missing = dir.resolve("missing.blab");
        WorkspaceFormatException none = assertThrows(WorkspaceFormatException.class,
                () -> WorkspaceFiles.open(missing));
        assertEquals(missing + ": no such file", none.getMessage());
    }

    @Test
    void moreHeapThanThereIsIsRefusedWithTheSizes() throws Exception {
        // a file the size check lets through but that needs more memory than is free: shown with
        // a cap of its own, so the test does not depend on the machine's heap
        Path file = dir.resolve("big.blab");
        long size = Runtime.getRuntime().maxMemory() / WorkspaceFiles.HEAP_PER_FILE_BYTE + 1;
        if (size > WorkspaceFiles.MAX_FILE_BYTES) {
            return; // a heap this large opens every file the size check allows
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFiles.open(file));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(file.toString())
                + ": [0-9,]+ MB needs about [0-9,]+ MB of memory to open; [0-9,]+ MB is free .*"), e.getMessage());
    }

    @Test
    void tooManyPointsAreRefusedBeforeAnyIsStored() throws Exception {
        String good = goodFile();
        StringBuilder many = new StringBuilder("\"train\":[");
        for (int i = 0; i < WorkspaceFiles.MAX_POINTS + 1; i++) {
            many.append(i == 0 ? "" : ",").append("[0,0,0]");
        }
        String text = good.replaceFirst("\"train\":\\[", many + ",");
        Path file = dir.resolve("many.blab");
        Files.writeString(file, text);
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFiles.open(file));
        assertTrue(e.getMessage().startsWith(file + ": data: 1,00"), e.getMessage());
        assertTrue(e.getMessage().endsWith("points; a workspace holds at most 1,000,000"), e.getMessage());
    }
}
