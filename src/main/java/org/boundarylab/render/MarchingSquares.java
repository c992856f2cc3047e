package org.boundarylab.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Iso-lines of a scalar field sampled at cell centres, by marching squares. Segments come back
 * in grid units: (0.5, 0.5) is the centre of the top-left cell, so a renderer scales by its
 * pixels per cell.
 */
public final class MarchingSquares {
    private MarchingSquares() {
    }

    /** A straight piece of an iso-line from (x1, y1) to (x2, y2). */
    public record Segment(double x1, double y1, double x2, double y2) {
    }

    public static List<Segment> isoLines(double[] f, int width, int height, double level) {
        List<Segment> out = new ArrayList<>();
        for (int r = 0; r + 1 < height; r++) {
            for (int c = 0; c + 1 < width; c++) {
                double tl = f[r * width + c] - level;
                double tr = f[r * width + c + 1] - level;
                double br = f[(r + 1) * width + c + 1] - level;
                double bl = f[(r + 1) * width + c] - level;
                int code = (tl > 0 ? 8 : 0) | (tr > 0 ? 4 : 0) | (br > 0 ? 2 : 0) | (bl > 0 ? 1 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                double x = c + 0.5;
                double y = r + 0.5;
                // crossing points on the four edges, linearly interpolated
                double topX = x + frac(tl, tr);
                double bottomX = x + frac(bl, br);
                double leftY = y + frac(tl, bl);
                double rightY = y + frac(tr, br);
                switch (code) {
                    case 1, 14 -> out.add(new Segment(x, leftY, bottomX, y + 1));
                    case 2, 13 -> out.add(new Segment(bottomX, y + 1, x + 1, rightY));
                    case 3, 12 -> out.add(new Segment(x, leftY, x + 1, rightY));
                    case 4, 11 -> out.add(new Segment(topX, y, x + 1, rightY));
                    case 6, 9 -> out.add(new Segment(topX, y, bottomX, y + 1));
                    case 7, 8 -> out.add(new Segment(x, leftY, topX, y));
                    case 5, 10 -> {
                        // saddle: decide by the centre value which pair of corners connects
                        double centre = (tl + tr + br + bl) / 4;
                        boolean joinTlBr = (centre > 0) == (tl > 0);
                        if (joinTlBr) {
                            out.add(new Segment(x, leftY, bottomX, y + 1));
                            out.add(new Segment(topX, y, x + 1, rightY));
                        } else {
                            out.add(new Segment(x, leftY, topX, y));
                            out.add(new Segment(bottomX, y + 1, x + 1, rightY));
                        }
                    }
                    default -> throw new AssertionError(code);
                }
            }
        }
        return out;
    }

    private static double frac(double a, double b) {
        double d = a - b;
        return d == 0 ? 0.5 : a / d;
    }

    /**
     * The decision boundaries of a field: the p = 0.5 line for a binary output, otherwise, for
     * each class, where its probability equals the best of the others.
     */
    public static List<Segment> decisionBoundaries(GridField field) {
        int n = field.cells();
        if (field.binary()) {
            return isoLines(field.values(), field.width(), field.height(), 0.5);
        }
        List<Segment> all = new ArrayList<>();
        double[] margin = new double[n];
        int k = field.classes();
        // each boundary between classes a and b is traced from both sides; drawing it twice is harmless,
        // but skipping the last class halves the work when there are two
        int last = k == 2 ? 1 : k;
        for (int c = 0; c < last; c++) {
            for (int cell = 0; cell < n; cell++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int o = 0; o < k; o++) {
                    if (o != c) {
                        best = Math.max(best, field.probability(cell, o));
                    }
                }
                margin[cell] = field.probability(cell, c) - best;
            }
            all.addAll(isoLines(margin, field.width(), field.height(), 0));
        }
        return all;
    }
}
