package org.boundarylab.ui.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Boundary Lab window. {@code --smoke-test} shows it, waits for its first rendered frame,
 * prints "first frame after N ms" (counted from the start of the process) and exits 0; the
 * packaging checks rely on that line.
 */
public final class LabApp extends Application {
    public static final String SMOKE_TEST = "--smoke-test";
    private static volatile Instant launched = Instant.now();
    private LabWindow window;

    public static void launchWindow(String[] args) {
        launched = Instant.now();
        Application.launch(LabApp.class, args);
    }

    /** Builds the lab window (see {@link LabAssembly}); the caller puts its scene on a stage. */
    public static LabWindow load() {
        return LabAssembly.build();
    }

    /** The window's scene, sized to fit a 1366x768 screen (and Monocle's 1280x800 headless screen). */
    public static Scene scene(LabWindow window) {
        return window.scene();
    }

    @Override
    public void start(Stage stage) {
        LabWindow window = load();
        this.window = window;
        stage.setTitle("Boundary Lab");
        stage.setScene(scene(window));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        List<String> args = getParameters().getRaw();
        if (args.contains(SMOKE_TEST)) {
            reportFirstFrameAndExit();
        } else {
            window.files().offerAutosave();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
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
