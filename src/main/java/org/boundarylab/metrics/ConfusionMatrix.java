package org.boundarylab.metrics;

/**
 * Counts of (actual, predicted) label pairs: row = actual class, column = predicted class,
 * the same orientation as scikit-learn's {@code confusion_matrix}.
 */
public final class ConfusionMatrix {
    private static final String CORNER = "actual \\ predicted";

    private final int[][] counts;
    private final int total;

    private ConfusionMatrix(int[][] counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    /** Counts every class 0..classes-1, even those that appear in neither array. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        Labels.check(actual, predicted, classes);
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, actual.length);
    }

    /** How many rows of class {@code actual} were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public int classes() {
        return counts.length;
    }

    /** Number of rows counted. */
    public int total() {
        return total;
    }

    /** Rows correctly predicted as {@code c}. */
    public int truePositives(int c) {
        return counts[c][c];
    }

    /** Rows predicted as {@code c} whose actual class is another. */
    public int falsePositives(int c) {
        return predictedAs(c) - counts[c][c];
    }

    /** Rows of class {@code c} predicted as another class. */
    public int falseNegatives(int c) {
        return support(c) - counts[c][c];
    }

    /** Rows whose actual class is {@code c}. */
    public int support(int c) {
        int sum = 0;
        for (int p = 0; p < counts.length; p++) {
            sum += counts[c][p];
        }
        return sum;
    }

    /** Rows predicted as {@code c}. */
    public int predictedAs(int c) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** The diagonal over the total. */
    public double accuracy() {
        int right = 0;
        for (int c = 0; c < counts.length; c++) {
            right += counts[c][c];
        }
        return (double) right / total;
    }

    /**
     * A text table, actual classes down the side and predicted classes across the top:
     * <pre>
     * actual \ predicted      0      1
     *                  0      3      1
     *                  1      0      2
     * </pre>
     * Every line ends with a newline.
     */
    public String format() {
        int width = 5;
        width = Math.max(width, String.valueOf(counts.length - 1).length());
        width = Math.max(width, String.valueOf(total).length());
        StringBuilder out = new StringBuilder();
        out.append(CORNER);
        for (int p = 0; p < counts.length; p++) {
            out.append(' ').append(pad(String.valueOf(p), width + 1));
        }
        out.append('\n');
        for (int a = 0; a < counts.length; a++) {
            out.append(pad(String.valueOf(a), CORNER.length()));
            for (int p = 0; p < counts.length; p++) {
                out.append(' ').append(pad(String.valueOf(counts[a][p]), width + 1));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    @Override
    public String toString() {
        return format();
    }
}
