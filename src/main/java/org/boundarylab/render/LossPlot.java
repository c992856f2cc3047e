package org.boundarylab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the loss chart shows, worked out without the toolkit: the train and test curves thinned
 * to at most a few hundred points, their ranges, and the axes' ticks with their labels. In log
 * scale the curves hold log10 of the loss and the labels name the loss itself; the linear scale
 * starts at zero, because a loss never goes below it.
 *
 * <p>A missing value (a run without a test share, a loss that left the doubles, zero in log
 * scale) is NaN here, and the chart lifts the pen over it rather than joining its neighbours.
 */
public final class LossPlot {
    /** A tick on an axis: where it is (in the plotted unit) and what it says. */
    public record Tick(double value, String label) {
    }

    private final double[] epochs;
    private final double[] train;
    private final double[] test;
    private final boolean log;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    private LossPlot(double[] epochs, double[] train, double[] test, boolean log) {
        this.epochs = epochs;
        this.train = train;
        this.test = test;
        this.log = log;
        double lastEpoch = epochs.length == 0 ? 0 : epochs[epochs.length - 1];
        this.xMax = Math.max(1, lastEpoch);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] curve : new double[][] {train, test}) {
            for (double v : curve) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo)) {
            // nothing to show yet: an empty frame with a sensible scale
            lo = log ? -1 : 0;
            hi = log ? 0 : 1;
        }
        if (!log) {
            lo = 0;
        }
        if (hi - lo < 1e-9) {
            // a flat curve still gets a band around it, so it is not drawn on the frame's edge
            double pad = Math.max(Math.abs(hi) * 0.1, log ? 0.5 : 1e-3);
            hi += pad;
            lo = log ? lo - pad : Math.max(0, lo - pad);
        }
        // a little headroom, so the highest point (and in log scale the lowest) is not on the frame
        double room = 0.05 * (hi - lo);
        this.yMin = log ? lo - room : lo;
        this.yMax = hi + room;
    }

    public static LossPlot empty(boolean log) {
        return new LossPlot(new double[0], new double[0], new double[0], log);
    }

    /**
     * The curves of {@code epochs}/{@code train}/{@code test} (oldest first), keeping every
     * {@code stride}-th point so at most {@code maxPoints} remain, and always the last one.
     */
    public static LossPlot of(long[] epochs, double[] train, double[] test, boolean log, int maxPoints) {
        int n = epochs.length;
        int stride = Math.max(1, (n + maxPoints - 1) / Math.max(1, maxPoints));
        int kept = n == 0 ? 0 : (n - 1) / stride + 1 + ((n - 1) % stride != 0 ? 1 : 0);
        double[] e = new double[kept];
        double[] tr = new double[kept];
        double[] te = new double[kept];
        int j = 0;
        for (int k = 0; k < n; k += stride) {
            e[j] = epochs[k];
            tr[j] = plotted(train[k], log);
            te[j] = plotted(test[k], log);
            j++;
        }
        if (j < kept) {
            e[j] = epochs[n - 1];
            tr[j] = plotted(train[n - 1], log);
            te[j] = plotted(test[n - 1], log);
        }
        return new LossPlot(e, tr, te, log);
    }

    private static double plotted(double loss, boolean log) {
        if (!Double.isFinite(loss) || (log && loss <= 0)) {
            return Double.NaN;
        }
        return log ? Math.log10(loss) : loss;
    }

    public boolean log() {
        return log;
    }

    public int size() {
        return epochs.length;
    }

    public double epoch(int i) {
        return epochs[i];
    }

    /** The plotted train value of point {@code i} (log10 of the loss in log scale; NaN if missing). */
    public double train(int i) {
        return train[i];
    }

    public double test(int i) {
        return test[i];
    }

    public double xMax() {
        return xMax;
    }

    public double yMin() {
        return yMin;
    }

    public double yMax() {
        return yMax;
    }

    public String yAxisLabel() {
        return log ? "loss (log scale)" : "loss";
    }

    /**
     * About {@code count} epoch ticks from 0 to the last epoch, labelled short (2k, 1.5M); whole
     * epochs only, so the first epochs' axis (0 to 1) shows 0 and 1, not a half epoch labelled 0.
     */
    public List<Tick> xTicks(int count) {
        List<Tick> ticks = new ArrayList<>();
        for (double v : AxisTicks.nice(0, xMax, Math.max(1, count))) {
            if (v == Math.rint(v)) {
                ticks.add(new Tick(v, epochLabel(v)));
            }
        }
        return ticks;
    }

    /** About {@code count} loss ticks; in log scale labelled with the loss (0.01, 1e-04). */
    public List<Tick> yTicks(int count) {
        List<Tick> ticks = new ArrayList<>();
        for (double v : AxisTicks.nice(yMin, yMax, Math.max(1, count))) {
            ticks.add(new Tick(v, log ? powerLabel(v) : trim(v)));
        }
        return ticks;
    }

    public static String epochLabel(double v) {
        double a = Math.abs(v);
        if (a < 1000) {
            return trim(Math.rint(v));
        }
        if (a < 1_000_000) {
            return trim(Math.round(v / 100) / 10.0) + "k";
        }
        return trim(Math.round(v / 100_000) / 10.0) + "M";
    }

    public static String powerLabel(double log10) {
        double v = Math.pow(10, log10);
        return v >= 0.01 && v < 1000 ? trim(v) : String.format(Locale.ROOT, "%.0e", v);
    }

    /** At most three decimals, no trailing zeros. */
    public static String trim(double v) {
        return AxisTicks.label(v);
    }
}
