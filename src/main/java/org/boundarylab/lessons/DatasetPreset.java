package org.boundarylab.lessons;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Generators;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Optimizer;

/**
 * The settings the lab switches to with a dataset, so that every dataset learns as it opens:
 * its noise, class count, network, optimiser and learning rate. Each reaches at least 0.9
 * training accuracy within {@link #EPOCHS} epochs on 400 points (DatasetPresetTest trains them
 * all). The two-arm spiral needs three hidden layers and Adam: plain gradient descent at 0.3
 * stalls on it.
 *
 * @param dataset      the pattern
 * @param classes      class count (blobs and spirals take any; the others have two)
 * @param noise        the generator's noise
 * @param hidden       hidden layer widths
 * @param activation   hidden activation
 * @param optimizer    update rule
 * @param learningRate step size
 */
public record DatasetPreset(DatasetKind dataset, int classes, double noise, int[] hidden, Activation activation,
                            Optimizer.Kind optimizer, double learningRate) {

    /** The run length every preset is measured at. */
    public static final long EPOCHS = 3000;

    private static final Map<DatasetKind, DatasetPreset> PRESETS = new EnumMap<>(Map.of(
            DatasetKind.MOONS, new DatasetPreset(DatasetKind.MOONS, 2, 0.2, new int[] {4}, Activation.TANH,
                    Optimizer.Kind.GD, 0.3),
            DatasetKind.CIRCLES, new DatasetPreset(DatasetKind.CIRCLES, 2, 0.1, new int[] {4}, Activation.TANH,
                    Optimizer.Kind.GD, 0.3),
            DatasetKind.XOR, new DatasetPreset(DatasetKind.XOR, 2, 0.1, new int[] {4}, Activation.TANH,
                    Optimizer.Kind.GD, 0.5),
            DatasetKind.GAUSSIAN, new DatasetPreset(DatasetKind.GAUSSIAN, 3, 0.2, new int[] {4}, Activation.TANH,
                    Optimizer.Kind.GD, 0.3),
            DatasetKind.SPIRAL, new DatasetPreset(DatasetKind.SPIRAL, 2, 0.1, new int[] {8, 8, 8}, Activation.TANH,
                    Optimizer.Kind.ADAM, 0.01)));

    public DatasetPreset {
        hidden = hidden.clone();
    }

    /** The preset of a dataset. */
    public static DatasetPreset of(DatasetKind kind) {
        return PRESETS.get(kind);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The output and loss a class count asks for: softmax with cross-entropy beyond two classes. */
    public static Activation outputFor(int classes) {
        return classes > 2 ? Activation.SOFTMAX : Activation.SIGMOID;
    }

    /** The loss that goes with {@link #outputFor}. */
    public static Loss lossFor(int classes) {
        return classes > 2 ? Loss.CROSS_ENTROPY : Loss.BINARY_CROSS_ENTROPY;
    }

    /** {@code base} with this preset's dataset, noise, network (output following the class count) and training. */
    public LabSettings applyTo(LabSettings base) {
        return base.toBuilder().dataset(dataset).noise(noise).hidden(hidden).hiddenActivation(activation)
                .outputActivation(outputFor(classes)).loss(lossFor(classes)).outputUnits(0).optimizer(optimizer)
                .learningRate(learningRate).build();
    }

    /** The preset's points: {@code samples} of its pattern in its class count. */
    public Dataset generate(int samples, long seed) {
        return switch (dataset) {
            case GAUSSIAN -> Generators.gaussian(samples, classes, noise, seed);
            case SPIRAL -> Generators.spirals(samples, classes, noise, seed);
            default -> Generators.generate(dataset, samples, noise, seed);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetPreset p && dataset == p.dataset && classes == p.classes
                && Double.compare(noise, p.noise) == 0 && Arrays.equals(hidden, p.hidden)
                && activation == p.activation && optimizer == p.optimizer
                && Double.compare(learningRate, p.learningRate) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dataset, classes, noise, Arrays.hashCode(hidden), activation, optimizer,
                learningRate);
    }
}
