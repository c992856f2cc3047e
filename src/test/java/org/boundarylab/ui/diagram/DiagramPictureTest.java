package org.boundarylab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.render.UnitMaps;
import org.boundarylab.render.Viewport;
import org.junit.jupiter.api.Test;

/** The diagram's picture of links and maps, drawn off the toolkit. */
class DiagramPictureTest {
    private static final int SIDE = 16;

    private static Network network() {
        Network net = Initializer.GLOROT.create(Architecture.of(2, new int[] {3}, 1, Activation.TANH,
                Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 3);
        net.setWeight(0, 0, 0, 3);   // strong, positive: blue
        net.setWeight(0, 1, 2, -3);  // strong, negative: orange
        return net;
    }

    private static int argb(DiagramPicture.Pixels p, double x, double y, double scale) {
        return p.argb()[(int) (y * scale) * p.width() + (int) (x * scale)];
    }

    @Test
    void eachUnitShowsItsOwnMapInsideAFrameAndLinksLieBetweenTheColumns() {
        Network net = network();
        UnitMaps maps = UnitMaps.compute(new FeaturedModel(Features.DEFAULT, net), new Viewport(-1, 1, -1, 1),
                SIDE, SIDE);
        DiagramLayout layout = new DiagramLayout(net.architecture().layers(), 280, 400);
        DiagramPicture.Pixels p = DiagramPicture.draw(layout, net, maps, 1);
        assertEquals(280, p.width());
        assertEquals(400, p.height());
        for (int l = 0; l < 3; l++) {
            for (int k = 0; k < layout.shown(l); k++) {
                double[] box = DiagramPicture.unitBox(layout, l, k);
                // the map's middle cell, scaled into the square, is where the square's middle is
                int cell = maps.argb(l, k)[(SIDE / 2) * SIDE + SIDE / 2];
                int seen = argb(p, box[0] + box[2] / 2 + 0.5, box[1] + box[2] / 2 + 0.5, 1);
                assertTrue(close(cell, seen, 40), "unit " + l + "." + k + ": map " + Integer.toHexString(cell)
                        + ", picture " + Integer.toHexString(seen));
                assertEquals(0xFF000000, argb(p, box[0] + box[2] / 2, box[1] + 0.5, 1) & 0xFF000000, "opaque frame");
            }
        }
        double[] blue = layout.linkMiddle(0, 0, 0);
        int b = argb(p, blue[0], blue[1], 1);
        assertTrue((b & 0xFF) > ((b >> 16) & 0xFF), "a positive link is blue: " + Integer.toHexString(b));
        double[] orange = layout.linkMiddle(0, 1, 2);
        int o = argb(p, orange[0], orange[1], 1);
        assertTrue(((o >> 16) & 0xFF) > (o & 0xFF), "a negative link is orange: " + Integer.toHexString(o));
        assertEquals(0, argb(p, 2, 2, 1) >>> 24, "nothing in the corner: the panel's background shows through");
    }

    @Test
    void aHiDpiScreenGetsMorePixelsForTheSamePlaces() {
        Network net = network();
        UnitMaps maps = UnitMaps.compute(new FeaturedModel(Features.DEFAULT, net), new Viewport(-1, 1, -1, 1),
                SIDE, SIDE);
        DiagramLayout layout = new DiagramLayout(net.architecture().layers(), 280, 400);
        DiagramPicture.Pixels one = DiagramPicture.draw(layout, net, maps, 1);
        DiagramPicture.Pixels two = DiagramPicture.draw(layout, net, maps, 2);
        assertEquals(560, two.width());
        assertEquals(800, two.height());
        double[] box = DiagramPicture.unitBox(layout, 1, 1);
        double x = box[0] + box[2] / 2 + 0.5;
        double y = box[1] + box[2] / 2 + 0.5;
        assertTrue(close(argb(one, x, y, 1), argb(two, x, y, 2), 40));
    }

    private static boolean close(int a, int b, int tolerance) {
        for (int shift = 0; shift < 32; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
