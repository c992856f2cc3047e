package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One point's trace against the engine's own gradient (to the bit), against the equations it
 * shows (each z, a, delta and gradient recomputed from its neighbours) and against central
 * differences, for every hidden activation with every output head; and the batch step against
 * one epoch of the trainer, to the bit.
 */
class PointTraceTest {

    record Head(Activation output, Loss loss, int outputs) {
    }

    static final List<Head> HEADS = List.of(
            new Head(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 1),
            new Head(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 3),
            new Head(Activation.SOFTMAX, Loss.CROSS_ENTROPY, 3),
            new Head(Activation.SIGMOID, Loss.MEAN_SQUARED_ERROR, 1),
            new Head(Activation.SOFTMAX, Loss.MEAN_SQUARED_ERROR, 3),
            new Head(Activation.LINEAR, Loss.MEAN_SQUARED_ERROR, 1));

    static Stream<Arguments> combinations() {
        List<Arguments> args = new ArrayList<>();
        for (Activation hidden : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU,
                Activation.LEAKY_RELU, Activation.LINEAR}) {
            for (Head head : HEADS) {
                for (int[] shape : List.of(new int[] {}, new int[] {5, 3})) {
                    if (shape.length == 0 && hidden != Activation.TANH) {
                        continue;
                    }
                    args.add(Arguments.of(hidden, head, shape));
                }
            }
        }
        return args.stream();
    }

    private static Network network(Architecture arch, long seed) {
        Random rng = new Random(seed);
        Network net = Initializer.GLOROT.create(arch, seed);
        for (int l = 0; l < arch.depth(); l++) {
            for (int j = 0; j < arch.width(l + 1); j++) {
                net.setBias(l, j, 0.3 * rng.nextGaussian());
            }
        }
        return net;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void traceIsTheEnginesGradientAndFollowsItsEquations(Activation hidden, Head head, int[] shape) {
        Features features = Features.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.SIN_X2);
        Architecture arch = Architecture.of(2, shape, head.outputs(), hidden, head.output(), head.loss())
                .withInputs(features.count());
        Network net = network(arch, 11);
        Random rng = new Random(5);
        for (int k = 0; k < 6; k++) {
            double[] raw = {1.5 * rng.nextGaussian(), 1.5 * rng.nextGaussian()};
            double[] x = features.map(new double[][] {raw})[0];
            int label = k % arch.classes();
            PointTrace t = PointTrace.of(net, x, label);

            // the engine's gradient and loss of a one-row batch, to the bit
            Gradients g = net.gradients(new double[][] {x}, new int[] {label}, Regularization.NONE);
            assertEquals(g.loss(), t.loss());
            assertEquals(net.loss(new double[][] {x}, new int[] {label}, Regularization.NONE), t.loss());
            double[] out = net.predict(new double[][] {x})[0];
            for (int j = 0; j < out.length; j++) {
                assertEquals(out[j], t.output()[j]);
            }
            assertEquals(net.predictClasses(new double[][] {x})[0], t.predicted());
            for (int l = 0; l < arch.depth(); l++) {
                for (int j = 0; j < arch.width(l + 1); j++) {
                    assertEquals(g.bias(l, j), t.gradBias(l, j));
                    for (int i = 0; i < arch.width(l); i++) {
                        assertEquals(g.weight(l, i, j), t.gradWeight(l, i, j));
                    }
                }
            }
            checkEquations(net, t);
            checkFiniteDifferences(net, x, label, t, hidden);
        }
    }

    /** Every number of the trace from the ones the equations name. */
    private static void checkEquations(Network net, PointTrace t) {
        Architecture arch = net.architecture();
        int depth = arch.depth();
        for (int l = 0; l < depth; l++) {
            int out = arch.width(l + 1);
            double[] zs = new double[out];
            for (int j = 0; j < out; j++) {
                double z = net.bias(l, j);
                for (int i = 0; i < arch.width(l); i++) {
                    z += t.in(l, i) * net.weight(l, i, j);
                }
                close(z, t.z(l, j), "z");
                zs[j] = t.z(l, j);
            }
            Activation f = arch.activationOf(l + 1);
            f.applyInPlace(zs, 1, out);
            for (int j = 0; j < out; j++) {
                close(zs[j], t.a(l, j), "a");
                assertTrue(t.delta(l, j) == t.gradBias(l, j), "dL/db = delta");
                for (int i = 0; i < arch.width(l); i++) {
                    // equal as numbers (a zero sum of one product may come out as +0 for -0)
                    assertTrue(t.in(l, i) * t.delta(l, j) == t.gradWeight(l, i, j), "dL/dW = a delta");
                }
            }
        }
        double[] target = t.target();
        if (arch.loss() != Loss.MEAN_SQUARED_ERROR) {
            for (int j = 0; j < arch.outputs(); j++) {
                assertEquals(t.a(depth - 1, j) - target[j], t.delta(depth - 1, j), "delta = a - t");
            }
        }
        for (int l = depth - 2; l >= 0; l--) {
            for (int i = 0; i < arch.width(l + 1); i++) {
                double back = 0;
                for (int j = 0; j < arch.width(l + 2); j++) {
                    back += t.delta(l + 1, j) * net.weight(l + 1, i, j);
                }
                double[] d = {back};
                arch.hidden().multiplyByDerivative(d, new double[] {t.a(l, i)}, 1);
                close(d[0], t.delta(l, i), "delta back");
            }
        }
    }

    private static void checkFiniteDifferences(Network net, double[] x, int label, PointTrace t, Activation hidden) {
        Architecture arch = net.architecture();
        double[][] xs = {x};
        int[] ys = {label};
        double h = 1e-6;
        for (int l = 0; l < arch.depth(); l++) {
            for (int j = 0; j < arch.width(l + 1); j++) {
                if (kinked(t, l, j, hidden)) {
                    continue;
                }
                double b = net.bias(l, j);
                net.setBias(l, j, b + h);
                double up = net.loss(xs, ys, Regularization.NONE);
                net.setBias(l, j, b - h);
                double down = net.loss(xs, ys, Regularization.NONE);
                net.setBias(l, j, b);
                numeric((up - down) / (2 * h), t.gradBias(l, j), "db[" + l + "][" + j + "]");
                for (int i = 0; i < arch.width(l); i++) {
                    double w = net.weight(l, i, j);
                    net.setWeight(l, i, j, w + h);
                    up = net.loss(xs, ys, Regularization.NONE);
                    net.setWeight(l, i, j, w - h);
                    down = net.loss(xs, ys, Regularization.NONE);
                    net.setWeight(l, i, j, w);
                    numeric((up - down) / (2 * h), t.gradWeight(l, i, j), "dW[" + l + "][" + i + "][" + j + "]");
                }
            }
        }
    }

    /** A ReLU unit whose z lies within reach of its kink has no difference quotient worth comparing. */
    private static boolean kinked(PointTrace t, int l, int j, Activation hidden) {
        boolean relu = hidden == Activation.RELU || hidden == Activation.LEAKY_RELU;
        for (int k = 0; k < t.depth() - 1 && relu; k++) {
            for (int u = 0; u < t.architecture().width(k + 1); u++) {
                if (Math.abs(t.z(k, u)) < 1e-4) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }

    private static void numeric(double numeric, double analytic, String what) {
        double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
        assertTrue(Math.abs(numeric - analytic) <= 2e-6 * scale,
                what + ": finite difference " + numeric + " vs trace " + analytic);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void batchStepIsOneTrainerEpochToTheBit(Activation hidden, Head head, int[] shape) {
        Architecture arch = Architecture.of(2, shape, head.outputs(), hidden, head.output(), head.loss());
        Random rng = new Random(3);
        int rows = 700; // two chunks of the engine's batch code
        double[][] x = new double[rows][2];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            x[r][0] = rng.nextGaussian();
            x[r][1] = rng.nextGaussian();
            y[r] = r % arch.classes();
        }
        for (Regularization reg : List.of(Regularization.NONE, new Regularization(0.01, 0),
                new Regularization(0.003, 0.002))) {
            Network net = network(arch, 17);
            BatchStep step = BatchStep.of(net, x, y, 0.7, reg);
            Network trained = net.copy();
            Trainer trainer = new Trainer(trained, x, y, new TrainingOptions(Optimizer.Kind.GD, 0.7, reg, 0, 0));
            double loss = trainer.epoch(true);
            assertTrue(step.after().sameBits(trained), "the step is the trainer's epoch");
            assertTrue(step.before().sameBits(net), "the network itself is left alone");
            assertEquals(loss, step.loss());
            Gradients g = net.gradients(x, y, reg);
            for (int l = 0; l < arch.depth(); l++) {
                for (int j = 0; j < arch.width(l + 1); j++) {
                    assertEquals(g.bias(l, j), step.gradBias(l, j));
                    assertEquals(net.bias(l, j) - 0.7 * step.gradBias(l, j), trained.bias(l, j));
                    for (int i = 0; i < arch.width(l); i++) {
                        assertEquals(g.weight(l, i, j), step.gradWeight(l, i, j));
                        assertEquals(net.weight(l, i, j) - 0.7 * step.gradWeight(l, i, j), trained.weight(l, i, j));
                    }
                }
            }
        }
    }

    @Test
    void refusesAWrongInputOrLabel() {
        Architecture arch = Architecture.of(2, new int[] {3}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network net = network(arch, 1);
        assertThrows(IllegalArgumentException.class, () -> PointTrace.of(net, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> PointTrace.of(net, new double[] {1, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> PointTrace.of(net, new double[] {1, Double.NaN}, 0));
    }
}
