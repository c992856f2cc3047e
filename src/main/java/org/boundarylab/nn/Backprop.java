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
 *
 * <p>A chunk's gradient sums are a copy of every parameter, so they are kept for at most
 * {@link #SUM_BUDGET} numbers' worth of chunks at a time (at least one set per lane): a batch with
 * more chunks than that runs in waves, each wave's sums added to the total in chunk order before
 * the next wave reuses the buffers. The additions happen in the same order as in one wave, so the
 * result is the same to the last bit; only the memory differs (a 7-million-parameter network on
 * 90,000 rows would otherwise keep 176 copies of its parameters, 10 GB).
 */
final class Backprop {
    /** Gradient-sum numbers kept at most (beyond one set per lane): 64 MB. */
    static final long SUM_BUDGET = 8_000_000;
    private final Architecture arch;
    private final int capacity;
    /** Each chunk's results (loss, outputs), for a batch of the full capacity. */
    private final Chunk[] chunks;
    /** Gradient sums of the chunks of one wave: sums[c] belongs to chunk wave * sums.length + c. */
    private final Sums[] sums;
    /**
     * The buffers a chunk works in while it runs (its rows, activations, deltas), one set per
     * lane of the runner, that is per thread: a chunk's activations are dead once its gradient
     * sums are done, so a 16,000-row batch of a wide network keeps two sets of 512 rows instead
     * of thirty-two, less memory for the collector to copy about (its pauses held the window up
     * to 50 ms). Why by lane and not from a shared pool: a set taken by whichever thread came
     * first went from core to core between epochs, and its cache lines with it; that made
     * seed000 on two cores a quarter slower.
     */
    private final Scratch[] scratches;
    private final ChunkRunner runner;
    /** Whether the chunks keep gradient sums (see the constructor). */
    private final boolean gradients;
    private final ChunkRunner.Pace pace = new ChunkRunner.Pace();
    /** The last pass's outputs gathered by row, filled when {@link #outputs()} asks. */
    private double[][] gathered;
    private int lastRows;

    /** For training: loss and gradients, on the process-wide runner. */
    Backprop(Architecture arch, int capacity) {
        this(arch, capacity, ChunkRunner.shared());
    }

    /** For training: loss and gradients, on the given runner. */
    Backprop(Architecture arch, int capacity, ChunkRunner runner) {
        this(arch, capacity, runner, true);
    }

    /**
     * Makes every buffer a batch of up to {@code capacity} rows will use, now rather than on the
     * first pass: a branch that allocates on the first pass only is never taken while the JIT
     * profiles the code, so the compiled code traps on it when the next Backprop starts, and the
     * whole pass is compiled again (about a tenth of a second of the compiler's time each).
     *
     * @param gradients whether {@link #lossAndGradients} will be called; a loss-only instance
     *                  (evaluation) keeps no gradient sums, which for a wide network are a copy
     *                  of all its weights per chunk of a wave
     */
    Backprop(Architecture arch, int capacity, ChunkRunner runner, boolean gradients) {
        this(arch, capacity, runner, gradients, SUM_BUDGET);
    }

    /** With a budget of {@code sumBudget} gradient-sum numbers instead of {@link #SUM_BUDGET} (tests use a small one). */
    Backprop(Architecture arch, int capacity, ChunkRunner runner, boolean gradients, long sumBudget) {
        this.arch = arch;
        this.capacity = capacity;
        this.runner = runner;
        this.gradients = gradients;
        int rows = Math.min(capacity, BlockMath.BLOCK);
        chunks = new Chunk[chunkCount(capacity)];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(arch, rows);
        }
        int wave = gradients ? waveSize(chunks.length, arch.parameterCount(), runner.lanes(), sumBudget) : 0;
        sums = new Sums[wave];
        for (int c = 0; c < wave; c++) {
            sums[c] = new Sums(arch);
        }
        scratches = new Scratch[chunks.length == 1 ? 1 : runner.lanes()];
        for (int lane = 0; lane < scratches.length; lane++) {
            scratches[lane] = new Scratch(arch, rows);
        }
    }

    int capacity() {
        return capacity;
    }

    /** Every later pass also keeps each layer's pre-activations (see {@link Forward#keepPreActivations()}). */
    void keepPreActivations() {
        for (Scratch s : scratches) {
            s.forward.keepPreActivations();
        }
    }

    /**
     * The forward buffers of the last pass, for a batch that was one chunk (at most
     * {@link BlockMath#BLOCK} rows, which run on the calling thread in the first set of buffers):
     * activation j of layer l for row r at {@code activations[l][j][r]}.
     */
    Forward singleChunkForward() {
        requireSingleChunk();
        return scratches[0].forward;
    }

    /** The deltas dLoss/dz of the last pass of one chunk, {@code [l][j][r]} for l >= 1, as {@link #singleChunkForward()}. */
    double[][][] singleChunkDeltas() {
        requireSingleChunk();
        return scratches[0].deltas;
    }

    private void requireSingleChunk() {
        if (chunkCount(lastRows) != 1 || scratches.length != 1) {
            throw new IllegalStateException("the last pass was not one chunk");
        }
    }

    /** How many sets of working buffers there are: one per lane of the runner (one for a single chunk). */
    int scratchSets() {
        return scratches.length;
    }

    /** Chunks whose gradient sums are kept at once: all, or as many as {@link #SUM_BUDGET} allows (at least one per lane). */
    static int waveSize(int chunkCount, long parameters, int lanes, long sumBudget) {
        long fits = Math.max(lanes, sumBudget / Math.max(1, parameters));
        return (int) Math.min(chunkCount, fits);
    }

    /** How many sets of gradient sums are kept (the chunks of one wave). */
    int sumSets() {
        return sums.length;
    }

    /** How many chunks n rows are cut into: a function of n alone, never of the thread count. */
    static int chunkCount(int rows) {
        return Math.max(1, (rows + BlockMath.BLOCK - 1) / BlockMath.BLOCK);
    }

    /** The first row of chunk c when n rows are cut into {@link #chunkCount} equal chunks (n for c = count). */
    static int chunkStart(int c, int rows) {
        int count = chunkCount(rows);
        int size = (rows + count - 1) / count;
        return Math.min(rows, c * size);
    }

    /** Mean loss plus penalty, forward pass only. */
    double loss(Network net, double[][] x, double[][] t, int rows, Regularization reg) {
        run(net, x, t, rows, true);
        return sumLosses(rows) / rows + net.penalty(reg);
    }

    /**
     * The outputs of the last pass, by column: output j of row r at {@code [j][r]} (gathered
     * from the chunks' own buffers on each call).
     */
    double[][] outputs() {
        int k = arch.outputs();
        if (gathered == null) {
            gathered = new double[k][capacity];
        }
        int count = chunkCount(lastRows);
        for (int c = 0; c < count; c++) {
            int r0 = chunkStart(c, lastRows);
            int n = chunkStart(c + 1, lastRows) - r0;
            double[][] out = chunks[c].output;
            for (int j = 0; j < k; j++) {
                System.arraycopy(out[j], 0, gathered[j], r0, n);
            }
        }
        return gathered;
    }

    /**
     * Fills g with the mean gradient over rows [0, rows) and, when asked, g.loss with the loss
     * for the parameters as they were (before any update).
     */
    void lossAndGradients(Network net, double[][] x, double[][] t, int rows, Regularization reg,
                          Gradients g, boolean withLoss) {
        if (!gradients) {
            throw new IllegalStateException("this Backprop was made for the loss alone");
        }
        if (rows > capacity) {
            throw new IllegalArgumentException(rows + " rows exceed the buffer of " + capacity);
        }
        int count = chunkCount(rows);
        lastRows = rows;
        int depth = arch.depth();
        for (int first = 0; first < count; first += sums.length) {
            int base = first;
            int n = Math.min(sums.length, count - first);
            runner.run(n, (c, lane) -> chunk(net, x, t, chunkStart(base + c, rows), chunkStart(base + c + 1, rows),
                    withLoss, sums[c], scratches[lane], chunks[base + c]), pace);
            // the chunk sums are added in chunk order, wave after wave: the same additions as all at once
            for (int l = 0; l < depth; l++) {
                double[] dw = g.weights[l];
                double[] db = g.biases[l];
                int c = 0;
                if (base == 0) {
                    System.arraycopy(sums[0].weights[l], 0, dw, 0, dw.length);
                    System.arraycopy(sums[0].biases[l], 0, db, 0, db.length);
                    c = 1;
                }
                for (; c < n; c++) {
                    add(dw, sums[c].weights[l]);
                    add(db, sums[c].biases[l]);
                }
            }
        }
        g.loss = withLoss ? sumLosses(rows) / rows + net.penalty(reg) : Double.NaN;
        double invN = 1.0 / rows;
        double l2 = reg.l2();
        double l1 = reg.l1();
        for (int l = 0; l < depth; l++) {
            double[] dw = g.weights[l];
            double[] db = g.biases[l];
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

    /** Runs the forward pass (and the loss) of every chunk of rows [0, rows). */
    private void run(Network net, double[][] x, double[][] t, int rows, boolean withLoss) {
        if (rows > capacity) {
            throw new IllegalArgumentException(rows + " rows exceed the buffer of " + capacity);
        }
        int count = chunkCount(rows);
        lastRows = rows;
        runner.run(count, (c, lane) -> chunk(net, x, t, chunkStart(c, rows), chunkStart(c + 1, rows), withLoss,
                null, scratches[lane], chunks[c]), pace);
    }

    /**
     * Forward pass, loss and unscaled gradient sums of rows [r0, r1) into {@code into}, worked
     * out in its lane's buffers {@code s}.
     *
     * <p>The chunk first copies its rows of x and t into buffers of its own and works there
     * from row 0. Why: when two threads write neighbouring rows of shared arrays, the cache
     * line holding their boundary rows goes back and forth between the cores in every one of
     * the pass's several dozen loops, as both run the same loops in step; that cost more than
     * a third of what the second core saved. The copy is a few thousand numbers an epoch.
     * Every sum is computed as before, so the results are the same to the last bit.
     */
    private void chunk(Network net, double[][] x, double[][] t, int r0, int r1, boolean withLoss,
                       Sums gradientSums, Scratch s, Chunk into) {
        int n = r1 - r0;
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], r0, s.x[i], 0, n);
        }
        for (int j = 0; j < t.length; j++) {
            System.arraycopy(t[j], r0, s.t[j], 0, n);
        }
        int depth = arch.depth();
        Loss loss = arch.loss();
        Forward forward = s.forward;
        double[][][] deltas = s.deltas;
        forward.run(net, s.x, 0, n, withLoss && loss.needsPreActivations());
        into.loss = withLoss ? loss.sum(forward.output(), forward.outputZ, s.t, 0, n) : Double.NaN;
        double[][] outputs = forward.output();
        for (int j = 0; j < outputs.length; j++) {
            System.arraycopy(outputs[j], 0, into.output[j], 0, n);
        }
        if (gradientSums == null) {
            return;
        }
        loss.outputDelta(arch.output(), forward.output(), s.t, deltas[depth], 0, n);
        for (int l = depth; l >= 1; l--) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            double[][] a = l == 1 ? s.x : forward.activations[l - 1];
            double[][] delta = deltas[l];
            double[] w = net.weights[l - 1];
            if (in >= WIDE && out >= WIDE) {
                weightSumsWide(a, delta, in, out, 0, n, gradientSums.weights[l - 1], gradientSums.biases[l - 1], s.wide(in, out));
            } else {
                weightSums(a, s.ones, delta, in, out, 0, n, gradientSums.weights[l - 1], gradientSums.biases[l - 1]);
            }
            if (l > 1) {
                double[][] prev = deltas[l - 1];
                int pairs = in / 2 * 2;
                for (int i = 0; i < pairs; i += 2) {
                    backPair(delta, w, out, i, prev[i], prev[i + 1], 0, n);
                }
                if (pairs < in) {
                    backUnit(delta, w, out, pairs, prev[pairs], 0, n);
                }
                for (int i = 0; i < in; i++) {
                    multiplyByDerivative(arch.hidden(), prev[i], a[i], 0, n);
                }
            }
        }
    }

    /**
     * dw[i][j] = sum over rows of a_i[r] delta_j[r], and db[j] = sum of delta_j[r] (the bias as
     * an input that is always 1: 1.0 * d is exactly d). Each is a plain sum in row order.
     *
     * <p>Why tiles: a single running sum waits on its previous addition every row (several
     * cycles each). Tiles of up to four inputs by two outputs keep up to eight independent
     * sums going, so the CPU overlaps them, and each value loaded serves two or four of them.
     */
    static void weightSums(double[][] a, double[] ones, double[][] delta, int in, int out, int r0, int r1,
                           double[] dw, double[] db) {
        int inputs = in + 1; // the inputs, then the bias's constant 1
        double[] s = new double[8];
        int j = 0;
        for (; j + 2 <= out; j += 2) {
            double[] d0 = delta[j];
            double[] d1 = delta[j + 1];
            for (int i = 0; i < inputs; i += 4) {
                int n = Math.min(4, inputs - i);
                tileTwoOutputs(input(a, ones, in, i), input(a, ones, in, i + Math.min(1, n - 1)),
                        input(a, ones, in, i + Math.min(2, n - 1)), input(a, ones, in, i + Math.min(3, n - 1)),
                        d0, d1, n, r0, r1, s);
                for (int k = 0; k < n; k++) {
                    store(dw, db, in, out, i + k, j, s[k]);
                    store(dw, db, in, out, i + k, j + 1, s[4 + k]);
                }
            }
        }
        if (j < out) {
            double[] d = delta[j];
            for (int i = 0; i < inputs; i += 4) {
                int n = Math.min(4, inputs - i);
                tileOneOutput(input(a, ones, in, i), input(a, ones, in, i + Math.min(1, n - 1)),
                        input(a, ones, in, i + Math.min(2, n - 1)), input(a, ones, in, i + Math.min(3, n - 1)),
                        d, n, r0, r1, s);
                for (int k = 0; k < n; k++) {
                    store(dw, db, in, out, i + k, j, s[k]);
                }
            }
        }
    }

    /**
     * Sums over rows of a_k d_0 into s[k] and a_k d_1 into s[4 + k] for the first n of the four
     * inputs (the unused ones repeat the last, and are not stored by the caller).
     */
    private static void tileTwoOutputs(double[] a0, double[] a1, double[] a2, double[] a3, double[] d0, double[] d1,
                                       int n, int r0, int r1, double[] s) {
        double s00 = 0;
        double s10 = 0;
        double s20 = 0;
        double s30 = 0;
        double s01 = 0;
        double s11 = 0;
        double s21 = 0;
        double s31 = 0;
        if (n == 4) {
            for (int r = r0; r < r1; r++) {
                double e0 = d0[r];
                double e1 = d1[r];
                double v0 = a0[r];
                double v1 = a1[r];
                double v2 = a2[r];
                double v3 = a3[r];
                s00 += v0 * e0;
                s10 += v1 * e0;
                s20 += v2 * e0;
                s30 += v3 * e0;
                s01 += v0 * e1;
                s11 += v1 * e1;
                s21 += v2 * e1;
                s31 += v3 * e1;
            }
        } else if (n == 3) {
            for (int r = r0; r < r1; r++) {
                double e0 = d0[r];
                double e1 = d1[r];
                double v0 = a0[r];
                double v1 = a1[r];
                double v2 = a2[r];
                s00 += v0 * e0;
                s10 += v1 * e0;
                s20 += v2 * e0;
                s01 += v0 * e1;
                s11 += v1 * e1;
                s21 += v2 * e1;
            }
        } else if (n == 2) {
            for (int r = r0; r < r1; r++) {
                double e0 = d0[r];
                double e1 = d1[r];
                double v0 = a0[r];
                double v1 = a1[r];
                s00 += v0 * e0;
                s10 += v1 * e0;
                s01 += v0 * e1;
                s11 += v1 * e1;
            }
        } else {
            for (int r = r0; r < r1; r++) {
                double v0 = a0[r];
                s00 += v0 * d0[r];
                s01 += v0 * d1[r];
            }
        }
        s[0] = s00;
        s[1] = s10;
        s[2] = s20;
        s[3] = s30;
        s[4] = s01;
        s[5] = s11;
        s[6] = s21;
        s[7] = s31;
    }

    /** Sums over rows of a_k d into s[k] for the first n of the four inputs. */
    private static void tileOneOutput(double[] a0, double[] a1, double[] a2, double[] a3, double[] d, int n,
                                      int r0, int r1, double[] s) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        if (n == 4) {
            for (int r = r0; r < r1; r++) {
                double e = d[r];
                s0 += a0[r] * e;
                s1 += a1[r] * e;
                s2 += a2[r] * e;
                s3 += a3[r] * e;
            }
        } else if (n == 3) {
            for (int r = r0; r < r1; r++) {
                double e = d[r];
                s0 += a0[r] * e;
                s1 += a1[r] * e;
                s2 += a2[r] * e;
            }
        } else if (n == 2) {
            for (int r = r0; r < r1; r++) {
                double e = d[r];
                s0 += a0[r] * e;
                s1 += a1[r] * e;
            }
        } else {
            for (int r = r0; r < r1; r++) {
                s0 += a0[r] * d[r];
            }
        }
        s[0] = s0;
        s[1] = s1;
        s[2] = s2;
        s[3] = s3;
    }

    private static double[] input(double[][] a, double[] ones, int in, int i) {
        return i < in ? a[i] : ones;
    }

    /** Input i of the tile (the last, i == in, is the bias) to output j. */
    private static void store(double[] dw, double[] db, int in, int out, int i, int j, double sum) {
        if (i < in) {
            dw[i * out + j] = sum;
        } else {
            db[j] = sum;
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
        if (j + 2 <= out) {
            double w00 = w[wo + j];
            double w01 = w[wo + j + 1];
            double w10 = w[wo + out + j];
            double w11 = w[wo + out + j + 1];
            double[] d0 = delta[j];
            double[] d1 = delta[j + 1];
            for (int r = r0; r < r1; r++) {
                double e0 = d0[r];
                double e1 = d1[r];
                p0[r] = p0[r] + e0 * w00 + e1 * w01;
                p1[r] = p1[r] + e0 * w10 + e1 * w11;
            }
            j += 2;
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

    /** What one chunk leaves for after the run: its loss sum and its rows' outputs. */
    private static final class Chunk {
        /** output[j][r] for the chunk's row r, for {@link #outputs()}. */
        final double[][] output;
        double loss;

        Chunk(Architecture arch, int rows) {
            output = new double[arch.outputs()][rows];
        }
    }

    /** One chunk's unscaled gradient sums, shaped like the network's parameters. */
    private static final class Sums {
        final double[][] weights;
        final double[][] biases;

        Sums(Architecture arch) {
            Network shape = new Network(arch);
            weights = shape.weights;
            biases = shape.biases;
        }
    }

    /** The buffers a chunk is worked out in: its rows of x and t, activations and deltas. */
    private static final class Scratch {
        final Forward forward;
        /** deltas[l][j][r] = dLoss/dz for unit j of layer l >= 1 and the chunk's row r. */
        final double[][][] deltas;
        final double[][] x;
        final double[][] t;
        /** All 1.0: the bias's input in {@link #weightSums}. */
        final double[] ones;

        /** Accumulators for {@link #weightSumsWide}, [out][in + 1] plus one row of inputs. */
        private double[][] wide;

        Scratch(Architecture arch, int rows) {
            forward = new Forward(arch, rows);
            int depth = arch.depth();
            deltas = new double[depth + 1][][];
            for (int l = 1; l <= depth; l++) {
                deltas[l] = new double[arch.width(l)][rows];
            }
            x = new double[arch.inputs()][rows];
            t = new double[arch.outputs()][rows];
            ones = new double[rows];
            Arrays.fill(ones, 1.0);
        }

        double[][] wide(int in, int out) {
            if (wide == null || wide.length < out + 1 || wide[0].length < in + 1) {
                wide = new double[out + 1][in + 1];
            }
            return wide;
        }
    }
}
