package org.boundarylab.nn;

/**
 * The forward pass in float, for drawing only: the heat map behind the decision boundary,
 * where a probability off by 1e-5 is invisible. Training, the loss, the accuracy and every
 * figure the app prints use {@link Forward} in double; the tests hold this pass within 1e-3
 * of it on random networks (in practice a few 1e-6).
 *
 * <p>Why float: a vector instruction holds twice as many floats as doubles, and every tanh
 * and sigmoid ends in a division, which in double is the slowest instruction of the kernel
 * (on some cores half of a tanh's time); a float division of twice the lanes costs less.
 *
 * <p>Same layout as {@link Forward}: one array per unit, {@code block[j][r]} for unit j of
 * grid cell r, so the loops run along the cells; the activations are {@link ApproxMath}'s.
 */
final class FloatForward {
    private final Architecture arch;
    /** activations[l][j][r] for l >= 1; [0] is unused (the input is the caller's). */
    private final float[][][] activations;
    private final float[] rowMax;
    private final float[] rowSum;

    FloatForward(Architecture arch, int capacity) {
        this.arch = arch;
        int depth = arch.depth();
        activations = new float[depth + 1][][];
        for (int l = 1; l <= depth; l++) {
            activations[l] = new float[arch.width(l)][capacity];
        }
        rowMax = new float[capacity];
        rowSum = new float[capacity];
    }

    Architecture architecture() {
        return arch;
    }

    /** The last layer's values after {@link #run}: output j of cell r at {@code [j][r]}. */
    float[][] output() {
        return activations[arch.depth()];
    }

    /**
     * A network's weights and biases rounded to float, made once per grid and then only read,
     * by every thread evaluating the grid's cells.
     */
    static final class Parameters {
        final Architecture arch;
        /** weights[l][i * out + j], as {@link Network#weights}. */
        final float[][] weights;
        final float[][] biases;

        Parameters(Network net) {
            arch = net.architecture();
            weights = new float[net.weights.length][];
            biases = new float[net.biases.length][];
            for (int l = 0; l < weights.length; l++) {
                weights[l] = toFloat(net.weights[l]);
                biases[l] = toFloat(net.biases[l]);
            }
        }

        private static float[] toFloat(double[] v) {
            float[] f = new float[v.length];
            for (int k = 0; k < v.length; k++) {
                f[k] = (float) v[k];
            }
            return f;
        }
    }

    /** Runs cells [0, n) of x (input i of cell r at {@code x[i][r]}). */
    void run(Parameters p, float[][] x, int n) {
        int depth = arch.depth();
        for (int l = 0; l < depth; l++) {
            int in = arch.width(l);
            int out = arch.width(l + 1);
            float[][] a = l == 0 ? x : activations[l];
            float[][] z = activations[l + 1];
            float[] w = p.weights[l];
            float[] b = p.biases[l];
            int pairs = out / 2 * 2;
            for (int j = 0; j < pairs; j += 2) {
                affinePair(a, in, w, out, j, b[j], b[j + 1], z[j], z[j + 1], n);
            }
            if (pairs < out) {
                affine(a, in, w, out, pairs, b[pairs], z[pairs], n);
            }
            Activation f = arch.activationOf(l + 1);
            if (f == Activation.SOFTMAX) {
                softmax(z, out, n);
            } else {
                for (int j = 0; j < out; j++) {
                    activate(f, z[j], n);
                }
            }
        }
    }

    /** z0 = b0 + sum_i a_i w_i,j and z1 likewise for j + 1, four inputs per pass over the cells. */
    private static void affinePair(float[][] a, int in, float[] w, int out, int j, float b0, float b1,
                                   float[] z0, float[] z1, int n) {
        for (int r = 0; r < n; r++) {
            z0[r] = b0;
            z1[r] = b1;
        }
        int i = 0;
        for (; i + 4 <= in; i += 4) {
            int k0 = i * out + j;
            int k1 = k0 + out;
            int k2 = k1 + out;
            int k3 = k2 + out;
            float w00 = w[k0];
            float w10 = w[k1];
            float w20 = w[k2];
            float w30 = w[k3];
            float w01 = w[k0 + 1];
            float w11 = w[k1 + 1];
            float w21 = w[k2 + 1];
            float w31 = w[k3 + 1];
            float[] a0 = a[i];
            float[] a1 = a[i + 1];
            float[] a2 = a[i + 2];
            float[] a3 = a[i + 3];
            for (int r = 0; r < n; r++) {
                float v0 = a0[r];
                float v1 = a1[r];
                float v2 = a2[r];
                float v3 = a3[r];
                z0[r] = z0[r] + v0 * w00 + v1 * w10 + v2 * w20 + v3 * w30;
                z1[r] = z1[r] + v0 * w01 + v1 * w11 + v2 * w21 + v3 * w31;
            }
        }
        for (; i < in; i++) {
            float w0 = w[i * out + j];
            float w1 = w[i * out + j + 1];
            float[] a0 = a[i];
            for (int r = 0; r < n; r++) {
                z0[r] = z0[r] + a0[r] * w0;
                z1[r] = z1[r] + a0[r] * w1;
            }
        }
    }

    /** z = b + sum_i a_i w_i,j for one output j, four inputs per pass. */
    private static void affine(float[][] a, int in, float[] w, int out, int j, float bj, float[] z, int n) {
        for (int r = 0; r < n; r++) {
            z[r] = bj;
        }
        int i = 0;
        for (; i + 4 <= in; i += 4) {
            float w0 = w[i * out + j];
            float w1 = w[(i + 1) * out + j];
            float w2 = w[(i + 2) * out + j];
            float w3 = w[(i + 3) * out + j];
            float[] a0 = a[i];
            float[] a1 = a[i + 1];
            float[] a2 = a[i + 2];
            float[] a3 = a[i + 3];
            for (int r = 0; r < n; r++) {
                z[r] = z[r] + a0[r] * w0 + a1[r] * w1 + a2[r] * w2 + a3[r] * w3;
            }
        }
        for (; i < in; i++) {
            float w0 = w[i * out + j];
            float[] a0 = a[i];
            for (int r = 0; r < n; r++) {
                z[r] = z[r] + a0[r] * w0;
            }
        }
    }

    private static void activate(Activation f, float[] v, int n) {
        switch (f) {
            case TANH -> ApproxMath.tanh(v, n);
            case SIGMOID -> ApproxMath.sigmoid(v, n);
            case RELU -> {
                for (int r = 0; r < n; r++) {
                    v[r] = Math.max(v[r], 0f);
                }
            }
            case LEAKY_RELU -> {
                float leak = (float) Activation.LEAK;
                for (int r = 0; r < n; r++) {
                    v[r] = Math.max(v[r], leak * v[r]);
                }
            }
            case LINEAR -> {
                // identity
            }
            default -> throw new IllegalStateException(f + " is not element-wise");
        }
    }

    /** Softmax across the units of each cell, the maximum subtracted first, as {@link Forward} does. */
    private void softmax(float[][] z, int units, int n) {
        for (int r = 0; r < n; r++) {
            rowMax[r] = Float.NEGATIVE_INFINITY;
            rowSum[r] = 0;
        }
        for (int j = 0; j < units; j++) {
            float[] zj = z[j];
            for (int r = 0; r < n; r++) {
                rowMax[r] = Math.max(rowMax[r], zj[r]);
            }
        }
        for (int j = 0; j < units; j++) {
            float[] zj = z[j];
            for (int r = 0; r < n; r++) {
                zj[r] = zj[r] - rowMax[r];
            }
            ApproxMath.exp(zj, n);
            for (int r = 0; r < n; r++) {
                rowSum[r] += zj[r];
            }
        }
        for (int r = 0; r < n; r++) {
            rowSum[r] = 1f / rowSum[r];
        }
        for (int j = 0; j < units; j++) {
            float[] zj = z[j];
            for (int r = 0; r < n; r++) {
                zj[r] *= rowSum[r];
            }
        }
    }
}
