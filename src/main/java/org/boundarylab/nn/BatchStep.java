package org.boundarylab.nn;

/**
 * One epoch of full-batch gradient descent taken apart: the training loss with its penalty,
 * its gradient (the mean over the examples plus the penalty's gradient) and the parameters
 * after the step
 *
 * <pre>
 *   W &lt;- W - lr (dL/dW + l2 W + l1 sign W)      b &lt;- b - lr dL/db
 * </pre>
 *
 * <p>It runs the code a {@link Trainer} with {@link Optimizer.Kind#GD} and no batch size runs in
 * an epoch (the same backpropagation over the same rows, then the same update rule), so
 * {@link #after()} is the network such an epoch leaves, to the last bit.
 */
public final class BatchStep {
    private final Network before;
    private final Network after;
    private final Gradients gradients;
    private final double learningRate;
    private final Regularization regularization;
    private final int rows;

    private BatchStep(Network before, Network after, Gradients gradients, double learningRate,
                      Regularization regularization, int rows) {
        this.before = before;
        this.after = after;
        this.gradients = gradients;
        this.learningRate = learningRate;
        this.regularization = regularization;
        this.rows = rows;
    }

    /**
     * The step {@code net} would take on the examples {@code x} (the network's inputs, features
     * already made) with {@code labels}. {@code net} itself is not changed.
     */
    public static BatchStep of(Network net, double[][] x, int[] labels, double learningRate, Regularization reg) {
        if (x.length == 0) {
            throw new IllegalArgumentException("there are no training examples");
        }
        if (x.length != labels.length) {
            throw new IllegalArgumentException(x.length + " rows of inputs but " + labels.length + " labels");
        }
        Network before = net.copy();
        Gradients g = before.gradients(x, labels, reg);
        Network after = before.copy();
        Optimizer.Kind.GD.create(before.architecture(), learningRate).step(after, g);
        return new BatchStep(before, after, g, learningRate, reg, x.length);
    }

    /** The parameters the gradient was taken at (a copy). */
    public Network before() {
        return before.copy();
    }

    /** The parameters after the step (a copy). */
    public Network after() {
        return after.copy();
    }

    /** The training loss at {@link #before()}: the mean per-example loss plus the penalty. */
    public double loss() {
        return gradients.loss();
    }

    /** dL/dW[l][i][j] of the training loss: the mean over the examples plus the penalty's gradient. */
    public double gradWeight(int l, int i, int j) {
        return gradients.weight(l, i, j);
    }

    /** dL/db[l][j] of the training loss (biases carry no penalty). */
    public double gradBias(int l, int j) {
        return gradients.bias(l, j);
    }

    public double learningRate() {
        return learningRate;
    }

    public Regularization regularization() {
        return regularization;
    }

    /** The number of examples the mean is over. */
    public int rows() {
        return rows;
    }
}
