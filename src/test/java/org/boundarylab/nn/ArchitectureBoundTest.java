package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.boundarylab.data.Generators;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.training.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/** The one size bound of every network, and the window's and the sweep's limits inside it. */
class ArchitectureBoundTest {

    @Test
    void theLargestNetworksTheWindowAndTheSweepAllowFitTheBound() {
        int[] hidden = new int[LabSettings.MAX_HIDDEN_LAYERS];
        Arrays.fill(hidden, LabSettings.MAX_WIDTH);
        int features = Feature.values().length;
        Architecture window = Architecture.of(features, hidden, Generators.MAX_CLASSES, Activation.TANH,
                Activation.SOFTMAX, Loss.CROSS_ENTROPY);
        assertTrue(window.unitCount() <= Architecture.MAX_UNITS, window.unitCount() + " units");
        assertTrue(window.parameterCount() <= Architecture.MAX_PARAMETERS, window.parameterCount() + " parameters");
        assertEquals(8017, window.unitCount());

        Architecture sweep = Architecture.of(features, new int[] {SweepSpec.MAX_WIDTH, SweepSpec.MAX_WIDTH,
            SweepSpec.MAX_WIDTH}, Architecture.MAX_OUTPUTS, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY);
        assertTrue(sweep.parameterCount() <= Architecture.MAX_PARAMETERS);
    }

    @Test
    void networksBeyondTheBoundAreRefusedBeforeAnythingIsAllocated() {
        IllegalArgumentException parameters = assertThrows(IllegalArgumentException.class,
                () -> new Architecture(new int[] {2, 4_000_000, 1}, Activation.TANH, Activation.SIGMOID,
                        Loss.BINARY_CROSS_ENTROPY));
        assertEquals("the layers have 4,000,003 units in all; a network may have at most 10,000", parameters.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> new Architecture(new int[] {2, 4400, 4400, 1}, Activation.TANH, Activation.SIGMOID,
                        Loss.BINARY_CROSS_ENTROPY));
        assertEquals("the layers make 19,382,001 parameters; a network may have at most 10,000,000", wide.getMessage());
        IllegalArgumentException outputs = assertThrows(IllegalArgumentException.class,
                () -> new Architecture(new int[] {2, 3, 500}, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY));
        assertTrue(outputs.getMessage().startsWith("the output layer has 500 units"), outputs.getMessage());
        int[] deep = new int[20_000];
        Arrays.fill(deep, 1);
        IllegalArgumentException layers = assertThrows(IllegalArgumentException.class,
                () -> new Architecture(deep, Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));
        assertTrue(layers.getMessage().startsWith("20,000 layers"), layers.getMessage());
        // a network just inside the bound is accepted
        Architecture edge = new Architecture(new int[] {2, 3150, 3150, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        assertTrue(edge.parameterCount() <= Architecture.MAX_PARAMETERS);
    }

    @Test
    void rowsTimesOutputsOfOnePassAreBounded() {
        Architecture ten = new Architecture(new int[] {2, 5, 10}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        ten.checkRows(1_000_000);
        Architecture hundred = new Architecture(new int[] {2, 5, 100}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        hundred.checkRows(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hundred.checkRows(100_001));
        assertTrue(e.getMessage().startsWith("100,001 rows for 100 output units make 10,000,100 output values"),
                e.getMessage());
    }

    @Test
    void theLargestWindowSettingsAreAccepted() {
        int[] hidden = new int[LabSettings.MAX_HIDDEN_LAYERS];
        Arrays.fill(hidden, LabSettings.MAX_WIDTH);
        LabSettings d = LabSettings.defaults();
        LabSettings largest = new LabSettings(d.dataset(), d.samples(), d.noise(), d.testRatio(), d.dataSeed(),
                d.trainSubset(), hidden, d.hiddenActivation(), Activation.SOFTMAX, Generators.MAX_CLASSES,
                Loss.CROSS_ENTROPY, d.initializer(), d.weightSeed(), d.learningRate(), d.l2(), d.l1(), d.optimizer(),
                d.batchSize(), d.epochs(), d.redrawEvery(), Features.parse("x1,x2,x1^2,x2^2,x1*x2,sin_x1,sin_x2"));
        assertEquals(LabSettings.MAX_HIDDEN_LAYERS, largest.hidden().length);
    }
}
