package org.boundarylab.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.boundarylab.io.AtomicFiles;

class WorkspaceFilesTest {
    @TempDir
    Path dir;

    /** A trained workspace with its history, and {@code extra} hand-drawn points added to the training data. */
    static Workspace workspace(int extra, long epochs) {
        LabSettings s = LabSettings.defaults().withHidden(5, 3);
        Split split = s.split();
        double[][] x = split.train().x();
        int[] y = split.train().y();
        double[][] drawn = new double[x.length + extra][];
        int[] labels = new int[y.length + extra];
        System.arraycopy(x, 0, drawn, 0, x.length);
        System.arraycopy(y, 0, labels, 0, y.length);
        Random r = new Random(extra);
        for (int k = x.length; k < drawn.length; k++) {
            drawn[k] = new double[] {r.nextDouble() * 3 - 1, r.nextDouble() * 2 - 0.5};
            labels[k] = r.nextInt(2);
        }
        Dataset train = new Dataset(drawn, labels, 2);
        Network net = s.initialNetwork(2);
        Trainer t = new Trainer(net, split.train().x(), split.train().y(), s.trainingOptions());
        TrainingHistory h = new TrainingHistory();
        for (long e = 0; e < epochs; e++) {
            double loss = t.epoch(true);
            h.add(e, loss, e % 2 == 0 ? loss * 1.1 : Double.NaN, 0.5 + e * 1e-3, Double.NaN);
        }
        return new Workspace(s, train, split.test(), net, h, epochs);
    }

    @Test
    void aSavedWorkspaceOpensWithTheSamePredictionsDataAndHistory() throws Exception {
        Workspace w = workspace(7, 120);
        Path file = dir.resolve("lab.blab");
        WorkspaceFiles.write(file, w);
        Workspace back = WorkspaceFiles.read(file);
        assertEquals(w.settings(), back.settings());
        assertEquals(w.train(), back.train());
        assertEquals(w.test(), back.test());
        assertEquals(167, back.train().size(), "160 generated and 7 drawn points");
        assertEquals(120, back.epoch());
        assertEquals(0.0, w.network().maxAbsDifference(back.network()), "weights read back bit for bit");
        double[][] grid = {{-1, -1}, {0, 0.5}, {1, 0}, {2, 1}};
        assertArrayEquals(w.network().predict(grid)[2], back.network().predict(grid)[2]);
        List<TrainingHistory.Row> rows = w.history().rows();
        List<TrainingHistory.Row> rowsBack = back.history().rows();
        assertEquals(rows.size(), rowsBack.size());
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(rows.get(k), rowsBack.get(k), "row " + k);
        }
        assertTrue(Double.isNaN(rowsBack.get(1).testLoss()), "unknown figures stay unknown");
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePreviousFileIntact() throws Exception {
        Path file = dir.resolve("lab.blab");
        Workspace before = workspace(0, 10);
        WorkspaceFiles.write(file, before);
        byte[] saved = Files.readAllBytes(file);
        Workspace bigger = workspace(5000, 20);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file,
                out -> WorkspaceFiles.write(new FailingAfter(out, saved.length / 2), bigger)));
        assertEquals(file + ": disk full (simulated)", e.getMessage());
        assertArrayEquals(saved, Files.readAllBytes(file));
        assertEquals(10, WorkspaceFiles.read(file).epoch());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
    }

    @Test
    void killingTheSavingProcessNeverLeavesAHalfWrittenFile() throws Exception {
        Path file = dir.resolve("autosave.blab");
        int points = 40_000;
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Random random = new Random(8);
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(java.toString(), "-cp", cp, WorkspaceSaveLoop.class.getName(),
                    file.toString(), Integer.toString(points)).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assertTrue(line != null && line.startsWith("saved"), "the saving process printed: " + line);
                Thread.sleep(random.nextInt(400));
            } finally {
                p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            }
            Workspace w = WorkspaceFiles.read(file);
            assertEquals(160 + points, w.train().size(), "round " + round);
            assertTrue(w.epoch() >= 1);
        }
    }

    @Test
    void eachKindOfMistakeIsRefusedWithItsPlace() throws Exception {
        Path file = dir.resolve("lab.blab");
        WorkspaceFiles.write(file, workspace(0, 3));
        String good = Files.readString(file);

        refused(file, good.replaceFirst("\\[([-0-9.E]+),([-0-9.E]+),1\\]", "[$1,$2,7]"),
                "data.train\\[\\d+\\]: label 7 is outside 0..1 \\(data.classes is 2\\)");
        refused(file, good.replaceFirst("\"test\":\\[\\s*\\[([-0-9.E]+),", "\"test\":[[\"x\","),
                "data.test\\[0\\]\\[0\\]: expected a number, found the string \"x\"");
        refused(file, good.replace("\"learning_rate\":0.5", "\"learning_rate\":-2"),
                "settings: learning rate must be a number above 0 and at most 100.0, got -2.0");
        String partly = "cannot be restored in full: ";
        refused(file, good.replace("\"layers\":[2,5,3,1]", "\"layers\":[2,5,4,1]"), partly
                + "the network was left out \\(network: weights\\[1\\]\\[0\\] has 3 values, expected 4\\); .*");
        refused(file, good.replace("\"hidden\":[5,3]", "\"hidden\":[5,4]"), partly
                + "the network was left out \\(the network is 2-5-3-1 tanh/sigmoid binary_cross_entropy but the settings "
                + "and the data's classes describe 2-5-4-1 tanh/sigmoid binary_cross_entropy\\); .*");
        refused(file, good.replace("boundary-lab-workspace/1", "boundary-lab-workspace/9"), partly
                + "the file is format 9, from a newer Boundary Lab; it was read as format 1");
        refused(file, good.replace("boundary-lab-workspace/1", "boundary-lab-notes/1"),
                "format is \"boundary-lab-notes/1\", expected \"boundary-lab-workspace/1\"");
        refused(file, good.substring(0, good.length() / 2), "not valid JSON \\(line \\d+, column \\d+\\): .*");
        refused(file, good.replace("\"epoch\":3", "\"epoch\":\"three\""),
                "epoch: expected a whole number, found the string \"three\"");
        refused(file, good.replaceFirst("\"rows\":\\[\\s*\\[0,", "\"rows\":[[2,"), partly
                + "the loss history was left out \\(history.rows\\[1\\]\\[0\\]: epoch 1 does not follow 2\\); .*");
        refused(file, good.replaceFirst("\"rows\":\\[\\s*\\[0,", "\"rows\":[[5,"), partly
                + "the loss history was left out \\(history.rows\\[0\\]\\[0\\]: epoch 5 is after the network's epoch 3\\); .*");
        refused(file, good.replace("\"epoch\":3", "\"epoch\":9223372036854775807"),
                "epoch: 9223372036854775807 is outside 0..1000000000000");
        Files.write(file, new byte[0]);
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFiles.read(file));
        assertEquals(file + ": the file is empty", e.getMessage());
    }

    private static void refused(Path file, String content, String messagePattern) throws IOException {
        Files.writeString(file, content);
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFiles.read(file));
        String expected = java.util.regex.Pattern.quote(file + ": ") + "(" + messagePattern + ")";
        assertTrue(e.getMessage().matches(expected), "message was: " + e.getMessage());
    }

    @Test
    void mergedStretchesOfALongHistoryComeBackAsTheSameBands() throws Exception {
        Workspace w = workspace(0, 10);
        TrainingHistory h = new TrainingHistory(8);
        for (long e = 0; e <= 10; e++) {
            h.add(e, e % 2 == 0 ? 0.1 : 0.9, 0.5, Double.NaN, 0.5 + e / 100.0);
        }
        Workspace long_ = new Workspace(w.settings(), w.train(), w.test(), w.network(), h, 10);
        Path file = dir.resolve("bands.blab");
        WorkspaceFiles.write(file, long_);
        List<TrainingHistory.Entry> back = WorkspaceFiles.read(file).history().entries();
        assertEquals(h.entries(), back);
        assertTrue(back.stream().anyMatch(e -> !e.isExact()), "some stretches are merged");
    }

    @Test
    void theExtensionIsAddedWhenMissing() {
        assertEquals(Path.of("a", "lab.blab"), WorkspaceFiles.withExtension(Path.of("a", "lab")));
        assertEquals(Path.of("lab.BLAB"), WorkspaceFiles.withExtension(Path.of("lab.BLAB")));
    }

    /** Passes bytes through until a limit, then fails as a full disk would. */
    private static final class FailingAfter extends FilterOutputStream {
        private long left;

        FailingAfter(OutputStream out, long limit) {
            super(out);
            left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("disk full (simulated)");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int k = 0; k < len; k++) {
                write(b[off + k]);
            }
        }
    }
}
