package org.boundarylab.lessons;

/**
 * A lesson file that cannot be used. The message names the file and the place, e.g.
 * {@code fast.json: settings.learning_rate: expected a number, found the string "fast"}.
 */
public class LessonFormatException extends org.boundarylab.io.FileFormatException {
    private static final long serialVersionUID = 1L;

    public LessonFormatException(String message) {
        super(message);
    }

    public LessonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
