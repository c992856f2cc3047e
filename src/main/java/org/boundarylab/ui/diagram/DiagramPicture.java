package org.boundarylab.ui.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.boundarylab.nn.Network;
import org.boundarylab.render.Palette;
import org.boundarylab.render.UnitMaps;

/**
 * The part of the diagram that changes with every snapshot, as one picture: the links (thickness
 * |weight|, orange negative, blue positive) and every shown unit's map in its frame. Drawn with
 * Java2D into plain pixels, so it is built on the pool beside the maps, and the window only swaps
 * one image per snapshot instead of painting some 70 small images, their frames and the links in
 * the pulse that shows them (the software renderer took up to 31 ms for that with the largest
 * network).
 */
final class DiagramPicture {
    /** Link widths are drawn in steps of 1/LINK_WIDTH_STEPS pixel. */
    static final int LINK_WIDTH_STEPS = 4;
    /** Link colours: the palette's first two class colours, orange for negative, blue for positive. */
    static final int NEGATIVE_RGB = Palette.classRgb(0);
    static final int POSITIVE_RGB = Palette.classRgb(1);
    static final Color NEGATIVE = new Color(NEGATIVE_RGB);
    static final Color POSITIVE = new Color(POSITIVE_RGB);
    /** The unit frame's colour, as the hover and pin frames' CSS leaves it when neither applies. */
    static final Color FRAME = new Color(0x9a, 0x9a, 0x9a);

    /** Pixels {@code argb} (non-premultiplied, row after row) of a picture {@code width x height} device pixels. */
    record Pixels(int width, int height, int[] argb) {
    }

    private DiagramPicture() {
    }

    /** Where unit {@code k} of layer {@code l} lies: {x, y, side}, x and y on whole pixels as the unit nodes are. */
    static double[] unitBox(DiagramLayout layout, int layer, int unit) {
        double s = layout.unitSize();
        return new double[] {Math.round(layout.columnX(layer) - s / 2), Math.round(layout.rowY(layer, unit) - s / 2), s};
    }

    /**
     * Draws the links of {@code net} and the maps in {@code maps} (each {@code maps.width()} square)
     * at the places {@code layout} gives, {@code scale} device pixels to a layout pixel.
     */
    static Pixels draw(DiagramLayout layout, Network net, UnitMaps maps, double scale) {
        int[] layers = net.architecture().layers();
        int w = Math.max(1, (int) Math.ceil(layout.width() * scale));
        int h = Math.max(1, (int) Math.ceil(layout.height() * scale));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            drawLinks(g, layout, net, layers);
            drawUnits(g, layout, maps, layers.length);
        } finally {
            g.dispose();
        }
        return new Pixels(w, h, ((DataBufferInt) img.getRaster().getDataBuffer()).getData());
    }

    /** One path per sign and width (rounded to a quarter pixel), drawn thin to thick so strong links lie on top. */
    private static void drawLinks(Graphics2D g, DiagramLayout layout, Network net, int[] layers) {
        double half = layout.unitSize() / 2;
        int widths = (int) Math.round(DiagramLayout.thickness(Double.MAX_VALUE) * LINK_WIDTH_STEPS) + 1;
        Path2D.Double[] paths = new Path2D.Double[2 * widths];
        for (int l = 0; l + 1 < layers.length; l++) {
            double x0 = layout.columnX(l) + half;
            double x1 = layout.columnX(l + 1) - half;
            for (int i = 0; i < layout.shown(l); i++) {
                double y0 = layout.rowY(l, i);
                for (int j = 0; j < layout.shown(l + 1); j++) {
                    double weight = net.weight(l, i, j);
                    int b = (weight < 0 ? widths : 0) + widthStep(weight);
                    if (paths[b] == null) {
                        paths[b] = new Path2D.Double();
                    }
                    paths[b].moveTo(x0, y0);
                    paths[b].lineTo(x1, layout.rowY(l + 1, j));
                }
            }
        }
        for (int n = 0; n < paths.length; n++) {
            int b = n / 2 + (n % 2 == 0 ? 0 : widths);
            if (paths[b] == null) {
                continue;
            }
            Color c = b >= widths ? NEGATIVE : POSITIVE;
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 191)); // 0.75 opaque
            g.setStroke(new BasicStroke((b % widths) / (float) LINK_WIDTH_STEPS, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER));
            g.draw(paths[b]);
        }
    }

    /** The index of a weight's width step: thickness in quarter pixels. */
    static int widthStep(double weight) {
        return (int) Math.round(DiagramLayout.thickness(weight) * LINK_WIDTH_STEPS);
    }

    private static void drawUnits(Graphics2D g, DiagramLayout layout, UnitMaps maps, int layers) {
        int side = maps.width();
        BufferedImage thumb = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        int[] thumbPixels = ((DataBufferInt) thumb.getRaster().getDataBuffer()).getData();
        g.setStroke(new BasicStroke(1f));
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < layout.shown(l); k++) {
                double[] box = unitBox(layout, l, k);
                double x = box[0];
                double y = box[1];
                double s = box[2];
                g.setColor(Color.WHITE);
                g.fill(new Rectangle2D.Double(x, y, s, s));
                if (maps.has(l)) {
                    int[] argb = maps.argb(l, k);
                    System.arraycopy(argb, 0, thumbPixels, 0, Math.min(argb.length, thumbPixels.length));
                    var t = g.getTransform();
                    g.translate(x, y);
                    g.scale(s / side, s / side);
                    g.drawImage(thumb, 0, 0, null);
                    g.setTransform(t);
                }
                // a 1 px border just inside the square, where a CSS border on the unit's node lies
                g.setColor(FRAME);
                g.draw(new Rectangle2D.Double(x + 0.5, y + 0.5, s - 1, s - 1));
            }
        }
    }
}
