package org.boundarylab.io;

/**
 * A model file that cannot be used: not JSON, not a Boundary Lab model, or inconsistent with
 * itself. The message names the file and the place, e.g.
 * {@code model.json: weights[1][2] has 2 values, expected 3}.
 */
public class ModelFormatException extends org.boundarylab.io.FileFormatException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
