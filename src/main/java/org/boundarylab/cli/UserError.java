package org.boundarylab.cli;

/**
 * A problem the user can fix (a bad file, a mismatch between model and data, a run that
 * diverged). Reported as one line on standard error with exit status 2, never with a stack trace.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
