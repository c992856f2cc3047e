package org.boundarylab.nn;

/**
 * The forward pass over a batch, with buffers kept between calls: a_l = f(a_{l-1} W_l + b_l).
 *
 * <p>Layout: one array per unit, {@code block[j][r]} holds unit j of example r. The loops then run
 * along the examples, hundreds long whatever the layer widths, which is what lets the JIT use
 * SIMD instructions; the widths of these networks (1 to 64 units) would not. Separate arrays
 * per unit (rather than one flat array) matter too: JDK 17's vectoriser gives up on a loop
 * that reads one array at several offsets.
 *
 * <p>Rows are processed in sub-blocks of at most {@link BlockMath#BLOCK}, all layers at once, so
 * a sub-block's activations stay in cache from one layer to the next. Distinct row ranges touch
 * distinct parts of the buffers, so several threads may run disjoint ranges at once.
 */
final class Forward {
    final Architecture arch;
    /** activations[l][j][r] for l >= 1; [0] is unused (the input is the caller's). */
    final double[][][] activations;
    /** The output layer's pre-activations, kept only when a loss asks for them. */
    final double[][] outputZ;
    /**
     * Every layer's pre-activations, preZ[l][j][r] for l >= 1, kept only after
     * {@link #keepPreActivations()} (a trace of one point keeps them; training does not).
     */
    double[][][] preZ;
    private final int capacity;
    /** Per-row maxima and sums for softmax. */
    private final double[] rowMax;
    private final double[] rowSum;
    /** Scratch space of the kernels; threads share it, each on its own rows. */
    final BlockMath.Scratch scratch;
    Forward(Architecture arch, int capacity) {
        this.arch = arch;
        this.capacity = capacity;
        int depth = arch.depth();
        activations = new double[depth + 1][][];
        for (int l = 1; l <= depth; l++) {
            activations[l] = new double[arch.width(l)][capacity];
        }
        outputZ = new double[arch.outputs()][capacity];
        rowMax = new double[capacity];
        rowSum = new double[capacity];
        scratch = new BlockMath.Scratch(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** From now on every layer's pre-activations are copied into {@link #preZ} before the activation acts. */
    void keepPreActivations() {
        if (preZ == null) {
            preZ = new double[arch.depth() + 1][][];
            for (int l = 1; l <= arch.depth(); l++) {
                preZ[l] = new double[arch.width(l)][capacity];
            }
        }
    }

    double[][] output() {
        return activations[arch.depth()];
    }

    /**
     * Runs rows [r0, r1) of x (input i of row r at {@code x[i][r]}).
     *
     * @param keepZ also copy the output layer's pre-activations into {@link #outputZ}
     */
    void run(Network net, double[][] x, int r0, int r1, boolean keepZ) {
        if (r1 > capacity) {
            throw new IllegalArgumentException(r1 + " rows exceed the buffer of " + capacity);
        }
        for (int s = r0; s < r1; s += BlockMath.BLOCK) {
            int e = Math.min(r1, s + BlockMath.BLOCK);
            runBlock(net, x, s, e, keepZ);
        }
    }

    private void runBlock(Network net, double[][] x, int r0, int r1, boolean keepZ) {
        int depth = arch.depth();
        for (int l = 0; l < depth; l++) {
            int in = arch.width(l);
            int out = arch.width(l + 1);
            double[][] a = l == 0 ? x : activations[l];
            double[][] z = activations[l + 1];
            double[] w = net.weights[l];
            double[] b = net.biases[l];
            Activation f = arch.activationOf(l + 1);
            int pairs = out / 2 * 2;
            for (int j = 0; j < pairs; j += 2) {
                affinePair(a, in, w, out, j, b[j], b[j + 1], z[j], z[j + 1], r0, r1);
            }
            if (pairs < out) {
                affine(a, in, w, out, pairs, b[pairs], z[pairs], r0, r1);
            }
            if (preZ != null) {
                for (int j = 0; j < out; j++) {
                    System.arraycopy(z[j], r0, preZ[l + 1][j], r0, r1 - r0);
                }
            }
            if (l == depth - 1 && keepZ) {
                for (int j = 0; j < out; j++) {
                    System.arraycopy(z[j], r0, outputZ[j], r0, r1 - r0);
                }
            }
            if (f == Activation.SOFTMAX) {
                softmax(z, out, r0, r1, scratch);
            } else {
                for (int j = 0; j < out; j++) {
                    activate(f, z[j], r0, r1, scratch);
                }
            }
        }
    }

    /**
     * z_j[r] = b_j + sum_i a_i[r] w_ij for r in [r0, r1), summed in order of i as the row-major
     * textbook loop does. Inputs are taken four at a time so each pass over z does four
     * multiply-adds (the expression keeps the left-to-right order, so the sum is unchanged).
     */
    static void affine(double[][] a, int in, double[] w, int out, int j, double bj, double[] z, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            z[r] = bj;
        }
        int i = 0;
        for (; i + 4 <= in; i += 4) {
            double w0 = w[i * out + j];
            double w1 = w[(i + 1) * out + j];
            double w2 = w[(i + 2) * out + j];
            double w3 = w[(i + 3) * out + j];
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            for (int r = r0; r < r1; r++) {
                z[r] = z[r] + a0[r] * w0 + a1[r] * w1 + a2[r] * w2 + a3[r] * w3;
            }
        }
        switch (in - i) {
            case 3 -> {
                double w0 = w[i * out + j];
                double w1 = w[(i + 1) * out + j];
                double w2 = w[(i + 2) * out + j];
                double[] a0 = a[i];
                double[] a1 = a[i + 1];
                double[] a2 = a[i + 2];
                for (int r = r0; r < r1; r++) {
                    z[r] = z[r] + a0[r] * w0 + a1[r] * w1 + a2[r] * w2;
                }
            }
            case 2 -> {
                double w0 = w[i * out + j];
                double w1 = w[(i + 1) * out + j];
                double[] a0 = a[i];
                double[] a1 = a[i + 1];
                for (int r = r0; r < r1; r++) {
                    z[r] = z[r] + a0[r] * w0 + a1[r] * w1;
                }
            }
            case 1 -> {
                double w0 = w[i * out + j];
                double[] a0 = a[i];
                for (int r = r0; r < r1; r++) {
                    z[r] = z[r] + a0[r] * w0;
                }
            }
            default -> {
                // no inputs left
            }
        }
    }

    /**
     * {@link #affine} for two outputs j and j + 1 at once: each input value loaded serves two
     * sums, which halves the memory traffic of wide layers. Same order of additions.
     */
    static void affinePair(double[][] a, int in, double[] w, int out, int j, double b0, double b1,
                           double[] z0, double[] z1, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            z0[r] = b0;
            z1[r] = b1;
        }
        int i = 0;
        for (; i + 4 <= in; i += 4) {
            int k0 = i * out + j;
            int k1 = k0 + out;
            int k2 = k1 + out;
            int k3 = k2 + out;
            double w00 = w[k0];
            double w10 = w[k1];
            double w20 = w[k2];
            double w30 = w[k3];
            double w01 = w[k0 + 1];
            double w11 = w[k1 + 1];
            double w21 = w[k2 + 1];
            double w31 = w[k3 + 1];
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            for (int r = r0; r < r1; r++) {
                double v0 = a0[r];
                double v1 = a1[r];
                double v2 = a2[r];
                double v3 = a3[r];
                z0[r] = z0[r] + v0 * w00 + v1 * w10 + v2 * w20 + v3 * w30;
                z1[r] = z1[r] + v0 * w01 + v1 * w11 + v2 * w21 + v3 * w31;
            }
        }
        if (i + 2 <= in) {
            // two more inputs in one pass (the 2-input first layer of every network here)
            double w00 = w[i * out + j];
            double w01 = w[i * out + j + 1];
            double w10 = w[(i + 1) * out + j];
            double w11 = w[(i + 1) * out + j + 1];
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            for (int r = r0; r < r1; r++) {
                double v0 = a0[r];
                double v1 = a1[r];
                z0[r] = z0[r] + v0 * w00 + v1 * w10;
                z1[r] = z1[r] + v0 * w01 + v1 * w11;
            }
            i += 2;
        }
        for (; i < in; i++) {
            double w0 = w[i * out + j];
            double w1 = w[i * out + j + 1];
            double[] a0 = a[i];
            for (int r = r0; r < r1; r++) {
                z0[r] = z0[r] + a0[r] * w0;
                z1[r] = z1[r] + a0[r] * w1;
            }
        }
    }

    /**
     * Applies an element-wise activation to v[r0, r1). ReLU is written with max, which
     * vectorises where the textbook's conditional does not; the two agree on every number
     * (max(-0.0, 0.0) is 0.0 too, and max(z, 0.01 z) is the leaky form for z of either sign).
     */
    static void activate(Activation f, double[] v, int r0, int r1, BlockMath.Scratch scratch) {
        switch (f) {
            case TANH -> BlockMath.tanh(v, r0, r1, scratch);
            case SIGMOID -> BlockMath.sigmoid(v, r0, r1, scratch);
            case RELU -> {
                for (int r = r0; r < r1; r++) {
                    v[r] = Math.max(v[r], 0.0);
                }
            }
            case LEAKY_RELU -> {
                for (int r = r0; r < r1; r++) {
                    v[r] = Math.max(v[r], Activation.LEAK * v[r]);
                }
            }
            case LINEAR -> {
                // identity
            }
            default -> throw new IllegalStateException(f + " is not element-wise");
        }
    }

    /**
     * Softmax across the units of each row r in [r0, r1): e^(z - max) / sum, the maximum
     * subtracted so that no exponential overflows. Same order of operations as a row at a time.
     */
    private void softmax(double[][] z, int units, int r0, int r1, BlockMath.Scratch scratch) {
        for (int r = r0; r < r1; r++) {
            rowMax[r] = Double.NEGATIVE_INFINITY;
            rowSum[r] = 0;
        }
        for (int j = 0; j < units; j++) {
            double[] zj = z[j];
            for (int r = r0; r < r1; r++) {
                rowMax[r] = Math.max(rowMax[r], zj[r]);
            }
        }
        for (int j = 0; j < units; j++) {
            double[] zj = z[j];
            for (int r = r0; r < r1; r++) {
                zj[r] = zj[r] - rowMax[r];
            }
            BlockMath.exp(zj, zj, r0, r1, scratch);
            for (int r = r0; r < r1; r++) {
                rowSum[r] += zj[r];
            }
        }
        for (int r = r0; r < r1; r++) {
            rowSum[r] = 1.0 / rowSum[r];
        }
        for (int j = 0; j < units; j++) {
            double[] zj = z[j];
            for (int r = r0; r < r1; r++) {
                zj[r] *= rowSum[r];
            }
        }
    }
}
