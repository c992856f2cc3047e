package org.boundarylab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LossPlotTest {
    private static long[] epochs(int n) {
        long[] e = new long[n];
        for (int i = 0; i < n; i++) {
            e[i] = i * 10L;
        }
        return e;
    }

    private static double[] falling(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 / (1 + i);
        }
        return v;
    }

    @Test
    void aLongHistoryIsThinnedButKeepsItsEnds() {
        int n = 1999;
        LossPlot p = LossPlot.of(epochs(n), falling(n), falling(n), false, 400);
        assertTrue(p.size() <= 401, "at most the limit and the last point: " + p.size());
        assertTrue(p.size() >= 390, "not thinned more than needed: " + p.size());
        assertEquals(0, p.epoch(0));
        assertEquals(1.0, p.train(0));
        assertEquals((n - 1) * 10.0, p.epoch(p.size() - 1), "the newest point is always shown");
        assertEquals(1.0 / n, p.train(p.size() - 1), 1e-15);
        assertEquals((n - 1) * 10.0, p.xMax());
    }

    @Test
    void aShortHistoryIsKeptWhole() {
        LossPlot p = LossPlot.of(epochs(6), falling(6), falling(6), false, 400);
        assertEquals(6, p.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(1.0 / (1 + i), p.train(i));
        }
    }

    @Test
    void theLinearScaleStartsAtZeroAndTheLogScalePlotsPowers() {
        double[] train = {2.0, 0.5, 0.01};
        double[] test = {3.0, 0.6, 0.02};
        long[] e = {0, 1, 2};
        LossPlot linear = LossPlot.of(e, train, test, false, 400);
        assertEquals(0, linear.yMin());
        assertEquals(3.0 * 1.05, linear.yMax(), 1e-12, "with a little headroom");
        assertEquals("loss", linear.yAxisLabel());
        LossPlot log = LossPlot.of(e, train, test, true, 400);
        double decades = Math.log10(3.0) - Math.log10(0.01);
        assertEquals(Math.log10(0.01) - 0.05 * decades, log.yMin(), 1e-12);
        assertEquals(Math.log10(3.0) + 0.05 * decades, log.yMax(), 1e-12);
        assertEquals(Math.log10(0.5), log.train(1), 1e-15);
        assertEquals("loss (log scale)", log.yAxisLabel());
        List<String> labels = log.yTicks(3).stream().map(LossPlot.Tick::label).collect(Collectors.toList());
        assertEquals(List.of("0.01", "0.1", "1"), labels, "log ticks name the loss itself");
    }

    @Test
    void missingLossesAreGapsNotZeros() {
        double[] train = {1.0, Double.NaN, Double.POSITIVE_INFINITY, 0.0, 0.5};
        double[] test = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        LossPlot log = LossPlot.of(epochs(5), train, test, true, 400);
        assertTrue(Double.isNaN(log.train(1)));
        assertTrue(Double.isNaN(log.train(2)), "a diverged loss is not drawn");
        assertTrue(Double.isNaN(log.train(3)), "zero has no logarithm");
        assertTrue(Double.isNaN(log.test(0)), "a run without a test share has no test curve");
        assertTrue(log.yMin() > Math.log10(0.5) - 0.1, "the range ignores the gaps: " + log.yMin());
        LossPlot linear = LossPlot.of(epochs(5), train, test, false, 400);
        assertEquals(0.0, linear.train(3));
        assertEquals(1.05, linear.yMax(), 1e-12, "an infinite loss does not stretch the axis");
    }

    @Test
    void anEmptyOrFlatHistoryStillHasAScale() {
        LossPlot empty = LossPlot.empty(false);
        assertEquals(0, empty.size());
        assertTrue(empty.yMax() > empty.yMin());
        assertTrue(empty.xMax() > 0);
        assertTrue(!empty.xTicks(4).isEmpty() && !empty.yTicks(4).isEmpty());
        LossPlot flat = LossPlot.of(new long[] {0}, new double[] {0.7}, new double[] {0.7}, false, 400);
        assertTrue(flat.yMax() > 0.7, "a flat curve is not drawn on the frame's edge: " + flat.yMax());
        LossPlot flatLog = LossPlot.of(new long[] {0}, new double[] {0.7}, new double[] {0.7}, true, 400);
        assertTrue(flatLog.yMax() > flatLog.train(0) && flatLog.yMin() < flatLog.train(0));
    }

    @Test
    void epochTicksStayShort() {
        assertEquals("850", LossPlot.epochLabel(850));
        assertEquals("1.5k", LossPlot.epochLabel(1500));
        assertEquals("250k", LossPlot.epochLabel(250_000));
        assertEquals("1.2M", LossPlot.epochLabel(1_200_000));
        assertEquals("0.01", LossPlot.powerLabel(-2));
        assertEquals("1e-04", LossPlot.powerLabel(-4));
        assertEquals("0.25", LossPlot.trim(0.25));
        assertEquals("0", LossPlot.trim(-0.0001));
        assertEquals("10", LossPlot.trim(10));
        List<String> x = LossPlot.of(epochs(101), falling(101), falling(101), false, 400)
                .xTicks(4).stream().map(LossPlot.Tick::label).collect(Collectors.toList());
        assertEquals(List.of("0", "500", "1k"), x);
        // at epoch 0 or 1 the axis runs 0 to 1: no tick between two epochs
        List<String> first = LossPlot.of(new long[] {0}, new double[] {0.7}, new double[] {0.7}, false, 400)
                .xTicks(4).stream().map(LossPlot.Tick::label).collect(Collectors.toList());
        assertEquals(List.of("0", "1"), first);
    }
}
