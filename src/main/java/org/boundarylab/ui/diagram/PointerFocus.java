package org.boundarylab.ui.diagram;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.boundarylab.ui.BoundaryCanvasView;
import org.boundarylab.ui.ExplainedPoint;

/**
 * What the user is looking at in the diagram: the unit under the pointer, the pinned unit, and
 * the link under the pointer. The unit in focus (the one pointed at, else the pinned one) is
 * the one whose map the main canvas shows in place of the output. When none is left the canvas
 * is sent back to the output here, as a picture without a focus leaves the canvas as it is.
 *
 * <p>The pinned unit is a property so the unit boxes can frame it whenever it changes, however
 * it changes (a click, {@link NetworkDiagram#pin}, a fold, a new network). FX thread only.
 */
final class PointerFocus {
    private final BoundaryCanvasView canvas;
    private final ShownNetwork shown;
    private final InfoLine info;
    private final LinkHighlight highlight;
    private final ExplainedPoint explained;
    private final SimpleObjectProperty<DiagramFrames.Focus> pinned = new SimpleObjectProperty<>();
    private DiagramFrames.Focus hovered;
    /** {layer, from, to}, or null. */
    private int[] hoveredLink;

    PointerFocus(BoundaryCanvasView canvas, ShownNetwork shown, InfoLine info, LinkHighlight highlight,
                 ExplainedPoint explained) {
        this.canvas = canvas;
        this.explained = explained;
        this.shown = shown;
        this.info = info;
        this.highlight = highlight;
    }

    /** The unit whose map the canvas should show: the one pointed at, else the pinned one; null for none. */
    DiagramFrames.Focus current() {
        return hovered != null ? hovered : pinned.get();
    }

    ReadOnlyObjectProperty<DiagramFrames.Focus> pinnedProperty() {
        return pinned;
    }

    /** The link under the pointer as {layer, from, to}, or null. */
    int[] hoveredLink() {
        return hoveredLink;
    }

    void enterUnit(DiagramFrames.Focus unit) {
        hovered = unit;
        pointAtLink(null);
        explained.pointerProperty().set(ExplainedPoint.Pointer.unit(unit.layer(), unit.unit()));
        info.describeUnit(unit);
    }

    void leaveUnit(DiagramFrames.Focus unit) {
        if (unit.equals(hovered)) {
            hovered = null;
            explained.pointerProperty().set(null);
            if (pinned.get() == null) {
                canvas.showOverride(null);
            }
        }
    }

    /** Pins a unit; the pointer may move away and its map stays on the canvas. */
    void pin(DiagramFrames.Focus unit) {
        pinned.set(unit);
    }

    void unpin() {
        pinned.set(null);
        if (current() == null) {
            canvas.showOverride(null);
        }
    }

    /** The pointer moved to (x, y) on the body's background: the link there, if any, is the one in focus. */
    void pointerOnBackground(double x, double y) {
        if (shown.layout() != null) {
            pointAtLink(shown.linkAt(x, y));
        }
    }

    /** Puts a link in focus (null for none): it is drawn over the picture and its weight is told. */
    void pointAtLink(int[] link) {
        if (Arrays.equals(link, hoveredLink)) {
            return;
        }
        hoveredLink = link;
        highlight.draw(link);
        if (link != null) {
            explained.pointerProperty().set(ExplainedPoint.Pointer.link(link[0], link[1], link[2]));
            info.describeLink(link);
        } else if (hovered == null) {
            explained.pointerProperty().set(null);
        }
    }

    /** Tells the unit or link in focus afresh (the explained point's numbers changed). */
    void describeAgain() {
        if (hoveredLink != null) {
            info.describeLink(hoveredLink);
        } else if (current() != null) {
            info.describeUnit(current());
        }
    }

    /** Draws the link in focus again, after the units moved or its weight changed. */
    void redrawLink() {
        highlight.draw(hoveredLink);
    }

    /** Lets go of the units pointed at and pinned, for a folded panel or another network; the canvas shows the output. */
    void clear() {
        hovered = null;
        pinned.set(null);
        canvas.showOverride(null);
    }

    /**
     * Follows a picture going on screen: puts its map of the unit in focus on the canvas if it
     * is of that unit, and tells the unit's and the link's values afresh, as they change with
     * every step of training.
     */
    void pictureShown(DiagramFrames.Result r) {
        redrawLink();
        DiagramFrames.Focus f = current();
        if (f != null && f.equals(r.request().focus()) && r.focusFrame() != null) {
            canvas.showOverride(r.focusFrame(), "Showing " + shown.unitName(f.layer(), f.unit())
                    + (f.equals(pinned.get()) ? " (pinned)" : ""));
            info.describeUnit(f);
        }
        if (hoveredLink != null) {
            info.describeLink(hoveredLink);
        }
    }
}
