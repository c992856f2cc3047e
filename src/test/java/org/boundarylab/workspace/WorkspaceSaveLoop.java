package org.boundarylab.workspace;

import java.nio.file.Path;

/**
 * Saves a large workspace to the same file over and over, printing "saved N" after each save;
 * run as a separate JVM by {@link WorkspaceFilesTest}, which kills it with SIGKILL mid-save.
 */
public final class WorkspaceSaveLoop {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int points = Integer.parseInt(args[1]);
        for (long n = 1; ; n++) {
            WorkspaceFiles.write(file, WorkspaceFilesTest.workspace(points, n));
            System.out.println("saved " + n);
            System.out.flush();
        }
    }
}
