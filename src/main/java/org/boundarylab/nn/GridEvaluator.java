package org.boundarylab.nn;

/**
 * A network's output over a grid of the input plane, for the heatmap behind the decision
 * boundary. Fast because it runs the engine's block kernels over runs of grid cells, on all
 * cores for large grids, and (when asked) in float with {@link ApproxMath}'s cheaper tanh,
 * sigmoid and exp ({@link FloatForward}), whose probabilities stay within 1e-3 of the exact
 * ones (in practice a few 1e-6).
 *
 * <p>Layout of {@code out}: cells row by row, row 0 at {@code ys[0]} (yMin), column 0 at
 * {@code xs[0]} (xMin); per cell, p(class 1) for a network with one sigmoid output, else its
 * K output probabilities: {@code out[(row * w + col) * K + k]}.
 *
 * <p>Thread-safe: each thread uses its own buffers.
 */
public final class GridEvaluator {
    /** Cells per unit of work (a chunk of {@link Backprop}'s size). */
    private static final int CELLS = BlockMath.BLOCK;

    /** Per thread: the forward buffers (exact, float) and the coordinates of one chunk. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Helpers or not, by measured speed (grids are drawn again and again). */
    private static final ChunkRunner.Pace PACE = new ChunkRunner.Pace();

    private GridEvaluator() {
    }

    /**
     * Evaluates the network on a w x h grid spanning [xMin, xMax] x [yMin, yMax], ends included
     * (as numpy's linspace/meshgrid in the tutorials' plot_decision_boundary): column c at
     * x = xMin + c (xMax - xMin) / (w - 1), row r at y = yMin + r (yMax - yMin) / (h - 1).
     *
     * @param out         at least w * h * outputs long (outputs = 1 for one sigmoid unit)
     * @param approximate use the drawing-only kernels (probabilities within 1e-3 of exact)
     */
    public static void probabilities(Network net, double xMin, double xMax, double yMin, double yMax,
                                     int w, int h, double[] out, boolean approximate) {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("grid must be at least 1 x 1, got " + w + " x " + h);
        }
        probabilities(net, linspace(xMin, xMax, w), linspace(yMin, yMax, h), out, approximate);
    }

    /**
     * Evaluates the network at every (xs[c], ys[r]): the general form, for callers that place
     * samples at pixel centres or anywhere else.
     */
    public static void probabilities(Network net, double[] xs, double[] ys, double[] out, boolean approximate) {
        Architecture arch = net.architecture();
        if (arch.inputs() != 2) {
            throw new IllegalArgumentException("a grid over the plane needs a network with 2 inputs, this one has "
                    + arch.inputs());
        }
        int w = xs.length;
        int h = ys.length;
        int k = arch.outputs();
        long needed = (long) w * h * k;
        if (out.length < needed) {
            throw new IllegalArgumentException("output array holds " + out.length + " values, the " + w + " x " + h
                    + " grid needs " + needed);
        }
        int cells = w * h;
        int chunks = (cells + CELLS - 1) / CELLS;
        FloatForward.Parameters rounded = approximate ? new FloatForward.Parameters(net) : null;
        ChunkRunner.shared().run(chunks, (c, lane) -> {
            int c0 = c * CELLS;
            int c1 = Math.min(cells, c0 + CELLS);
            if (rounded != null) {
                evaluateInFloat(rounded, xs, ys, c0, c1, out);
            } else {
                evaluate(net, xs, ys, c0, c1, out);
            }
        }, PACE);
    }

    /** Cells [c0, c1) of the grid, numbered row by row, through this thread's buffers. */
    private static void evaluate(Network net, double[] xs, double[] ys, int c0, int c1, double[] out) {
        Buffers b = BUFFERS.get();
        Forward f = b.forward(net.architecture());
        int w = xs.length;
        int n = c1 - c0;
        double[] px = b.xy[0];
        double[] py = b.xy[1];
        for (int q = 0; q < n; q++) {
            int cell = c0 + q;
            px[q] = xs[cell % w];
            py[q] = ys[cell / w];
        }
        f.run(net, b.xy, 0, n, false);
        double[][] a = f.output();
        int k = a.length;
        for (int j = 0; j < k; j++) {
            double[] aj = a[j];
            for (int q = 0; q < n; q++) {
                out[(c0 + q) * k + j] = aj[q];
            }
        }
    }

    /** The same cells through the float pass: drawing only. */
    private static void evaluateInFloat(FloatForward.Parameters p, double[] xs, double[] ys, int c0, int c1,
                                        double[] out) {
        Buffers b = BUFFERS.get();
        FloatForward f = b.floatForward(p.arch);
        int w = xs.length;
        int n = c1 - c0;
        float[] px = b.xyFloat[0];
        float[] py = b.xyFloat[1];
        for (int q = 0; q < n; q++) {
            int cell = c0 + q;
            px[q] = (float) xs[cell % w];
            py[q] = (float) ys[cell / w];
        }
        f.run(p, b.xyFloat, n);
        float[][] a = f.output();
        int k = a.length;
        for (int j = 0; j < k; j++) {
            float[] aj = a[j];
            for (int q = 0; q < n; q++) {
                out[(c0 + q) * k + j] = aj[q];
            }
        }
    }

    private static final class Buffers {
        final double[][] xy = new double[2][CELLS];
        final float[][] xyFloat = new float[2][CELLS];
        private Forward forward;
        private FloatForward floatForward;

        Forward forward(Architecture arch) {
            if (forward == null || !forward.arch.equals(arch)) {
                forward = new Forward(arch, CELLS);
            }
            return forward;
        }

        FloatForward floatForward(Architecture arch) {
            if (floatForward == null || !floatForward.architecture().equals(arch)) {
                floatForward = new FloatForward(arch, CELLS);
            }
            return floatForward;
        }
    }

    /** n values from a to b, both ends included; a alone when n is 1. */
    static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        }
        return v;
    }
}
