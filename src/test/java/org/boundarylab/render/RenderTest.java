package org.boundarylab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.junit.jupiter.api.Test;

class RenderTest {

    /** Logistic regression p = sigmoid(4 * x1): class 1 right of x1 = 0. */
    private static Network vertical() {
        Architecture arch = new Architecture(new int[] {2, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        return Network.of(arch, new double[][][] {{{4}, {0}}}, new double[][] {{0}});
    }

    @Test
    void aViewportGrowsToTheBoxShapeWithoutLosingAnything() {
        Viewport moons = new Viewport(-1.5, 2.5, -1, 1.5); // 4 wide, 2.5 high
        Viewport square = moons.withAspect(1);
        assertEquals(new Viewport(-1.5, 2.5, -1.75, 2.25), square);
        Viewport wide = moons.withAspect(3);
        assertEquals(7.5, wide.width(), 1e-12);
        assertEquals(2.5, wide.height(), 1e-12);
        assertEquals(0.5, (wide.xMin() + wide.xMax()) / 2, 1e-12, "centred");
        assertEquals(moons, moons.withAspect(4 / 2.5));
    }

    @Test
    void aPictureOfAnyShapeKeepsEqualScaleOnBothAxes() {
        // p = sigmoid(4 (x1 - x2)): the boundary is the diagonal x1 = x2, at 45 degrees when the scale is equal
        Architecture arch = new Architecture(new int[] {2, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network diagonal = Network.of(arch, new double[][][] {{{4}, {-4}}}, new double[][] {{0}});
        BufferedImage img = BoundaryImage.render(new BoundaryImage.Scene(diagonal, new Viewport(-1, 1, -1, 1),
                new double[0][], new int[0], new double[0][], new int[0]),
                new BoundaryImage.Style(200, 100, false, null, 1));
        // 50 pixels a unit both ways: row 10 is x2 = 0.8, where the boundary is at x1 = 0.8, pixel 140
        // (stretched to the box it would be at pixel 180)
        assertTrue(blueOver(img.getRGB(125, 10)) < 0, "left of the diagonal: the orange class");
        assertTrue(blueOver(img.getRGB(155, 10)) > 0, "right of the diagonal: the blue class");
        assertTrue(blueOver(img.getRGB(175, 10)) > 0);
    }

    private static int blueOver(int rgb) {
        return (rgb & 0xFF) - ((rgb >> 16) & 0xFF);
    }

    @Test
    void gridRowsRunTopDownAndCellsAreCentred() {
        Viewport view = new Viewport(-1, 1, -1, 1);
        GridField f = BoundaryGrid.evaluate(vertical(), view, 4, 2);
        // columns at x = -0.75, -0.25, 0.25, 0.75
        assertEquals(1 / (1 + Math.exp(3)), f.values()[0], 1e-15);
        assertEquals(0, f.classAt(1));
        assertEquals(1, f.classAt(2));
        assertEquals(f.values()[0], f.values()[4], 0.0, "rows see the same x");
    }

    @Test
    void contourOfAVerticalBoundaryIsAVerticalLineAtZero() {
        Viewport view = new Viewport(-1, 1, -1, 1);
        GridField f = BoundaryGrid.evaluate(vertical(), view, 10, 10);
        List<MarchingSquares.Segment> segs = MarchingSquares.decisionBoundaries(f);
        assertEquals(9, segs.size(), "one crossing per row pair");
        for (MarchingSquares.Segment s : segs) {
            assertEquals(5.0, s.x1(), 1e-9);
            assertEquals(5.0, s.x2(), 1e-9);
        }
    }

    @Test
    void isoLineInterpolatesBetweenSamples() {
        double[] f = {0, 1, 0, 1};
        List<MarchingSquares.Segment> segs = MarchingSquares.isoLines(f, 2, 2, 0.25);
        assertEquals(1, segs.size());
        assertEquals(0.75, segs.get(0).x1(), 1e-12);
        assertEquals(0.75, segs.get(0).x2(), 1e-12);
    }

    @Test
    void classesGetDistinctColoursAndUncertaintyIsPale() {
        assertNotEquals(Palette.classRgb(0), Palette.classRgb(1));
        assertNotEquals(Palette.binaryArgb(0.05), Palette.binaryArgb(0.95));
        int pale = Palette.binaryArgb(0.5);
        int strong = Palette.binaryArgb(0.99);
        assertTrue(brightness(pale) > brightness(strong));
        assertEquals(Palette.binaryArgb(0.0), Palette.heatArgb(0, 1));
    }

    @Test
    void imageShowsBothClassesAndAxes() {
        BoundaryImage.Scene scene = new BoundaryImage.Scene(vertical(), new Viewport(-1, 1, -1, 1),
                new double[][] {{-0.5, 0}, {0.5, 0}}, new int[] {0, 1}, new double[0][], new int[0]);
        BufferedImage img = BoundaryImage.render(scene, new BoundaryImage.Style(200, 160, true, "demo", 1));
        assertEquals(200, img.getWidth());
        int leftPixel = img.getRGB(60, 100);
        int rightPixel = img.getRGB(190, 100);
        assertNotEquals(leftPixel, rightPixel);
        assertTrue(hueIsOrange(leftPixel), Integer.toHexString(leftPixel));
        assertFalse(hueIsOrange(rightPixel), Integer.toHexString(rightPixel));
    }

    @Test
    void refusesDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> new Viewport(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> BoundaryGrid.evaluate(vertical(), new Viewport(0, 1, 0, 1), 0, 5));
    }

    @Test
    void ticksAreRound() {
        assertEquals(List.of(-1.0, -0.5, 0.0, 0.5, 1.0), AxisTicks.nice(-1.1, 1.2, 5));
        assertEquals("0.5", AxisTicks.label(0.5));
        assertEquals("2", AxisTicks.label(2.0));
    }

    private static int brightness(int argb) {
        return ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF);
    }

    private static boolean hueIsOrange(int argb) {
        return ((argb >> 16) & 0xFF) > (argb & 0xFF);
    }
}
