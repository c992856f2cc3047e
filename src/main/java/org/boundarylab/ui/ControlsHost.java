package org.boundarylab.ui;

/** What keyboard shortcuts do to the lab's own controls. */
public interface ControlsHost {
    /** Moves the focus to the Play button (Esc from a text field, so single keys work again). */
    void focusPlay();

    /** Turns the loss chart's log scale on or off, unless its control is disabled. */
    void toggleLogScale();

    /**
     * Shows {@code panel} in the column of the lab's settings instead of them, under Play, Step,
     * Reset and the pace, which stay (a feature that needs the room while the settings are not
     * wanted, such as the Explain panel); null puts the settings back.
     */
    void showInPlaceOfControls(javafx.scene.Node panel);
}
