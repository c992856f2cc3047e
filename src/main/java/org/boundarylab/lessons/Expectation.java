package org.boundarylab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a lesson promises after its epochs: bounds on train and test accuracy (NaN = no bound),
 * and for a width sweep the underfit/fit pattern: the train accuracy of every width up to
 * {@code underfitWidth} stays at least {@code minGap} below that of every width from
 * {@code fitFromWidth} on.
 */
public record Expectation(double minTrainAccuracy, double maxTrainAccuracy, double minTestAccuracy,
                          double maxTestAccuracy, int underfitWidth, int fitFromWidth, double minGap) {

    public static final Expectation NONE = new Expectation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);

    public Expectation {
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

    /** The broken promises of one run, each as a sentence; empty when the run keeps them all. */
    public List<String> check(LessonRunner.Result r) {
        List<String> failures = new ArrayList<>();
        below(failures, "train accuracy", r.trainAccuracy(), minTrainAccuracy);
        above(failures, "train accuracy", r.trainAccuracy(), maxTrainAccuracy);
        below(failures, "test accuracy", r.testAccuracy(), minTestAccuracy);
        above(failures, "test accuracy", r.testAccuracy(), maxTestAccuracy);
        return failures;
    }

    /** The broken promises of a width sweep: the pattern, plus the accuracy bounds for every width. */
    public List<String> checkSweep(List<LessonRunner.SweepPoint> points) {
        List<String> failures = new ArrayList<>();
        for (LessonRunner.SweepPoint p : points) {
            for (String f : check(p.result())) {
                failures.add("width " + p.width() + ": " + f);
            }
        }
        if (!hasSweepPattern()) {
            return failures;
        }
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

    private static void below(List<String> failures, String what, double value, double min) {
        if (!Double.isNaN(min) && !(value >= min)) {
            failures.add(String.format(Locale.ROOT, "%s %.4f is below the expected %.4f", what, value, min));
        }
    }

    private static void above(List<String> failures, String what, double value, double max) {
        if (!Double.isNaN(max) && !(value <= max)) {
            failures.add(String.format(Locale.ROOT, "%s %.4f is above the expected %.4f", what, value, max));
        }
    }
}
