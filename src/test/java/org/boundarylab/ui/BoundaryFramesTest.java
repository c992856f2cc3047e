package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Queue;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.render.FieldPicture;
import org.boundarylab.render.Viewport;
import org.boundarylab.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

class BoundaryFramesTest {
    private static final Viewport VIEW = new Viewport(-2, 2, -1, 1);

    /** p(class 1) = sigmoid(10 x1): orange on the left, blue on the right, boundary at x1 = 0. */
    private static TrainingSnapshot leftRight(long epoch) {
        Architecture arch = Architecture.of(2, new int[0], 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network net = Network.of(arch, new double[][][] {{{10}, {0}}}, new double[][] {{0}});
        return new TrainingSnapshot(epoch, net, 0.1, 0.1, 1, 1, 0, false);
    }

    @Test
    void buildsPixelsAndTheBoundaryWhereTheNetworkSaysHalf() {
        BoundaryFrames.Frame f = BoundaryFrames.build(leftRight(0), new BoundaryFrames.View(VIEW, 40, 20));
        assertEquals(40 * 20, f.argb().length);
        int left = f.argb()[10 * 40 + 2];
        int right = f.argb()[10 * 40 + 37];
        assertTrue(((left >> 16) & 0xFF) > (left & 0xFF), "left is orange");
        assertTrue((right & 0xFF) > ((right >> 16) & 0xFF), "right is blue");
        assertFalse(f.segments().isEmpty());
        f.segments().forEach(s -> assertEquals(20.0, s.x1(), 0.01, "boundary at x1 = 0, the grid's middle"));
    }

    @Test
    void aViewWithAPixelSizeGetsTheWholePictureDrawnOnThePool() {
        BoundaryFrames.Frame grid = BoundaryFrames.build(leftRight(0), new BoundaryFrames.View(VIEW, 40, 20));
        assertNull(grid.picture(), "no pixel size, no picture: the window scales the grid itself");

        BoundaryFrames.Frame f = BoundaryFrames.build(leftRight(0), new BoundaryFrames.View(VIEW, 40, 20, 80, 40, 3));
        FieldPicture.Pixels p = f.picture();
        assertNotNull(p);
        assertEquals(80, p.width());
        assertEquals(40, p.height());
        assertEquals(80 * 40, p.argb().length);
        assertEquals(f.argb()[10 * 40 + 2], p.argb()[20 * 80 + 4], "far from the line: the grid's own colour");
        assertEquals(f.argb()[10 * 40 + 37], p.argb()[20 * 80 + 75]);
        for (int row : new int[] {5, 20, 35}) {
            int onLine = p.argb()[row * 80 + 40];
            assertEquals(BoundaryFrames.BOUNDARY_ARGB, onLine | 0xFF000000, "the line at x1 = 0 is drawn in, row " + row);
            int beside = p.argb()[row * 80 + 44];
            assertTrue((beside & 0xFF) > 0x80, "a 3-pixel line leaves the pixels 4 away alone, row " + row);
        }
        for (int argb : p.argb()) {
            assertEquals(0xFF, argb >>> 24, "opaque: the window copies it over the plot as it is");
        }
    }

    @Test
    void thePictureSmoothsTheGridBetweenCellCentres() {
        int orange = 0xFFE69F00;
        int blue = 0xFF0072B2;
        FieldPicture.Pixels p = FieldPicture.draw(new int[] {orange, blue}, 2, 1, java.util.List.of(), 8, 2, 2, 0xFF000000);
        assertEquals(orange, p.argb()[0], "the edge keeps its cell's colour");
        assertEquals(blue, p.argb()[7]);
        int mid = p.argb()[3];
        int r = (mid >> 16) & 0xFF;
        assertTrue(r > 0x00 && r < 0xE6, "between the two cells the colours blend: " + Integer.toHexString(mid));
        assertThrows(IllegalArgumentException.class,
                () -> FieldPicture.draw(new int[3], 2, 2, java.util.List.of(), 4, 4, 1, 0));
    }

    @Test
    void keepsOnlyTheNewestRequestAndBuildsOneFrameAtATimeForTheScreen() {
        Queue<Runnable> pool = new ArrayDeque<>();
        BoundaryFrames frames = new BoundaryFrames(pool::add);
        frames.submit(leftRight(1));
        assertTrue(pool.isEmpty(), "nothing to build before the canvas says what it shows");
        frames.setView(new BoundaryFrames.View(VIEW, 16, 8));
        assertEquals(1, pool.size());
        frames.submit(leftRight(2));
        frames.submit(leftRight(3));
        assertEquals(1, pool.size(), "one build at a time");
        pool.poll().run();
        BoundaryFrames.Frame f = frames.take();
        assertNotNull(f);
        assertEquals(3, f.snapshot().epoch(), "stale snapshots are skipped");
        assertNull(frames.take());

        frames.submit(leftRight(4));
        pool.poll().run();
        frames.submit(leftRight(5));
        assertTrue(pool.isEmpty(), "no new build while the last frame waits to be shown");
        assertEquals(4, frames.take().snapshot().epoch());
        assertEquals(1, pool.size(), "taking the frame starts the next build");
        pool.poll().run();
        assertEquals(5, frames.take().snapshot().epoch());
    }

    @Test
    void aResizeRedrawsTheLastSnapshot() {
        Queue<Runnable> pool = new ArrayDeque<>();
        BoundaryFrames frames = new BoundaryFrames(pool::add);
        frames.setView(new BoundaryFrames.View(VIEW, 16, 8));
        TrainingSnapshot s = leftRight(7);
        frames.submit(s);
        pool.poll().run();
        frames.take();
        frames.setView(new BoundaryFrames.View(VIEW, 32, 16));
        pool.poll().run();
        BoundaryFrames.Frame f = frames.take();
        assertSame(s, f.snapshot());
        assertEquals(32, f.gridWidth());
    }

    @Test
    void largeNetworksGetACoarserGrid() {
        Architecture arch = Architecture.of(2, new int[] {256, 256, 256}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        TrainingSnapshot big = new TrainingSnapshot(0, new Network(arch), 0, 0, 0, 0, 0, false);
        BoundaryFrames.Frame f = BoundaryFrames.build(big, new BoundaryFrames.View(VIEW, 800, 400));
        long work = (long) f.gridWidth() * f.gridHeight() * arch.parameterCount();
        assertTrue(work <= BoundaryFrames.WORK_PER_FRAME || f.gridWidth() == BoundaryFrames.MIN_GRID_WIDTH,
                "grid " + f.gridWidth());
        assertTrue(f.gridWidth() < 800);
        assertEquals(2.0, (double) f.gridWidth() / f.gridHeight(), 0.1, "the grid keeps its shape");
    }

    @Test
    void theViewKeepsBothAxesAtTheSameScale() {
        Viewport wide = BoundaryCanvasView.sameScale(new Viewport(0, 1, 0, 1), 2.0);
        assertEquals(2.0, wide.width() / wide.height(), 1e-12);
        assertEquals(0.5, (wide.xMin() + wide.xMax()) / 2, 1e-12, "centred on the data");
        Viewport tall = BoundaryCanvasView.sameScale(new Viewport(0, 4, 0, 1), 1.0);
        assertEquals(4, tall.height(), 1e-12);
    }
}
