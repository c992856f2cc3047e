package org.boundarylab.nn;

import java.util.Locale;
import org.boundarylab.text.Excerpt;

/**
 * Per-example losses, averaged over the examples of a batch by the caller.
 *
 * <ul>
 *   <li>binary cross-entropy, summed over the output units (one-hot targets for several
 *       sigmoid outputs);</li>
 *   <li>cross-entropy of a softmax output;</li>
 *   <li>half squared error 0.5 * sum_k (a_k - t_k)^2.</li>
 * </ul>
 * The cross-entropies are computed from the pre-activations z, so that a saturated unit
 * gives a large finite loss rather than log(0).
 */
public enum Loss {
    BINARY_CROSS_ENTROPY("binary_cross_entropy"),
    CROSS_ENTROPY("cross_entropy"),
    MEAN_SQUARED_ERROR("mean_squared_error");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Loss parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (key) {
            case "binary_cross_entropy", "bce", "log_loss" -> {
                return BINARY_CROSS_ENTROPY;
            }
            case "cross_entropy", "categorical_cross_entropy", "ce" -> {
                return CROSS_ENTROPY;
            }
            case "mean_squared_error", "mse", "squared_error", "half_squared_error" -> {
                return MEAN_SQUARED_ERROR;
            }
            default -> throw new IllegalArgumentException("unknown loss " + Excerpt.quoted(text)
                    + " (expected binary_cross_entropy, cross_entropy or mean_squared_error)");
        }
    }

    /**
     * Sum over rows [r0, r1) of the per-example loss. a, z and t hold output j of row r at
     * {@code [j][r]}; a and z are the output layer's values after and before its activation.
     */
    double sum(double[][] a, double[][] z, double[][] t, int r0, int r1) {
        double total = 0;
        int cols = t.length;
        switch (this) {
            case BINARY_CROSS_ENTROPY -> {
                // -[t log s(z) + (1-t) log(1 - s(z))] = softplus(z) - t z
                for (int r = r0; r < r1; r++) {
                    for (int j = 0; j < cols; j++) {
                        total += softplus(z[j][r]) - t[j][r] * z[j][r];
                    }
                }
            }
            case CROSS_ENTROPY -> {
                for (int r = r0; r < r1; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < cols; j++) {
                        max = Math.max(max, z[j][r]);
                    }
                    double s = 0;
                    for (int j = 0; j < cols; j++) {
                        s += Math.exp(z[j][r] - max);
                    }
                    double logSum = max + Math.log(s);
                    for (int j = 0; j < cols; j++) {
                        if (t[j][r] != 0) {
                            total += t[j][r] * (logSum - z[j][r]);
                        }
                    }
                }
            }
            case MEAN_SQUARED_ERROR -> {
                for (int r = r0; r < r1; r++) {
                    for (int j = 0; j < cols; j++) {
                        double d = a[j][r] - t[j][r];
                        total += 0.5 * d * d;
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
        return total;
    }

    /** Whether {@link #sum} reads the pre-activations z (the cross-entropies do). */
    boolean needsPreActivations() {
        return this != MEAN_SQUARED_ERROR;
    }

    /**
     * Writes dLoss/dz (per example, not yet averaged) for the output layer into delta, for rows
     * [r0, r1), all blocks indexed {@code [unit][row]}. The canonical pairs (sigmoid + binary
     * cross-entropy, softmax + cross-entropy) give a - t; squared error goes through the output
     * activation's derivative.
     */
    void outputDelta(Activation output, double[][] a, double[][] t, double[][] delta, int r0, int r1) {
        int cols = t.length;
        for (int j = 0; j < cols; j++) {
            double[] aj = a[j];
            double[] tj = t[j];
            double[] dj = delta[j];
            for (int r = r0; r < r1; r++) {
                dj[r] = aj[r] - tj[r];
            }
        }
        if (this != MEAN_SQUARED_ERROR) {
            return; // canonical link: dL/dz = a - t
        }
        if (output == Activation.SOFTMAX) {
            // Jacobian of softmax: dL/dz_j = a_j (g_j - sum_k g_k a_k) with g = a - t
            for (int r = r0; r < r1; r++) {
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += delta[j][r] * a[j][r];
                }
                for (int j = 0; j < cols; j++) {
                    delta[j][r] = a[j][r] * (delta[j][r] - dot);
                }
            }
        } else {
            for (int j = 0; j < cols; j++) {
                Backprop.multiplyByDerivative(output, delta[j], a[j], r0, r1);
            }
        }
    }

    static double softplus(double z) {
        // log(1 + e^z) without overflow
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    @Override
    public String toString() {
        return id;
    }
}
