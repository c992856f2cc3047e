package org.boundarylab.ui.classroom;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The questions the Lessons menu asks the user: which file to open, where and under what
 * title to save, and the errors to show. Behind an interface because file choosers cannot be
 * driven in a headless test; {@link FxLessonDialogs} is the real one.
 */
public interface LessonDialogs {

    /** What the teacher chose when saving the current setup as a lesson. */
    record SaveChoice(Path file, String title, String text) {
    }

    /** The lesson file to open, or empty when the user cancelled. */
    Optional<Path> chooseLessonToOpen(Window owner);

    /**
     * Where to save and with which title and text, or empty when the user cancelled.
     *
     * @param suggestedTitle the current lesson's title, or a default
     * @param suggestedText  the current lesson's text, or ""
     */
    Optional<SaveChoice> chooseWhereToSave(Window owner, String suggestedTitle, String suggestedText);

    /** Tells the user that something could not be done, and why. */
    void showError(Window owner, String heading, String message);
}
