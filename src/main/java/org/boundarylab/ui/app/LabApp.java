package org.boundarylab.ui.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.boundarylab.Launch;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;

/**
 * The Boundary Lab window. Started with a workspace file (a {@code .blab} double-clicked in a
 * file manager, or given on the command line) it opens that workspace as File > Open does;
 * otherwise it offers the lab autosaved at the last exit. {@code --smoke-test} shows it, waits
 * for its first rendered frame (and, with a workspace, for that to be opened, printing "opened
 * workspace ..."), prints "first frame after N ms" (counted from the start of the process) and
 * exits 0; the packaging checks rely on those lines.
 */
public final class LabApp extends Application {
    public static final String SMOKE_TEST = Launch.SMOKE_TEST;
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
        placeOnScreen(stage, WindowPlaces.atDefaultLocation());
        // Main has decided that these arguments ask for the window; here they say what it opens.
        Launch launch = Launch.of(getParameters().getRaw(), word -> false);
        if (MacOpenFiles.supported()) {
            // macOS hands a double-clicked file to the running app as an event, not as an argument
            MacOpenFiles.install(file -> window.files().openAsked(file));
        }
        stage.show();
        CompletableFuture<Boolean> opened = begin(window, launch);
        if (launch.smokeTest()) {
            reportFirstFrameAndExit(window, launch.workspace().orElse(null), opened);
        }
    }

    /**
     * Opens the window inside the visual bounds of its screen, sized to fit, where it was last
     * time with this arrangement of screens (pulled back if that is now off screen); remembers
     * its place when it closes.
     */
    static void placeOnScreen(Stage stage, WindowPlaces places) {
        java.util.List<WindowPlacement.Rect> screens = new java.util.ArrayList<>();
        javafx.stage.Screen primary = javafx.stage.Screen.getPrimary();
        screens.add(rect(primary.getVisualBounds()));
        for (javafx.stage.Screen s : javafx.stage.Screen.getScreens()) {
            if (!s.equals(primary)) {
                screens.add(rect(s.getVisualBounds()));
            }
        }
        String configuration = WindowPlacement.configuration(screens);
        WindowPlacement.Placement p = WindowPlacement.place(screens, places.recall(configuration),
                stage.getScene().getWidth(), stage.getScene().getHeight());
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, p.bounds().width()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, p.bounds().height()));
        stage.setX(p.bounds().x());
        stage.setY(p.bounds().y());
        stage.setWidth(p.bounds().width());
        stage.setHeight(p.bounds().height());
        stage.setMaximized(p.maximised());
        // the bounds before maximising are the ones to come back to
        WindowPlacement.Rect[] normal = {p.bounds()};
        javafx.beans.InvalidationListener track = o -> {
            if (!stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()) {
                normal[0] = new WindowPlacement.Rect(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING,
                e -> places.remember(configuration, new WindowPlacement.Placement(normal[0], stage.isMaximized())));
    }

    private static WindowPlacement.Rect rect(javafx.geometry.Rectangle2D r) {
        return new WindowPlacement.Rect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }

    /**
     * What the shown window does first: opens the workspace it was started with, read and checked
     * as File > Open reads (a file it cannot restore whole gets the same messages), or, started
     * without one and not as a smoke test, offers the autosaved lab back (kept for the next
     * start when a workspace was opened instead).
     *
     * @return completes on the FX thread with whether the workspace was opened; null without one
     */
    public static CompletableFuture<Boolean> begin(LabWindow window, Launch launch) {
        if (launch.workspace().isPresent()) {
            return window.files().open(launch.workspace().get());
        }
        if (!launch.smokeTest()) {
            window.files().offerAutosave();
        }
        return null;
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
    private static void reportFirstFrameAndExit(LabWindow window, Path workspace, CompletableFuture<Boolean> opened) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2 || (opened != null && !opened.isDone())) {
                    return;
                }
                stop();
                if (opened != null && !reportOpened(window, workspace, opened.join())) {
                    System.out.flush();
                    Platform.exit();
                    System.exit(1);
                }
                Instant start = ProcessHandle.current().info().startInstant().orElse(launched);
                System.out.println("first frame after " + Duration.between(start, Instant.now()).toMillis() + " ms");
                System.out.flush();
                Platform.exit();
                System.exit(0);
            }
        }.start();
    }

    /** One line on what the smoke test's workspace became in the lab; false when it was not opened. */
    private static boolean reportOpened(LabWindow window, Path workspace, boolean opened) {
        var error = window.files().lastError();
        if (!opened) {
            System.out.println("could not open workspace " + workspace + ": "
                    + (error == null ? "" : error.getContentText().replace('\n', ' ')));
            return false;
        }
        LabViewModel vm = window.viewModel();
        var data = vm.data().dataProperty().get();
        String part = error == null ? "" : " (in part: " + error.getContentText().replace('\n', ' ') + ")";
        System.out.println(String.format(Locale.ROOT, "opened workspace %s: %d training points, %d test points,"
                        + " hidden layers %s%s", workspace, data.train().size(), data.test().size(),
                vm.form().textProperty(Field.HIDDEN_LAYERS).get(), part));
        return true;
    }
}
