package org.boundarylab.render;

/**
 * A network's outputs over a w x h grid of cell centres, row 0 at the top. For a single
 * sigmoid output, {@code values} holds p(class 1) per cell; otherwise it holds
 * {@code classes} probabilities per cell, row-major.
 */
public record GridField(Viewport viewport, int width, int height, int classes, boolean binary, double[] values) {

    public GridField {
        int expected = width * height * (binary ? 1 : classes);
        if (values.length != expected) {
            throw new IllegalArgumentException("grid of " + width + "x" + height + " needs " + expected
                    + " values, got " + values.length);
        }
    }

    public int cells() {
        return width * height;
    }

    /** Probability of class c at cell k. */
    public double probability(int k, int c) {
        if (binary) {
            return c == 1 ? values[k] : 1 - values[k];
        }
        return values[k * classes + c];
    }

    public int classAt(int k) {
        if (binary) {
            return values[k] > 0.5 ? 1 : 0;
        }
        int best = 0;
        int off = k * classes;
        for (int c = 1; c < classes; c++) {
            if (values[off + c] > values[off + best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * How sure the network is at cell k, 0 at a boundary and 1 when one class takes all the
     * probability: (p_max - 1/K) / (1 - 1/K).
     */
    public double confidence(int k) {
        double top = probability(k, classAt(k));
        double floor = 1.0 / classes;
        return Math.max(0, (top - floor) / (1 - floor));
    }
}
