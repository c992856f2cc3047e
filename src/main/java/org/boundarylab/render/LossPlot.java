package org.boundarylab.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.boundarylab.metrics.TrainingHistory;

/**
 * What the loss chart shows, worked out without the toolkit: the train and test curves of a
 * run's history, their ranges, the axes' ticks with their labels, and the epoch of the lowest
 * test loss.
 *
 * <p>The history is gathered into at most a few hundred columns across the epoch axis (more
 * than the chart has pixels). A column keeps the least and the greatest value of each curve
 * that falls in it, so a stretch where the loss jumps about (mini-batches, a merged band of an
 * old stretch) is drawn as the range it really took, and a smooth one as its line; a column
 * sits where its epochs are, so a lone logged epoch is drawn exactly where it happened.
 *
 * <p>The epoch axis is linear or logarithmic (log10 of 1 + epoch, so epoch 0 has a place and
 * the first hundred epochs of a long run are visible). In log loss scale the curves hold log10
 * of the loss and the labels name the loss itself at readable values (1, 0.5, 0.2, 0.1 ...);
 * the linear scale starts at zero, because a loss never goes below it. A missing value (a run
 * without a test share, a loss that left the doubles, zero in log scale) lifts the pen.
 */
public final class LossPlot {
    /** A tick on an axis: where it is (in the plotted unit) and what it says. */
    public record Tick(double value, String label) {
    }

    /** Where the lowest test loss was: {@code x} in the plotted unit, with that epoch's figures. */
    public record Best(long epoch, double x, double testLoss, double trainAccuracy, double testAccuracy) {
    }

    private final double[] x;
    private final double[] trainLo;
    private final double[] trainHi;
    private final double[] testLo;
    private final double[] testHi;
    private final boolean log;
    private final boolean logEpochs;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final Best best;

    private LossPlot(double[] x, double[][] train, double[][] test, boolean log, boolean logEpochs, double xMax,
                     Best best) {
        this.x = x;
        this.trainLo = train[0];
        this.trainHi = train[1];
        this.testLo = test[0];
        this.testHi = test[1];
        this.log = log;
        this.logEpochs = logEpochs;
        this.xMax = xMax;
        this.best = best;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] curve : new double[][] {trainLo, trainHi, testLo, testHi}) {
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
        return new LossPlot(new double[0], new double[][] {{}, {}}, new double[][] {{}, {}}, log, false, 1, null);
    }

    /**
     * The curves of {@code entries} (oldest first, as {@link TrainingHistory#entries()} gives
     * them) gathered into at most {@code columns} columns.
     */
    public static LossPlot of(List<TrainingHistory.Entry> entries, boolean log, boolean logEpochs, int columns) {
        int n = entries.size();
        if (n == 0) {
            LossPlot e = empty(log);
            return logEpochs ? new LossPlot(e.x, new double[][] {{}, {}}, new double[][] {{}, {}}, log, true, 1, null) : e;
        }
        double xMax = Math.max(epochX(1, logEpochs), epochX(entries.get(n - 1).last(), logEpochs));
        int cols = Math.max(1, columns);
        double width = xMax / cols;
        double[] xFirst = new double[cols];
        double[] xLast = new double[cols];
        boolean[] present = new boolean[cols];
        double[][] train = nanPair(cols);
        double[][] test = nanPair(cols);
        for (TrainingHistory.Entry e : entries) {
            double x0 = epochX(e.first(), logEpochs);
            double x1 = epochX(e.last(), logEpochs);
            int c0 = column(x0, width, cols);
            int c1 = column(x1, width, cols);
            for (int c = c0; c <= c1; c++) {
                if (!present[c]) {
                    present[c] = true;
                    xFirst[c] = Math.max(x0, c * width);
                }
                xLast[c] = Math.min(x1, (c + 1) * width);
                widen(train, c, plotted(e.min().trainLoss(), log), plotted(e.max().trainLoss(), log));
                widen(test, c, plotted(e.min().testLoss(), log), plotted(e.max().testLoss(), log));
            }
        }
        int kept = 0;
        for (boolean p : present) {
            kept += p ? 1 : 0;
        }
        double[] xs = new double[kept];
        double[][] tr = new double[2][kept];
        double[][] te = new double[2][kept];
        int j = 0;
        for (int c = 0; c < cols; c++) {
            if (present[c]) {
                xs[j] = (xFirst[c] + xLast[c]) / 2;
                for (int k = 0; k < 2; k++) {
                    tr[k][j] = train[k][c];
                    te[k][j] = test[k][c];
                }
                j++;
            }
        }
        Best best = null;
        // marked once the test loss has turned up: while it still falls, the newest epoch is the
        // lowest and "stop here" would only follow the run's end around
        TrainingHistory.Row b = TrainingHistory.lowestTestLoss(entries);
        if (b != null && b.epoch() < entries.get(n - 1).last()) {
            best = new Best(b.epoch(), epochX(b.epoch(), logEpochs), b.testLoss(), b.trainAccuracy(), b.testAccuracy());
        }
        return new LossPlot(xs, tr, te, log, logEpochs, xMax, best);
    }

    /**
     * The curves of parallel arrays of epochs (increasing) and losses, as exact rows; {@code test}
     * may be null (no test data). For pictures made without a run's history (the command line).
     */
    public static LossPlot of(long[] epochs, double[] train, double[] test, boolean log, int columns) {
        TrainingHistory h = new TrainingHistory(Math.max(4, epochs.length));
        for (int i = 0; i < epochs.length; i++) {
            h.add(epochs[i], train[i], test == null ? Double.NaN : test[i], Double.NaN, Double.NaN);
        }
        return of(h.entries(), log, false, columns);
    }

    private static double[][] nanPair(int n) {
        double[][] p = new double[2][n];
        java.util.Arrays.fill(p[0], Double.NaN);
        java.util.Arrays.fill(p[1], Double.NaN);
        return p;
    }

    private static void widen(double[][] curve, int c, double lo, double hi) {
        if (!Double.isNaN(lo)) {
            curve[0][c] = Double.isNaN(curve[0][c]) ? lo : Math.min(curve[0][c], lo);
        }
        if (!Double.isNaN(hi)) {
            curve[1][c] = Double.isNaN(curve[1][c]) ? hi : Math.max(curve[1][c], hi);
        }
    }

    private static int column(double x, double width, int cols) {
        return Math.min(cols - 1, Math.max(0, (int) (x / width)));
    }

    /** Where {@code epoch} sits on the epoch axis: the epoch itself, or log10(1 + epoch). */
    public static double epochX(double epoch, boolean logEpochs) {
        return logEpochs ? Math.log10(1 + epoch) : epoch;
    }

    /** Where this plot puts {@code epoch}. */
    public double xOf(double epoch) {
        return epochX(epoch, logEpochs);
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

    public boolean logEpochs() {
        return logEpochs;
    }

    /** Columns with something in them. */
    public int size() {
        return x.length;
    }

    /** Column {@code i}'s place on the epoch axis (in the plotted unit). */
    public double x(int i) {
        return x[i];
    }

    /** The least plotted train value in column {@code i} (log10 of the loss in log scale; NaN if missing). */
    public double trainLow(int i) {
        return trainLo[i];
    }

    public double trainHigh(int i) {
        return trainHi[i];
    }

    public double testLow(int i) {
        return testLo[i];
    }

    public double testHigh(int i) {
        return testHi[i];
    }

    /** Column {@code i}'s epoch on a linear epoch axis (its place, in epochs). */
    public double epoch(int i) {
        return logEpochs ? Math.pow(10, x[i]) - 1 : x[i];
    }

    /** The middle of column {@code i}'s train range (where the chart's line runs); NaN if missing. */
    public double train(int i) {
        return (trainLo[i] + trainHi[i]) / 2;
    }

    /** The middle of column {@code i}'s test range; NaN if missing. */
    public double test(int i) {
        return (testLo[i] + testHi[i]) / 2;
    }

    /** The epoch with the lowest test loss, or null without test figures or while the newest epoch is it. */
    public Best best() {
        return best;
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

    public String xAxisLabel() {
        return logEpochs ? "epoch (log scale)" : "epoch";
    }

    /**
     * About {@code count} epoch ticks from 0 to the last epoch, labelled short (2k, 1.5M); whole
     * epochs only, so the first epochs' axis (0 to 1) shows 0 and 1, not a half epoch labelled 0.
     * In log scale: 0, 1, 10, 100 ... (with 3 and 30 ... when few decades show).
     */
    public List<Tick> xTicks(int count) {
        List<Tick> ticks = new ArrayList<>();
        if (logEpochs) {
            double last = Math.pow(10, xMax) - 1;
            ticks.add(new Tick(0, "0"));
            boolean fine = xMax < Math.max(2, count / 2.0);
            for (double decade = 1; decade <= last * (1 + 1e-9); decade *= 10) {
                ticks.add(new Tick(Math.log10(1 + decade), epochLabel(decade)));
                if (fine && 3 * decade <= last) {
                    ticks.add(new Tick(Math.log10(1 + 3 * decade), epochLabel(3 * decade)));
                }
            }
            return ticks;
        }
        for (double v : AxisTicks.nice(0, xMax, Math.max(1, count))) {
            if (v == Math.rint(v)) {
                ticks.add(new Tick(v, epochLabel(v)));
            }
        }
        return ticks;
    }

    /**
     * About {@code count} loss ticks. In log scale they sit at readable losses, 1, 2 and 5 times
     * a power of ten (fewer when many decades show, finer steps when less than one does), and no
     * two say the same.
     */
    public List<Tick> yTicks(int count) {
        List<Tick> ticks = new ArrayList<>();
        if (!log) {
            for (double v : AxisTicks.nice(yMin, yMax, Math.max(1, count))) {
                ticks.add(new Tick(v, trim(v)));
            }
            return ticks;
        }
        int want = Math.max(2, count);
        double[][] ladders = {{1, 2, 5}, {1, 1.5, 2, 3, 5, 7}, {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9}};
        List<Double> values = logValues(new double[] {1}, 1);
        int every = 1;
        while (values.size() > want + 1) { // too many decades: every 2nd, 3rd ... decade
            every++;
            values = logValues(new double[] {1}, every);
        }
        for (double[] ladder : ladders) {
            if (values.size() >= Math.min(want, 3)) {
                break;
            }
            List<Double> finer = logValues(ladder, 1);
            if (finer.size() > want + 1 && values.size() >= 2) {
                break;
            }
            values = finer;
        }
        if (values.size() < 2) {
            // less than a step of the finest ladder: plain ticks of the loss itself
            values = new ArrayList<>();
            for (double v : AxisTicks.nice(Math.pow(10, yMin), Math.pow(10, yMax), want)) {
                if (v > 0) {
                    values.add(v);
                }
            }
        }
        List<String> seen = new ArrayList<>();
        for (double v : values) {
            String label = lossLabel(v, values);
            if (!seen.contains(label)) {
                seen.add(label);
                ticks.add(new Tick(Math.log10(v), label));
            }
        }
        return ticks;
    }

    /** The losses m × 10^k inside the plotted range, for k a multiple of {@code every}. */
    private List<Double> logValues(double[] mantissas, int every) {
        List<Double> values = new ArrayList<>();
        int first = (int) Math.floor(yMin) - 1;
        int last = (int) Math.ceil(yMax);
        for (int k = first; k <= last; k++) {
            if (Math.floorMod(k, every) != 0) {
                continue;
            }
            for (double m : mantissas) {
                double v = m * Math.pow(10, k);
                double lv = Math.log10(v);
                if (lv >= yMin - 1e-12 && lv <= yMax + 1e-12) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    /** A loss label with just enough digits that neighbours differ: 0.5, 0.15, 2e-04. */
    static String lossLabel(double v, List<Double> all) {
        for (int digits = 1; digits <= 6; digits++) {
            String label = significant(v, digits);
            boolean distinct = true;
            for (double other : all) {
                if (other != v && significant(other, digits).equals(label)) {
                    distinct = false;
                    break;
                }
            }
            if (distinct) {
                return label;
            }
        }
        return significant(v, 7);
    }

    private static String significant(double v, int digits) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        if (v >= 1e-3 && v < 1e5) {
            return d.toPlainString();
        }
        return String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v).replace("e-0", "e-")
                .replace("e+0", "e").replace("e+", "e");
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

    /** At most three decimals, no trailing zeros. */
    public static String trim(double v) {
        return AxisTicks.label(v);
    }
}
