package org.boundarylab.ui.diagram;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import org.boundarylab.nn.Network;

/**
 * Draws the link under the pointer, a shade darker and 2 pixels thicker than in the picture,
 * on a canvas over it. Every other link is in the picture made on the pool; only this one
 * changes with the pointer, and redrawing one line on the FX thread is cheaper than asking the
 * pool for a new picture each time the pointer moves.
 */
final class LinkHighlight {
    /** The link colours of {@link DiagramPicture}. */
    private static final Color NEGATIVE = fxColor(DiagramPicture.NEGATIVE_RGB);
    private static final Color POSITIVE = fxColor(DiagramPicture.POSITIVE_RGB);

    private final Canvas canvas;
    private final ShownNetwork shown;
    /** Whether the canvas has something on it, so an empty one is not cleared again on every call. */
    private boolean drawn;

    LinkHighlight(Canvas canvas, ShownNetwork shown) {
        this.canvas = canvas;
        this.shown = shown;
    }

    private static Color fxColor(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /**
     * Shows link {layer, from, to} with its current weight, or none for null. Nothing is drawn
     * while the last picture is of a network of another shape than the one laid out.
     */
    void draw(int[] link) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (drawn) {
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            drawn = false;
        }
        DiagramLayout layout = shown.layout();
        Network net = shown.networkAsLaidOut();
        if (layout == null || net == null || link == null) {
            return;
        }
        double half = layout.unitSize() / 2;
        double w = net.weight(link[0], link[1], link[2]);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setStroke((w < 0 ? NEGATIVE : POSITIVE).darker());
        g.setLineWidth(DiagramLayout.thickness(w) + 2);
        g.strokeLine(layout.columnX(link[0]) + half, layout.rowY(link[0], link[1]),
                layout.columnX(link[0] + 1) - half, layout.rowY(link[0] + 1, link[2]));
        drawn = true;
    }
}
