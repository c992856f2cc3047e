package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineBehaviourTest {

    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.2, 0.1}, {0.9, 0.8}, {0.1, 0.9}, {0.8, 0.2}};
    private static final int[] XOR = {0, 1, 1, 0, 0, 0, 1, 1};

    @Test
    void refusesCombinationsThatMakeNoSenseWithTheReason() {
        assertMessage("softmax needs at least 2 output units", () -> new Architecture(new int[] {2, 1},
                Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY));
        assertMessage("cross_entropy needs a softmax output", () -> new Architecture(new int[] {2, 2},
                Activation.TANH, Activation.SIGMOID, Loss.CROSS_ENTROPY));
        assertMessage("layer 1 has 0 units", () -> new Architecture(new int[] {2, 0, 1},
                Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));
        assertMessage("softmax can only be the output", () -> new Architecture(new int[] {2, 3, 2},
                Activation.SOFTMAX, Activation.SOFTMAX, Loss.CROSS_ENTROPY));
        assertMessage("binary_cross_entropy needs a sigmoid output", () -> new Architecture(new int[] {2, 1},
                Activation.TANH, Activation.LINEAR, Loss.BINARY_CROSS_ENTROPY));
        assertMessage("unknown activation 'swish'", () -> Activation.parse("swish"));
        assertMessage("learning rate must be a finite number > 0", () -> TrainingOptions.gradientDescent(-1, 0));
        assertMessage("L2 strength must be", () -> new Regularization(-0.1, 0));
    }

    @ParameterizedTest
    @EnumSource(Initializer.class)
    void sameSeedSameNetworkBitForBit(Initializer init) {
        Architecture arch = Architecture.of(2, new int[] {5, 3}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network a = init.create(arch, 11);
        Network b = init.create(arch, 11);
        Network c = init.create(arch, 12);
        assertEquals(0.0, a.maxAbsDifference(b));
        assertTrue(a.maxAbsDifference(c) > 0);
    }

    @Test
    void initialisersDrawFromTheirRanges() {
        Architecture arch = Architecture.of(2, new int[] {50}, 2, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        double r = Math.sqrt(6) / Math.sqrt(2 + 50 + 1);
        for (double[][] w : Initializer.GLOROT.create(arch, 1).weightMatrices()) {
            for (double[] row : w) {
                for (double v : row) {
                    assertTrue(Math.abs(v) <= Math.sqrt(6) / Math.sqrt(w.length + row.length + 1));
                }
            }
        }
        for (double[] row : Initializer.UNIFORM.create(arch, 1).weightMatrices()[0]) {
            for (double v : row) {
                assertTrue(v >= 0 && v < 1);
            }
        }
        assertTrue(r > 0);
    }

    @ParameterizedTest
    @EnumSource(Optimizer.Kind.class)
    void everyOptimizerLearnsXor(Optimizer.Kind kind) {
        Architecture arch = Architecture.of(2, new int[] {8}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network net = Initializer.GLOROT.create(arch, 3);
        double lr = kind == Optimizer.Kind.ADAM ? 0.05 : 0.5;
        Trainer t = new Trainer(net, X, XOR, new TrainingOptions(kind, lr, Regularization.NONE,
                kind == Optimizer.Kind.GD ? 0 : 4, 9));
        double first = t.epoch(true);
        for (int e = 0; e < 3000; e++) {
            t.epoch(false);
        }
        double last = t.currentLoss();
        assertTrue(last < first / 5, kind + ": loss " + first + " -> " + last);
        assertArrayEquals(XOR, net.predictClasses(X), kind.toString());
    }

    @Test
    void miniBatchRunsAreReproducibleFromTheShuffleSeed() {
        Architecture arch = Architecture.of(2, new int[] {4}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        TrainingOptions opts = new TrainingOptions(Optimizer.Kind.SGD, 0.3, Regularization.NONE, 3, 5);
        Network a = Initializer.LECUN.create(arch, 1);
        Network b = Initializer.LECUN.create(arch, 1);
        Trainer ta = new Trainer(a, X, XOR, opts);
        Trainer tb = new Trainer(b, X, XOR, opts);
        for (int e = 0; e < 50; e++) {
            assertEquals(ta.epoch(true), tb.epoch(true), 0.0);
        }
        assertEquals(0.0, a.maxAbsDifference(b));
    }

    @Test
    void lossBeforeUpdateIsWhatTheEpochReports() {
        Architecture arch = Architecture.of(2, new int[] {4}, 2, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        Network net = Initializer.LECUN.create(arch, 2);
        Regularization reg = Regularization.l2(0.01);
        double before = net.loss(X, XOR, reg);
        Trainer t = new Trainer(net, X, XOR, new TrainingOptions(Optimizer.Kind.GD, 0.1, reg, 0, 0));
        assertEquals(before, t.epoch(true), 1e-15);
        assertTrue(net.loss(X, XOR, reg) < before);
    }

    @Test
    void divergenceShowsAsNonFiniteOrHugeLossNotAnException() {
        Architecture arch = Architecture.of(2, new int[] {5}, 1, Activation.LINEAR, Activation.LINEAR,
                Loss.MEAN_SQUARED_ERROR);
        Network net = Initializer.GLOROT.create(arch, 1);
        Trainer t = new Trainer(net, X, XOR, TrainingOptions.gradientDescent(50, 0));
        double loss = 0;
        for (int e = 0; e < 200 && Double.isFinite(loss); e++) {
            loss = t.epoch(true);
        }
        assertTrue(!Double.isFinite(loss) || !net.isFinite());
    }

    @Test
    void predictionsAreProbabilities() {
        Architecture arch = Architecture.of(2, new int[] {3}, 3, Activation.RELU, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        Network net = Initializer.HE.create(arch, 4);
        for (double[] p : net.predict(X)) {
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        }
        assertEquals(arch.parameterCount(), 2 * 3 + 3 + 3 * 3 + 3);
    }

    @Test
    void saturatedOutputsGiveLargeFiniteLoss() {
        Architecture arch = new Architecture(new int[] {2, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network net = Network.of(arch, new double[][][] {{{1000}, {0}}}, new double[][] {{0}});
        double loss = net.loss(new double[][] {{1, 0}}, new int[] {0}, Regularization.NONE);
        assertEquals(1000, loss, 1e-9);
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
