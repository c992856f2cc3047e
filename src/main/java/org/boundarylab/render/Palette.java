package org.boundarylab.render;

/**
 * Colours safe for the common colour-vision deficiencies: the Okabe-Ito set, with orange and
 * blue for two classes (as TensorFlow Playground does, never red against green). Heat cells
 * are the class colour washed towards white by uncertainty, so points stay readable on top.
 */
public final class Palette {
    /** Okabe-Ito: orange, blue, bluish green, vermillion, reddish purple, sky blue, yellow, black. */
    private static final int[] CLASS_RGB = {
        0xE69F00, 0x0072B2, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000
    };
    /** The colour of "no preference": a light neutral, not pure white, so the canvas edge shows. */
    private static final int NEUTRAL = 0xF7F7F7;
    /** How strong the most confident cell gets: light enough for points drawn on top. */
    private static final double MAX_WASH = 0.5;

    private Palette() {
    }

    public static int classRgb(int c) {
        return CLASS_RGB[Math.floorMod(c, CLASS_RGB.length)];
    }

    public static int classArgb(int c) {
        return 0xFF000000 | classRgb(c);
    }

    /** A darker shade of the class colour, for point outlines and legend text. */
    public static int darkArgb(int c) {
        return 0xFF000000 | mix(classRgb(c), 0x000000, 0.35);
    }

    /** Heat-map colour for a cell of the given class at confidence in [0, 1]. */
    public static int heatArgb(int c, double confidence) {
        double t = Math.max(0, Math.min(1, confidence));
        return 0xFF000000 | mix(NEUTRAL, classRgb(c), MAX_WASH * Math.sqrt(t));
    }

    /** Heat-map colour for p(class 1) of a binary output: orange below 0.5, blue above. */
    public static int binaryArgb(double p) {
        if (!(p == p)) {
            return 0xFF000000 | NEUTRAL;
        }
        double q = Math.max(0, Math.min(1, p));
        return q > 0.5 ? heatArgb(1, 2 * q - 1) : heatArgb(0, 1 - 2 * q);
    }

    static int mix(int rgbA, int rgbB, double t) {
        int r = (int) Math.round(((rgbA >> 16) & 0xFF) * (1 - t) + ((rgbB >> 16) & 0xFF) * t);
        int g = (int) Math.round(((rgbA >> 8) & 0xFF) * (1 - t) + ((rgbB >> 8) & 0xFF) * t);
        int b = (int) Math.round((rgbA & 0xFF) * (1 - t) + (rgbB & 0xFF) * t);
        return (r << 16) | (g << 8) | b;
    }
}
