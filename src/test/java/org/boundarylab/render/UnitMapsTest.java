package org.boundarylab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.junit.jupiter.api.Test;

class UnitMapsTest {
    private static final Viewport VIEW = new Viewport(-2, 2, -1.5, 1.5);

    @Test
    void theOutputMapIsTheNetworksPredictionAndHiddenUnitsFollowTheirWeights() {
        Network net = Initializer.GLOROT.create(Architecture.of(2, new int[] {5, 3}, 1, Activation.TANH,
                Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 3);
        UnitMaps maps = UnitMaps.compute(FeaturedModel.plain(net), VIEW, 16, 12);
        GridField field = BoundaryGrid.evaluate(net, VIEW, 16, 12);
        assertArrayEquals(field.values(), maps.values(3, 0), 1e-12, "last layer = the network's output");
        assertArrayEquals(HeatmapRenderer.argb(field), maps.argb(3, 0), "painted like the main canvas");

        // hidden unit 2 of layer 1 at cell 0 by hand
        double[] centres = BoundaryGrid.cellCentres(VIEW, 16, 12);
        double z = net.bias(0, 2) + centres[0] * net.weight(0, 0, 2) + centres[1] * net.weight(0, 1, 2);
        assertEquals(Math.tanh(z), maps.values(1, 2)[0], 1e-9);
        assertEquals(centres[2 * 7], maps.values(0, 0)[7], 0, "layer 0 holds the inputs");
        double[] range = maps.range(1, 2);
        assertTrue(range[0] >= -1 && range[1] <= 1 && range[0] < range[1]);
    }

    @Test
    void featuresAreTheInputLayerAndTheOutputMatchesTheFeaturedGrid() {
        Features f = Features.parse("x1^2,x2^2,sin_x1");
        Network net = Initializer.GLOROT.create(Architecture.of(3, new int[] {4}, 3, Activation.RELU,
                Activation.SOFTMAX, Loss.CROSS_ENTROPY), 2);
        FeaturedModel model = new FeaturedModel(f, net);
        UnitMaps maps = UnitMaps.compute(model, VIEW, 10, 10);
        double[] centres = BoundaryGrid.cellCentres(VIEW, 10, 10);
        assertEquals(Math.sin(centres[2 * 33]), maps.values(0, 2)[33], 0);
        GridField field = BoundaryGrid.evaluate(net, f, VIEW, 10, 10);
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 100; k++) {
                assertEquals(field.probability(k, c), maps.values(2, c)[k], 1e-12);
            }
        }
        UnitMaps partial = UnitMaps.compute(model, VIEW, 10, 10, 1);
        assertTrue(partial.has(1) && !partial.has(2));
        // a ReLU unit is never orange: it is never negative
        for (int argb : maps.argb(1, 0)) {
            assertTrue((argb & 0xFF) >= ((argb >> 16) & 0xFF), "blue or neutral");
        }
    }
}
