package org.boundarylab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.boundarylab.metrics.TrainingHistory;
import org.junit.jupiter.api.Test;

class LossPlotTest {
    /** {@code n} rows ten epochs apart with a falling train loss and the given test loss. */
    private static List<TrainingHistory.Entry> falling(int n) {
        TrainingHistory h = new TrainingHistory(Math.max(4, n));
        for (int i = 0; i < n; i++) {
            h.add(i * 10L, 1.0 / (1 + i), 1.0 / (1 + i), 0.5, 0.5);
        }
        return h.entries();
    }

    private static List<TrainingHistory.Entry> losses(double[] train, double[] test) {
        TrainingHistory h = new TrainingHistory(Math.max(4, train.length));
        for (int i = 0; i < train.length; i++) {
            h.add(i, train[i], test[i], Double.NaN, Double.NaN);
        }
        return h.entries();
    }

    @Test
    void aLongHistoryIsGatheredIntoColumnsThatKeepItsEnds() {
        int n = 1999;
        LossPlot p = LossPlot.of(falling(n), false, false, 400);
        assertTrue(p.size() <= 400, "columns: " + p.size());
        assertEquals(1.0, p.trainHigh(0), "the first column holds the first epoch's loss");
        assertEquals(1.0 / n, p.trainLow(p.size() - 1), 1e-15, "the last column holds the last loss");
        assertEquals(10.0 * (n - 1), p.xMax());
    }

    @Test
    void aFewEpochsAreDrawnExactlyWhereTheyHappened() {
        LossPlot p = LossPlot.of(falling(6), false, false, 400);
        assertEquals(6, p.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(10.0 * i, p.x(i), 1e-9);
            assertEquals(p.trainLow(i), p.trainHigh(i), "one epoch: no band");
        }
    }

    @Test
    void aJumpyStretchIsDrawnAsTheRangeItTook() {
        double[] train = new double[4000];
        double[] test = new double[4000];
        for (int i = 0; i < train.length; i++) {
            train[i] = i % 2 == 0 ? 0.2 : 0.8;
            test[i] = 0.5;
        }
        LossPlot p = LossPlot.of(losses(train, test), false, false, 200);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(0.2, p.trainLow(i));
            assertEquals(0.8, p.trainHigh(i));
        }
    }

    @Test
    void mergedBandsKeepTheirRangeOnTheChart() {
        TrainingHistory h = new TrainingHistory(8);
        for (int e = 0; e < 100; e++) {
            h.add(e, e % 2 == 0 ? 0.1 : 0.9, 0.5, 0.5, 0.5);
        }
        LossPlot p = LossPlot.of(h.entries(), false, false, 400);
        assertEquals(0.1, p.trainLow(0));
        assertEquals(0.9, p.trainHigh(0), "the oldest, merged stretch shows both levels");
    }

    @Test
    void logScaleAndMissingTestLosses() {
        double[] train = {1, 0.1, 0.01};
        double[] test = {Double.NaN, Double.NaN, Double.NaN};
        LossPlot linear = LossPlot.of(losses(train, test), false, false, 400);
        assertEquals(0, linear.yMin());
        assertTrue(Double.isNaN(linear.testLow(0)));
        LossPlot log = LossPlot.of(losses(train, test), true, false, 400);
        assertEquals(-2, log.trainLow(2), 1e-12);
        assertEquals("loss (log scale)", log.yAxisLabel());
        assertNull(log.best(), "no test loss: no early-stopping mark");
    }

    @Test
    void logLossTicksAreReadableAndNeverRepeat() {
        double[][] ranges = {{2, 0.05}, {0.7, 0.3}, {0.7, 0.68}, {5, 1e-6}, {1e3, 1e-12}, {0.36, 0.35}};
        for (double[] r : ranges) {
            LossPlot p = LossPlot.of(losses(new double[] {r[0], r[1]}, new double[] {r[0], r[1]}), true, false, 400);
            for (int count = 2; count <= 12; count++) {
                List<String> labels = p.yTicks(count).stream().map(LossPlot.Tick::label).collect(Collectors.toList());
                assertEquals(labels.size(), new HashSet<>(labels).size(), "repeated label in " + labels);
                assertTrue(labels.size() >= 2, "at least two ticks for " + r[0] + "-" + r[1] + ": " + labels);
                assertTrue(labels.size() <= count + 8, "not crowded: " + labels);
            }
        }
        LossPlot p = LossPlot.of(losses(new double[] {1.5, 0.06}, new double[] {1.5, 0.06}), true, false, 400);
        assertEquals(List.of("0.1", "0.2", "0.5", "1"),
                p.yTicks(5).stream().map(LossPlot.Tick::label).collect(Collectors.toList()));
    }

    @Test
    void aLogEpochAxisGivesTheFirstEpochsRoom() {
        List<TrainingHistory.Entry> run = new ArrayList<>();
        TrainingHistory h = new TrainingHistory();
        for (int e = 0; e <= 20_000; e++) {
            h.add(e, 1.0 / (1 + e), 1.0 / (1 + e), 0.5, 0.5);
        }
        run.addAll(h.entries());
        LossPlot log = LossPlot.of(run, false, true, 400);
        assertEquals("epoch (log scale)", log.xAxisLabel());
        // the first hundred epochs take about half the axis instead of half a percent
        assertTrue(log.xOf(100) / log.xMax() > 0.45);
        List<String> labels = log.xTicks(6).stream().map(LossPlot.Tick::label).collect(Collectors.toList());
        assertEquals(List.of("0", "1", "10", "100", "1k", "10k"), labels);
        LossPlot linear = LossPlot.of(run, false, false, 400);
        assertTrue(linear.xOf(100) / linear.xMax() < 0.01);
    }

    @Test
    void theLowestTestLossIsMarkedWithItsAccuracies() {
        TrainingHistory h = new TrainingHistory();
        double[] test = {0.9, 0.4, 0.3, 0.35, 0.5};
        for (int e = 0; e < test.length; e++) {
            h.add(e, 1.0 / (e + 1), test[e], 0.6 + e * 0.1, 0.8);
        }
        LossPlot.Best best = LossPlot.of(h.entries(), false, false, 400).best();
        assertEquals(2, best.epoch());
        assertEquals(0.8, best.trainAccuracy(), 1e-12);
        assertNull(LossPlot.of(falling(20), false, false, 400).best(),
                "a test loss still falling has no early-stopping epoch yet");
    }

    @Test
    void labels() {
        assertEquals("850", LossPlot.epochLabel(850));
        assertEquals("1.5k", LossPlot.epochLabel(1500));
        assertEquals("250k", LossPlot.epochLabel(250_000));
        assertEquals("1.2M", LossPlot.epochLabel(1_200_000));
        assertEquals("0.25", LossPlot.trim(0.25));
        assertEquals("0", LossPlot.trim(-0.0001));
        assertEquals("10", LossPlot.trim(10));
        List<String> x = LossPlot.of(falling(101), false, false, 400)
                .xTicks(4).stream().map(LossPlot.Tick::label).collect(Collectors.toList());
        assertEquals(List.of("0", "500", "1k"), x);
        // at epoch 0 or 1 the axis runs 0 to 1: no tick between two epochs
        List<String> first = LossPlot.of(falling(1), false, false, 400)
                .xTicks(4).stream().map(LossPlot.Tick::label).collect(Collectors.toList());
        assertEquals(List.of("0", "1"), first);
    }
}
