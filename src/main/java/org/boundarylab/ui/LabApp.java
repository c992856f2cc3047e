package org.boundarylab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.boundarylab.training.SharedPool;

/**
 * The Boundary Lab window. {@code --smoke-test} shows it, waits for its first rendered frame,
 * prints "first frame after N ms" (counted from the start of the process) and exits 0; the
 * packaging checks rely on that line.
 */
public final class LabApp extends Application {
    public static final String SMOKE_TEST = "--smoke-test";
    private static volatile Instant launched = Instant.now();
    private LabController controller;

    public static void launchWindow(String[] args) {
        launched = Instant.now();
        Application.launch(LabApp.class, args);
    }

    /** The loaded view: its root node and its controller. */
    public record LabWindow(Parent root, LabController controller) {
    }

    /** Loads the lab view with a fresh view-model; the caller puts the root in a scene. */
    public static LabWindow load() {
        URL fxml = LabApp.class.getResource("LabView.fxml");
        FXMLLoader loader = new FXMLLoader(fxml);
        LabViewModel vm = new LabViewModel(SharedPool.get());
        BoundaryFrames frames = new BoundaryFrames(SharedPool.get());
        loader.setControllerFactory(type -> {
            if (type == LabController.class) {
                return new LabController(vm, frames);
            }
            throw new IllegalStateException("no controller of type " + type);
        });
        try {
            Parent root = loader.load();
            return new LabWindow(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the lab view", e);
        }
    }

    /** A scene of the lab view with its style sheet, at a size that fits a 1366x768 screen (and Monocle's 1280x800 headless screen). */
    public static Scene scene(LabWindow window) {
        // The fields' error marks (ControlsFX decorations) are drawn by a DecorationPane at the
        // root. Put there now, it spares the first invalid input from moving the whole window
        // into one: a CSS pass over every node, which also warned about the charts' colours.
        DecorationPane root = new DecorationPane();
        root.setRoot(window.root());
        Scene scene = new Scene(root, 1280, 760);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        org.boundarylab.ui.classroom.Classroom.install(window.controller(), scene);
        return scene;
    }

    @Override
    public void start(Stage stage) {
        LabWindow window = load();
        controller = window.controller();
        stage.setTitle("Boundary Lab");
        stage.setScene(scene(window));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        List<String> args = getParameters().getRaw();
        if (args.contains(SMOKE_TEST)) {
            reportFirstFrameAndExit();
        } else {
            org.boundarylab.ui.files.FileActions.of(controller).offerAutosave();
        }
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.shutdown();
        }
    }

    /**
     * An animation timer runs at the start of each pulse, before that pulse renders; its
     * second tick therefore comes after the first frame has been drawn.
     */
    private static void reportFirstFrameAndExit() {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2) {
                    return;
                }
                stop();
                Instant start = ProcessHandle.current().info().startInstant().orElse(launched);
                System.out.println("first frame after " + Duration.between(start, Instant.now()).toMillis() + " ms");
                System.out.flush();
                Platform.exit();
                System.exit(0);
            }
        }.start();
    }
}
