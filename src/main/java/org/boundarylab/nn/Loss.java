package org.boundarylab.nn;

import java.util.Locale;

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
            default -> throw new IllegalArgumentException("unknown loss '" + text
                    + "' (expected binary_cross_entropy, cross_entropy or mean_squared_error)");
        }
    }

    /** Sum over the rows of the per-example loss; a and z are the output layer's values. */
    double sum(double[] a, double[] z, double[] t, int rows, int cols) {
        double total = 0;
        int n = rows * cols;
        switch (this) {
            case BINARY_CROSS_ENTROPY -> {
                // -[t log s(z) + (1-t) log(1 - s(z))] = softplus(z) - t z
                for (int k = 0; k < n; k++) {
                    total += softplus(z[k]) - t[k] * z[k];
                }
            }
            case CROSS_ENTROPY -> {
                for (int r = 0; r < rows; r++) {
                    int off = r * cols;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < cols; j++) {
                        max = Math.max(max, z[off + j]);
                    }
                    double s = 0;
                    for (int j = 0; j < cols; j++) {
                        s += Math.exp(z[off + j] - max);
                    }
                    double logSum = max + Math.log(s);
                    for (int j = 0; j < cols; j++) {
                        if (t[off + j] != 0) {
                            total += t[off + j] * (logSum - z[off + j]);
                        }
                    }
                }
            }
            case MEAN_SQUARED_ERROR -> {
                for (int k = 0; k < n; k++) {
                    double d = a[k] - t[k];
                    total += 0.5 * d * d;
                }
            }
            default -> throw new AssertionError(this);
        }
        return total;
    }

    /**
     * Writes dLoss/dz (per example, not yet averaged) for the output layer into delta.
     * The canonical pairs (sigmoid + binary cross-entropy, softmax + cross-entropy) give a - t;
     * squared error goes through the output activation's derivative.
     */
    void outputDelta(Activation output, double[] a, double[] t, double[] delta, int rows, int cols) {
        int n = rows * cols;
        for (int k = 0; k < n; k++) {
            delta[k] = a[k] - t[k];
        }
        if (this != MEAN_SQUARED_ERROR) {
            return; // canonical link: dL/dz = a - t
        }
        if (output == Activation.SOFTMAX) {
            // Jacobian of softmax: dL/dz_j = a_j (g_j - sum_k g_k a_k) with g = a - t
            for (int r = 0; r < rows; r++) {
                int off = r * cols;
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += delta[off + j] * a[off + j];
                }
                for (int j = 0; j < cols; j++) {
                    delta[off + j] = a[off + j] * (delta[off + j] - dot);
                }
            }
        } else {
            output.multiplyByDerivative(delta, a, n);
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
