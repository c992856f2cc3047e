package org.boundarylab.ui.diagram;

/**
 * Where the units of a network go in the diagram: one column per layer, evenly spaced across
 * the width, units centred vertically, all squares of one size chosen so the tallest column
 * fits. A layer wider than {@link #MAX_SHOWN} units shows its first {@code MAX_SHOWN - 1} and
 * a summary row ("+ 488 more") in place of the rest, so any width the lab allows fits.
 * Plain arithmetic without the toolkit, so it is tested on its own.
 */
public final class DiagramLayout {
    /** The most units a column shows; beyond it the column ends in a summary. */
    public static final int MAX_SHOWN = 12;
    static final double MAX_UNIT = 46;
    static final double MIN_UNIT = 14;
    /** Space between units as a fraction of the unit size. */
    static final double GAP = 0.35;
    static final double MARGIN = 10;

    private final int[] widths;
    private final double width;
    private final double height;
    private final double unit;

    public DiagramLayout(int[] layerWidths, double width, double height) {
        if (layerWidths.length < 2) {
            throw new IllegalArgumentException("a network has at least 2 layers, got " + layerWidths.length);
        }
        this.widths = layerWidths.clone();
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        int tallest = 0;
        for (int l = 0; l < widths.length; l++) {
            tallest = Math.max(tallest, rows(l));
        }
        double byHeight = (this.height - 2 * MARGIN) / (tallest + (tallest - 1) * GAP);
        // columns need room for the links between them too: at least two unit sizes apart
        double byWidth = (this.width - 2 * MARGIN) / (widths.length + (widths.length - 1) * 1.2);
        this.unit = Math.max(MIN_UNIT, Math.min(MAX_UNIT, Math.min(byHeight, byWidth)));
    }

    /** The width laid out in. */
    public double width() {
        return width;
    }

    /** The height laid out in. */
    public double height() {
        return height;
    }

    public int layers() {
        return widths.length;
    }

    /** The side of a unit's square. */
    public double unitSize() {
        return unit;
    }

    /** Units of layer l drawn as squares. */
    public int shown(int layer) {
        return widths[layer] > MAX_SHOWN ? MAX_SHOWN - 1 : widths[layer];
    }

    /** Units of layer l summarised rather than drawn (0 for a layer that fits). */
    public int summarised(int layer) {
        return widths[layer] - shown(layer);
    }

    /** Rows the column takes: the shown units plus the summary row, if any. */
    private int rows(int layer) {
        return shown(layer) + (summarised(layer) > 0 ? 1 : 0);
    }

    /** The centre x of layer l's column. */
    public double columnX(int layer) {
        double left = MARGIN + unit / 2;
        double right = width - MARGIN - unit / 2;
        return widths.length == 1 ? width / 2 : left + (right - left) * layer / (widths.length - 1);
    }

    /** The centre y of row k of layer l (row shown(l) is the summary row). */
    public double rowY(int layer, int row) {
        int n = rows(layer);
        double step = unit * (1 + GAP);
        double top = height / 2 - step * (n - 1) / 2;
        return top + step * row;
    }

    /** The unit of layer l whose square contains (x, y), or -1. */
    public int unitAt(int layer, double x, double y) {
        double half = unit / 2;
        if (Math.abs(x - columnX(layer)) > half) {
            return -1;
        }
        for (int k = 0; k < shown(layer); k++) {
            if (Math.abs(y - rowY(layer, k)) <= half) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The link from unit i of layer l to unit j of layer l+1 nearest to (x, y) within
     * {@code tolerance} pixels, as {i, j}; null when none is that close.
     */
    public int[] linkAt(int layer, double x, double y, double tolerance) {
        double x0 = columnX(layer) + unit / 2;
        double x1 = columnX(layer + 1) - unit / 2;
        if (x < x0 || x > x1) {
            return null;
        }
        int[] best = null;
        double bestDistance = tolerance;
        for (int i = 0; i < shown(layer); i++) {
            double y0 = rowY(layer, i);
            for (int j = 0; j < shown(layer + 1); j++) {
                double y1 = rowY(layer + 1, j);
                double d = distanceToSegment(x, y, x0, y0, x1, y1);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

    /** The middle of a link, where a pointer can find it. */
    public double[] linkMiddle(int layer, int from, int to) {
        double x0 = columnX(layer) + unit / 2;
        double x1 = columnX(layer + 1) - unit / 2;
        return new double[] {(x0 + x1) / 2, (rowY(layer, from) + rowY(layer + 1, to)) / 2};
    }

    /** Line thickness for a weight: 0.5 px near zero up to 6 px at |w| = 3 and beyond. */
    public static double thickness(double weight) {
        return 0.5 + 5.5 * Math.min(1, Math.abs(weight) / 3);
    }

    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
