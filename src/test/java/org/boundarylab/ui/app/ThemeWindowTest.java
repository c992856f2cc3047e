package org.boundarylab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.boundarylab.cli.VersionProvider;
import org.boundarylab.ui.ViewOptions;
import org.boundarylab.ui.files.FileDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dark theme on the real window, headless: the settings' column and the network diagram are
 * dark (pixels of their snapshots), dialogs wear the theme, Help > About says the version, and
 * File > Quit asks about unsaved work before it closes the window as its close button does.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeWindowTest {
    private LabWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = LabApp.load();
        stage.setScene(LabApp.scene(window));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> window.controller().shutdown());
        FxToolkit.cleanupStages();
    }

    @Test
    void inTheDarkThemeThePanelsAreDark(FxRobot robot) throws Exception {
        robot.interact(() -> window.viewOptions().themeProperty().set(ViewOptions.Theme.DARK));
        window.viewModel().run().step().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#controlsScroll", ".diagram-body", ".diagram"}) {
            double median = medianLuminance(robot, robot.lookup(id).query());
            assertTrue(median < 0.25, id + " is dark in the dark theme: median luminance " + median);
        }
        robot.interact(() -> window.viewOptions().themeProperty().set(ViewOptions.Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#controlsScroll", ".diagram-body"}) {
            double median = medianLuminance(robot, robot.lookup(id).query());
            assertTrue(median > 0.8, id + " is light in the light theme: median luminance " + median);
        }
    }

    /** The median brightness (Rec. 709 weights on the stored sRGB values) of a grid of pixels over a node's snapshot; the dark ground #202328 is 0.14, the light #f4f4f4 0.96. */
    private static double medianLuminance(FxRobot robot, Node node) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(node.snapshot(null, null)));
        PixelReader px = shot.get().getPixelReader();
        int w = (int) shot.get().getWidth();
        int h = (int) shot.get().getHeight();
        assertTrue(w > 20 && h > 20, node + " is on screen");
        List<Double> l = new ArrayList<>();
        for (int y = 2; y < h - 2; y += Math.max(1, h / 40)) {
            for (int x = 2; x < w - 2; x += Math.max(1, w / 20)) {
                Color c = px.getColor(x, y);
                l.add(0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue());
            }
        }
        double[] sorted = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    @Test
    void aboutSaysTheVersionInTheTheme(FxRobot robot) {
        robot.interact(() -> window.viewOptions().themeProperty().set(ViewOptions.Theme.DARK));
        robot.interact(() -> item(window.controller().help().getItems(), "aboutItem").fire());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane pane = robot.lookup("#aboutDialog").queryAs(javafx.scene.control.DialogPane.class);
        String text = pane.getContentText();
        assertTrue(pane.getHeaderText().contains(VersionProvider.version()), pane.getHeaderText());
        assertTrue(text.contains("Version: " + VersionProvider.version()), text);
        assertTrue(text.contains("Licence: ") && text.contains("Project page: "), text);
        assertTrue(pane.getStylesheets().containsAll(stage.getScene().getStylesheets()), "the theme's sheets");
        double median = medianLuminance(robot, pane);
        assertTrue(median < 0.25, "the About box is dark in the dark theme: " + median);
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void quitAsksAboutUnsavedWorkThenClosesTheWindow(FxRobot robot) throws Exception {
        window.viewModel().run().step().get(10, TimeUnit.SECONDS); // a trained network: unsaved work
        WaitForAsyncUtils.waitForFxEvents();
        List<String> asked = new ArrayList<>();
        FileDialogs.UnsavedChoice[] answer = {FileDialogs.UnsavedChoice.CANCEL};
        window.files().setDialogs(new FileDialogs() {
            @Override
            public Optional<Path> showOpen(String title, List<Filter> filters) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> showSave(String title, String initialName, List<Filter> filters) {
                return Optional.empty();
            }

            @Override
            public UnsavedChoice askToSave(String next) {
                asked.add(next);
                return answer[0];
            }
        });
        int[] closeRequests = {0};
        robot.interact(() -> {
            Platform.setImplicitExit(false);
            stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> closeRequests[0]++);
        });
        MenuItem quit = window.files().menuItem("quitItem");
        assertEquals(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Q"), quit.getAccelerator(),
                "Ctrl+Q, Cmd+Q on macOS");
        robot.interact(quit::fire);
        assertEquals(List.of("quitting"), asked);
        assertTrue(stage.isShowing(), "Cancel keeps the window");
        assertEquals(0, closeRequests[0]);
        answer[0] = FileDialogs.UnsavedChoice.DISCARD;
        robot.interact(quit::fire);
        assertEquals(2, asked.size());
        assertEquals(1, closeRequests[0], "closed as by its close button: a close request first");
        assertFalse(stage.isShowing());
    }

    private static MenuItem item(List<MenuItem> items, String id) {
        return items.stream().filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id + " in " + Arrays.toString(items.toArray())));
    }
}
