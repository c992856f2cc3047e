package org.boundarylab.training.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.TrainingOptions;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {
    private static final Dataset TRAIN = Generators.moons(100, 0.2, 1);
    private static final Dataset TEST = Generators.moons(100, 0.2, 2);

    private static SweepSpec smallWidthSweep(int epochs) {
        return SweepSpec.widths(new double[] {1, 3, 8}, 3, epochs, RunSettings.tutorial001());
    }

    private static String csvWithoutSeconds(List<SweepResult> results) {
        // the seconds column (the eighth) varies from run to run; every other column must not
        return SweepCsv.format(results).lines()
                .map(line -> {
                    String[] cells = line.split(",", -1);
                    cells[7] = "";
                    return String.join(",", cells);
                })
                .collect(Collectors.joining("\n"));
    }

    private static List<SweepResult> run(SweepSpec spec, int threads) throws Exception {
        ExecutorService pool = SweepRunner.newPool(threads);
        try {
            return new SweepRunner(spec, TRAIN, TEST, pool).start(null).completion().get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void csvIsTheSameAtOneAndTwoThreads() throws Exception {
        SweepSpec spec = smallWidthSweep(300);
        String one = csvWithoutSeconds(run(spec, 1));
        String two = csvWithoutSeconds(run(spec, 2));
        assertEquals(one, two);
        assertEquals(1 + 9, one.lines().count());
        assertTrue(one.startsWith("setting,seed,train_loss,test_loss,train_accuracy,test_accuracy,epochs"));
        // rows in setting/seed order, seeds base+index
        List<String> rows = one.lines().skip(1).toList();
        assertTrue(rows.get(0).startsWith("1,0,"), rows.get(0));
        assertTrue(rows.get(2).startsWith("1,2,"), rows.get(2));
        assertTrue(rows.get(8).startsWith("8,2,"), rows.get(8));
        // different seeds really give different runs
        assertNotEquals(rows.get(3).substring(4), rows.get(4).substring(4));
    }

    @Test
    void sweepOverL2AndSizeVaryWhatTheySay() throws Exception {
        RunSettings base = RunSettings.tutorial001();
        SweepSpec l2 = new SweepSpec(SweepKind.L2, new double[] {0, 0.1}, 1, 1, 500, base);
        List<SweepResult> r = run(l2, 2);
        // a strong penalty keeps weights small, so the penalty-free training loss is worse
        assertTrue(r.get(1).trainLoss() > r.get(0).trainLoss(), r.toString());

        SweepSpec size = new SweepSpec(SweepKind.TRAIN_SIZE, new double[] {10, 100}, 1, 1, 10, base);
        List<SweepResult> s = run(size, 2);
        assertEquals("10", s.get(0).settingLabel());
        assertEquals(2, s.size());
        assertThrows(IllegalArgumentException.class, () -> new SweepRunner(
                new SweepSpec(SweepKind.TRAIN_SIZE, new double[] {1000}, 1, 1, 10, base), TRAIN, TEST,
                SweepRunner.newPool(1)));
    }

    @Test
    void onlyTheFirstSeedKeepsItsNetwork() throws Exception {
        List<SweepResult> r = run(smallWidthSweep(10), 2);
        for (SweepResult x : r) {
            if (x.seedIndex() == 0) {
                assertNotNull(x.network());
                assertEquals(x.setting(), x.network().architecture().width(1));
            } else {
                assertNull(x.network());
            }
        }
    }

    @Test
    void cancelStopsRunningWorkAndLeavesNoTaskRunning() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        // each run would take minutes: only cancelling can end them in time
        SweepSpec spec = SweepSpec.widths(new double[] {50, 40, 30}, 5, 5_000_000, RunSettings.tutorial001());
        SweepRunner runner = new SweepRunner(spec, TRAIN, TEST, pool).start(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runner.progress().fraction() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(runner.progress().fraction() > 0, "training started");
        runner.cancel();
        assertTrue(pool.getQueue().isEmpty(), "queued runs were taken off the queue");
        List<SweepResult> kept = runner.completion().get(10, TimeUnit.SECONDS);
        assertTrue(kept.isEmpty());
        assertTrue(runner.awaitIdle(10, TimeUnit.SECONDS), "every task returned or was dequeued");
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "no run still training after cancel");
        assertEquals(0, pool.getActiveCount());
    }

    @Test
    void cancelKeepsWhatFinished() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        SweepSpec spec = smallWidthSweep(200);
        List<SweepResult> heard = Collections.synchronizedList(new ArrayList<>());
        boolean[] finishedCancelled = new boolean[1];
        SweepRunner[] runner = new SweepRunner[1];
        // assigned before it starts: the first run may finish before start() returns
        runner[0] = new SweepRunner(spec, TRAIN, TEST, pool);
        runner[0].start(new SweepListener() {
            @Override
            public void runFinished(SweepResult result, SweepProgress progress) {
                heard.add(result);
                runner[0].cancel();
            }

            @Override
            public void sweepFinished(List<SweepResult> results, boolean cancelled) {
                finishedCancelled[0] = cancelled;
            }
        });
        List<SweepResult> kept = runner[0].completion().get(30, TimeUnit.SECONDS);
        assertEquals(1, kept.size());
        assertEquals(heard, kept);
        // the biggest run goes first
        assertEquals(8, kept.get(0).setting());
        assertTrue(finishedCancelled[0]);
        assertTrue(runner[0].isCancelled());
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void progressReachesOneAndListenerHearsEveryRun() throws Exception {
        ExecutorService pool = SweepRunner.newPool(2);
        List<SweepResult> heard = Collections.synchronizedList(new ArrayList<>());
        SweepRunner runner = new SweepRunner(smallWidthSweep(100), TRAIN, TEST, pool)
                .start((r, p) -> heard.add(r));
        List<SweepResult> all = runner.completion().get(30, TimeUnit.SECONDS);
        pool.shutdownNow();
        assertEquals(9, heard.size());
        assertEquals(9, all.size());
        assertEquals(1.0, runner.progress().fraction());
        assertEquals(0.0, runner.progress().remainingSeconds());
        assertFalse(runner.isCancelled());
        assertThrows(IllegalStateException.class, () -> runner.start(null));
    }

    @Test
    void threeClassesGetThreeOutputsAndAThumbnailEach() throws Exception {
        Dataset blobs = Generators.gaussian(90, 3, 0.3, 4);
        Dataset blobsTest = Generators.gaussian(60, 3, 0.3, 5);
        RunSettings sigmoid = new RunSettings(new int[0], Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY, Initializer.GLOROT, TrainingOptions.gradientDescent(0.5, 0), 0);
        SweepSpec spec = SweepSpec.widths(new double[] {2, 6}, 1, 300, sigmoid);
        ExecutorService pool = SweepRunner.newPool(2);
        try {
            List<SweepResult> r = new SweepRunner(spec, blobs, blobsTest, pool).start(null)
                    .completion().get(30, TimeUnit.SECONDS);
            assertEquals(3, r.get(0).network().architecture().outputs());
            assertTrue(r.get(1).trainAccuracy() > 0.6, r.toString());
            java.awt.image.BufferedImage grid = SweepPictures.grid(spec, r, blobs, blobsTest);
            assertTrue(grid.getWidth() >= 2 * SweepPictures.THUMBNAIL);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDivergingRunStopsEarlyAndShowsNan() throws Exception {
        // a linear output under squared error with a huge step grows the weights without bound
        RunSettings wild = new RunSettings(new int[0], Activation.RELU, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR,
                Initializer.HE, TrainingOptions.gradientDescent(50, 0), 0);
        SweepSpec spec = SweepSpec.widths(new double[] {20}, 1, 5000, wild);
        List<SweepResult> r = run(spec, 1);
        SweepResult only = r.get(0);
        assertTrue(only.diverged());
        assertTrue(only.epochs() < 5000, "stopped at " + only.epochs());
        String row = SweepCsv.format(r).lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.contains("nan") && row.endsWith(",true"), row);
        assertTrue(SweepCsv.format(r).startsWith(SweepCsv.HEADER + "\n") && SweepCsv.HEADER.endsWith(",diverged"));
        assertTrue(SweepPictures.caption(spec, only).endsWith("diverged"), SweepPictures.caption(spec, only));
        SettingStats stats = SweepSummary.of(r).settings().get(0);
        assertTrue(stats.allDiverged());
        assertTrue(Double.isNaN(stats.meanTrainLoss()) && Double.isNaN(stats.stdTrainLoss()));
        assertTrue(SweepSummary.of(r).bestTest().isEmpty(), "a diverged run is never the best");
    }

    @Test
    void divergedRunsAreCountedApartAndNeverBest() {
        SweepResult inf = new SweepResult(1, 5, "5", 1, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                1.0, 1.0, 10, 0.1, true, null);
        List<SweepResult> rs = List.of(
                result(0, 1, 0, 0.8, 0.7), result(0, 1, 1, 0.9, 0.8),
                result(1, 5, 0, 1.0, 0.95), inf);
        SweepSummary s = SweepSummary.of(rs);
        SettingStats five = s.settings().get(1);
        assertEquals(2, five.runs());
        assertEquals(1, five.diverged());
        assertEquals(0.05, five.meanTestLoss(), 1e-12, "the diverged run's infinite loss is left out");
        assertEquals(0.0, five.stdTestLoss());
        assertEquals(1.0, s.bestTest().orElseThrow().setting(), "a setting with a diverged run is not the best");
        assertTrue(SweepCsv.format(rs).contains(",Infinity,") || SweepCsv.format(rs).contains(",inf,"));
    }

    @Test
    void remainingTimeReadsAsMinutesAndSeconds() {
        assertEquals("", SweepProgress.start(35).remainingText());
        assertEquals("12 s left", new SweepProgress(3, 35, 0.5, 12, 12.2).remainingText());
        assertEquals("1 min 05 s left", new SweepProgress(3, 35, 0.5, 65, 65).remainingText());
        assertEquals("2 h 03 min left", new SweepProgress(3, 35, 0.01, 74, 7380).remainingText());
    }

    @Test
    void specRefusesBadValuesWithAMessage() {
        RunSettings base = RunSettings.tutorial001();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.widths(new double[] {1, 2.5}, 5, 10, base));
        assertTrue(e.getMessage().contains("value 2 (2.5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parseValues("1,,3"));
        assertTrue(e.getMessage().contains("value 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parseValues("1,x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec(SweepKind.HIDDEN_WIDTH,
                new double[] {3}, 4, 5, 10, base));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.widths(new double[] {3, 3}, 5, 10, base));
        assertEquals("0.00005", SweepSpec.format(5e-5));
        assertEquals(new TrainingOptions(base.training().optimizer(), 2.0, base.training().regularization(), 0, 3),
                SweepSpec.widths(new double[] {3}, 5, 10, base.withBaseSeed(1)).trainingFor(0, 2));
    }

    @Test
    void summaryGivesMeanStdAndBestTestSetting() {
        List<SweepResult> rs = List.of(
                result(0, 1, 0, 0.8, 0.7), result(0, 1, 1, 0.9, 0.8),
                result(1, 5, 0, 1.0, 0.9), result(1, 5, 1, 1.0, 0.9));
        SweepSummary s = SweepSummary.of(rs);
        assertEquals(2, s.settings().size());
        assertEquals(0.85, s.settings().get(0).meanTrainAccuracy(), 1e-12);
        assertEquals(Math.sqrt(0.005), s.settings().get(0).stdTrainAccuracy(), 1e-12);
        assertEquals(0.0, s.settings().get(1).stdTestAccuracy());
        assertEquals(5.0, s.bestTest().orElseThrow().setting());
    }

    private static SweepResult result(int index, double setting, int seed, double trainAcc, double testAcc) {
        return new SweepResult(index, setting, SweepSpec.format(setting), seed, seed, 1 - trainAcc, 1 - testAcc,
                trainAcc, testAcc, 10, 0.1, false, null);
    }
}
