package org.boundarylab.data;

import java.util.Arrays;

/**
 * Labelled points in the plane: row {@code i} is the point {@code x[i] = {x1, x2}} with class
 * {@code y[i]} in {@code 0..classes-1}.
 *
 * <p>The constructor copies its arrays and checks them, so a {@code Dataset} is immutable and
 * always valid: equal lengths, two finite coordinates per row, labels inside the class range.
 * The accessors {@link #x()} and {@link #y()} hand out fresh copies; use {@link #x1(int)},
 * {@link #x2(int)} and {@link #label(int)} to read single values without copying.
 * An empty dataset is allowed (the test part of a split with test ratio 0).
 */
public record Dataset(double[][] x, int[] y, int classes) {

    public Dataset {
        if (x == null || y == null) {
            throw new IllegalArgumentException("points and labels must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("there are " + x.length + " points but " + y.length + " labels");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("a dataset needs at least one class, got " + classes);
        }
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            if (row == null || row.length != 2) {
                throw new IllegalArgumentException("row " + i + " must hold exactly 2 coordinates, got "
                        + (row == null ? "none" : String.valueOf(row.length)));
            }
            if (!Double.isFinite(row[0]) || !Double.isFinite(row[1])) {
                throw new IllegalArgumentException("row " + i + " has a non-finite coordinate: " + Arrays.toString(row));
            }
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("row " + i + " has label " + y[i] + ", expected 0.." + (classes - 1));
            }
            rows[i] = row.clone();
        }
        x = rows;
        y = y.clone();
    }

    /** A copy of the points, one {@code {x1, x2}} row per example. */
    @Override
    public double[][] x() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    /** A copy of the labels. */
    @Override
    public int[] y() {
        return y.clone();
    }

    public int size() {
        return y.length;
    }

    public boolean isEmpty() {
        return y.length == 0;
    }

    public double x1(int row) {
        return x[row][0];
    }

    public double x2(int row) {
        return x[row][1];
    }

    public int label(int row) {
        return y[row];
    }

    /** How many rows carry each label, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /** The rows at the given indices, in that order (indices may repeat); same class count. */
    public Dataset subset(int[] rows) {
        double[][] sx = new double[rows.length][];
        int[] sy = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            if (r < 0 || r >= y.length) {
                throw new IndexOutOfBoundsException("row " + r + " is outside 0.." + (y.length - 1));
            }
            sx[k] = x[r];
            sy[k] = y[r];
        }
        return new Dataset(sx, sy, classes);
    }

    /** Smallest and largest x1 and x2 as {@code {x1Min, x1Max, x2Min, x2Max}}; NaNs when empty. */
    public double[] bounds() {
        double[] b = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (x.length == 0) {
            return b;
        }
        b[0] = b[1] = x[0][0];
        b[2] = b[3] = x[0][1];
        for (double[] row : x) {
            b[0] = Math.min(b[0], row[0]);
            b[1] = Math.max(b[1], row[0]);
            b[2] = Math.min(b[2], row[1]);
            b[3] = Math.max(b[3], row[1]);
        }
        return b;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset d && classes == d.classes
                && Arrays.equals(y, d.y) && Arrays.deepEquals(x, d.x);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(x) + Arrays.hashCode(y)) + classes;
    }

    @Override
    public String toString() {
        return "Dataset[" + size() + " points, " + classes + " classes]";
    }
}
