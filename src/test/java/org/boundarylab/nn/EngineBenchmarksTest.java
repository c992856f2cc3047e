package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The JMH benchmarks are run by hand, not by the build; this checks that each body runs and
 * computes what it claims, so a benchmark never times something broken.
 */
class EngineBenchmarksTest {

    @Test
    void tanhBodiesAgree() {
        EngineBenchmarks b = new EngineBenchmarks();
        b.setUp();
        double[] block = b.tanhBlock().clone();
        double[] library = b.tanhLibrary();
        assertArrayEquals(library, block, 1e-15);
    }

    @Test
    void gradientBodiesAgreeWithTheNetworksOwnGradients() {
        EngineBenchmarks b = new EngineBenchmarks();
        b.setUp();
        Gradients one = b.seedGradientsOneThread();
        double[][] w = new double[one.weights.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = one.weights[l].clone();
        }
        Gradients shared = b.seedGradientsSharedRunner();
        for (int l = 0; l < w.length; l++) {
            assertArrayEquals(w[l], shared.weights[l], 0.0, "layer " + l + ": same bits whatever the threads");
        }
        assertTrue(w[0][0] != 0.0);
    }

    @Test
    void gridBodiesFillEveryCell() {
        EngineBenchmarks b = new EngineBenchmarks();
        b.setUp();
        double[] exact = b.gridExact().clone();
        double[] approx = b.gridApproximate();
        assertEquals(256 * 256 * 2, exact.length);
        double worst = 0;
        for (int i = 0; i < exact.length; i++) {
            assertTrue(exact[i] >= 0 && exact[i] <= 1, "cell " + i);
            worst = Math.max(worst, Math.abs(exact[i] - approx[i]));
        }
        assertTrue(worst < 1e-3, "approximate kernels within 1e-3 of exact, got " + worst);
    }
}
