package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GridEvaluatorTest {
    private static final int W = 61;
    private static final int H = 47;

    /** Random networks with weights of a trained net's size (N(0, 2^2)), biases too. */
    private static Network randomNet(int[] layers, Activation hidden, Activation output, Loss loss, long seed) {
        Architecture arch = new Architecture(layers, hidden, output, loss);
        Network net = Initializer.HE.create(arch, seed);
        Random rng = new Random(seed);
        for (int l = 0; l < arch.depth(); l++) {
            for (int i = 0; i < arch.width(l); i++) {
                for (int j = 0; j < arch.width(l + 1); j++) {
                    net.setWeight(l, i, j, 2 * rng.nextGaussian());
                }
            }
            for (int j = 0; j < arch.width(l + 1); j++) {
                net.setBias(l, j, rng.nextGaussian());
            }
        }
        return net;
    }

    private static double[][] gridPoints(double x0, double x1, double y0, double y1) {
        double[][] p = new double[W * H][];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                p[r * W + c] = new double[] {x0 + (x1 - x0) * c / (W - 1), y0 + (y1 - y0) * r / (H - 1)};
            }
        }
        return p;
    }

    @Test
    void exactPathIsTheEnginesOwnPrediction() {
        Network net = randomNet(new int[] {2, 50, 2}, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY, 7);
        double[] out = new double[W * H * 2];
        GridEvaluator.probabilities(net, -2, 3, -1.5, 2, W, H, out, false);
        double[][] want = net.predict(gridPoints(-2, 3, -1.5, 2));
        for (int cell = 0; cell < W * H; cell++) {
            assertEquals(want[cell][0], out[cell * 2], 0.0, "cell " + cell);
            assertEquals(want[cell][1], out[cell * 2 + 1], 0.0, "cell " + cell);
        }
    }

    @Test
    void approximatePathStaysWithin1e3OfExactOnRandomNetworks() {
        Object[][] shapes = {
            {new int[] {2, 50, 2}, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY},
            {new int[] {2, 5, 3, 1}, Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY},
            {new int[] {2, 8, 8, 3}, Activation.SIGMOID, Activation.SOFTMAX, Loss.CROSS_ENTROPY},
            {new int[] {2, 16, 16, 1}, Activation.RELU, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY},
            {new int[] {2, 6, 2}, Activation.LEAKY_RELU, Activation.SIGMOID, Loss.MEAN_SQUARED_ERROR},
            {new int[] {2, 1}, Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY},
            {new int[] {2, 64, 64, 4}, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY},
        };
        double worst = 0;
        for (Object[] s : shapes) {
            for (long seed = 1; seed <= 5; seed++) {
                Network net = randomNet((int[]) s[0], (Activation) s[1], (Activation) s[2], (Loss) s[3], seed);
                int k = net.architecture().outputs();
                double[] exact = new double[W * H * k];
                double[] approx = new double[W * H * k];
                GridEvaluator.probabilities(net, -6, 6, -5, 5, W, H, exact, false);
                GridEvaluator.probabilities(net, -6, 6, -5, 5, W, H, approx, true);
                for (int i = 0; i < exact.length; i++) {
                    double d = Math.abs(exact[i] - approx[i]);
                    assertTrue(d < 1e-3, net.architecture() + " seed " + seed + ": value " + i + " differs by " + d);
                    worst = Math.max(worst, d);
                }
            }
        }
        // far inside the bound in practice: float's rounding leaves 1.6e-5 at worst on these
        // networks (the 2-64-64-4 tanh net; every figure here is deterministic), a colour
        // step is 4e-3; a broken kernel is off by much more
        assertTrue(worst < 3e-5, "worst difference " + worst);
    }

    @Test
    void largeGridsSplitAcrossThreadsGiveTheSameValuesAsSmallOnes() {
        Network net = randomNet(new int[] {2, 20, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY, 3);
        double[] xs = GridEvaluator.linspace(-3, 3, 300);
        double[] ys = GridEvaluator.linspace(-2, 2, 200);
        double[] whole = new double[300 * 200];
        GridEvaluator.probabilities(net, xs, ys, whole, true);
        for (int r = 0; r < 200; r += 37) {
            double[] row = new double[300];
            GridEvaluator.probabilities(net, xs, new double[] {ys[r]}, row, true);
            double[] part = java.util.Arrays.copyOfRange(whole, r * 300, (r + 1) * 300);
            assertArrayEquals(row, part, 0.0, "row " + r);
        }
    }

    @Test
    void refusesBadArguments() {
        Network net = randomNet(new int[] {2, 3, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY, 1);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> GridEvaluator.probabilities(net, 0, 1, 0, 1, 10, 10, new double[99], true));
        assertTrue(small.getMessage().contains("needs 100"), small.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GridEvaluator.probabilities(net, 0, 1, 0, 1, 0, 10, new double[100], true));
        Network three = randomNet(new int[] {3, 2, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY, 1);
        assertThrows(IllegalArgumentException.class,
                () -> GridEvaluator.probabilities(three, 0, 1, 0, 1, 2, 2, new double[4], true));
    }
}
