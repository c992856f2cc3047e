package org.boundarylab.data;

import java.util.Random;

/**
 * Synthetic data sets from a seed. (Smallest version of the shared data contract: moons only,
 * kept until the data package is merged.)
 */
public final class Generators {
    private Generators() {
    }

    /** scikit-learn's make_moons geometry (outer moon first, labels 0 then 1) plus Gaussian noise. */
    public static Dataset moons(int n, double noise, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("moons need at least 2 samples, got " + n);
        }
        Random rng = new Random(seed);
        int outer = n / 2;
        int inner = n - outer;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < outer; i++) {
            double t = outer == 1 ? 0 : Math.PI * i / (outer - 1);
            x[i][0] = Math.cos(t);
            x[i][1] = Math.sin(t);
        }
        for (int i = 0; i < inner; i++) {
            double t = inner == 1 ? 0 : Math.PI * i / (inner - 1);
            x[outer + i][0] = 1 - Math.cos(t);
            x[outer + i][1] = 1 - Math.sin(t) - 0.5;
            y[outer + i] = 1;
        }
        for (double[] row : x) {
            row[0] += noise * rng.nextGaussian();
            row[1] += noise * rng.nextGaussian();
        }
        return new Dataset(x, y, 2);
    }
}
