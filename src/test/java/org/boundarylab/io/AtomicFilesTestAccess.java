package org.boundarylab.io;

import java.nio.file.Path;

/** Lets tests of other packages make a named pipe the way AtomicFilesTest does. */
public final class AtomicFilesTestAccess {
    private AtomicFilesTestAccess() {
    }

    public static boolean mkfifo(Path path) {
        return AtomicFilesTest.mkfifo(path);
    }
}
