package org.boundarylab.lessons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a lesson promises after its epochs: bounds on train and test accuracy (NaN = no bound),
 * for a width sweep the underfit/fit pattern (the train accuracy of every width up to
 * {@code underfitWidth} stays at least {@code minGap} below that of every width from
 * {@code fitFromWidth} on), and further {@link Claim}s: the shape of overfitting in a sweep's
 * means, or a test loss that turns up during a run. Each claim is checked into a {@link Check}
 * that says what was measured.
 */
public record Expectation(double minTrainAccuracy, double maxTrainAccuracy, double minTestAccuracy,
                          double maxTestAccuracy, int underfitWidth, int fitFromWidth, double minGap,
                          Map<Claim, Double> claims) {

    public static final Expectation NONE = new Expectation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);

    /** A claim beyond the accuracy bounds, by its key in a lesson file's "expect" object. */
    public enum Claim {
        /** Single run: the final test loss is at least this many times its lowest value during the run. */
        TEST_LOSS_RISE("min_test_loss_rise", false, true),
        /** Single run: the final train loss is at most this share of the train loss at the lowest test loss. */
        TRAIN_LOSS_FALL("max_train_loss_share_at_end", false, false),
        /** Sweep: the widest network's mean train accuracy is at least this. */
        WIDEST_TRAIN_ACCURACY("min_widest_train_accuracy", true, true),
        /** Sweep: mean test accuracy peaks at a width between the narrowest and the widest, the widest this far below. */
        TEST_PEAK_DROP("min_test_peak_drop", true, true),
        /** Sweep: train minus test accuracy of the widest network is at least this. */
        MIN_WIDEST_GAP("min_widest_gap", true, true),
        /** Sweep: train minus test accuracy of the widest network is at most this. */
        MAX_WIDEST_GAP("max_widest_gap", true, false),
        /** Sweep: the widest network's mean test loss is at least this many times the lowest mean test loss. */
        WIDEST_TEST_LOSS_RISE("min_widest_test_loss_rise", true, true);

        private final String key;
        private final boolean sweep;
        private final boolean min;

        Claim(String key, boolean sweep, boolean min) {
            this.key = key;
            this.sweep = sweep;
            this.min = min;
        }

        public String key() {
            return key;
        }

        /** Whether the claim is about a width sweep's means (else about one run). */
        public boolean isSweep() {
            return sweep;
        }

        public boolean isLowerBound() {
            return min;
        }
    }

    /**
     * One promise checked: what it is about, the value measured, the bound in words and whether it
     * holds. {@link #line()} prints it as {@code lessons check} does.
     */
    public record Check(String what, double measured, String bound, boolean passed) {
        public String line() {
            return String.format(Locale.ROOT, "%s  %s: %s (expected %s)", passed ? "PASS" : "FAIL", what,
                    Double.isNaN(measured) ? "none" : String.format(Locale.ROOT, "%.4f", measured), bound);
        }

        /** The broken promise as a sentence, as the lab's banner shows it. */
        String failure() {
            String limit = bound.substring(bound.lastIndexOf(' ') + 1);
            try {
                limit = String.format(Locale.ROOT, "%.4f", Double.parseDouble(limit));
            } catch (NumberFormatException e) {
                limit = bound;
            }
            return String.format(Locale.ROOT, "%s %s is %s the expected %s", what,
                    Double.isNaN(measured) ? "none" : String.format(Locale.ROOT, "%.4f", measured),
                    bound.contains("≥") ? "below" : "above", limit);
        }
    }

    /** Bounds and the sweep pattern without further claims. */
    public Expectation(double minTrainAccuracy, double maxTrainAccuracy, double minTestAccuracy,
                       double maxTestAccuracy, int underfitWidth, int fitFromWidth, double minGap) {
        this(minTrainAccuracy, maxTrainAccuracy, minTestAccuracy, maxTestAccuracy, underfitWidth, fitFromWidth,
                minGap, Map.of());
    }

    public Expectation {
        Map<Claim, Double> c = new EnumMap<>(Claim.class);
        if (claims != null) {
            for (Map.Entry<Claim, Double> e : claims.entrySet()) {
                double v = e.getValue();
                if (!(v >= 0 && v <= 1000)) {
                    throw new IllegalArgumentException(e.getKey().key() + " must be a number from 0 to 1000, got " + v);
                }
                c.put(e.getKey(), v);
            }
        }
        claims = Collections.unmodifiableMap(c);
        checkBound(minTrainAccuracy, "min_train_accuracy");
        checkBound(maxTrainAccuracy, "max_train_accuracy");
        checkBound(minTestAccuracy, "min_test_accuracy");
        checkBound(maxTestAccuracy, "max_test_accuracy");
        checkOrder(minTrainAccuracy, maxTrainAccuracy, "train");
        checkOrder(minTestAccuracy, maxTestAccuracy, "test");
        if (underfitWidth < 0 || fitFromWidth < 0) {
            throw new IllegalArgumentException("sweep widths in an expectation must be >= 0");
        }
        if ((underfitWidth > 0) != (fitFromWidth > 0)) {
            throw new IllegalArgumentException("underfit_width and fit_from_width go together: give both or neither");
        }
        if (underfitWidth > 0 && underfitWidth >= fitFromWidth) {
            throw new IllegalArgumentException("underfit_width (" + underfitWidth + ") must be below fit_from_width ("
                    + fitFromWidth + ")");
        }
        if (!(minGap >= 0 && minGap <= 1)) {
            throw new IllegalArgumentException("min_gap must be from 0 to 1, got " + minGap);
        }
    }

    private static void checkOrder(double min, double max, String set) {
        if (min > max) {
            throw new IllegalArgumentException("min_" + set + "_accuracy (" + min + ") is above max_" + set
                    + "_accuracy (" + max + "); no run could keep that promise");
        }
    }

    private static void checkBound(double v, String name) {
        if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be an accuracy from 0 to 1, got " + v);
        }
    }

    public static Expectation accuracy(double minTrain, double maxTrain, double minTest, double maxTest) {
        return new Expectation(minTrain, maxTrain, minTest, maxTest, 0, 0, 0);
    }

    public boolean hasSweepPattern() {
        return underfitWidth > 0;
    }

    /** Whether any claim is about a sweep (the pattern or a sweep {@link Claim}). */
    public boolean isAboutASweep() {
        return hasSweepPattern() || claims.keySet().stream().anyMatch(Claim::isSweep);
    }

    /** Whether the expectation promises nothing at all. */
    public boolean isEmpty() {
        return equals(NONE) || (Double.isNaN(minTrainAccuracy) && Double.isNaN(maxTrainAccuracy)
                && Double.isNaN(minTestAccuracy) && Double.isNaN(maxTestAccuracy) && !hasSweepPattern()
                && claims.isEmpty());
    }

    /** Every promise about one run, checked. */
    public List<Check> checks(LessonRunner.Result r) {
        List<Check> out = new ArrayList<>();
        bound(out, "train accuracy", r.trainAccuracy(), minTrainAccuracy, true);
        bound(out, "train accuracy", r.trainAccuracy(), maxTrainAccuracy, false);
        bound(out, "test accuracy", r.testAccuracy(), minTestAccuracy, true);
        bound(out, "test accuracy", r.testAccuracy(), maxTestAccuracy, false);
        Double rise = claims.get(Claim.TEST_LOSS_RISE);
        if (rise != null) {
            bound(out, String.format(Locale.ROOT, "final test loss %.3f ÷ its lowest, %.3f at epoch %,d",
                    r.testLoss(), r.minTestLoss(), r.minTestLossEpoch()), r.testLoss() / r.minTestLoss(), rise, true);
        }
        Double fall = claims.get(Claim.TRAIN_LOSS_FALL);
        if (fall != null) {
            bound(out, String.format(Locale.ROOT, "final train loss %.3f ÷ train loss %.3f at epoch %,d",
                    r.trainLoss(), r.trainLossAtMinTest(), r.minTestLossEpoch()),
                    r.trainLoss() / r.trainLossAtMinTest(), fall, false);
        }
        return out;
    }

    /**
     * Every promise about a width sweep, checked on its per-width means: the accuracy bounds for
     * every width, the underfit/fit pattern and the sweep claims.
     */
    public List<Check> sweepChecks(List<LessonRunner.SweepPoint> points) {
        List<Check> out = new ArrayList<>();
        for (LessonRunner.SweepPoint p : points) {
            LessonRunner.Result r = p.result();
            String w = "width " + p.width() + " ";
            bound(out, w + "train accuracy", r.trainAccuracy(), minTrainAccuracy, true);
            bound(out, w + "train accuracy", r.trainAccuracy(), maxTrainAccuracy, false);
            bound(out, w + "test accuracy", r.testAccuracy(), minTestAccuracy, true);
            bound(out, w + "test accuracy", r.testAccuracy(), maxTestAccuracy, false);
        }
        if (hasSweepPattern()) {
            List<String> pattern = patternFailures(points);
            for (String f : pattern) {
                out.add(new Check(f, Double.NaN, "the pattern", false));
            }
            if (pattern.isEmpty()) {
                out.add(new Check(String.format(Locale.ROOT, "train accuracy of widths from %d above widths up to %d "
                        + "by", fitFromWidth, underfitWidth), patternGap(points), "≥ " + fmt(minGap), true));
            }
        }
        if (points.isEmpty() || claims.keySet().stream().noneMatch(Claim::isSweep)) {
            return out;
        }
        LessonRunner.SweepPoint widest = points.get(points.size() - 1);
        for (LessonRunner.SweepPoint p : points) {
            if (p.width() > widest.width()) {
                widest = p;
            }
        }
        LessonRunner.Result wr = widest.result();
        int peak = 0;
        double minTestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).result().testAccuracy() > points.get(peak).result().testAccuracy()) {
                peak = i;
            }
            minTestLoss = Math.min(minTestLoss, points.get(i).result().testLoss());
        }
        LessonRunner.SweepPoint peakPoint = points.get(peak);
        String mean = " (mean over seeds)";
        for (Map.Entry<Claim, Double> e : claims.entrySet()) {
            double v = e.getValue();
            switch (e.getKey()) {
                case WIDEST_TRAIN_ACCURACY -> bound(out, "train accuracy at the widest, width " + widest.width() + mean,
                        wr.trainAccuracy(), v, true);
                case TEST_PEAK_DROP -> {
                    boolean middle = peakPoint != points.get(0) && peakPoint != widest;
                    double drop = peakPoint.result().testAccuracy() - wr.testAccuracy();
                    String what = String.format(Locale.ROOT, "test accuracy peaks at width %d (%.3f), "
                            + "the widest %d (%.3f) is below it by", peakPoint.width(),
                            peakPoint.result().testAccuracy(), widest.width(), wr.testAccuracy());
                    if (!middle) {
                        out.add(new Check(what + " (the peak is not at a middle width)", drop,
                                "a middle width's peak, ≥ " + fmt(v), false));
                    } else {
                        bound(out, what, drop, v, true);
                    }
                }
                case MIN_WIDEST_GAP -> bound(out, "train − test accuracy at width " + widest.width() + mean,
                        wr.trainAccuracy() - wr.testAccuracy(), v, true);
                case MAX_WIDEST_GAP -> bound(out, "train − test accuracy at width " + widest.width() + mean,
                        wr.trainAccuracy() - wr.testAccuracy(), v, false);
                case WIDEST_TEST_LOSS_RISE -> bound(out, String.format(Locale.ROOT,
                        "test loss at width %d (%.3f) ÷ the lowest (%.3f)", widest.width(), wr.testLoss(), minTestLoss),
                        wr.testLoss() / minTestLoss, v, true);
                default -> { }
            }
        }
        return out;
    }

    private static void bound(List<Check> out, String what, double value, double limit, boolean min) {
        if (Double.isNaN(limit)) {
            return;
        }
        boolean ok = min ? value >= limit : value <= limit;
        out.add(new Check(what, value, (min ? "≥ " : "≤ ") + fmt(limit), ok));
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The broken promises of one run, each as a sentence; empty when the run keeps them all. */
    public List<String> check(LessonRunner.Result r) {
        return checks(r).stream().filter(c -> !c.passed()).map(Check::failure).toList();
    }

    /** The broken promises of a width sweep, each as a sentence: the accuracy bounds, the pattern, the claims. */
    public List<String> checkSweep(List<LessonRunner.SweepPoint> points) {
        List<String> failures = new ArrayList<>();
        for (Check c : sweepChecks(points)) {
            if (!c.passed()) {
                failures.add(Double.isNaN(c.measured()) && c.bound().equals("the pattern") ? c.what() : c.failure());
            }
        }
        return failures;
    }

    private double patternGap(List<LessonRunner.SweepPoint> points) {
        double worstFit = Double.POSITIVE_INFINITY;
        double bestUnderfit = Double.NEGATIVE_INFINITY;
        for (LessonRunner.SweepPoint p : points) {
            if (p.width() <= underfitWidth) {
                bestUnderfit = Math.max(bestUnderfit, p.result().trainAccuracy());
            } else if (p.width() >= fitFromWidth) {
                worstFit = Math.min(worstFit, p.result().trainAccuracy());
            }
        }
        return worstFit - bestUnderfit;
    }

    private List<String> patternFailures(List<LessonRunner.SweepPoint> points) {
        List<String> failures = new ArrayList<>();
        double worstFit = Double.POSITIVE_INFINITY;
        double bestUnderfit = Double.NEGATIVE_INFINITY;
        for (LessonRunner.SweepPoint p : points) {
            if (p.width() <= underfitWidth) {
                bestUnderfit = Math.max(bestUnderfit, p.result().trainAccuracy());
            } else if (p.width() >= fitFromWidth) {
                worstFit = Math.min(worstFit, p.result().trainAccuracy());
            }
        }
        if (bestUnderfit == Double.NEGATIVE_INFINITY || worstFit == Double.POSITIVE_INFINITY) {
            failures.add("the sweep needs widths up to " + underfitWidth + " and from " + fitFromWidth);
        } else if (worstFit - bestUnderfit < minGap) {
            failures.add(String.format(Locale.ROOT, "widths up to %d reach train accuracy %.4f, widths from %d only "
                    + "%.4f at worst: a gap of %.4f, expected at least %.4f", underfitWidth, bestUnderfit,
                    fitFromWidth, worstFit, worstFit - bestUnderfit, minGap));
        }
        return failures;
    }
}
