package org.boundarylab.io;

/**
 * A file of the lab's own (model, lesson, workspace) that cannot be used. The message is one
 * line that names the file and the place, ready to show: {@code m.json: layers[1]: 0 units}.
 */
public class FileFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FileFormatException(String message) {
        super(message);
    }

    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
