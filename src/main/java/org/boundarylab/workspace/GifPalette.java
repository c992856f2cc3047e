package org.boundarylab.workspace;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One colour table of at most 256 colours for every frame of an animation, so a colour never
 * changes from frame to frame and the file needs one table only.
 *
 * <p>A few colours are always in it (black, white, greys, the line and text colours the frames
 * are drawn with); the rest come from a median cut of the colours of sample frames, each colour
 * weighted by the square root of its pixel count, so the heat map's smooth shades get most of
 * the table while small things (points, letters) keep a colour close to their own. Pixels are
 * mapped to the nearest colour without dithering: dithering would make the heat map shimmer
 * between frames and compress worse.
 */
final class GifPalette {
    static final int SIZE = 256;
    /** Colours whose nearest entry is remembered at most; past it the memory starts afresh. */
    private static final int MAX_REMEMBERED = 1 << 18;

    private final int[] rgb;
    private final IndexColorModel model;
    private final Map<Integer, Byte> nearest = new HashMap<>();

    private GifPalette(int[] rgb) {
        this.rgb = Arrays.copyOf(rgb, SIZE);
        byte[] r = new byte[SIZE];
        byte[] g = new byte[SIZE];
        byte[] b = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            r[i] = (byte) (this.rgb[i] >> 16);
            g[i] = (byte) (this.rgb[i] >> 8);
            b[i] = (byte) this.rgb[i];
        }
        this.model = new IndexColorModel(8, SIZE, r, g, b);
    }

    /** Counts the colours of sample pictures, one at a time, so none has to be kept. */
    static final class Builder {
        private final Map<Integer, Integer> counts = new HashMap<>();

        Builder add(BufferedImage image) {
            int w = image.getWidth();
            int h = image.getHeight();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int p : row) {
                    counts.merge(p & 0xFFFFFF, 1, Integer::sum);
                }
            }
            return this;
        }

        /** A table for pictures like those added, always holding the colours of {@code fixed}. */
        GifPalette build(int[] fixed) {
            int[] table = new int[SIZE];
            int used = 0;
            Set<Integer> taken = new HashSet<>();
            for (int c : fixed) {
                if (used < SIZE && taken.add(c & 0xFFFFFF)) {
                    table[used++] = c & 0xFFFFFF;
                }
            }
            for (int c : medianCut(counts, SIZE - used)) {
                if (used < SIZE && taken.add(c)) {
                    table[used++] = c;
                }
            }
            return ofColors(Arrays.copyOf(table, Math.max(1, used)));
        }
    }

    /** A table of exactly these colours (0xRRGGBB, at most {@value #SIZE}). */
    static GifPalette ofColors(int[] colors) {
        if (colors.length == 0 || colors.length > SIZE) {
            throw new IllegalArgumentException("a colour table holds 1 to " + SIZE + " colours, got " + colors.length);
        }
        int[] table = Arrays.copyOf(colors, SIZE);
        // unused entries repeat the first colour; they are never chosen before it
        for (int i = colors.length; i < SIZE; i++) {
            table[i] = colors[0];
        }
        return new GifPalette(table);
    }

    IndexColorModel colorModel() {
        return model;
    }

    /** The table's colours as 0xRRGGBB. */
    int[] colors() {
        return rgb.clone();
    }

    /** The picture in the table's colours, each pixel the nearest one. */
    BufferedImage indexed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = indexOf(row[x] & 0xFFFFFF);
            }
        }
        return out;
    }

    private byte indexOf(int color) {
        Byte known = nearest.get(color);
        if (known != null) {
            return known;
        }
        int r = (color >> 16) & 0xFF;
        int g = (color >> 8) & 0xFF;
        int b = color & 0xFF;
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < SIZE; i++) {
            int c = rgb[i];
            long d = distance(r, g, b, (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        byte index = (byte) best;
        if (nearest.size() >= MAX_REMEMBERED) {
            nearest.clear();
        }
        nearest.put(color, index);
        return index;
    }

    /** Squared distance with the usual weights for how strongly the eye sees each channel. */
    private static long distance(int r1, int g1, int b1, int r2, int g2, int b2) {
        long dr = r1 - r2;
        long dg = g1 - g2;
        long db = b1 - b2;
        return 3 * dr * dr + 6 * dg * dg + db * db;
    }

    // ---- median cut ---------------------------------------------------------------------------

    private static final class Box {
        final int[] colors;
        final double[] weights;
        final int from;
        final int to;
        double total;
        int longest;
        int range;

        Box(int[] colors, double[] weights, int from, int to) {
            this.colors = colors;
            this.weights = weights;
            this.from = from;
            this.to = to;
            int[] lo = {255, 255, 255};
            int[] hi = {0, 0, 0};
            for (int i = from; i < to; i++) {
                total += weights[i];
                for (int ch = 0; ch < 3; ch++) {
                    int v = channel(colors[i], ch);
                    lo[ch] = Math.min(lo[ch], v);
                    hi[ch] = Math.max(hi[ch], v);
                }
            }
            for (int ch = 0; ch < 3; ch++) {
                if (hi[ch] - lo[ch] > range) {
                    range = hi[ch] - lo[ch];
                    longest = ch;
                }
            }
        }

        double score() {
            return to - from < 2 ? -1 : range * total;
        }

        int mean() {
            double[] sum = new double[3];
            for (int i = from; i < to; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    sum[ch] += channel(colors[i], ch) * weights[i];
                }
            }
            int r = (int) Math.round(sum[0] / total);
            int g = (int) Math.round(sum[1] / total);
            int b = (int) Math.round(sum[2] / total);
            return (r << 16) | (g << 8) | b;
        }
    }

    private static int channel(int color, int ch) {
        return (color >> (16 - 8 * ch)) & 0xFF;
    }

    private static List<Integer> medianCut(Map<Integer, Integer> counts, int wanted) {
        List<Integer> out = new ArrayList<>();
        if (counts.isEmpty() || wanted <= 0) {
            return out;
        }
        int n = counts.size();
        Integer[] order = counts.keySet().toArray(Integer[]::new);
        int[] colors = new int[n];
        double[] weights = new double[n];
        List<Box> boxes = new ArrayList<>();
        boxes.add(box(order, counts, colors, weights, 0, n));
        while (boxes.size() < wanted) {
            Box widest = boxes.stream().max(Comparator.comparingDouble(Box::score)).orElseThrow();
            if (widest.score() <= 0) {
                break;
            }
            boxes.remove(widest);
            int ch = widest.longest;
            Integer[] part = Arrays.copyOfRange(order, widest.from, widest.to);
            Arrays.sort(part, Comparator.comparingInt(c -> channel(c, ch)));
            System.arraycopy(part, 0, order, widest.from, part.length);
            double half = widest.total / 2;
            double seen = 0;
            int cut = widest.from + 1;
            for (int i = widest.from; i < widest.to - 1; i++) {
                seen += Math.sqrt(counts.get(order[i]));
                cut = i + 1;
                if (seen >= half) {
                    break;
                }
            }
            boxes.add(box(order, counts, colors, weights, widest.from, cut));
            boxes.add(box(order, counts, colors, weights, cut, widest.to));
        }
        for (Box box : boxes) {
            out.add(box.mean());
        }
        return out;
    }

    private static Box box(Integer[] order, Map<Integer, Integer> counts, int[] colors, double[] weights,
                           int from, int to) {
        for (int i = from; i < to; i++) {
            colors[i] = order[i];
            weights[i] = Math.sqrt(counts.get(order[i]));
        }
        return new Box(colors, weights, from, to);
    }
}
