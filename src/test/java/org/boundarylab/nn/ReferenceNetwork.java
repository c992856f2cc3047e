package org.boundarylab.nn;

/**
 * The forward and backward pass written the plain way, one example at a time, as the
 * tutorials write the math: nested loops over {@code double[][]} matrices, no tiles, no
 * chunks, no threads, none of the engine's kernels. It exists only to check the engine's fast
 * paths (see KernelReferenceTest); it reads the network through its public accessors alone.
 *
 * <pre>
 *   z_l = a_{l-1} W_{l-1} + b_{l-1},   a_l = f(z_l),   a_0 = x
 *   delta_L   = dL/dz_L                          (per example)
 *   dL/dW_l  += a_l^T delta_{l+1},   dL/db_l += delta_{l+1}
 *   delta_l   = (W_l delta_{l+1}) * f'(z_l)      (W_l delta: the product with W transposed)
 *   gradient  = sums / n + l2 W + l1 sign(W)     (biases never regularised)
 *   loss      = sum of per-example losses / n + (l2/2) sum W^2 + l1 sum |W|
 * </pre>
 */
final class ReferenceNetwork {
    private final int[] layers;
    private final Activation hidden;
    private final Activation output;
    private final Loss loss;
    /** w[l][i][j] joins unit i of layer l to unit j of layer l + 1. */
    private final double[][][] w;
    private final double[][] b;

    ReferenceNetwork(Network net) {
        Architecture arch = net.architecture();
        layers = arch.layers();
        hidden = arch.hidden();
        output = arch.output();
        loss = arch.loss();
        int depth = layers.length - 1;
        w = new double[depth][][];
        b = new double[depth][];
        for (int l = 0; l < depth; l++) {
            w[l] = new double[layers[l]][layers[l + 1]];
            b[l] = new double[layers[l + 1]];
            for (int i = 0; i < layers[l]; i++) {
                for (int j = 0; j < layers[l + 1]; j++) {
                    w[l][i][j] = net.weight(l, i, j);
                }
            }
            for (int j = 0; j < layers[l + 1]; j++) {
                b[l][j] = net.bias(l, j);
            }
        }
    }

    /** Loss and gradients of a batch; the gradient arrays are shaped like the network's. */
    static final class Result {
        double loss;
        /** dW[l][i][j] and db[l][j]. */
        double[][][] dW;
        double[][] db;
        /** The outputs, outputs[r][k] for example r. */
        double[][] outputs;
    }

    /** The values one example leaves in every layer: z[l] and a[l] for l = 1 .. depth, a[0] = x. */
    private static final class Pass {
        final double[][] z;
        final double[][] a;

        Pass(int depth) {
            z = new double[depth + 1][];
            a = new double[depth + 1][];
        }
    }

    private int depth() {
        return layers.length - 1;
    }

    private Pass forward(double[] x) {
        int depth = depth();
        Pass p = new Pass(depth);
        p.a[0] = x.clone();
        for (int l = 1; l <= depth; l++) {
            int in = layers[l - 1];
            int out = layers[l];
            double[] z = new double[out];
            for (int j = 0; j < out; j++) {
                double s = b[l - 1][j];
                for (int i = 0; i < in; i++) {
                    s += p.a[l - 1][i] * w[l - 1][i][j];
                }
                z[j] = s;
            }
            p.z[l] = z;
            p.a[l] = l == depth ? outputActivation(z) : hiddenActivation(z);
        }
        return p;
    }

    /** The network's outputs (probabilities, or values for a linear output) for one example. */
    double[] predict(double[] x) {
        return forward(x).a[depth()];
    }

    double[][] predict(double[][] x) {
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = predict(x[r]);
        }
        return out;
    }

    private double[] hiddenActivation(double[] z) {
        double[] a = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            a[j] = f(hidden, z[j]);
        }
        return a;
    }

    private double[] outputActivation(double[] z) {
        if (output == Activation.SOFTMAX) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double[] e = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                e[j] = Math.exp(z[j] - max);
                sum += e[j];
            }
            for (int j = 0; j < z.length; j++) {
                e[j] /= sum;
            }
            return e;
        }
        double[] a = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            a[j] = f(output, z[j]);
        }
        return a;
    }

    /** An element-wise activation at one value. */
    private static double f(Activation act, double z) {
        return switch (act) {
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case RELU -> z > 0 ? z : 0.0;
            case LEAKY_RELU -> z > 0 ? z : 0.01 * z;
            case LINEAR -> z;
            case SOFTMAX -> throw new IllegalArgumentException("softmax is not element-wise");
        };
    }

    /** Its derivative f'(z), from z. */
    private static double fPrime(Activation act, double z) {
        return switch (act) {
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
            case SIGMOID -> {
                double s = 1.0 / (1.0 + Math.exp(-z));
                yield s * (1 - s);
            }
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> z > 0 ? 1.0 : 0.01;
            case LINEAR -> 1.0;
            case SOFTMAX -> throw new IllegalArgumentException("softmax is not element-wise");
        };
    }

    /** The target row of a label: the label itself for one output, one-hot for several. */
    private double[] target(int label) {
        int k = layers[depth()];
        double[] t = new double[k];
        if (k == 1) {
            t[0] = label;
        } else {
            t[label] = 1.0;
        }
        return t;
    }

    /** The per-example loss of one example's pass. */
    private double exampleLoss(Pass p, double[] t) {
        double[] a = p.a[depth()];
        double[] z = p.z[depth()];
        double sum = 0;
        switch (loss) {
            case BINARY_CROSS_ENTROPY -> {
                // -[t log a + (1 - t) log(1 - a)] summed over the units, with 1 - a taken as
                // sigmoid(-z): the same number, without the digits 1 - a loses when a is near 1
                for (int k = 0; k < a.length; k++) {
                    double oneMinusA = 1.0 / (1.0 + Math.exp(z[k]));
                    sum -= t[k] * Math.log(a[k]) + (1 - t[k]) * Math.log(oneMinusA);
                }
            }
            case CROSS_ENTROPY -> {
                for (int k = 0; k < a.length; k++) {
                    if (t[k] != 0) {
                        sum -= t[k] * Math.log(a[k]);
                    }
                }
            }
            case MEAN_SQUARED_ERROR -> {
                for (int k = 0; k < a.length; k++) {
                    sum += 0.5 * (a[k] - t[k]) * (a[k] - t[k]);
                }
            }
        }
        return sum;
    }

    /** dL/dz at the output for one example. */
    private double[] outputDelta(Pass p, double[] t) {
        double[] a = p.a[depth()];
        double[] z = p.z[depth()];
        int k = a.length;
        double[] delta = new double[k];
        if (loss != Loss.MEAN_SQUARED_ERROR) {
            // sigmoid + binary cross-entropy and softmax + cross-entropy: dL/dz = a - t
            for (int j = 0; j < k; j++) {
                delta[j] = a[j] - t[j];
            }
        } else if (output == Activation.SOFTMAX) {
            // dL/dz_j = sum_m (a_m - t_m) da_m/dz_j, with da_m/dz_j = a_m ([m == j] - a_j)
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int m = 0; m < k; m++) {
                    s += (a[m] - t[m]) * a[m] * ((m == j ? 1.0 : 0.0) - a[j]);
                }
                delta[j] = s;
            }
        } else {
            for (int j = 0; j < k; j++) {
                delta[j] = (a[j] - t[j]) * fPrime(output, z[j]);
            }
        }
        return delta;
    }

    /** Mean loss plus penalty, the mean gradient plus the penalty's, and the outputs. */
    Result lossAndGradients(double[][] x, int[] labels, Regularization reg) {
        int depth = depth();
        int n = x.length;
        Result res = new Result();
        res.dW = new double[depth][][];
        res.db = new double[depth][];
        for (int l = 0; l < depth; l++) {
            res.dW[l] = new double[layers[l]][layers[l + 1]];
            res.db[l] = new double[layers[l + 1]];
        }
        res.outputs = new double[n][];
        double lossSum = 0;
        for (int r = 0; r < n; r++) {
            Pass p = forward(x[r]);
            double[] t = target(labels[r]);
            res.outputs[r] = p.a[depth];
            lossSum += exampleLoss(p, t);
            double[] delta = outputDelta(p, t);
            for (int l = depth; l >= 1; l--) {
                double[] a = p.a[l - 1];
                for (int i = 0; i < layers[l - 1]; i++) {
                    for (int j = 0; j < layers[l]; j++) {
                        res.dW[l - 1][i][j] += a[i] * delta[j];
                    }
                }
                for (int j = 0; j < layers[l]; j++) {
                    res.db[l - 1][j] += delta[j];
                }
                if (l > 1) {
                    double[] prev = new double[layers[l - 1]];
                    for (int i = 0; i < layers[l - 1]; i++) {
                        double s = 0;
                        for (int j = 0; j < layers[l]; j++) {
                            s += w[l - 1][i][j] * delta[j];
                        }
                        prev[i] = s * fPrime(hidden, p.z[l - 1][i]);
                    }
                    delta = prev;
                }
            }
        }
        double squares = 0;
        double absolutes = 0;
        for (int l = 0; l < depth; l++) {
            for (int i = 0; i < layers[l]; i++) {
                for (int j = 0; j < layers[l + 1]; j++) {
                    double v = w[l][i][j];
                    double sign = v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
                    res.dW[l][i][j] = res.dW[l][i][j] / n + reg.l2() * v + reg.l1() * sign;
                    squares += v * v;
                    absolutes += Math.abs(v);
                }
            }
            for (int j = 0; j < layers[l + 1]; j++) {
                res.db[l][j] /= n;
            }
        }
        res.loss = lossSum / n + reg.l2() / 2 * squares + reg.l1() * absolutes;
        return res;
    }
}
