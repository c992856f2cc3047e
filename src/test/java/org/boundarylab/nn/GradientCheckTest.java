package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against central finite differences for every valid combination, and on the
 * wide, chunked path.
 */
class GradientCheckTest {

    record Head(Activation output, Loss loss, int outputs) {
    }

    static Stream<Arguments> combinations() {
        List<Head> heads = List.of(
                new Head(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 1),
                new Head(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 3),
                new Head(Activation.SOFTMAX, Loss.CROSS_ENTROPY, 3),
                new Head(Activation.SIGMOID, Loss.MEAN_SQUARED_ERROR, 2),
                new Head(Activation.SOFTMAX, Loss.MEAN_SQUARED_ERROR, 3),
                new Head(Activation.LINEAR, Loss.MEAN_SQUARED_ERROR, 1));
        List<Regularization> regs = List.of(Regularization.NONE, new Regularization(0.1, 0),
                new Regularization(0, 0.05), new Regularization(0.03, 0.02));
        List<int[]> hiddenShapes = List.of(new int[] {}, new int[] {4}, new int[] {3, 4});
        List<Arguments> args = new ArrayList<>();
        for (Activation hidden : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU,
                Activation.LEAKY_RELU, Activation.LINEAR}) {
            for (Head head : heads) {
                for (Regularization reg : regs) {
                    for (int[] shape : hiddenShapes) {
                        if (shape.length == 0 && hidden != Activation.TANH) {
                            continue; // no hidden layer: the hidden activation plays no part
                        }
                        args.add(Arguments.of(hidden, head, reg, shape));
                    }
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void backpropagationMatchesFiniteDifferences(Activation hidden, Head head, Regularization reg, int[] shape) {
        Architecture arch = Architecture.of(2, shape, head.outputs(), hidden, head.output(), head.loss());
        checkAgainstFiniteDifferences(arch, reg, 9);
    }

    /**
     * The wide path: hidden layers of at least {@link Backprop#WIDE} units on both sides of a layer
     * (its gradient sums go through weightSumsWide), widths off the kernels' tiles of four, and
     * 600 rows, two chunks of the runner. The last case's 17 outputs make the output layer wide
     * too. Smooth activations only: a ReLU kink within h of some row's z would spoil the
     * difference quotient. Few cases, each checks every parameter (about 400 of them).
     */
    static Stream<Arguments> wideLayersOverSeveralChunks() {
        return Stream.of(
                Arguments.of(new int[] {2, 17, 18, 1}, Activation.TANH, Activation.SIGMOID,
                        Loss.BINARY_CROSS_ENTROPY, new Regularization(0.03, 0.02)),
                Arguments.of(new int[] {3, 19, 16, 3}, Activation.SIGMOID, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                        new Regularization(0.1, 0)),
                Arguments.of(new int[] {2, 21, 17}, Activation.TANH, Activation.SOFTMAX, Loss.MEAN_SQUARED_ERROR,
                        Regularization.NONE));
    }

    @ParameterizedTest(name = "{0} {1}/{2} {3} {4}")
    @MethodSource("wideLayersOverSeveralChunks")
    void wideLayersOverSeveralChunksMatchFiniteDifferences(int[] layers, Activation hidden, Activation output,
                                                           Loss loss, Regularization reg) {
        int rows = BlockMath.BLOCK + 88; // two chunks
        checkAgainstFiniteDifferences(new Architecture(layers, hidden, output, loss), reg, rows);
    }

    private static void checkAgainstFiniteDifferences(Architecture arch, Regularization reg, int rows) {
        Random rng = new Random(42);
        Network net = Initializer.GLOROT.create(arch, 7);
        for (int l = 0; l < arch.depth(); l++) {
            for (int j = 0; j < arch.width(l + 1); j++) {
                net.setBias(l, j, 0.3 * rng.nextGaussian());
            }
        }
        double[][] x = new double[rows][arch.inputs()];
        int[] y = new int[rows];
        int classes = arch.classes();
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < arch.inputs(); i++) {
                x[r][i] = 2 * rng.nextGaussian();
            }
            y[r] = r % classes;
        }
        Gradients g = net.gradients(x, y, reg);
        double h = 1e-6;
        for (int l = 0; l < arch.depth(); l++) {
            for (int i = 0; i < arch.width(l); i++) {
                for (int j = 0; j < arch.width(l + 1); j++) {
                    double w = net.weight(l, i, j);
                    net.setWeight(l, i, j, w + h);
                    double up = net.loss(x, y, reg);
                    net.setWeight(l, i, j, w - h);
                    double down = net.loss(x, y, reg);
                    net.setWeight(l, i, j, w);
                    check((up - down) / (2 * h), g.weight(l, i, j), "dW[" + l + "][" + i + "][" + j + "]");
                }
            }
            for (int j = 0; j < arch.width(l + 1); j++) {
                double b = net.bias(l, j);
                net.setBias(l, j, b + h);
                double up = net.loss(x, y, reg);
                net.setBias(l, j, b - h);
                double down = net.loss(x, y, reg);
                net.setBias(l, j, b);
                check((up - down) / (2 * h), g.bias(l, j), "db[" + l + "][" + j + "]");
            }
        }
    }

    private static void check(double numeric, double analytic, String what) {
        double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
        assertTrue(Math.abs(numeric - analytic) <= 2e-6 * scale,
                what + ": finite difference " + numeric + " vs backprop " + analytic);
    }
}
