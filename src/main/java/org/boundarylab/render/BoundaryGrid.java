package org.boundarylab.render;

import org.boundarylab.nn.Network;

/** Evaluates a network at the centre of every cell of a grid laid over a viewport. */
public final class BoundaryGrid {
    private BoundaryGrid() {
    }

    public static GridField evaluate(Network net, Viewport view, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1, got " + width + "x" + height);
        }
        if (net.architecture().inputs() != 2) {
            throw new IllegalArgumentException("a boundary grid needs a network with 2 inputs, got "
                    + net.architecture().inputs());
        }
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
        double[] out = net.predictFlat(points, width * height);
        int outputs = net.architecture().outputs();
        return new GridField(view, width, height, net.architecture().classes(), outputs == 1, out);
    }
}
