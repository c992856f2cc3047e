package org.boundarylab.nn;

import java.util.Arrays;

/**
 * The shape of a dense network: unit counts from input to output, the activation shared by
 * the hidden layers, the output activation and the loss. The constructor refuses the
 * combinations that make no sense, with a message naming the problem.
 */
public record Architecture(int[] layers, Activation hidden, Activation output, Loss loss) {

    public Architecture {
        layers = layers.clone();
        if (layers.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer, got "
                    + Arrays.toString(layers));
        }
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] < 1) {
                throw new IllegalArgumentException("layer " + l + " has " + layers[l]
                        + " units; every layer needs at least 1");
            }
        }
        if (hidden == null || output == null || loss == null) {
            throw new IllegalArgumentException("activations and loss must be given");
        }
        if (!hidden.isHiddenCapable()) {
            throw new IllegalArgumentException("softmax can only be the output activation, not a hidden one");
        }
        int outputs = layers[layers.length - 1];
        if (output == Activation.SOFTMAX && outputs < 2) {
            throw new IllegalArgumentException("softmax needs at least 2 output units, got " + outputs
                    + " (use sigmoid for a single output)");
        }
        if (loss == Loss.CROSS_ENTROPY && output != Activation.SOFTMAX) {
            throw new IllegalArgumentException("cross_entropy needs a softmax output, got " + output
                    + " (use binary_cross_entropy with sigmoid)");
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY && output != Activation.SIGMOID) {
            throw new IllegalArgumentException("binary_cross_entropy needs a sigmoid output, got " + output
                    + (output == Activation.SOFTMAX ? " (use cross_entropy with softmax)" : ""));
        }
        if (output == Activation.RELU || output == Activation.LEAKY_RELU || output == Activation.TANH) {
            throw new IllegalArgumentException("output activation must be sigmoid, softmax or linear, got " + output);
        }
    }

    /** Input, hidden widths, output: e.g. of(2, new int[]{5, 3}, 1, ...). */
    public static Architecture of(int inputs, int[] hiddenWidths, int outputs,
                                  Activation hidden, Activation output, Loss loss) {
        int[] layers = new int[hiddenWidths.length + 2];
        layers[0] = inputs;
        System.arraycopy(hiddenWidths, 0, layers, 1, hiddenWidths.length);
        layers[layers.length - 1] = outputs;
        return new Architecture(layers, hidden, output, loss);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    public int depth() {
        return layers.length - 1;
    }

    public int width(int layer) {
        return layers[layer];
    }

    public int inputs() {
        return layers[0];
    }

    public int outputs() {
        return layers[layers.length - 1];
    }

    /** The number of classes the output encodes: 2 for a single sigmoid unit. */
    public int classes() {
        return outputs() == 1 ? 2 : outputs();
    }

    public int[] hiddenWidths() {
        return Arrays.copyOfRange(layers, 1, layers.length - 1);
    }

    public Activation activationOf(int layer) {
        return layer == depth() ? output : hidden;
    }

    public int parameterCount() {
        int count = 0;
        for (int l = 0; l < depth(); l++) {
            count += layers[l] * layers[l + 1] + layers[l + 1];
        }
        return count;
    }

    public Architecture withInputs(int inputs) {
        int[] copy = layers.clone();
        copy[0] = inputs;
        return new Architecture(copy, hidden, output, loss);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && Arrays.equals(layers, a.layers)
                && hidden == a.hidden && output == a.output && loss == a.loss;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layers) * 31 + hidden.hashCode() * 7 + output.hashCode() * 3 + loss.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < layers.length; l++) {
            s.append(l == 0 ? "" : "-").append(layers[l]);
        }
        return s + " " + hidden + "/" + output + " " + loss;
    }
}
