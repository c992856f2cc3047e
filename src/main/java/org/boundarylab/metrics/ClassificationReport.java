package org.boundarylab.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Per-class precision, recall, F1 and support with their macro and weighted averages: the
 * figures of scikit-learn's {@code classification_report(actual, predicted,
 * labels=range(classes))} with its default zero-division handling.
 *
 * <p>Every class 0..classes-1 gets a row, also one that appears in neither array. A ratio
 * whose denominator is zero is 0.0: precision of a class never predicted, recall of a class
 * with no support, F1 when both are 0. Macro averages are plain means over the classes;
 * weighted averages weight each class by its support.
 */
public final class ClassificationReport {
    private static final String[] HEADERS = {"precision", "recall", "f1-score", "support"};
    private static final String LONGEST_HEADING = "weighted avg";

    private final ConfusionMatrix matrix;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final int[] support;

    private ClassificationReport(ConfusionMatrix matrix) {
        this.matrix = matrix;
        int k = matrix.classes();
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new int[k];
        for (int c = 0; c < k; c++) {
            int tp = matrix.truePositives(c);
            int fp = matrix.falsePositives(c);
            int fn = matrix.falseNegatives(c);
            support[c] = tp + fn;
            precision[c] = ratio(tp, tp + fp);
            recall[c] = ratio(tp, tp + fn);
            // 2tp / (2tp + fp + fn) is the harmonic mean of precision and recall without the
            // rounding of the two divisions, as recent scikit-learn computes it
            f1[c] = ratio(2 * tp, 2 * tp + fp + fn);
        }
    }

    public static ClassificationReport of(int[] actual, int[] predicted, int classes) {
        return new ClassificationReport(ConfusionMatrix.of(actual, predicted, classes));
    }

    public static ClassificationReport of(ConfusionMatrix matrix) {
        return new ClassificationReport(matrix);
    }

    public ConfusionMatrix confusionMatrix() {
        return matrix;
    }

    public int classes() {
        return support.length;
    }

    public double precision(int c) {
        return precision[c];
    }

    public double recall(int c) {
        return recall[c];
    }

    public double f1(int c) {
        return f1[c];
    }

    public int support(int c) {
        return support[c];
    }

    /** Number of rows scored (the support of the average rows). */
    public int totalSupport() {
        return matrix.total();
    }

    public double accuracy() {
        return matrix.accuracy();
    }

    public double macroAvgPrecision() {
        return mean(precision);
    }

    public double macroAvgRecall() {
        return mean(recall);
    }

    public double macroAvgF1() {
        return mean(f1);
    }

    public double weightedAvgPrecision() {
        return weighted(precision);
    }

    public double weightedAvgRecall() {
        return weighted(recall);
    }

    public double weightedAvgF1() {
        return weighted(f1);
    }

    /** The report with two decimals, as scikit-learn prints it by default. */
    public String format() {
        return format(2);
    }

    /**
     * The report laid out exactly like scikit-learn's text report: right-aligned columns nine
     * characters wide, a blank line after the header and after the class rows, and values
     * rounded half-to-even on their exact binary value, as Python's format does.
     */
    public String format(int digits) {
        if (digits < 0 || digits > 15) {
            throw new IllegalArgumentException("digits must be between 0 and 15, got " + digits);
        }
        int width = LONGEST_HEADING.length();
        for (int c = 0; c < classes(); c++) {
            width = Math.max(width, String.valueOf(c).length());
        }
        width = Math.max(width, digits);
        StringBuilder out = new StringBuilder();
        out.append(ConfusionMatrix.pad("", width)).append(' ');
        for (String header : HEADERS) {
            out.append(' ').append(ConfusionMatrix.pad(header, 9));
        }
        out.append("\n\n");
        for (int c = 0; c < classes(); c++) {
            row(out, String.valueOf(c), width, digits, precision[c], recall[c], f1[c], support[c]);
        }
        out.append('\n');
        out.append(ConfusionMatrix.pad("accuracy", width)).append(' ')
                .append(' ').append(ConfusionMatrix.pad("", 9))
                .append(' ').append(ConfusionMatrix.pad("", 9))
                .append(' ').append(ConfusionMatrix.pad(fixed(accuracy(), digits), 9))
                .append(' ').append(ConfusionMatrix.pad(String.valueOf(totalSupport()), 9)).append('\n');
        row(out, "macro avg", width, digits, macroAvgPrecision(), macroAvgRecall(), macroAvgF1(), totalSupport());
        row(out, "weighted avg", width, digits, weightedAvgPrecision(), weightedAvgRecall(), weightedAvgF1(), totalSupport());
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static void row(StringBuilder out, String heading, int width, int digits,
                            double p, double r, double f, int n) {
        out.append(ConfusionMatrix.pad(heading, width)).append(' ');
        for (double v : new double[] {p, r, f}) {
            out.append(' ').append(ConfusionMatrix.pad(fixed(v, digits), 9));
        }
        out.append(' ').append(ConfusionMatrix.pad(String.valueOf(n), 9)).append('\n');
    }

    /** Python's "{:.Nf}": the exact binary value rounded half to even (0.125 -> "0.12"). */
    static String fixed(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private double weighted(double[] values) {
        int total = totalSupport();
        if (total == 0) {
            return 0.0;
        }
        double sum = 0;
        for (int c = 0; c < values.length; c++) {
            sum += values[c] * support[c];
        }
        return sum / total;
    }
}
