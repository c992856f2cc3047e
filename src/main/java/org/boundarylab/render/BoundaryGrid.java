package org.boundarylab.render;

import org.boundarylab.nn.GridEvaluator;
import org.boundarylab.nn.Network;

/**
 * Evaluates a network at the centre of every cell of a grid laid over a viewport, row 0 at
 * the top ({@code yMax}). The work is the engine's {@link GridEvaluator}: block kernels over
 * runs of cells, both cores for large grids.
 */
public final class BoundaryGrid {
    private BoundaryGrid() {
    }

    /** Exact outputs: the same numbers as {@link Network#predict}. */
    public static GridField evaluate(Network net, Viewport view, int width, int height) {
        return evaluate(net, view, width, height, false);
    }

    /**
     * @param approximate use the drawing-only kernels, whose probabilities stay within 1e-3 of
     *                    the exact ones (about 1e-7 in practice) for a cheaper live heatmap
     */
    public static GridField evaluate(Network net, Viewport view, int width, int height, boolean approximate) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1, got " + width + "x" + height);
        }
        if (net.architecture().inputs() != 2) {
            throw new IllegalArgumentException("a boundary grid needs a network with 2 inputs, got "
                    + net.architecture().inputs());
        }
        double dx = view.width() / width;
        double dy = view.height() / height;
        double[] xs = new double[width];
        double[] ys = new double[height];
        for (int c = 0; c < width; c++) {
            xs[c] = view.xMin() + (c + 0.5) * dx;
        }
        for (int r = 0; r < height; r++) {
            ys[r] = view.yMax() - (r + 0.5) * dy;
        }
        int outputs = net.architecture().outputs();
        double[] out = new double[width * height * outputs];
        GridEvaluator.probabilities(net, xs, ys, out, approximate);
        return new GridField(view, width, height, net.architecture().classes(), outputs == 1, out);
    }

    /** Evaluates a network whose inputs are {@code features} of each cell centre (x1, x2), exactly. */
    public static GridField evaluate(Network net, org.boundarylab.nn.Features features, Viewport view, int width,
                                     int height) {
        return evaluate(net, features, view, width, height, false);
    }

    /**
     * Evaluates a network whose inputs are {@code features} of each cell centre; the plain x1, x2
     * take the grid evaluator's fast path (approximate if asked), other features the exact one.
     */
    public static GridField evaluate(Network net, org.boundarylab.nn.Features features, Viewport view, int width,
                                     int height, boolean approximate) {
        if (features.isDefault()) {
            return evaluate(net, view, width, height, approximate);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1, got " + width + "x" + height);
        }
        features.checkFits(net.architecture());
        double[] inputs = features.mapFlat(cellCentres(view, width, height), width * height);
        double[] out = net.predictFlat(inputs, width * height);
        return new GridField(view, width, height, net.architecture().classes(), net.architecture().outputs() == 1, out);
    }

    /** The cell centres of the grid as a flat block {x1, x2, x1, x2, ...}, row 0 at the top. */
    public static double[] cellCentres(Viewport view, int width, int height) {
        double[] points = new double[width * height * 2];
        double dx = view.width() / width;
        double dy = view.height() / height;
        int k = 0;
        for (int r = 0; r < height; r++) {
            double y = view.yMax() - (r + 0.5) * dy;
            for (int c = 0; c < width; c++) {
                points[k++] = view.xMin() + (c + 0.5) * dx;
                points[k++] = y;
            }
        }
        return points;
    }
}
