package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training kernels against the library routines: a few ulps at most, everywhere. */
class BlockMathTest {
    private static final int N = 4096;

    /** Values spread over many magnitudes, both signs, plus the edges the clamps create. */
    private static double[] inputs(long seed) {
        Random rng = new Random(seed);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            double magnitude = Math.pow(10, -12 + 14 * rng.nextDouble()); // 1e-12 .. 100
            v[i] = rng.nextBoolean() ? magnitude : -magnitude;
        }
        double[] edges = {0.0, -0.0, 19.999, 20.0, 20.001, -20.0, 43.0, -43.0, -43.5, 44.0, -44.0, -44.5, 300, -300,
            700, -700, -745.5, 1e-300, Double.MIN_VALUE, 0.3465, -0.3466};
        System.arraycopy(edges, 0, v, 0, edges.length);
        return v;
    }

    private static double ulps(double got, double want) {
        if (got == want) {
            return 0;
        }
        return Math.abs(got - want) / Math.ulp(want);
    }

    @Test
    void tanhIsWithinFourUlpsOfTheLibrary() {
        double[] x = inputs(1);
        double[] v = x.clone();
        BlockMath.tanh(v, 0, N, new BlockMath.Scratch(N));
        double worst = 0;
        for (int i = 0; i < N; i++) {
            worst = Math.max(worst, ulps(v[i], StrictMath.tanh(x[i])));
        }
        assertTrue(worst <= 4, "worst tanh error " + worst + " ulps");
    }

    @Test
    void sigmoidIsWithinFourUlpsOfTheTextbookFormula() {
        double[] x = inputs(2);
        double[] v = x.clone();
        BlockMath.sigmoid(v, 0, N, new BlockMath.Scratch(N));
        double worst = 0;
        for (int i = 0; i < N; i++) {
            worst = Math.max(worst, ulps(v[i], 1 / (1 + StrictMath.exp(-x[i]))));
        }
        assertTrue(worst <= 4, "worst sigmoid error " + worst + " ulps");
    }

    @Test
    void expIsWithinTwoUlpsOfTheLibraryIncludingUnderflow() {
        double[] x = inputs(3);
        for (int i = 0; i < N; i++) {
            x[i] = -Math.abs(x[i]); // softmax arguments are <= 0
        }
        double[] v = new double[N];
        BlockMath.exp(x, v, 0, N, new BlockMath.Scratch(N));
        double worst = 0;
        for (int i = 0; i < N; i++) {
            worst = Math.max(worst, ulps(v[i], StrictMath.exp(x[i])));
        }
        assertTrue(worst <= 2, "worst exp error " + worst + " ulps");
    }

    @Test
    void kernelsWorkOnASubRangeOnlyAndPropagateNaN() {
        double[] v = {5, 0.5, Double.NaN, -0.25, 7};
        BlockMath.tanh(v, 1, 4, new BlockMath.Scratch(5));
        assertEquals(5, v[0]);
        assertEquals(7, v[4]);
        assertTrue(ulps(v[1], StrictMath.tanh(0.5)) <= 4);
        assertTrue(Double.isNaN(v[2]));
        double[] s = {Double.NaN, -1000};
        BlockMath.sigmoid(s, 0, 2, new BlockMath.Scratch(2));
        assertTrue(Double.isNaN(s[0]));
        assertEquals(0.0, s[1]);
    }
}
