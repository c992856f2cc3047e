package org.boundarylab.ui;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;

/**
 * The boundary picture and the places around it where features put their parts: a toolbar
 * right above the canvas, a banner above everything in the picture's column, and the slot
 * beside the canvas.
 */
public interface CanvasHost {
    BoundaryCanvasView canvasView();

    /** The canvas itself, for features that take the mouse on it. */
    Canvas canvas();

    /** Puts {@code bar} directly above the canvas. */
    void addToolbar(Node bar);

    /** Puts {@code banner} at the top of the picture's column. */
    void addBanner(Node banner);

    /** The place beside the canvas (the network diagram's). */
    StackPane sideSlot();

    /** Who of the window's pictures may update in a pulse. */
    PulseShare pulseShare();
}
