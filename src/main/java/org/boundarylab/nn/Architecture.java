package org.boundarylab.nn;

import java.util.Arrays;

/**
 * The shape of a dense network: unit counts from input to output, the activation shared by
 * the hidden layers, the output activation and the loss. The constructor refuses the
 * combinations that make no sense, with a message naming the problem.
 *
 * <p><b>The size bound.</b> Every network Boundary Lab builds, reads, trains or evaluates (the
 * command line and the window alike) has at most {@value #MAX_UNITS} units in all its layers
 * together (input and output included), at most {@value #MAX_PARAMETERS} parameters (weights and
 * biases) and at most {@value #MAX_OUTPUTS} output units. The constructor checks this before
 * anything is allocated, so a model file or an option that asks for more is refused instead of
 * exhausting memory. What it allows: a parameter array is at most 80 MB, and the engine's working
 * buffers, which it cuts into blocks of 512 rows, hold at most units x 512 numbers (41 MB) per
 * thread. A pass over data keeps its targets and outputs whole, so rows times outputs is bounded
 * too ({@value #MAX_ROW_OUTPUTS}, {@link #checkRows}). The window's own limits (8 hidden layers of 1000 units, 7 input features, 10
 * classes: 8,017 units, about 7.03 million parameters) lie inside it.
 */
public record Architecture(int[] layers, Activation hidden, Activation output, Loss loss) {
    /** Units in all layers together, input and output included. */
    public static final int MAX_UNITS = 10_000;
    /** Weights and biases together. */
    public static final int MAX_PARAMETERS = 10_000_000;
    /** Units in the output layer: one per class at most, and a data file has at most 100 classes. */
    public static final int MAX_OUTPUTS = 100;
    /**
     * Rows times output units of one pass: the targets and outputs of a pass are kept whole
     * (80 MB each at this bound), e.g. a million rows for up to 10 outputs, 100,000 for 100.
     */
    public static final long MAX_ROW_OUTPUTS = 10_000_000;

    public Architecture {
        if (layers == null) {
            throw new IllegalArgumentException("the layers must be given");
        }
        if (layers.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer, got "
                    + Arrays.toString(layers));
        }
        checkSize(layers);
        layers = layers.clone();
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

    /**
     * Refuses unit counts below 1 and networks beyond the size bound ({@value #MAX_UNITS} units,
     * {@value #MAX_PARAMETERS} parameters, {@value #MAX_OUTPUTS} outputs), with a message that
     * says which. Reads only the counts, so it is safe on any list.
     */
    public static void checkSize(int[] layers) {
        if (layers.length > MAX_UNITS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%,d layers are more than the %,d units a network may have in all", layers.length, MAX_UNITS));
        }
        long units = 0;
        long parameters = 0;
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] < 1) {
                throw new IllegalArgumentException("layer " + l + " has " + layers[l]
                        + " units; every layer needs at least 1");
            }
            units += layers[l];
            if (l > 0) {
                parameters += (long) layers[l - 1] * layers[l] + layers[l];
            }
        }
        if (units > MAX_UNITS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the layers have %,d units in all; a network may have at most %,d", units, MAX_UNITS));
        }
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the layers make %,d parameters; a network may have at most %,d", parameters, MAX_PARAMETERS));
        }
        if (layers[layers.length - 1] > MAX_OUTPUTS) {
            throw new IllegalArgumentException("the output layer has " + layers[layers.length - 1]
                    + " units; a network may have at most " + MAX_OUTPUTS + " outputs (one per class)");
        }
    }

    /** Refuses a pass over more rows than {@link #MAX_ROW_OUTPUTS} allows for this network's outputs. */
    public void checkRows(long rows) {
        if (rows * outputs() > MAX_ROW_OUTPUTS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%,d rows for %d output units make %,d output values; at most %,d at a time"
                            + " (fewer rows, or a model with fewer outputs)",
                    rows, outputs(), rows * outputs(), MAX_ROW_OUTPUTS));
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

    /** Units in all layers, input and output included (at most {@value #MAX_UNITS}). */
    public int unitCount() {
        int count = 0;
        for (int units : layers) {
            count += units;
        }
        return count;
    }

    /** Weights and biases (at most {@value #MAX_PARAMETERS}). */
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
