package org.boundarylab.render;

/** Turns a {@link GridField} into opaque ARGB pixels, one per grid cell, row 0 at the top. */
public final class HeatmapRenderer {
    private HeatmapRenderer() {
    }

    public static int[] argb(GridField field) {
        return argb(field, new int[field.cells()]);
    }

    /** Fills {@code target} (at least width*height long) and returns it, to reuse buffers between frames. */
    public static int[] argb(GridField field, int[] target) {
        int n = field.cells();
        if (field.binary()) {
            double[] p = field.values();
            for (int k = 0; k < n; k++) {
                target[k] = Palette.binaryArgb(p[k]);
            }
        } else {
            for (int k = 0; k < n; k++) {
                target[k] = Palette.heatArgb(field.classAt(k), field.confidence(k));
            }
        }
        return target;
    }
}
