package org.boundarylab.nn;

import java.util.Arrays;

/**
 * A dense feed-forward network: its architecture and its parameters.
 *
 * <p>Weights are input-major, as in the tutorials' {@code np.dot(X, W)}: {@code W[l][i][j]}
 * joins unit i of layer l to unit j of layer l+1. They are stored flat per layer,
 * {@code weights[l][i * out + j]}, so the inner loops run over contiguous memory.
 */
public final class Network {
    private final Architecture architecture;
    final double[][] weights;
    final double[][] biases;

    public Network(Architecture architecture) {
        this.architecture = architecture;
        int depth = architecture.depth();
        this.weights = new double[depth][];
        this.biases = new double[depth][];
        for (int l = 0; l < depth; l++) {
            weights[l] = new double[architecture.width(l) * architecture.width(l + 1)];
            biases[l] = new double[architecture.width(l + 1)];
        }
    }

    /** A network with the given input-major weights {@code [l][i][j]} and biases {@code [l][j]}. */
    public static Network of(Architecture architecture, double[][][] weights, double[][] biases) {
        Network net = new Network(architecture);
        int depth = architecture.depth();
        if (weights.length != depth || biases.length != depth) {
            throw new IllegalArgumentException("expected " + depth + " weight matrices and bias vectors, got "
                    + weights.length + " and " + biases.length);
        }
        for (int l = 0; l < depth; l++) {
            int in = architecture.width(l);
            int out = architecture.width(l + 1);
            if (weights[l].length != in) {
                throw new IllegalArgumentException("weights[" + l + "] has " + weights[l].length
                        + " rows, expected " + in);
            }
            for (int i = 0; i < in; i++) {
                if (weights[l][i].length != out) {
                    throw new IllegalArgumentException("weights[" + l + "][" + i + "] has " + weights[l][i].length
                            + " values, expected " + out);
                }
                for (int j = 0; j < out; j++) {
                    net.setWeight(l, i, j, weights[l][i][j]);
                }
            }
            if (biases[l].length != out) {
                throw new IllegalArgumentException("biases[" + l + "] has " + biases[l].length
                        + " values, expected " + out);
            }
            for (int j = 0; j < out; j++) {
                net.setBias(l, j, biases[l][j]);
            }
        }
        return net;
    }

    public Architecture architecture() {
        return architecture;
    }

    public double weight(int layer, int from, int to) {
        return weights[layer][from * architecture.width(layer + 1) + to];
    }

    public void setWeight(int layer, int from, int to, double value) {
        requireFinite(value, "weights[" + layer + "][" + from + "][" + to + "]");
        weights[layer][from * architecture.width(layer + 1) + to] = value;
    }

    public double bias(int layer, int unit) {
        return biases[layer][unit];
    }

    public void setBias(int layer, int unit, double value) {
        requireFinite(value, "biases[" + layer + "][" + unit + "]");
        biases[layer][unit] = value;
    }

    private static void requireFinite(double v, String where) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + " is " + v + "; parameters must be finite numbers");
        }
    }

    /** Weights as nested input-major arrays {@code [l][i][j]}. */
    public double[][][] weightMatrices() {
        double[][][] w = new double[architecture.depth()][][];
        for (int l = 0; l < w.length; l++) {
            int in = architecture.width(l);
            int out = architecture.width(l + 1);
            w[l] = new double[in][out];
            for (int i = 0; i < in; i++) {
                System.arraycopy(weights[l], i * out, w[l][i], 0, out);
            }
        }
        return w;
    }

    public double[][] biasVectors() {
        double[][] b = new double[biases.length][];
        for (int l = 0; l < b.length; l++) {
            b[l] = biases[l].clone();
        }
        return b;
    }

    public Network copy() {
        Network c = new Network(architecture);
        copyInto(c);
        return c;
    }

    /** Copies this network's parameters into {@code target}, which has the same architecture. */
    public void copyInto(Network target) {
        if (!target.architecture.equals(architecture)) {
            throw new IllegalArgumentException("architectures differ: " + architecture + " vs " + target.architecture);
        }
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(weights[l], 0, target.weights[l], 0, weights[l].length);
            System.arraycopy(biases[l], 0, target.biases[l], 0, biases[l].length);
        }
    }

    public boolean isFinite() {
        for (int l = 0; l < weights.length; l++) {
            for (double v : weights[l]) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
            for (double v : biases[l]) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the other network has the same architecture and every parameter the same to the bit. */
    public boolean sameBits(Network other) {
        if (!architecture.equals(other.architecture)) {
            return false;
        }
        for (int l = 0; l < weights.length; l++) {
            if (!Arrays.equals(weights[l], other.weights[l]) || !Arrays.equals(biases[l], other.biases[l])) {
                return false;
            }
        }
        return true;
    }

    /** Largest absolute difference between any parameter of the two networks. */
    public double maxAbsDifference(Network other) {
        double max = 0;
        for (int l = 0; l < weights.length; l++) {
            for (int k = 0; k < weights[l].length; k++) {
                max = Math.max(max, Math.abs(weights[l][k] - other.weights[l][k]));
            }
            for (int k = 0; k < biases[l].length; k++) {
                max = Math.max(max, Math.abs(biases[l][k] - other.biases[l][k]));
            }
        }
        return max;
    }

    /** Output probabilities (or values, for a linear output) of each row of x. */
    public double[][] predict(double[][] x) {
        int k = architecture.outputs();
        double[][] result = new double[x.length][k];
        forwardInBlocks(Matrices.byColumn(x, architecture.inputs(), x.length), x.length, (out, r0, n) -> {
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < k; j++) {
                    result[r0 + r][j] = out[j][r];
                }
            }
        });
        return result;
    }

    /**
     * Outputs for a flat row-major block of inputs ({@code rows x inputs}); returns a new
     * {@code rows x outputs} block. The allocation-light path for grids and big batches.
     */
    public double[] predictFlat(double[] x, int rows) {
        int in = architecture.inputs();
        int k = architecture.outputs();
        if (x.length < rows * in) {
            throw new IllegalArgumentException(rows + " rows of " + in + " inputs need " + rows * in
                    + " values, got " + x.length);
        }
        double[][] columns = new double[in][rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in; i++) {
                columns[i][r] = x[r * in + i];
            }
        }
        double[] result = new double[rows * k];
        forwardInBlocks(columns, rows, (out, r0, n) -> {
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < k; j++) {
                    result[(r0 + r) * k + j] = out[j][r];
                }
            }
        });
        return result;
    }

    /** Class labels: argmax over several outputs, p > 0.5 for a single one. */
    public int[] predictClasses(double[][] x) {
        int k = architecture.outputs();
        int[] classes = new int[x.length];
        forwardInBlocks(Matrices.byColumn(x, architecture.inputs(), x.length), x.length, (out, r0, n) -> {
            for (int r = 0; r < n; r++) {
                int best = 0;
                if (k == 1) {
                    best = out[0][r] > 0.5 ? 1 : 0;
                } else {
                    for (int j = 1; j < k; j++) {
                        if (out[j][r] > out[best][r]) {
                            best = j;
                        }
                    }
                }
                classes[r0 + r] = best;
            }
        });
        return classes;
    }

    /** Takes the outputs of rows [r0, r0 + n), by column: output j of row r0 + r at {@code out[j][r]}. */
    @FunctionalInterface
    private interface BlockOutputs {
        void accept(double[][] out, int r0, int n);
    }

    /**
     * The forward pass over {@code rows} rows (input i of row r at {@code columns[i][r]}), a block
     * of {@link BlockMath#BLOCK} rows at a time, so its buffers hold units x 512 numbers however
     * many rows there are (a whole-batch buffer of a wide network on a million rows would need
     * gigabytes). Each row's outputs are the same as from one pass over all rows.
     */
    private void forwardInBlocks(double[][] columns, int rows, BlockOutputs sink) {
        int block = Math.max(1, Math.min(rows, BlockMath.BLOCK));
        Forward f = new Forward(architecture, block);
        double[][] xb = rows <= block ? columns : new double[columns.length][block];
        for (int r0 = 0; r0 < rows; r0 += block) {
            int n = Math.min(block, rows - r0);
            if (xb != columns) {
                for (int i = 0; i < columns.length; i++) {
                    System.arraycopy(columns[i], r0, xb[i], 0, n);
                }
            }
            f.run(this, xb, 0, n, false);
            sink.accept(f.output(), r0, n);
        }
    }

    /**
     * The loss of the data under this network: the mean per-example loss plus the
     * regularisation penalty (l2/2) * sum W^2 + l1 * sum |W|.
     */
    public double loss(double[][] x, int[] labels, Regularization reg) {
        architecture.checkRows(x.length);
        Backprop bp = new Backprop(architecture, x.length, ChunkRunner.shared(), false);
        return bp.loss(this, Matrices.byColumn(x, architecture.inputs(), x.length),
                Matrices.targetsByColumn(labels, architecture.outputs(), x.length), x.length, reg);
    }

    /** Mean loss and mean gradient (with regularisation) over the batch. */
    public Gradients gradients(double[][] x, int[] labels, Regularization reg) {
        architecture.checkRows(x.length);
        Backprop bp = new Backprop(architecture, x.length);
        Gradients g = new Gradients(architecture);
        bp.lossAndGradients(this, Matrices.byColumn(x, architecture.inputs(), x.length),
                Matrices.targetsByColumn(labels, architecture.outputs(), x.length), x.length, reg, g, true);
        return g;
    }

    double penalty(Regularization reg) {
        if (reg.l1() == 0 && reg.l2() == 0) {
            return 0;
        }
        double sq = 0;
        double abs = 0;
        for (double[] w : weights) {
            for (double v : w) {
                sq += v * v;
                abs += Math.abs(v);
            }
        }
        return 0.5 * reg.l2() * sq + reg.l1() * abs;
    }

    @Override
    public String toString() {
        return "Network[" + architecture + ", weights=" + Arrays.deepToString(weightMatrices()) + "]";
    }
}
