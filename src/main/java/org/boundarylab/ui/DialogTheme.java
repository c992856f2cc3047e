package org.boundarylab.ui;

import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Dresses a dialog as the window it belongs to. A dialog has a scene of its own, which the lab
 * window's style sheets do not reach: this gives its pane the owner's sheets as they are now (the
 * lab's palette, the theme, presentation mode's larger type) and the lab's root style class. Call
 * it once the owner is set, before the dialog shows; a dialog without an owner keeps modena.
 */
public final class DialogTheme {
    /** The style class of the lab's root, which presentation mode's larger type applies to. */
    public static final String ROOT_CLASS = "lab-root";

    private DialogTheme() {
    }

    /** Styles {@code dialog}'s pane after its owner window; returns the dialog. */
    public static <D extends Dialog<?>> D dress(D dialog) {
        dress(dialog.getDialogPane(), dialog.getOwner());
        return dialog;
    }

    /** Gives {@code pane} the style sheets of {@code owner}'s scene (none when there is no owner). */
    public static void dress(DialogPane pane, Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        pane.getStylesheets().setAll(owner.getScene().getStylesheets());
        if (!pane.getStyleClass().contains(ROOT_CLASS)) {
            pane.getStyleClass().add(ROOT_CLASS);
        }
    }
}
