package org.boundarylab.io;

/**
 * A JSON value that is missing or of the wrong kind; the message starts with the value's path
 * inside the document, e.g. {@code settings.hidden[1]: expected a whole number, found "x"}.
 * File readers add the file name in front and rethrow their own exception type.
 */
public class JsonFieldException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonFieldException(String message) {
        super(message);
    }
}
