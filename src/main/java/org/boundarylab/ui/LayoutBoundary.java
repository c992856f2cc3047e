package org.boundarylab.ui;

import javafx.beans.DefaultProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * Holds one node whose layout requests stop here instead of running up to the window's root.
 *
 * <p>Why: a label whose text changes asks its parents to lay out again, and that request climbs
 * to the root, so every new epoch's figures made the whole window (the settings panel, the tabs,
 * the split pane) lay out again: 6 to 9 ms of the FX thread with the software renderer. Held
 * here as an unmanaged child, the content lays itself out alone, in the space this region got
 * when the window was last laid out. Its preferred and minimum sizes are still the content's,
 * and whenever the content asks for a layout that no longer fits that space (a longer figure, a
 * larger font), the request goes on to the window after all.
 */
@DefaultProperty("content")
public final class LayoutBoundary extends Region {
    private Node content;
    private final javafx.beans.value.ChangeListener<Boolean> layoutRequested = (o, was, needs) -> {
        if (needs && !fits()) {
            requestLayout();
        }
    };

    public LayoutBoundary() {
        getStyleClass().add("layout-boundary");
    }

    public Node getContent() {
        return content;
    }

    public void setContent(Node node) {
        if (content != null) {
            getChildren().remove(content);
            if (content instanceof Parent p) {
                p.needsLayoutProperty().removeListener(layoutRequested);
            }
        }
        content = node;
        if (node != null) {
            node.setManaged(false);
            getChildren().add(node);
            if (node instanceof Parent p) {
                p.needsLayoutProperty().addListener(layoutRequested);
            }
        }
        requestLayout();
    }

    /** Whether the content's preferred size fits the space it was given (before any layout, it does not). */
    private boolean fits() {
        double w = content.getLayoutBounds().getWidth();
        double h = content.getLayoutBounds().getHeight();
        return w > 0 && content.prefWidth(-1) <= w + 0.5 && content.prefHeight(w) <= h + 0.5;
    }

    @Override
    protected double computeMinWidth(double height) {
        return content == null ? 0 : snappedLeftInset() + content.minWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return content == null ? 0 : snappedTopInset() + content.minHeight(-1) + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return content == null ? 0 : snappedLeftInset() + content.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content == null ? 0 : snappedTopInset() + content.prefHeight(-1) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        if (content != null) {
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            content.resizeRelocate(snappedLeftInset(), snappedTopInset(), Math.max(0, w), Math.max(0, h));
        }
    }
}
