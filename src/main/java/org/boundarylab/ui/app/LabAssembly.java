package org.boundarylab.ui.app;

import impl.org.controlsfx.skin.DecorationPane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.boundarylab.training.SharedPool;
import org.boundarylab.ui.BackgroundTasks;
import org.boundarylab.ui.BoundaryFrames;
import org.boundarylab.ui.ExplainedPoint;
import org.boundarylab.ui.LabController;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.LessonLocks;
import org.boundarylab.ui.ReplaceGuard;
import org.boundarylab.ui.ViewOptions;
import org.boundarylab.ui.classroom.Classroom;
import org.boundarylab.ui.diagram.NetworkDiagram;
import org.boundarylab.ui.draw.DrawTools;
import org.boundarylab.ui.explain.Explain;
import org.boundarylab.ui.files.FileActions;
import org.boundarylab.ui.sweep.SweepTab;

/**
 * The one place that builds the lab window: the view-model, the lab view and every feature,
 * each handed only the parts it uses (the view-model, menu slots, the tab host, the places
 * around the canvas, the question about unsaved work, the window's life). No feature knows the
 * lab view's controller or another feature; what connects them is wired here.
 */
public final class LabAssembly {
    private LabAssembly() {
    }

    /** Builds the window's scene with everything in it; the caller shows it on a stage. */
    public static LabWindow build() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        BoundaryFrames frames = new BoundaryFrames(SharedPool.get());
        ViewOptions viewOptions = new ViewOptions();
        LessonLocks locks = new LessonLocks();
        LabController lab = new LabController(vm, frames, viewOptions, locks);
        Parent root = loadView(lab);

        ReplaceGuard guard = new ReplaceGuard();
        BackgroundTasks tasks = new BackgroundTasks();
        lab.showActivity(tasks.activityProperty());
        Classroom[] classroom = new Classroom[1]; // made once the scene exists; File > New leaves its lesson
        DrawTools draw = DrawTools.install(vm, lab, lab);
        draw.compactProperty().bind(viewOptions.presentationProperty());
        FileActions files = FileActions.install(vm, draw.editor(), lab, lab, guard, tasks, () -> {
            if (classroom[0] != null) {
                classroom[0].leaveLesson();
            }
        });
        SweepTab sweep = SweepTab.install(vm, lab, guard, lab);
        ExplainedPoint explained = new ExplainedPoint(); // the Explain panel's numbers, shown on the diagram too
        NetworkDiagram diagram = NetworkDiagram.install(vm, lab, lab, explained);
        Explain explain = Explain.install(vm, explained, lab, lab, lab);

        // The fields' error marks (ControlsFX decorations) are drawn by a DecorationPane at the
        // root. Put there now, it spares the first invalid input from moving the whole window
        // into one: a CSS pass over every node, which also warned about the charts' colours.
        DecorationPane decorations = new DecorationPane();
        decorations.setRoot(root);
        Scene scene = new Scene(decorations, 1280, 760);
        scene.getStylesheets().add(LabController.class.getResource("lab.css").toExternalForm());
        classroom[0] = Classroom.install(vm, scene, viewOptions, locks,
                new Classroom.Ports(lab, lab, lab, lab, guard, () -> {
                    lab.select(sweep.tab());
                    sweep.focusRun();
                }));
        // a sweep lesson fills the Sweep tab in (widths, seeds, epochs, its text); leaving it forgets it
        classroom[0].lessons().lessonProperty().addListener((o, was, lesson) -> sweep.showLesson(lesson));
        // the lesson on one gradient step is read in the Explain panel
        classroom[0].lessons().lessonProperty().addListener((o, was, lesson) -> {
            if (lesson != null && lesson.id().equals(Explain.LESSON_ID)) {
                explain.open();
            }
        });
        AboutBox.install(lab);
        return new LabWindow(scene, root, lab, vm, files, draw, sweep, diagram, explain, classroom[0], viewOptions);
    }

    private static Parent loadView(LabController lab) {
        URL fxml = LabController.class.getResource("LabView.fxml");
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> {
            if (type == LabController.class) {
                return lab;
            }
            throw new IllegalStateException("no controller of type " + type);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the lab view", e);
        }
    }
}
