package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Split;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Network;
import org.boundarylab.training.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loss curve the lab draws is what happened: the logistic-regression lesson played at full
 * speed logs every one of its 2,000 epochs, each with the figures the command line's
 * {@code train --loss-log --log-every 1} writes for the same run.
 */
class LabHistoryMatchesLossLogTest {
    @TempDir
    Path dir;

    @Test
    void theLessonsHistoryHasEveryEpochWithTheCommandLinesFigures() throws Exception {
        check(BuiltInLessons.byId("logistic-regression").settings(), "gd");
    }

    @Test
    void aMiniBatchRunToo() throws Exception {
        LabSettings s = LabSettings.defaults().toBuilder().hidden(5, 3).optimizer(org.boundarylab.nn.Optimizer.Kind.SGD)
                .batchSize(32).learningRate(0.2).epochs(300).build();
        check(s, "sgd");
    }

    private void check(LabSettings s, String optimizer) throws Exception {
        Split split = s.split();
        Network start = s.initialNetwork(split.train().classes());

        ExecutorService pool = Executors.newSingleThreadExecutor();
        TrainingHistory history;
        try (TrainingSession session = new TrainingSession(start.copy(), split.train().x(), split.train().y(),
                split.test().x(), split.test().y(), s.trainingOptions(), pool)) {
            session.setStopAtEpoch(s.epochs());
            session.play();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((session.isPlaying() || session.latest() == null || session.latest().epoch() < s.epochs())
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(s.epochs(), session.latest().epoch());
            history = session.history();
        } finally {
            pool.shutdownNow();
        }
        List<TrainingHistory.Row> rows = history.rows();
        assertEquals(s.epochs() + 1, rows.size(), "a row for every epoch, 0 to the last");

        Path model = dir.resolve("start.json");
        ModelFiles.write(model, start, Map.of());
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        CsvDatasets.write(split.train(), train);
        CsvDatasets.write(split.test(), test);
        Path log = dir.resolve("loss.csv");
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", model.toString(), "--data",
                train.toString(), "--test", test.toString(), "--epochs", Long.toString(s.epochs() + 1),
                "--learning-rate", Double.toString(s.learningRate()), "--optimizer", optimizer, "--loss-log",
                log.toString(), "--log-every", "1", "--seed", Long.toString(s.weightSeed()),
                "--out", dir.resolve("out.json").toString()));
        if (s.batchSize() > 0) {
            args.addAll(List.of("--batch-size", Integer.toString(s.batchSize())));
        }
        CliRun.of(args.toArray(String[]::new)).ok();
        List<String> lines = Files.readAllLines(log);
        assertEquals("epoch,train_loss,test_loss,train_accuracy,test_accuracy", lines.get(0));
        assertEquals(rows.size(), lines.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            TrainingHistory.Row r = rows.get(i);
            assertEquals(Long.parseLong(f[0]), r.epoch());
            close(Double.parseDouble(f[1]), r.trainLoss(), "train loss at epoch " + r.epoch());
            close(Double.parseDouble(f[2]), r.testLoss(), "test loss at epoch " + r.epoch());
            assertEquals(Double.parseDouble(f[3]), r.trainAccuracy(), 0.0, "train accuracy at epoch " + r.epoch());
            assertEquals(Double.parseDouble(f[4]), r.testAccuracy(), 0.0, "test accuracy at epoch " + r.epoch());
        }
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.abs(expected), what + ": " + expected + " vs " + actual);
    }
}
