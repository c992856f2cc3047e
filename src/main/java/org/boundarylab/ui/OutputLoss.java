package org.boundarylab.ui;

import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Loss;

/** The output layer and loss pairs the lab offers; each pair is one the engine accepts. */
public enum OutputLoss {
    SIGMOID_CROSS_ENTROPY("sigmoid + cross-entropy", Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY),
    SOFTMAX_CROSS_ENTROPY("softmax + cross-entropy", Activation.SOFTMAX, Loss.CROSS_ENTROPY),
    SIGMOID_SQUARED_ERROR("sigmoid + squared error", Activation.SIGMOID, Loss.MEAN_SQUARED_ERROR);

    private final String label;
    private final Activation activation;
    private final Loss loss;

    OutputLoss(String label, Activation activation, Loss loss) {
        this.label = label;
        this.activation = activation;
        this.loss = loss;
    }

    public Activation activation() {
        return activation;
    }

    public Loss loss() {
        return loss;
    }

    /**
     * Output units for a data set of this many classes: softmax always needs one per class;
     * a sigmoid needs only one for two classes (p of class 1), else one per class.
     */
    public int outputsFor(int classes) {
        return activation == Activation.SIGMOID && classes == 2 ? 1 : classes;
    }

    @Override
    public String toString() {
        return label;
    }
}
