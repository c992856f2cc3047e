package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    @Test
    void mapsPointsInTheEnumOrderWhateverTheOrderGiven() {
        Features f = Features.parse("sin_x2, x1^2,x1*x2,x2");
        assertEquals(List.of("x2", "x1^2", "x1*x2", "sin_x2"), f.ids());
        double[][] rows = f.map(new double[][] {{2, 3}, {-1, 0.5}});
        assertArrayEquals(new double[] {3, 4, 6, Math.sin(3)}, rows[0], 0);
        assertArrayEquals(new double[] {0.5, 1, -0.5, Math.sin(0.5)}, rows[1], 0);
        assertArrayEquals(new double[] {3, 4, 6, Math.sin(3), 0.5, 1, -0.5, Math.sin(0.5)},
                f.mapFlat(new double[] {2, 3, -1, 0.5}, 2), 0);
        assertEquals(Feature.X1_TIMES_X2, Feature.parse("x1·x2"));
        assertEquals(Feature.SIN_X1, Feature.parse("sin(x1)"));
        assertEquals(Features.DEFAULT, Features.fromIds(List.of("x2", "x1")));
    }

    @Test
    void refusesEmptyDuplicateAndUnknownChoicesWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Features.parse(""))
                .getMessage().contains("at least one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Features.parse("x1,x1"))
                .getMessage().contains("x1 is listed twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Features.parse("x1,x3"))
                .getMessage().contains("entry 2: unknown feature 'x3'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Features.of(Feature.X2).with(Feature.X2, false)).getMessage().contains("at least one input"));
        assertEquals(Features.parse("x1,x2,x1^2"), Features.DEFAULT.with(Feature.X1_SQUARED, true));
    }

    @Test
    void aModelRefusesANetworkOfAnotherInputWidth() {
        Network net = Initializer.GLOROT.create(Architecture.of(2, new int[0], 1, Activation.TANH,
                Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 1);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new FeaturedModel(Features.parse("x1,x2,x1^2"), net)).getMessage()
                .contains("the network has 2 inputs but the features x1,x2,x1^2 make 3"));
    }

    @Test
    void aLinearModelSolvesCirclesWithSquaresButNotWithThePlaneAlone() {
        Dataset circles = Generators.circles(300, 0.05, 0.5, 3);
        double plain = trainedAccuracy(Features.DEFAULT, circles);
        double squares = trainedAccuracy(Features.parse("x1,x2,x1^2,x2^2"), circles);
        assertTrue(plain < 0.7, "a line cannot separate two rings: accuracy " + plain);
        assertTrue(squares > 0.95, "x1^2 + x2^2 is the radius: accuracy " + squares);
    }

    private static double trainedAccuracy(Features features, Dataset data) {
        Architecture arch = Architecture.of(features.count(), new int[0], 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network net = Initializer.GLOROT.create(arch, 7);
        Trainer trainer = new Trainer(net, features.map(data.x()), data.y(), TrainingOptions.gradientDescent(1.0, 0));
        for (int e = 0; e < 2000; e++) {
            trainer.epoch(false);
        }
        FeaturedModel model = new FeaturedModel(features, net);
        return Matrices.accuracy(model.predictClasses(data.x()), data.y());
    }
}
