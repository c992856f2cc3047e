package org.boundarylab.data;

import java.util.Arrays;

/**
 * Labelled 2-D points: rows of {x1, x2} and class labels 0..classes-1.
 * (Smallest version of the shared data contract, kept until the data package is merged.)
 */
public record Dataset(double[][] x, int[] y, int classes) {

    public Dataset {
        if (x == null || y == null) {
            throw new IllegalArgumentException("points and labels must be given");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " points but " + y.length + " labels");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != 2 || !Double.isFinite(x[r][0]) || !Double.isFinite(x[r][1])) {
                throw new IllegalArgumentException("row " + r + " must hold two finite numbers, got "
                        + Arrays.toString(x[r]));
            }
            if (y[r] < 0 || y[r] >= classes) {
                throw new IllegalArgumentException("label " + y[r] + " at row " + r + " is outside 0.." + (classes - 1));
            }
        }
    }

    public int size() {
        return x.length;
    }

    public Dataset subset(int[] rows) {
        double[][] sx = new double[rows.length][];
        int[] sy = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            sx[k] = x[rows[k]].clone();
            sy[k] = y[rows[k]];
        }
        return new Dataset(sx, sy, classes);
    }
}
