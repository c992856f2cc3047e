package org.boundarylab.nn;

/** Gradients of the loss with the same flat layout as {@link Network}'s parameters. */
public final class Gradients {
    final double[][] weights;
    final double[][] biases;
    private final Architecture architecture;
    double loss = Double.NaN;

    public Gradients(Architecture architecture) {
        this.architecture = architecture;
        Network shape = new Network(architecture);
        this.weights = shape.weights;
        this.biases = shape.biases;
    }

    public double weight(int layer, int from, int to) {
        return weights[layer][from * architecture.width(layer + 1) + to];
    }

    public double bias(int layer, int unit) {
        return biases[layer][unit];
    }

    /** The loss computed with these gradients (NaN where it was not asked for). */
    public double loss() {
        return loss;
    }
}
