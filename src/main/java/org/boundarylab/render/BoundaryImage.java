package org.boundarylab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;

/**
 * A whole decision-boundary picture drawn without any window: heat map, boundary lines,
 * training points filled, test points outlined, and optionally axes and a caption. Used by the
 * command line (sweep grids, exports) where no JavaFX toolkit runs.
 */
public final class BoundaryImage {

    /** What to draw. Points are {x1, x2} rows with their labels; test data may be empty. */
    public record Scene(Network network, Viewport viewport, double[][] trainX, int[] trainY,
                        double[][] testX, int[] testY, Features features) {

        /** A scene of a network fed the plain x1, x2. */
        public Scene(Network network, Viewport viewport, double[][] trainX, int[] trainY,
                     double[][] testX, int[] testY) {
            this(network, viewport, trainX, trainY, testX, testY, Features.DEFAULT);
        }
    }

    /** Size and decorations; {@code scale} multiplies every line width, point and font (2 for slides). */
    public record Style(int width, int height, boolean axes, String caption, double scale) {
        public static Style thumbnail(int size, String caption) {
            return new Style(size, size, false, caption, 1);
        }
    }

    private BoundaryImage() {
    }

    public static BufferedImage render(Scene scene, Style style) {
        double s = style.scale();
        BufferedImage img = new BufferedImage(style.width(), style.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, style.width(), style.height());
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * s));
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int captionH = style.caption() == null ? 0 : fm.getHeight() + (int) (4 * s);
            int left = style.axes() ? fm.stringWidth("-0.00") + (int) (10 * s) : 0;
            int bottom = style.axes() ? fm.getHeight() + (int) (8 * s) : 0;
            int plotW = Math.max(1, style.width() - left - (style.axes() ? (int) (8 * s) : 0));
            int plotH = Math.max(1, style.height() - bottom - captionH - (style.axes() ? (int) (8 * s) : 0));
            int top = captionH + (style.axes() ? (int) (8 * s) : 0);

            // equal scale on both axes whatever the picture's shape: the view grows to the plot's aspect
            Viewport view = scene.viewport().withAspect((double) plotW / plotH);
            GridField field = BoundaryGrid.evaluate(scene.network(), scene.features(), view, plotW, plotH);
            BufferedImage heat = new BufferedImage(plotW, plotH, BufferedImage.TYPE_INT_ARGB);
            heat.setRGB(0, 0, plotW, plotH, HeatmapRenderer.argb(field), 0, plotW);
            g.drawImage(heat, left, top, null);

            g.setColor(new Color(0x33, 0x33, 0x33));
            g.setStroke(new BasicStroke((float) (2 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (MarchingSquares.Segment seg : MarchingSquares.decisionBoundaries(field)) {
                g.draw(new Line2D.Double(left + seg.x1(), top + seg.y1(), left + seg.x2(), top + seg.y2()));
            }

            double r = Math.max(2.0, 3.5 * s * Math.min(1.0, plotW / 300.0 + 0.4));
            drawPoints(g, scene.trainX(), scene.trainY(), view, left, top, plotW, plotH, r, true, s);
            drawPoints(g, scene.testX(), scene.testY(), view, left, top, plotW, plotH, r, false, s);

            if (style.axes()) {
                drawAxes(g, fm, view, left, top, plotW, plotH, s);
            }
            if (style.caption() != null) {
                g.setColor(Color.BLACK);
                int tw = fm.stringWidth(style.caption());
                g.drawString(style.caption(), Math.max(0, (style.width() - tw) / 2), fm.getAscent() + (int) (2 * s));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawPoints(Graphics2D g, double[][] x, int[] y, Viewport view, int left, int top,
                                   int w, int h, double r, boolean filled, double s) {
        if (x == null) {
            return;
        }
        g.setStroke(new BasicStroke((float) (filled ? 1 * s : 1.8 * s)));
        for (int k = 0; k < x.length; k++) {
            double px = left + view.toPixelX(x[k][0], w);
            double py = top + view.toPixelY(x[k][1], h);
            Ellipse2D dot = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            if (filled) {
                g.setColor(new Color(Palette.classArgb(y[k]), true));
                g.fill(dot);
                g.setColor(Color.WHITE);
                g.draw(dot);
            } else {
                g.setColor(new Color(Palette.darkArgb(y[k]), true));
                g.draw(dot);
            }
        }
    }

    private static void drawAxes(Graphics2D g, FontMetrics fm, Viewport view, int left, int top, int w, int h,
                                 double s) {
        g.setColor(new Color(0x44, 0x44, 0x44));
        g.setStroke(new BasicStroke((float) s));
        g.drawRect(left, top, w, h);
        int tick = (int) (5 * s);
        for (double v : AxisTicks.nice(view.xMin(), view.xMax(), Math.max(2, w / 80))) {
            int px = left + (int) Math.round(view.toPixelX(v, w));
            g.drawLine(px, top + h, px, top + h + tick);
            String label = AxisTicks.label(v);
            g.drawString(label, px - fm.stringWidth(label) / 2, top + h + tick + fm.getAscent());
        }
        for (double v : AxisTicks.nice(view.yMin(), view.yMax(), Math.max(2, h / 80))) {
            int py = top + (int) Math.round(view.toPixelY(v, h));
            g.drawLine(left - tick, py, left, py);
            String label = AxisTicks.label(v);
            g.drawString(label, left - tick - 2 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
    }

    /** Writes the picture as PNG, atomically: an interrupted export never leaves half a file. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, pngContent(image));
    }

    /** The picture as PNG, for a batch of files ({@link AtomicFiles.Batch}). */
    public static AtomicFiles.ContentWriter pngContent(BufferedImage image) {
        return out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        };
    }

    /** Lays equally sized tiles out in a grid of the given column count. */
    public static BufferedImage grid(List<BufferedImage> tiles, int columns, int gap) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no pictures to lay out");
        }
        int tw = tiles.get(0).getWidth();
        int th = tiles.get(0).getHeight();
        int cols = Math.max(1, Math.min(columns, tiles.size()));
        int rows = (tiles.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * tw + (cols + 1) * gap, rows * th + (rows + 1) * gap,
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int k = 0; k < tiles.size(); k++) {
                int c = k % cols;
                int r = k / cols;
                g.drawImage(tiles.get(k), gap + c * (tw + gap), gap + r * (th + gap), null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
