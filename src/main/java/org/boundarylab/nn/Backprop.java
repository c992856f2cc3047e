package org.boundarylab.nn;

import java.util.Arrays;

/**
 * Loss and gradients by backpropagation over a batch, with buffers kept between calls.
 *
 * <pre>
 *   delta_L   = dLoss/dz_L                     (a - t for the canonical pairs)
 *   dW_l      = a_{l-1}^T delta_l / n + l2 W_l + l1 sign(W_l)
 *   db_l      = sum over rows of delta_l / n
 *   delta_l-1 = (delta_l W_l^T) * f'(a_{l-1})
 * </pre>
 *
 * <p>Blocks are laid out like {@link Forward}'s: inputs x and targets t hold unit j of row r at
 * {@code [j][r]}.
 *
 * <p>The rows are cut into chunks of at most {@link BlockMath#BLOCK} rows, fixed by the row
 * count alone. Each chunk sums its own rows' gradient terms in order; the chunk sums are then
 * added in chunk order. The chunks may run on several threads ({@link ChunkRunner}), and the
 * result is the same bit for bit whichever thread ran which chunk.
 */
final class Backprop {
    private final Architecture arch;
    final Forward forward;
    /** deltas[l][j][r] = dLoss/dz for unit j of layer l >= 1 and row r. */
    private final double[][][] deltas;
    private final ChunkSums[] chunks;
    private final ChunkRunner runner;
    private final ChunkRunner.Pace pace = new ChunkRunner.Pace();
    /** All 1.0: the bias's input in {@link #weightSums}. */
    private final double[] ones;

    Backprop(Architecture arch, int capacity) {
        this(arch, capacity, ChunkRunner.shared());
    }

    Backprop(Architecture arch, int capacity, ChunkRunner runner) {
        this.arch = arch;
        this.forward = new Forward(arch, capacity);
        this.runner = runner;
        int depth = arch.depth();
        deltas = new double[depth + 1][][];
        for (int l = 1; l <= depth; l++) {
            deltas[l] = new double[arch.width(l)][capacity];
        }
        chunks = new ChunkSums[chunkCount(capacity)];
        ones = new double[capacity];
        Arrays.fill(ones, 1.0);
    }

    int capacity() {
        return forward.capacity();
    }

    /** How many chunks n rows are cut into: a function of n alone, never of the thread count. */
    static int chunkCount(int rows) {
        return Math.max(1, (rows + BlockMath.BLOCK - 1) / BlockMath.BLOCK);
    }

    /** Mean loss plus penalty, forward pass only. */
    double loss(Network net, double[][] x, double[][] t, int rows, Regularization reg) {
        run(net, x, t, rows, true, false);
        return sumLosses(rows) / rows + net.penalty(reg);
    }

    /**
     * Fills g with the mean gradient over rows [0, rows) and, when asked, g.loss with the loss
     * for the parameters as they were (before any update).
     */
    void lossAndGradients(Network net, double[][] x, double[][] t, int rows, Regularization reg,
                          Gradients g, boolean withLoss) {
        int count = run(net, x, t, rows, withLoss, true);
        g.loss = withLoss ? sumLosses(rows) / rows + net.penalty(reg) : Double.NaN;
        double invN = 1.0 / rows;
        double l2 = reg.l2();
        double l1 = reg.l1();
        for (int l = 0; l < arch.depth(); l++) {
            double[] dw = g.weights[l];
            double[] db = g.biases[l];
            System.arraycopy(chunks[0].weights[l], 0, dw, 0, dw.length);
            System.arraycopy(chunks[0].biases[l], 0, db, 0, db.length);
            for (int c = 1; c < count; c++) {
                add(dw, chunks[c].weights[l]);
                add(db, chunks[c].biases[l]);
            }
            double[] w = net.weights[l];
            for (int k = 0; k < dw.length; k++) {
                dw[k] = dw[k] * invN + l2 * w[k] + (l1 == 0 ? 0.0 : l1 * Math.signum(w[k]));
            }
            for (int j = 0; j < db.length; j++) {
                db[j] *= invN;
            }
        }
    }

    private static void add(double[] sum, double[] part) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += part[k];
        }
    }

    private double sumLosses(int rows) {
        double total = 0;
        for (int c = 0; c < chunkCount(rows); c++) {
            total += chunks[c].loss;
        }
        return total;
    }

    /** Runs every chunk of rows [0, rows); returns the number of chunks. */
    private int run(Network net, double[][] x, double[][] t, int rows, boolean withLoss, boolean withGradients) {
        if (rows > capacity()) {
            throw new IllegalArgumentException(rows + " rows exceed the buffer of " + capacity());
        }
        int count = chunkCount(rows);
        int size = (rows + count - 1) / count;
        for (int c = 0; c < count; c++) {
            if (chunks[c] == null) {
                chunks[c] = new ChunkSums(arch);
            }
        }
        runner.run(count, c -> {
            int r0 = c * size;
            int r1 = Math.min(rows, r0 + size);
            chunk(net, x, t, r0, r1, withLoss, withGradients, chunks[c]);
        }, pace);
        return count;
    }

    /** Forward pass, loss and unscaled gradient sums of rows [r0, r1) into s. */
    private void chunk(Network net, double[][] x, double[][] t, int r0, int r1, boolean withLoss,
                       boolean withGradients, ChunkSums s) {
        int depth = arch.depth();
        Loss loss = arch.loss();
        forward.run(net, x, r0, r1, withLoss && loss.needsPreActivations());
        s.loss = withLoss ? loss.sum(forward.output(), forward.outputZ, t, r0, r1) : Double.NaN;
        if (!withGradients) {
            return;
        }
        loss.outputDelta(arch.output(), forward.output(), t, deltas[depth], r0, r1);
        for (int l = depth; l >= 1; l--) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            double[][] a = l == 1 ? x : forward.activations[l - 1];
            double[][] delta = deltas[l];
            double[] w = net.weights[l - 1];
            if (in >= WIDE && out >= WIDE) {
                weightSumsWide(a, delta, in, out, r0, r1, s.weights[l - 1], s.biases[l - 1], s.wide(in, out));
            } else {
                weightSums(a, ones, delta, in, out, r0, r1, s.weights[l - 1], s.biases[l - 1]);
            }
            if (l > 1) {
                double[][] prev = deltas[l - 1];
                int pairs = in / 2 * 2;
                for (int i = 0; i < pairs; i += 2) {
                    backPair(delta, w, out, i, prev[i], prev[i + 1], r0, r1);
                }
                if (pairs < in) {
                    backUnit(delta, w, out, pairs, prev[pairs], r0, r1);
                }
                for (int i = 0; i < in; i++) {
                    multiplyByDerivative(arch.hidden(), prev[i], a[i], r0, r1);
                }
            }
        }
    }

    /**
     * dw[i][j] = sum over rows of a_i[r] delta_j[r], and db[j] = sum of delta_j[r] (the bias as
     * an input that is always 1: 1.0 * d is exactly d). Each is a plain sum in row order.
     *
     * <p>Why four at a time: a single running sum waits on its previous addition every row
     * (several cycles each). The (input, output) pairs are taken four at a time, whatever the
     * layer shape (a 2-input layer has only two inputs per output), so four independent sums
     * advance together and the CPU overlaps them.
     */
    static void weightSums(double[][] a, double[] ones, double[][] delta, int in, int out, int r0, int r1,
                           double[] dw, double[] db) {
        int inputs = in + 1; // the inputs, then the bias's constant 1
        int pairs = inputs * out;
        int p = 0;
        for (; p + 4 <= pairs; p += 4) {
            double[] a0 = input(a, ones, in, p % inputs);
            double[] a1 = input(a, ones, in, (p + 1) % inputs);
            double[] a2 = input(a, ones, in, (p + 2) % inputs);
            double[] a3 = input(a, ones, in, (p + 3) % inputs);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            if (p / inputs == (p + 3) / inputs) {
                // one output for all four (wide layers): load its delta once per row
                double[] d = delta[p / inputs];
                for (int r = r0; r < r1; r++) {
                    double dr = d[r];
                    s0 += a0[r] * dr;
                    s1 += a1[r] * dr;
                    s2 += a2[r] * dr;
                    s3 += a3[r] * dr;
                }
            } else {
                double[] d0 = delta[p / inputs];
                double[] d1 = delta[(p + 1) / inputs];
                double[] d2 = delta[(p + 2) / inputs];
                double[] d3 = delta[(p + 3) / inputs];
                for (int r = r0; r < r1; r++) {
                    s0 += a0[r] * d0[r];
                    s1 += a1[r] * d1[r];
                    s2 += a2[r] * d2[r];
                    s3 += a3[r] * d3[r];
                }
            }
            store(dw, db, in, out, inputs, p, s0);
            store(dw, db, in, out, inputs, p + 1, s1);
            store(dw, db, in, out, inputs, p + 2, s2);
            store(dw, db, in, out, inputs, p + 3, s3);
        }
        for (; p + 2 <= pairs; p += 2) {
            double[] a0 = input(a, ones, in, p % inputs);
            double[] a1 = input(a, ones, in, (p + 1) % inputs);
            double[] d0 = delta[p / inputs];
            double[] d1 = delta[(p + 1) / inputs];
            double s0 = 0;
            double s1 = 0;
            for (int r = r0; r < r1; r++) {
                s0 += a0[r] * d0[r];
                s1 += a1[r] * d1[r];
            }
            store(dw, db, in, out, inputs, p, s0);
            store(dw, db, in, out, inputs, p + 1, s1);
        }
        for (; p < pairs; p++) {
            double[] a0 = input(a, ones, in, p % inputs);
            double[] d0 = delta[p / inputs];
            double s0 = 0;
            for (int r = r0; r < r1; r++) {
                s0 += a0[r] * d0[r];
            }
            store(dw, db, in, out, inputs, p, s0);
        }
    }

    /** Layers at least this wide on both sides take {@link #weightSumsWide}. */
    static final int WIDE = 16;

    /**
     * The same sums as {@link #weightSums} for wide layers, vectorised: row by row, each
     * output's gradient row g_j[0..in] += delta_j[r] * (a_0[r], ..., a_in-1[r], 1), a loop over
     * the inputs that the JIT turns into SIMD code. Each sum still runs in row order, and a row
     * whose delta_j is 0 (a ReLU unit that was off) adds nothing and is skipped.
     *
     * @param g scratch accumulators [out][in + 1]
     */
    static void weightSumsWide(double[][] a, double[][] delta, int in, int out, int r0, int r1,
                               double[] dw, double[] db, double[][] g) {
        double[] row = g[out];
        for (int j = 0; j < out; j++) {
            Arrays.fill(g[j], 0.0);
        }
        row[in] = 1.0;
        for (int r = r0; r < r1; r++) {
            for (int i = 0; i < in; i++) {
                row[i] = a[i][r];
            }
            for (int j = 0; j < out; j++) {
                double d = delta[j][r];
                if (d == 0.0) {
                    continue;
                }
                double[] gj = g[j];
                for (int i = 0; i <= in; i++) {
                    gj[i] += d * row[i];
                }
            }
        }
        for (int j = 0; j < out; j++) {
            double[] gj = g[j];
            for (int i = 0; i < in; i++) {
                dw[i * out + j] = gj[i];
            }
            db[j] = gj[in];
        }
    }

    private static double[] input(double[][] a, double[] ones, int in, int i) {
        return i < in ? a[i] : ones;
    }

    /** Pair p joins input p % inputs to output p / inputs; the last "input" is the bias. */
    private static void store(double[] dw, double[] db, int in, int out, int inputs, int p, double sum) {
        int i = p % inputs;
        int j = p / inputs;
        if (i < in) {
            dw[i * out + j] = sum;
        } else {
            db[j] = sum;
        }
    }

    /**
     * prev_i[r] = sum_j delta_j[r] w_ij for r in [r0, r1), in order of j; four units of delta
     * per pass over prev_i.
     */
    static void backUnit(double[][] delta, double[] w, int out, int i, double[] prev, int r0, int r1) {
        int wo = i * out;
        Arrays.fill(prev, r0, r1, 0.0);
        int j = 0;
        for (; j + 4 <= out; j += 4) {
            double w0 = w[wo + j];
            double w1 = w[wo + j + 1];
            double w2 = w[wo + j + 2];
            double w3 = w[wo + j + 3];
            double[] d0 = delta[j];
            double[] d1 = delta[j + 1];
            double[] d2 = delta[j + 2];
            double[] d3 = delta[j + 3];
            for (int r = r0; r < r1; r++) {
                prev[r] = prev[r] + d0[r] * w0 + d1[r] * w1 + d2[r] * w2 + d3[r] * w3;
            }
        }
        for (; j < out; j++) {
            double w0 = w[wo + j];
            double[] d0 = delta[j];
            for (int r = r0; r < r1; r++) {
                prev[r] = prev[r] + d0[r] * w0;
            }
        }
    }

    /**
     * {@link #backUnit} for two inputs i and i + 1 at once: each delta value loaded serves two
     * sums. Same order of additions.
     */
    static void backPair(double[][] delta, double[] w, int out, int i, double[] p0, double[] p1, int r0, int r1) {
        int wo = i * out;
        Arrays.fill(p0, r0, r1, 0.0);
        Arrays.fill(p1, r0, r1, 0.0);
        int j = 0;
        for (; j + 4 <= out; j += 4) {
            double w00 = w[wo + j];
            double w01 = w[wo + j + 1];
            double w02 = w[wo + j + 2];
            double w03 = w[wo + j + 3];
            double w10 = w[wo + out + j];
            double w11 = w[wo + out + j + 1];
            double w12 = w[wo + out + j + 2];
            double w13 = w[wo + out + j + 3];
            double[] d0 = delta[j];
            double[] d1 = delta[j + 1];
            double[] d2 = delta[j + 2];
            double[] d3 = delta[j + 3];
            for (int r = r0; r < r1; r++) {
                double e0 = d0[r];
                double e1 = d1[r];
                double e2 = d2[r];
                double e3 = d3[r];
                p0[r] = p0[r] + e0 * w00 + e1 * w01 + e2 * w02 + e3 * w03;
                p1[r] = p1[r] + e0 * w10 + e1 * w11 + e2 * w12 + e3 * w13;
            }
        }
        for (; j < out; j++) {
            double w0 = w[wo + j];
            double w1 = w[wo + out + j];
            double[] d0 = delta[j];
            for (int r = r0; r < r1; r++) {
                p0[r] = p0[r] + d0[r] * w0;
                p1[r] = p1[r] + d0[r] * w1;
            }
        }
    }

    /**
     * delta[r] *= f'(z[r]) for r in [r0, r1), written through the activation's output a
     * (tanh' = 1 - a^2, sigmoid' = a (1 - a), ...). Not defined for softmax, whose Jacobian
     * is not diagonal (the loss handles it).
     */
    static void multiplyByDerivative(Activation f, double[] delta, double[] a, int r0, int r1) {
        switch (f) {
            case TANH -> {
                for (int r = r0; r < r1; r++) {
                    delta[r] *= 1 - a[r] * a[r];
                }
            }
            case SIGMOID -> {
                for (int r = r0; r < r1; r++) {
                    delta[r] *= a[r] * (1 - a[r]);
                }
            }
            case RELU -> {
                // a > 0 ? delta : 0, as a product so that it vectorises: the step is exactly
                // 1 for any a > 0 (even the smallest subnormal times 2^1200) and 0 for a == 0
                for (int r = r0; r < r1; r++) {
                    delta[r] *= Math.min(1.0, a[r] * 0x1p600 * 0x1p600);
                }
            }
            case LEAKY_RELU -> {
                for (int r = r0; r < r1; r++) {
                    double step = Math.min(1.0, Math.max(0.0, a[r] * 0x1p600 * 0x1p600));
                    delta[r] *= step + (1 - step) * Activation.LEAK;
                }
            }
            case LINEAR -> {
                // derivative 1
            }
            case SOFTMAX -> throw new IllegalStateException("softmax derivative is handled with its loss");
            default -> throw new AssertionError(f);
        }
    }

    /** One chunk's loss sum and unscaled gradient sums. */
    private static final class ChunkSums {
        final double[][] weights;
        final double[][] biases;
        double loss;

        /** Accumulators for {@link #weightSumsWide}, [out][in + 1] plus one row of inputs. */
        private double[][] wide;

        ChunkSums(Architecture arch) {
            Network shape = new Network(arch);
            weights = shape.weights;
            biases = shape.biases;
        }

        double[][] wide(int in, int out) {
            if (wide == null || wide.length < out + 1 || wide[0].length < in + 1) {
                wide = new double[out + 1][in + 1];
            }
            return wide;
        }
    }
}
