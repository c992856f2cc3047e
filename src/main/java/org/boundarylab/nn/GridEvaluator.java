package org.boundarylab.nn;

/** Placeholder being replaced: evaluates the grid through the plain forward pass. */
public final class GridEvaluator {
    private GridEvaluator() {
    }

    public static void probabilities(Network net, double xMin, double xMax, double yMin, double yMax,
                                     int w, int h, double[] out, boolean approximate) {
        double[][] x = new double[w * h][];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                x[r * w + c] = new double[] {xMin + (xMax - xMin) * c / (w - 1), yMin + (yMax - yMin) * r / (h - 1)};
            }
        }
        double[][] p = net.predict(x);
        int k = p[0].length;
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, out, i * k, k);
        }
    }
}
