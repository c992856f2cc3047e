package org.boundarylab.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.boundarylab.ui.DialogTheme;
import org.boundarylab.workspace.WorkspaceFormatException;

/**
 * The file features' messages: an error or a warning in a dialog over the window, saying what
 * and where, and the sentence for a failure of any kind.
 */
final class FileAlerts {
    private final Supplier<Window> window;
    private Alert last;

    FileAlerts(Supplier<Window> window) {
        this.window = window;
    }

    /** The dialog shown last (tests read its text), or null. */
    Alert last() {
        return last;
    }

    void error(String title, String message) {
        show(Alert.AlertType.ERROR, "fileErrorDialog", title, message);
    }

    void warning(String title, String message) {
        show(Alert.AlertType.WARNING, "fileWarningDialog", title, message);
    }

    private void show(Alert.AlertType type, String id, String title, String message) {
        Alert a = new Alert(type);
        Window owner = window.get();
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(message);
        a.getDialogPane().setId(id);
        a.getDialogPane().setMinWidth(520);
        DialogTheme.dress(a);
        last = a;
        a.show();
    }

    /** An exception's message as a user reads it: "no such file", "permission denied", or its own. */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** What went wrong with {@code file}, in a sentence that names it. */
    static String failure(Path file, Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (e instanceof WorkspaceFormatException || e instanceof org.boundarylab.data.DataFormatException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return file + ": not enough memory for this file; nothing was changed";
        }
        if (e instanceof IOException || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            String m = describe(e);
            return m.startsWith(file.toString()) ? m : file + ": " + m;
        }
        return file + ": " + e; // a fault of ours: say what it was rather than nothing
    }
}
