package org.boundarylab.nn;

/**
 * One example's forward and backward pass, every number of it, in the tutorials' notation:
 *
 * <pre>
 *   z^l = a^(l-1) W^l + b^l          a^0 = x (the point's features)
 *   a^l = f(z^l)                      f = the hidden activation, the output's for the last layer
 *   delta^L = dL/dz^L                 a - t for the canonical pairs
 *   delta^l = (delta^(l+1) W^(l+1)T) * f'(z^l)
 *   dL/dW^l = a^(l-1)T delta^l        dL/db^l = delta^l
 * </pre>
 *
 * <p>Made by the engine's own batch code ({@link Backprop}) on a batch of one row, so its
 * gradient is the very one training computes for that row, and its loss the one
 * {@link Network#loss} gives for it. The loss and gradient are the point's own, without the
 * weight penalty (which belongs to the whole training loss, see {@link BatchStep}).
 *
 * <p>Layers are numbered by weight layer: index l (0 to depth - 1) holds W[l], b[l] and the
 * units they feed, layer l + 1 of the network.
 */
public final class PointTrace {
    private final Architecture architecture;
    private final double[] input;
    private final int label;
    private final double[] target;
    private final double[][] z;
    private final double[][] a;
    private final double[][] delta;
    private final double[][][] gradWeights;
    private final double[][] gradBiases;
    private final double loss;

    private PointTrace(Architecture architecture, double[] input, int label, double[] target, double[][] z,
                       double[][] a, double[][] delta, double[][][] gradWeights, double[][] gradBiases, double loss) {
        this.architecture = architecture;
        this.input = input;
        this.label = label;
        this.target = target;
        this.z = z;
        this.a = a;
        this.delta = delta;
        this.gradWeights = gradWeights;
        this.gradBiases = gradBiases;
        this.loss = loss;
    }

    /**
     * The trace of one point through {@code net}.
     *
     * @param input the network's inputs for the point (its features, one per input unit)
     * @param label the point's class, 0 to {@link Architecture#classes()} - 1
     */
    public static PointTrace of(Network net, double[] input, int label) {
        Architecture arch = net.architecture();
        if (input.length != arch.inputs()) {
            throw new IllegalArgumentException("the network has " + arch.inputs() + " inputs, got " + input.length
                    + " values");
        }
        if (label < 0 || label >= arch.classes()) {
            throw new IllegalArgumentException("label " + label + " is not a class of this network (0 to "
                    + (arch.classes() - 1) + ")");
        }
        for (double v : input) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the inputs must be finite numbers, got " + v);
            }
        }
        Backprop bp = new Backprop(arch, 1, ChunkRunner.shared());
        bp.keepPreActivations();
        double[][] x = Matrices.byColumn(new double[][] {input}, arch.inputs(), 1);
        double[][] t = Matrices.targetsByColumn(new int[] {label}, arch.outputs(), 1);
        Gradients g = new Gradients(arch);
        bp.lossAndGradients(net, x, t, 1, Regularization.NONE, g, true);

        int depth = arch.depth();
        Forward f = bp.singleChunkForward();
        double[][][] deltas = bp.singleChunkDeltas();
        double[][] z = new double[depth][];
        double[][] a = new double[depth][];
        double[][] delta = new double[depth][];
        double[][][] gw = new double[depth][][];
        double[][] gb = new double[depth][];
        for (int l = 0; l < depth; l++) {
            int out = arch.width(l + 1);
            int in = arch.width(l);
            z[l] = new double[out];
            a[l] = new double[out];
            delta[l] = new double[out];
            gb[l] = new double[out];
            for (int j = 0; j < out; j++) {
                z[l][j] = f.preZ[l + 1][j][0];
                a[l][j] = f.activations[l + 1][j][0];
                delta[l][j] = deltas[l + 1][j][0];
                gb[l][j] = g.bias(l, j);
            }
            gw[l] = new double[in][out];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    gw[l][i][j] = g.weight(l, i, j);
                }
            }
        }
        double[] target = new double[arch.outputs()];
        for (int j = 0; j < target.length; j++) {
            target[j] = t[j][0];
        }
        return new PointTrace(arch, input.clone(), label, target, z, a, delta, gw, gb, g.loss());
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The network's inputs for the point (its features), a^0. */
    public double[] input() {
        return input.clone();
    }

    public int label() {
        return label;
    }

    /** The target the loss compares the output with (one-hot over several outputs, the label itself for one). */
    public double[] target() {
        return target.clone();
    }

    /** Weight layers: hidden layers, then the output. */
    public int depth() {
        return z.length;
    }

    /** Pre-activation z of unit j fed by weight layer l. */
    public double z(int l, int j) {
        return z[l][j];
    }

    /** Activation a = f(z) of unit j fed by weight layer l. */
    public double a(int l, int j) {
        return a[l][j];
    }

    /** The value feeding weight layer l from unit i: the input for l = 0, else the activation below. */
    public double in(int l, int i) {
        return l == 0 ? input[i] : a[l - 1][i];
    }

    /** delta = dL/dz of unit j fed by weight layer l. */
    public double delta(int l, int j) {
        return delta[l][j];
    }

    /** dL/dW[l][i][j] for this point. */
    public double gradWeight(int l, int i, int j) {
        return gradWeights[l][i][j];
    }

    /** dL/db[l][j] for this point. */
    public double gradBias(int l, int j) {
        return gradBiases[l][j];
    }

    /** Copies of layer l's values, for writing out. */
    public double[] zs(int l) {
        return z[l].clone();
    }

    public double[] as(int l) {
        return a[l].clone();
    }

    public double[] deltas(int l) {
        return delta[l].clone();
    }

    public double[][] gradWeights(int l) {
        double[][] c = new double[gradWeights[l].length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = gradWeights[l][i].clone();
        }
        return c;
    }

    public double[] gradBiases(int l) {
        return gradBiases[l].clone();
    }

    /** The network's outputs for the point. */
    public double[] output() {
        return a[a.length - 1].clone();
    }

    /** The class the network gives the point: argmax of several outputs, p > 0.5 for one. */
    public int predicted() {
        double[] out = a[a.length - 1];
        return Matrices.classOf(out, 0, out.length);
    }

    /** The point's own loss, without the weight penalty. */
    public double loss() {
        return loss;
    }

    /** Whether every number of the trace is finite. */
    public boolean isFinite() {
        if (!Double.isFinite(loss)) {
            return false;
        }
        for (int l = 0; l < z.length; l++) {
            for (int j = 0; j < z[l].length; j++) {
                if (!Double.isFinite(z[l][j]) || !Double.isFinite(a[l][j]) || !Double.isFinite(delta[l][j])
                        || !Double.isFinite(gradBiases[l][j])) {
                    return false;
                }
            }
            for (double[] row : gradWeights[l]) {
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
