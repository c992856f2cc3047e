package org.boundarylab.ui.app;

import javafx.scene.Parent;
import javafx.scene.Scene;
import org.boundarylab.ui.LabController;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.ViewOptions;
import org.boundarylab.ui.classroom.Classroom;
import org.boundarylab.ui.diagram.NetworkDiagram;
import org.boundarylab.ui.draw.DrawTools;
import org.boundarylab.ui.explain.Explain;
import org.boundarylab.ui.files.FileActions;
import org.boundarylab.ui.sweep.SweepTab;

/**
 * The assembled lab window: its scene, the lab view and each feature, so that the app and the
 * tests reach a feature here instead of searching the scene for it.
 */
public record LabWindow(Scene scene, Parent root, LabController controller, LabViewModel viewModel,
                        FileActions files, DrawTools draw, SweepTab sweep, NetworkDiagram diagram, Explain explain,
                        Classroom classroom, ViewOptions viewOptions) {

    /** Stops the frame loop, the sweeps and training, after the autosave; the window is closing. */
    public void shutdown() {
        controller.shutdown();
    }
}
