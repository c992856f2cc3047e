package org.boundarylab.training.sweep;

import java.util.Arrays;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.TrainingOptions;

/**
 * Everything about one training run that a sweep does not vary: the hidden layers (used as they
 * are when the sweep varies L2 or the training-set size), activations, loss, initialiser,
 * training options and the first weight seed.
 */
public record RunSettings(int[] hiddenWidths, Activation hidden, Activation output, Loss loss,
                          Initializer initializer, TrainingOptions training, long baseSeed) {

    public RunSettings {
        hiddenWidths = hiddenWidths == null ? new int[0] : hiddenWidths.clone();
        for (int w : hiddenWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + Arrays.toString(hiddenWidths));
            }
        }
        if (hidden == null || output == null || loss == null || initializer == null || training == null) {
            throw new IllegalArgumentException("activations, loss, initialiser and training options must all be given");
        }
    }

    /** Tutorial 001's network: one hidden layer of 3, tanh + softmax, cross-entropy, lecun init, lr 2.0, L2 5e-5. */
    public static RunSettings tutorial001() {
        return new RunSettings(new int[] {3}, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                Initializer.LECUN, TrainingOptions.gradientDescent(2.0, 5e-5), 0);
    }

    @Override
    public int[] hiddenWidths() {
        return hiddenWidths.clone();
    }

    /** Output units for a number of classes: softmax has one per class, otherwise one unit for two classes. */
    public int outputsFor(int classes) {
        if (output == Activation.SOFTMAX) {
            return Math.max(2, classes);
        }
        return classes <= 2 ? 1 : classes;
    }

    public Architecture architecture(int inputs, int[] hiddenWidths, int classes) {
        return Architecture.of(inputs, hiddenWidths, outputsFor(classes), hidden, output, loss);
    }

    public RunSettings withTraining(TrainingOptions options) {
        return new RunSettings(hiddenWidths, hidden, output, loss, initializer, options, baseSeed);
    }

    public RunSettings withBaseSeed(long seed) {
        return new RunSettings(hiddenWidths, hidden, output, loss, initializer, training, seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSettings r && Arrays.equals(hiddenWidths, r.hiddenWidths) && hidden == r.hidden
                && output == r.output && loss == r.loss && initializer == r.initializer
                && training.equals(r.training) && baseSeed == r.baseSeed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hiddenWidths) * 31 + training.hashCode() + Long.hashCode(baseSeed);
    }
}
