package org.boundarylab.nn;

import java.util.Locale;
import org.boundarylab.text.Excerpt;

/**
 * The non-linearities a layer can apply. Each one acts in place on a row-major block of
 * pre-activations (rows = examples, cols = units) and knows its derivative from its own
 * output, which is all backpropagation needs (tanh' = 1 - a^2, sigmoid' = a(1 - a), ...).
 */
public enum Activation {
    TANH("tanh"),
    SIGMOID("sigmoid"),
    RELU("relu"),
    LEAKY_RELU("leaky_relu"),
    LINEAR("linear"),
    SOFTMAX("softmax");

    /** Slope of leaky ReLU for negative inputs. */
    public static final double LEAK = 0.01;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name used in model files and on the command line. */
    public String id() {
        return id;
    }

    public boolean isHiddenCapable() {
        return this != SOFTMAX;
    }

    public static Activation parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Activation a : values()) {
            if (a.id.equals(key)) {
                return a;
            }
        }
        if (key.equals("identity")) {
            return LINEAR;
        }
        throw new IllegalArgumentException("unknown activation " + Excerpt.quoted(text) + " (expected one of "
                + "tanh, sigmoid, relu, leaky_relu, linear, softmax)");
    }

    /** Applies the activation in place to {@code rows x cols} values starting at offset 0. */
    public void applyInPlace(double[] z, int rows, int cols) {
        int n = rows * cols;
        switch (this) {
            case TANH, SIGMOID -> {
                // the engine's own kernels, so results agree with training bit for bit
                Forward.activate(this, z, 0, n, new BlockMath.Scratch(n));
            }
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    z[k] = z[k] > 0 ? z[k] : 0.0;
                }
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) {
                    z[k] = z[k] > 0 ? z[k] : LEAK * z[k];
                }
            }
            case LINEAR -> {
                // identity
            }
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) {
                    softmaxRow(z, r * cols, cols);
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    /**
     * Multiplies {@code delta} in place by f'(z), written through the activation's output a.
     * Not defined for softmax, whose Jacobian is not diagonal (the loss handles it).
     */
    public void multiplyByDerivative(double[] delta, double[] a, int n) {
        switch (this) {
            case TANH -> {
                for (int k = 0; k < n; k++) {
                    delta[k] *= 1 - a[k] * a[k];
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) {
                    delta[k] *= a[k] * (1 - a[k]);
                }
            }
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    if (!(a[k] > 0)) {
                        delta[k] = 0.0;
                    }
                }
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) {
                    if (!(a[k] > 0)) {
                        delta[k] *= LEAK;
                    }
                }
            }
            case LINEAR -> {
                // derivative 1
            }
            case SOFTMAX -> throw new IllegalStateException("softmax derivative is handled with its loss");
            default -> throw new AssertionError(this);
        }
    }

    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static void softmaxRow(double[] z, int off, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, z[off + j]);
        }
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            double e = Math.exp(z[off + j] - max);
            z[off + j] = e;
            sum += e;
        }
        double inv = 1.0 / sum;
        for (int j = 0; j < cols; j++) {
            z[off + j] *= inv;
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
