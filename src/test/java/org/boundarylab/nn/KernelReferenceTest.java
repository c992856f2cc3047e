package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's fast paths against {@link ReferenceNetwork}, the same math written one example
 * at a time with plain loops: loss and every gradient entry from {@link Network#gradients}
 * (the shared runner), from {@link Backprop} on one thread and on several, and from a
 * full-batch {@link Trainer} step; {@link Network#loss}; the predictions of
 * {@link Network#predict} and {@link Network#predictFlat} ({@link Forward}) and the outputs a
 * pass leaves in Backprop; and, to the float tolerance of the heat map, {@link FloatForward}.
 *
 * <h2>What the cases cover, and why not the cross product</h2>
 * The kernels' shapes depend on a layer's widths modulo their tiles: {@link Forward} takes
 * outputs in pairs and inputs in fours (then two, then one), {@link Backprop#weightSums}
 * outputs in pairs and inputs plus the bias in fours, {@link Backprop#backPair} inputs in
 * pairs and outputs in fours (then two, then one), and a layer at least
 * {@link Backprop#WIDE} = 16 wide on both sides takes {@link Backprop#weightSumsWide}
 * instead. Chunks hold at most {@link BlockMath#BLOCK} = 512 rows, cut evenly by
 * {@link Backprop#chunkStart}; Forward works in sub-blocks of 512. The full cross product of
 * width pairs, activations, heads, penalties and row counts would be over 80,000 networks
 * (13 x 13 x 5 x 6 x 4 x 4); these cases cover it in three parts instead:
 * <ul>
 *   <li>{@link #widthPairs}: every ordered pair (w1, w2) of {@link #WIDTHS} as the two hidden
 *       layers of an [inputs, w1, w2, outputs] network (169 networks), so every width meets
 *       every other as input and as output of a layer, on both sides of WIDE, and every
 *       remainder of every tile meets every other. Input counts (1, 2, 3, 5, 7), output
 *       counts (1 to 5), activations, heads, penalties and the row counts 1, 511, 513 and
 *       2345 rotate with the pair, each width seeing every activation and every head; plus
 *       one hidden layer of each width, and none.</li>
 *   <li>{@link #activationsAndHeads}: every hidden activation with every head, with and
 *       without a penalty (60 networks), each with wide hidden layers (70 and 33, or 33 and 64,
 *       both on the wide path) and 2345 rows, five chunks of 469.</li>
 *   <li>{@link #rowCounts}: the counts around the chunk and block edges (1, 2, 511, 512, 513,
 *       1023, 1024, 1025, 2345, 4100) on wide networks, one of them four hidden layers deep,
 *       and one network with the widest layer the lab accepts (256 units).</li>
 * </ul>
 *
 * <h2>The bound</h2>
 * Each value must satisfy |ref - engine| <= 1e-12 * max(1, |ref|, |engine|): relative above 1,
 * absolute below. Why not purely relative: a gradient entry is a mean of terms of both signs
 * and is often far smaller than its terms; any order of summation (the engine sums by chunk
 * and tile, the reference row by row) leaves a rounding error of the size of the terms times
 * 1e-16, not of the result. Likewise the engine's tanh and exp are within a few ulps of
 * {@link Math}'s, and tanh' = 1 - a^2 near saturation keeps those ulps only as an absolute
 * error. So an entry near zero can differ by 1e-16 in absolute terms and by any amount
 * relatively, with nothing wrong. Why not purely absolute: a linear output's squared error
 * can be large, and there 1e-12 absolute would be below the rounding of the values. A kernel
 * that drops, repeats or misplaces one term is off by the size of a term, 1e-4 or more here.
 */
class KernelReferenceTest {
    /** Hidden widths: every remainder of the tiles of four and two, either side of WIDE, past 64. */
    static final int[] WIDTHS = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 70};
    static final int[] ROWS = {1, 511, 513, 2345};
    static final int[] INPUTS = {2, 1, 3, 5, 7};
    static final Activation[] HIDDEN = {Activation.TANH, Activation.SIGMOID, Activation.RELU,
        Activation.LEAKY_RELU, Activation.LINEAR};
    static final Regularization[] PENALTIES = {Regularization.NONE, new Regularization(0.03, 0),
        new Regularization(0, 0.01), new Regularization(0.02, 0.005)};

    private static final double TOLERANCE = 1e-12;
    /**
     * The heat map's bound on a probability (GridEvaluatorTest, GridEvaluator's documentation),
     * in the same mixed form: absolute for probabilities, relative for a linear output above 1.
     */
    private static final double FLOAT_TOLERANCE = 1e-3;

    /** A runner with two helpers: three lanes, whatever the machine's core count. */
    private static final ChunkRunner THREADED = new ChunkRunner(2);

    /** The worst scaled difference seen per path, reported once all cases ran. */
    private static final Map<String, Double> WORST = new TreeMap<>();
    private static final Map<String, String> WORST_CASE = new TreeMap<>();

    enum Head {
        SIGMOID_BCE_ONE(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY),
        SIGMOID_BCE_SEVERAL(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY),
        SOFTMAX_CE(Activation.SOFTMAX, Loss.CROSS_ENTROPY),
        SIGMOID_MSE(Activation.SIGMOID, Loss.MEAN_SQUARED_ERROR),
        SOFTMAX_MSE(Activation.SOFTMAX, Loss.MEAN_SQUARED_ERROR),
        LINEAR_MSE(Activation.LINEAR, Loss.MEAN_SQUARED_ERROR);

        final Activation output;
        final Loss loss;

        Head(Activation output, Loss loss) {
            this.output = output;
            this.loss = loss;
        }

        /** The output count for the k-th case of this head: 1 for the single sigmoid, else 2 to 5. */
        int outputs(int k) {
            return this == SIGMOID_BCE_ONE ? 1 : 2 + Math.floorMod(k, 4);
        }
    }

    record Case(int inputs, int[] hidden, Activation activation, Head head, int outputs, Regularization reg,
                int rows, long seed) {
        Architecture architecture() {
            return Architecture.of(inputs, hidden, outputs, activation, head.output, head.loss);
        }

        @Override
        public String toString() {
            return architecture() + ", " + rows + " rows, l2 " + reg.l2() + ", l1 " + reg.l1();
        }
    }

    static Stream<Case> widthPairs() {
        List<Case> cases = new ArrayList<>();
        Head[] heads = Head.values();
        int n = WIDTHS.length;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int k = a * n + b;
                Head head = heads[(a + 5 * b) % heads.length];
                cases.add(new Case(INPUTS[k % INPUTS.length], new int[] {WIDTHS[a], WIDTHS[b]},
                        HIDDEN[(a + b) % HIDDEN.length], head, head.outputs(k), PENALTIES[(2 * a + b) % 4],
                        ROWS[(a + 3 * b) % ROWS.length], k));
            }
        }
        for (int a = 0; a < n; a++) {
            Head head = heads[a % heads.length];
            cases.add(new Case(INPUTS[a % INPUTS.length], new int[] {WIDTHS[a]}, HIDDEN[a % HIDDEN.length], head,
                    head.outputs(a + 1), PENALTIES[(a / 2) % 4], ROWS[(a + 1) % ROWS.length], 1000 + a));
        }
        for (Head head : heads) {
            cases.add(new Case(2, new int[] {}, Activation.TANH, head, head.outputs(head.ordinal()),
                    PENALTIES[3], 513, 2000 + head.ordinal()));
        }
        return cases.stream();
    }

    static Stream<Case> activationsAndHeads() {
        List<Case> cases = new ArrayList<>();
        int k = 0;
        for (Activation act : HIDDEN) {
            for (Head head : Head.values()) {
                for (Regularization reg : new Regularization[] {Regularization.NONE, PENALTIES[3]}) {
                    int[] hidden = k % 2 == 0 ? new int[] {70, 33} : new int[] {33, 64};
                    cases.add(new Case(2, hidden, act, head, head.outputs(k), reg, 2345, 3000 + k));
                    k++;
                }
            }
        }
        return cases.stream();
    }

    static Stream<Case> rowCounts() {
        List<Case> cases = new ArrayList<>();
        int[] counts = {1, 2, 511, 512, 513, 1023, 1024, 1025, 2345, 4100};
        Head[] heads = Head.values();
        for (int k = 0; k < counts.length; k++) {
            Head head = heads[k % heads.length];
            int[] hidden = k == counts.length - 1 ? new int[] {31, 17, 16, 9} : new int[] {17, 16};
            cases.add(new Case(2, hidden, HIDDEN[k % HIDDEN.length], head, head.outputs(k), PENALTIES[k % 4],
                    counts[k], 4000 + k));
        }
        // the widest layer the lab accepts (InputRules.MAX_LAYER_WIDTH)
        cases.add(new Case(2, new int[] {256, 130}, Activation.TANH, Head.SOFTMAX_CE, 3, PENALTIES[3], 1025, 4100));
        return cases.stream();
    }

    static Stream<Case> allCases() {
        return Stream.of(widthPairs(), activationsAndHeads(), rowCounts()).flatMap(s -> s);
    }

    /**
     * Weights N(0, 1.5^2 / fan_in) and biases N(0, 0.5^2): units reach tanh's and sigmoid's
     * flat ends and ReLU units switch off, as in a trained network, without overflowing.
     */
    static Network network(Case c) {
        Architecture arch = c.architecture();
        Random rng = new Random(c.seed());
        Network net = new Network(arch);
        for (int l = 0; l < arch.depth(); l++) {
            double scale = 1.5 / Math.sqrt(arch.width(l));
            for (int i = 0; i < arch.width(l); i++) {
                for (int j = 0; j < arch.width(l + 1); j++) {
                    net.setWeight(l, i, j, scale * rng.nextGaussian());
                }
            }
            for (int j = 0; j < arch.width(l + 1); j++) {
                net.setBias(l, j, 0.5 * rng.nextGaussian());
            }
        }
        return net;
    }

    static double[][] inputs(Case c) {
        Random rng = new Random(c.seed() * 31 + 7);
        double[][] x = new double[c.rows()][c.inputs()];
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 1.5 * rng.nextGaussian();
            }
        }
        return x;
    }

    static int[] labels(Case c) {
        Random rng = new Random(c.seed() * 17 + 3);
        int classes = c.architecture().classes();
        int[] y = new int[c.rows()];
        for (int r = 0; r < y.length; r++) {
            y[r] = rng.nextInt(classes);
        }
        return y;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void fastPathsMatchTheReference(Case c) {
        Architecture arch = c.architecture();
        Network net = network(c);
        double[][] x = inputs(c);
        int[] y = labels(c);
        Regularization reg = c.reg();
        ReferenceNetwork.Result want = new ReferenceNetwork(net).lossAndGradients(x, y, reg);

        double[] wantGradient = parameters(arch, (l, i, j) -> want.dW[l][i][j], (l, j) -> want.db[l][j]);
        double[] wantOutputs = byRow(want.outputs);
        IntFunction<String> parameter = k -> parameterName(arch, k);
        IntFunction<String> output = k -> "row " + k / arch.outputs() + " output " + k % arch.outputs();

        // the public path, on the process-wide runner
        Gradients shared = net.gradients(x, y, reg);
        check("Network.gradients loss", c, "loss", want.loss, shared.loss());
        compare("Network.gradients gradient", c, wantGradient, parameters(arch, shared::weight, shared::bias),
                parameter);

        // Backprop on the caller's thread alone and with helpers
        double[][] xs = Matrices.byColumn(x, arch.inputs(), x.length);
        double[][] ts = Matrices.targetsByColumn(y, arch.outputs(), x.length);
        for (ChunkRunner runner : new ChunkRunner[] {ChunkRunner.serial(), THREADED}) {
            String path = "Backprop, " + runner.lanes() + " lane" + (runner.lanes() == 1 ? "" : "s");
            Backprop bp = new Backprop(arch, x.length, runner);
            Gradients g = new Gradients(arch);
            bp.lossAndGradients(net, xs, ts, x.length, reg, g, true);
            check(path + " loss", c, "loss", want.loss, g.loss());
            compare(path + " gradient", c, wantGradient, parameters(arch, g::weight, g::bias), parameter);
            double[][] out = bp.outputs();
            compare(path + " outputs", c, wantOutputs, byRow(x.length, arch.outputs(), (r, j) -> out[j][r]), output);
        }

        // a full-batch gradient descent step with learning rate 1 moves each parameter by its gradient
        Network stepped = net.copy();
        Trainer trainer = new Trainer(stepped, x, y, new TrainingOptions(Optimizer.Kind.GD, 1.0, reg, 0, 0));
        check("Trainer loss", c, "loss", want.loss, trainer.epoch(true));
        compare("Trainer gradient", c, wantGradient,
                parameters(arch, (l, i, j) -> net.weight(l, i, j) - stepped.weight(l, i, j),
                        (l, j) -> net.bias(l, j) - stepped.bias(l, j)), parameter);

        check("Network.loss", c, "loss", want.loss, net.loss(x, y, reg));

        compare("Network.predict", c, wantOutputs, byRow(net.predict(x)), output);
        compare("Network.predictFlat", c, wantOutputs,
                net.predictFlat(Matrices.flatten(x, arch.inputs()), x.length), output);
    }

    interface WeightValue {
        double at(int layer, int from, int to);
    }

    interface BiasValue {
        double at(int layer, int unit);
    }

    /** Values per parameter in one array: each layer's weights [i][j] row by row, then its biases. */
    static double[] parameters(Architecture arch, WeightValue w, BiasValue b) {
        double[] v = new double[arch.parameterCount()];
        int k = 0;
        for (int l = 0; l < arch.depth(); l++) {
            for (int i = 0; i < arch.width(l); i++) {
                for (int j = 0; j < arch.width(l + 1); j++) {
                    v[k++] = w.at(l, i, j);
                }
            }
            for (int j = 0; j < arch.width(l + 1); j++) {
                v[k++] = b.at(l, j);
            }
        }
        return v;
    }

    /** The name of entry k of {@link #parameters}: dW[l][i][j] or db[l][j]. */
    static String parameterName(Architecture arch, int k) {
        for (int l = 0; l < arch.depth(); l++) {
            int in = arch.width(l);
            int out = arch.width(l + 1);
            if (k < in * out) {
                return "dW[" + l + "][" + k / out + "][" + k % out + "]";
            }
            k -= in * out;
            if (k < out) {
                return "db[" + l + "][" + k + "]";
            }
            k -= out;
        }
        throw new IllegalArgumentException("no parameter " + k);
    }

    static double[] byRow(double[][] rows) {
        return byRow(rows.length, rows.length == 0 ? 0 : rows[0].length, (r, j) -> rows[r][j]);
    }

    static double[] byRow(int rows, int cols, BiasValue value) {
        double[] v = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                v[r * cols + j] = value.at(r, j);
            }
        }
        return v;
    }

    /** Fails unless every |want - got| <= TOLERANCE * max(1, |want|, |got|) (see the class comment). */
    private static void compare(String path, Case c, double[] want, double[] got, IntFunction<String> name) {
        compare(path, c, want, got, name, TOLERANCE, "engine");
    }

    private static void compare(String path, Case c, double[] want, double[] got, IntFunction<String> name,
                                double tolerance, String what) {
        assertEquals(want.length, got.length, path);
        double worst = 0;
        for (int k = 0; k < want.length; k++) {
            double scaled = scaledDifference(want[k], got[k]);
            if (!(scaled <= tolerance)) {
                fail(c + ": " + path + ", " + name.apply(k) + ": reference " + want[k] + ", " + what + " " + got[k]);
            }
            worst = Math.max(worst, scaled);
        }
        record(path, worst, c);
    }

    private static void check(String path, Case c, String what, double want, double got) {
        compare(path, c, new double[] {want}, new double[] {got}, k -> what);
    }

    private static double scaledDifference(double want, double got) {
        return Math.abs(want - got) / Math.max(1, Math.max(Math.abs(want), Math.abs(got)));
    }

    private static synchronized void record(String path, double scaled, Case c) {
        if (!(WORST.getOrDefault(path, -1.0) >= scaled)) {
            WORST.put(path, scaled);
            WORST_CASE.put(path, c.toString());
        }
    }

    /**
     * The heat map's float pass against the reference's outputs, on the wide networks of every
     * activation and head: directly over the cases' rows, and through the grid evaluator (its
     * chunks of cells) on a grid of the plane.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activationsAndHeads")
    void floatPassStaysWithinTheHeatMapsBound(Case c) {
        Architecture arch = c.architecture();
        Network net = network(c);
        ReferenceNetwork ref = new ReferenceNetwork(net);
        double[][] x = inputs(c);
        int k = arch.outputs();

        float[][] xf = new float[arch.inputs()][x.length];
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < arch.inputs(); i++) {
                xf[i][r] = (float) x[r][i];
            }
        }
        FloatForward ff = new FloatForward(arch, x.length);
        ff.run(new FloatForward.Parameters(net), xf, x.length);
        float[][] out = ff.output();
        IntFunction<String> output = q -> "row " + q / k + " output " + q % k;
        compare("FloatForward", c, byRow(ref.predict(x)), byRow(x.length, k, (r, j) -> out[j][r]), output,
                FLOAT_TOLERANCE, "float pass");

        int w = 61;
        int h = 47;
        double[] grid = new double[w * h * k];
        GridEvaluator.probabilities(net, -4, 4, -3, 3, w, h, grid, true);
        double[] xsGrid = GridEvaluator.linspace(-4, 4, w);
        double[] ysGrid = GridEvaluator.linspace(-3, 3, h);
        double[][] cells = new double[w * h][];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                cells[row * w + col] = new double[] {xsGrid[col], ysGrid[row]};
            }
        }
        IntFunction<String> cell = q -> "cell " + q / k % w + "," + q / k / w + " output " + q % k;
        compare("GridEvaluator, float", c, byRow(ref.predict(cells)), grid, cell, FLOAT_TOLERANCE, "float pass");
    }

    @AfterAll
    static void reportWorstDifferences() {
        StringBuilder s = new StringBuilder("KernelReferenceTest, worst scaled differences:");
        WORST.forEach((path, v) -> s.append(String.format(Locale.ROOT, "%n  %-32s %.3g  (%s)", path, v,
                WORST_CASE.get(path))));
        System.out.println(s);
    }

    /** The width cases hold what the class comment says: every width with every activation and every head. */
    @Test
    void widthCasesMeetEveryActivationAndHead() {
        List<Case> cases = widthPairs().toList();
        for (int width : WIDTHS) {
            for (Activation act : HIDDEN) {
                assertTrue(cases.stream().anyMatch(c -> c.activation() == act && has(c, width)),
                        width + " with " + act);
            }
            for (Head head : Head.values()) {
                assertTrue(cases.stream().anyMatch(c -> c.head() == head && has(c, width)), width + " with " + head);
            }
        }
    }

    private static boolean has(Case c, int width) {
        return Arrays.stream(c.hidden()).anyMatch(v -> v == width);
    }
}
