package org.boundarylab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.boundarylab.render.MarchingSquares.Segment;

/**
 * The heat map and its decision lines as one opaque picture at the screen's own pixel size,
 * drawn off the window's threads. The grid is smoothed up to that size and the lines stroked
 * over it here, so the window only copies pixels: a software renderer (no GPU) took 15-25 ms to
 * scale and filter the grid and stroke the lines itself, and the window's frame waited for it.
 */
public final class FieldPicture {
    /** {@code width} x {@code height} opaque ARGB pixels, row 0 at the top. */
    public record Pixels(int width, int height, int[] argb) {
    }

    private FieldPicture() {
    }

    /**
     * @param gridArgb  the heat map's cells, {@code gridWidth} x {@code gridHeight}, row 0 at the top
     * @param segments  decision lines in grid units (0..gridWidth, 0..gridHeight)
     * @param width     the picture's width in device pixels
     * @param lineWidth the lines' width in device pixels
     * @param lineArgb  the lines' colour
     */
    public static Pixels draw(int[] gridArgb, int gridWidth, int gridHeight, List<Segment> segments,
                              int width, int height, double lineWidth, int lineArgb) {
        if (gridArgb.length != gridWidth * gridHeight) {
            throw new IllegalArgumentException("a " + gridWidth + "x" + gridHeight + " grid needs "
                    + gridWidth * gridHeight + " cells, got " + gridArgb.length);
        }
        BufferedImage grid = new BufferedImage(gridWidth, gridHeight, BufferedImage.TYPE_INT_ARGB);
        grid.setRGB(0, 0, gridWidth, gridHeight, gridArgb, 0, gridWidth);
        BufferedImage img = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            // bilinear between cell centres, as the window's own image smoothing did
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(grid, 0, 0, img.getWidth(), img.getHeight(), null);
            if (!segments.isEmpty()) {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                double sx = (double) img.getWidth() / gridWidth;
                double sy = (double) img.getHeight() / gridHeight;
                Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, 2 * segments.size());
                for (Segment s : segments) {
                    path.moveTo(s.x1() * sx, s.y1() * sy);
                    path.lineTo(s.x2() * sx, s.y2() * sy);
                }
                g.setColor(new Color(lineArgb, true));
                g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        return new Pixels(img.getWidth(), img.getHeight(), ((DataBufferInt) img.getRaster().getDataBuffer()).getData());
    }
}
