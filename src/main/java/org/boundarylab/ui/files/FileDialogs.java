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
}
