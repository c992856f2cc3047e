package org.boundarylab.workspace;

import java.util.List;

/** What a file keeps of a run's earlier networks, for tests in other packages. */
public final class WorkspaceFilesAccess {
    private WorkspaceFilesAccess() {
    }

    public static List<Workspace.Frame> saved(List<Workspace.Frame> frames) {
        return WorkspaceFiles.saved(frames);
    }
}
