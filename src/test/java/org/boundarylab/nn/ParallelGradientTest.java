package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Gradients summed by chunk are the same bit for bit whether one thread or several run the
 * chunks, so training is reproducible whatever the machine.
 */
class ParallelGradientTest {

    private static double[][] points(int n, Random rng) {
        double[][] x = new double[n][];
        for (int r = 0; r < n; r++) {
            x[r] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
        }
        return x;
    }

    private static int[] labels(double[][] x, int classes) {
        int[] y = new int[x.length];
        for (int r = 0; r < x.length; r++) {
            y[r] = Math.floorMod((int) Math.floor(2 * x[r][0] + x[r][1]), classes);
        }
        return y;
    }

    private static Gradients gradients(Network net, double[][] x, int[] y, Regularization reg, ChunkRunner runner) {
        Architecture arch = net.architecture();
        Backprop bp = new Backprop(arch, x.length, runner);
        Gradients g = new Gradients(arch);
        bp.lossAndGradients(net, Matrices.byColumn(x, 2, x.length),
                Matrices.targetsByColumn(y, arch.outputs(), x.length), x.length, reg, g, true);
        return g;
    }

    @Test
    void serialAndThreadedChunksAgreeBitForBit() {
        Random rng = new Random(5);
        double[][] x = points(2345, rng); // five chunks, the last one short
        Object[][] shapes = {
            {new int[] {2, 5, 3, 1}, Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 2},
            {new int[] {2, 64, 64, 1}, Activation.RELU, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 2},
            {new int[] {2, 7, 3}, Activation.SIGMOID, Activation.SOFTMAX, Loss.CROSS_ENTROPY, 3},
        };
        ChunkRunner threaded = new ChunkRunner(3);
        for (Object[] s : shapes) {
            Architecture arch = new Architecture((int[]) s[0], (Activation) s[1], (Activation) s[2], (Loss) s[3]);
            Network net = Initializer.GLOROT.create(arch, 11);
            int[] y = labels(x, (int) s[4]);
            Regularization reg = new Regularization(1e-3, 1e-4);
            Gradients serial = gradients(net, x, y, reg, ChunkRunner.serial());
            for (int repeat = 0; repeat < 5; repeat++) {
                Gradients parallel = gradients(net, x, y, reg, threaded);
                assertEquals(serial.loss(), parallel.loss(), 0.0, arch + ": loss");
                for (int l = 0; l < arch.depth(); l++) {
                    assertArrayEquals(serial.weights[l], parallel.weights[l], 0.0, arch + ": weights " + l);
                    assertArrayEquals(serial.biases[l], parallel.biases[l], 0.0, arch + ": biases " + l);
                }
            }
        }
    }

    @Test
    void chunksWorkInBuffersPerLaneNotPerChunk() {
        Random rng = new Random(6);
        double[][] x = points(16 * BlockMath.BLOCK, rng); // sixteen chunks
        int[] y = labels(x, 3);
        Architecture arch = new Architecture(new int[] {2, 8, 8, 3}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        Network net = Initializer.GLOROT.create(arch, 2);
        double[][] xs = Matrices.byColumn(x, 2, x.length);
        double[][] ts = Matrices.targetsByColumn(y, 3, x.length);
        ChunkRunner threaded = new ChunkRunner(2);
        Backprop serial = new Backprop(arch, x.length, ChunkRunner.serial());
        Backprop parallel = new Backprop(arch, x.length, threaded);
        for (int repeat = 0; repeat < 3; repeat++) {
            Gradients gs = new Gradients(arch);
            Gradients gp = new Gradients(arch);
            serial.lossAndGradients(net, xs, ts, x.length, Regularization.NONE, gs, true);
            parallel.lossAndGradients(net, xs, ts, x.length, Regularization.NONE, gp, true);
            assertEquals(gs.loss(), gp.loss(), 0.0);
            for (int l = 0; l < arch.depth(); l++) {
                assertArrayEquals(gs.weights[l], gp.weights[l], 0.0, "weights " + l);
            }
        }
        assertEquals(1, serial.scratchSets(), "one thread, one set of buffers for all sixteen chunks");
        assertEquals(threaded.lanes(), parallel.scratchSets(), "one set per lane, the caller's and each helper's");
        // the outputs each chunk left behind are the network's own, row by row
        double[][] byRow = net.predict(x);
        double[][] out = parallel.outputs();
        for (int r = 0; r < x.length; r += 97) {
            for (int j = 0; j < 3; j++) {
                assertEquals(byRow[r][j], out[j][r], 1e-15, "row " + r + ", output " + j);
            }
        }
    }

    @Test
    void gradientSumsKeptInWavesAreTheSameToTheLastBit() {
        Random rng = new Random(11);
        double[][] x = points(9 * BlockMath.BLOCK + 77, rng); // ten chunks
        int[] y = labels(x, 3);
        Architecture arch = new Architecture(new int[] {2, 16, 9, 3}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        Network net = Initializer.GLOROT.create(arch, 5);
        double[][] xs = Matrices.byColumn(x, 2, x.length);
        double[][] ts = Matrices.targetsByColumn(y, 3, x.length);
        ChunkRunner threaded = new ChunkRunner(1);
        Backprop allAtOnce = new Backprop(arch, x.length, ChunkRunner.serial());
        assertEquals(10, allAtOnce.sumSets(), "a small network keeps every chunk's sums");
        for (long budget : new long[] {1, 3L * arch.parameterCount(), 4L * arch.parameterCount()}) {
            for (ChunkRunner runner : new ChunkRunner[] {ChunkRunner.serial(), threaded}) {
                Backprop waves = new Backprop(arch, x.length, runner, true, budget);
                assertEquals(Math.max(runner.lanes(), budget / arch.parameterCount()), waves.sumSets());
                Gradients ga = new Gradients(arch);
                Gradients gw = new Gradients(arch);
                allAtOnce.lossAndGradients(net, xs, ts, x.length, new Regularization(1e-3, 1e-4), ga, true);
                waves.lossAndGradients(net, xs, ts, x.length, new Regularization(1e-3, 1e-4), gw, true);
                assertEquals(ga.loss(), gw.loss(), 0.0);
                for (int l = 0; l < arch.depth(); l++) {
                    assertArrayEquals(ga.weights[l], gw.weights[l], 0.0, "budget " + budget + ": weights " + l);
                    assertArrayEquals(ga.biases[l], gw.biases[l], 0.0, "budget " + budget + ": biases " + l);
                }
            }
        }
    }

    @Test
    void predictionsInBlocksAreThoseOfOnePass() {
        Random rng = new Random(12);
        double[][] x = points(3 * BlockMath.BLOCK + 5, rng);
        Architecture arch = new Architecture(new int[] {2, 7, 4}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        Network net = Initializer.GLOROT.create(arch, 8);
        Forward whole = new Forward(arch, x.length);
        whole.run(net, Matrices.byColumn(x, 2, x.length), 0, x.length, false);
        double[][] byRow = net.predict(x);
        double[] flat = new double[x.length * 2];
        for (int r = 0; r < x.length; r++) {
            flat[2 * r] = x[r][0];
            flat[2 * r + 1] = x[r][1];
        }
        double[] byFlat = net.predictFlat(flat, x.length);
        int[] classes = net.predictClasses(x);
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(whole.output()[j][r], byRow[r][j], 0.0);
                assertEquals(whole.output()[j][r], byFlat[r * 4 + j], 0.0);
            }
            assertEquals(Matrices.classOf(byRow[r], 0, 4), classes[r]);
        }
    }

    @Test
    void chunkedSumsMatchOneLongSumToRoundingLevel() {
        // the chunked order is a reordering of the textbook sum: equal up to rounding
        Random rng = new Random(9);
        double[][] x = points(3000, rng);
        Architecture arch = new Architecture(new int[] {2, 6, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network net = Initializer.LECUN.create(arch, 4);
        int[] y = labels(x, 2);
        Gradients g = gradients(net, x, y, Regularization.NONE, ChunkRunner.serial());
        double[][] sums = new double[arch.depth()][];
        for (int l = 0; l < arch.depth(); l++) {
            sums[l] = new double[g.weights[l].length];
        }
        for (int r = 0; r < x.length; r++) {
            Gradients one = gradients(net, new double[][] {x[r]}, new int[] {y[r]}, Regularization.NONE,
                    ChunkRunner.serial());
            for (int l = 0; l < arch.depth(); l++) {
                for (int k = 0; k < sums[l].length; k++) {
                    sums[l][k] += one.weights[l][k];
                }
            }
        }
        for (int l = 0; l < arch.depth(); l++) {
            for (int k = 0; k < sums[l].length; k++) {
                double want = sums[l][k] / x.length;
                assertEquals(want, g.weights[l][k], 1e-13 * Math.max(1, Math.abs(want)), "weight " + l + "," + k);
            }
        }
    }
}
