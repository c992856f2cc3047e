package org.boundarylab.nn;

/** Conversions between the nested arrays users hold and the flat row-major blocks the engine uses. */
public final class Matrices {
    private Matrices() {
    }

    public static double[] flatten(double[][] x, int cols) {
        double[] flat = new double[x.length * cols];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " values, expected " + cols);
            }
            System.arraycopy(x[r], 0, flat, r * cols, cols);
        }
        return flat;
    }

    /**
     * The transpose the engine works on: column j of x as its own array, {@code [j][r]} (see
     * {@link Forward}), each {@code capacity} long.
     */
    static double[][] byColumn(double[][] x, int cols, int capacity) {
        double[][] c = new double[cols][capacity];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " values, expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                c[j][r] = x[r][j];
            }
        }
        return c;
    }

    /** {@link #targets} laid out by column like {@link #byColumn}: output j of row r at {@code [j][r]}. */
    static double[][] targetsByColumn(int[] labels, int outputs, int capacity) {
        double[] rowMajor = targets(labels, outputs);
        double[][] t = new double[outputs][capacity];
        for (int r = 0; r < labels.length; r++) {
            for (int j = 0; j < outputs; j++) {
                t[j][r] = rowMajor[r * outputs + j];
            }
        }
        return t;
    }

    /** Targets for class labels: the label itself for one output, one-hot rows for several. */
    public static double[] targets(int[] labels, int outputs) {
        double[] t = new double[labels.length * outputs];
        for (int r = 0; r < labels.length; r++) {
            int y = labels[r];
            if (outputs == 1) {
                if (y != 0 && y != 1) {
                    throw new IllegalArgumentException("label " + y + " at row " + r
                            + " does not fit a single sigmoid output (labels must be 0 or 1)");
                }
                t[r] = y;
            } else {
                if (y < 0 || y >= outputs) {
                    throw new IllegalArgumentException("label " + y + " at row " + r + " does not fit "
                            + outputs + " output units");
                }
                t[r * outputs + y] = 1.0;
            }
        }
        return t;
    }

    /** Argmax of each row, or p > 0.5 for a single column. */
    public static int[] classesOf(double[][] probabilities) {
        int[] c = new int[probabilities.length];
        for (int r = 0; r < c.length; r++) {
            c[r] = classOf(probabilities[r], 0, probabilities[r].length);
        }
        return c;
    }

    public static int classOf(double[] row, int off, int cols) {
        if (cols == 1) {
            return row[off] > 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (row[off + j] > row[off + best]) {
                best = j;
            }
        }
        return best;
    }

    public static double accuracy(int[] predicted, int[] labels) {
        if (labels.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int r = 0; r < labels.length; r++) {
            if (predicted[r] == labels[r]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }
}
