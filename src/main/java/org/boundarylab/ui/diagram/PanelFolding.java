package org.boundarylab.ui.diagram;

import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.layout.VBox;

/**
 * Whether the panel is open or folded away to its header, and who folded it. The user folds and
 * opens it with its button or the View menu item, and that choice stands until the user changes
 * it. Besides, the panel folds itself while the window is too narrow for it (a 1024-pixel
 * projector, the larger presentation fonts), so that nothing on the right is cut off, and opens
 * again once there is room; only a fold made for that reason is undone that way.
 */
final class PanelFolding {
    private final DiagramPanel panel;
    /** Run when the panel folds: nothing in it can be pointed at or pinned any more. */
    private final Runnable onFold;
    private CheckMenuItem menuItem;
    private boolean folded;
    /** Folded by {@link #fitWindow}, not by the user. */
    private boolean foldedToFit;
    /** The window width at which the panel folded by {@link #fitWindow} fits again. */
    private double roomNeeded;

    PanelFolding(DiagramPanel panel, Runnable onFold) {
        this.panel = panel;
        this.onFold = onFold;
        panel.foldButton().setOnAction(e -> choose(!folded));
    }

    /** The View menu's item for the panel, ticked while it is open. */
    CheckMenuItem menuItem() {
        if (menuItem == null) {
            menuItem = new CheckMenuItem("Network diagram");
            menuItem.setId("diagramMenuItem");
            menuItem.setSelected(!folded);
            menuItem.setOnAction(e -> choose(!menuItem.isSelected()));
        }
        return menuItem;
    }

    boolean isFolded() {
        return folded;
    }

    /** The user opens or folds the panel: that choice stands until the user changes it. */
    void choose(boolean fold) {
        foldedToFit = false;
        setFolded(fold);
    }

    /**
     * Folds the panel while it runs past the window's right edge and opens it again once the
     * window is as wide as it was then plus the overflow. Called once a pulse, before layout.
     */
    void fitWindow() {
        VBox root = panel.root();
        Scene scene = root.getScene();
        if (scene == null || scene.getWidth() <= 0 || root.getWidth() <= 0) {
            return;
        }
        // a timer runs before its pulse's layout pass: while the panel's place waits for one (the
        // panel was just put back into the window, say) its position is stale and would read as overflow
        if (root.isNeedsLayout() || root.getParent() == null || root.getParent().isNeedsLayout()) {
            return;
        }
        // the window lays the panel out at its full width and lets the rest run past the edge
        double overflow = root.localToScene(root.getLayoutBounds()).getMaxX() - scene.getWidth();
        if (!folded && overflow > 0.5) {
            setFolded(true);
            foldedToFit = true;
            roomNeeded = scene.getWidth() + overflow;
        } else if (foldedToFit && scene.getWidth() >= roomNeeded) {
            setFolded(false);
            foldedToFit = false;
        }
    }

    private void setFolded(boolean on) {
        folded = on;
        if (menuItem != null) {
            menuItem.setSelected(!on);
        }
        panel.showFolded(on);
        if (on) {
            onFold.run();
        }
    }
}
