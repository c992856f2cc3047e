package org.boundarylab.workspace;

/**
 * A workspace file that cannot be used. The message names the file and the place, e.g.
 * {@code lab.blab: data.train[12]: label 7 is outside 0..1 (data.classes is 2)}.
 */
public class WorkspaceFormatException extends org.boundarylab.io.FileFormatException {
    private static final long serialVersionUID = 1L;

    public WorkspaceFormatException(String message) {
        super(message);
    }

    public WorkspaceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
