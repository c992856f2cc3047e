package org.boundarylab.ui;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/**
 * A settings field whose text reaches the form when the typing is done: on Enter, when the field
 * loses the focus, or after a pause in the typing. A number is never taken in the middle (typing
 * 100000 in Samples never first makes 10,000 points). Changes the form makes itself (a lesson, an
 * opened file, New) show in the field at once and drop what was being typed.
 */
final class PendingField {
    private final TextField field;
    private final StringProperty applied;
    private final PauseTransition pause;

    PendingField(TextField field, StringProperty applied, Duration delay) {
        this.field = field;
        this.applied = applied;
        this.pause = new PauseTransition(delay);
        pause.setOnFinished(e -> apply());
        field.setText(applied.get());
        applied.addListener((o, a, b) -> {
            if (!b.equals(field.getText())) {
                pause.stop();
                field.setText(b);
            }
        });
        field.textProperty().addListener((o, a, b) -> {
            if (b.equals(applied.get())) {
                pause.stop();
            } else {
                pause.playFromStart();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                apply();
            }
        });
    }

    /** Hands the typed text to the form now (nothing happens when it already has it). */
    void apply() {
        pause.stop();
        if (!field.getText().equals(applied.get())) {
            applied.set(field.getText());
        }
    }

    /** Whether typed text waits for the pause to end. */
    boolean isPending() {
        return pause.getStatus() == Animation.Status.RUNNING;
    }

    /** The pause after the last key that applies the text; a waiting text waits this long from now. */
    void setDelay(Duration delay) {
        boolean waiting = isPending();
        pause.stop();
        pause.setDuration(delay);
        if (waiting) {
            pause.playFromStart();
        }
    }
}
