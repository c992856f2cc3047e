package org.boundarylab.ui.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the lab asks which file to open or save. The window uses the system's file chooser
 * ({@link FxFileDialogs}); tests, which cannot drive a native chooser, put in a stand-in that
 * answers with a path of their own.
 */
public interface FileDialogs {

    /** A choice in the dialog's file type list, e.g. {@code new Filter("CSV data", "*.csv")}. */
    record Filter(String description, String pattern) {
    }

    /** The file to open, or empty when the user cancelled. */
    Optional<Path> showOpen(String title, List<Filter> filters);

    /** The file to write, or empty when the user cancelled; {@code initialName} is suggested. */
    Optional<Path> showSave(String title, String initialName, List<Filter> filters);

    /** What to do with work not yet saved when the lab is about to be replaced. */
    enum UnsavedChoice {
        /** Save it first (Save As when the lab has no file yet); a cancelled or failed save keeps the lab. */
        SAVE,
        /** Replace the lab without saving. */
        DISCARD,
        /** Keep the lab as it is and do nothing. */
        CANCEL
    }

    /**
     * Asks what to do with the lab's unsaved work before {@code next} (e.g. "opening another
     * workspace"). A stand-in that does not say keeps the work.
     */
    default UnsavedChoice askToSave(String next) {
        return UnsavedChoice.CANCEL;
    }
}
