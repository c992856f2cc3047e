package org.boundarylab.nn;

/** Penalties on the weights (never the biases): (l2/2) * sum W^2 + l1 * sum |W|. */
public record Regularization(double l2, double l1) {
    public static final Regularization NONE = new Regularization(0, 0);

    public Regularization {
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("L2 strength must be a finite number >= 0, got " + l2);
        }
        if (!(l1 >= 0) || !Double.isFinite(l1)) {
            throw new IllegalArgumentException("L1 strength must be a finite number >= 0, got " + l1);
        }
    }

    public static Regularization l2(double l2) {
        return new Regularization(l2, 0);
    }
}
