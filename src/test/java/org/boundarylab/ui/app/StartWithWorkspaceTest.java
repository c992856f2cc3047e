package org.boundarylab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.boundarylab.Launch;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.files.WorkspaceBridge;
import org.boundarylab.workspace.WorkspaceFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window started with a workspace file, as a file manager starts it for a double-clicked
 * {@code .blab}: the lab shows that workspace, read through File > Open's path, and a file that
 * cannot be read gets Open's message and leaves the lab as it started. Headless.
 */
@ExtendWith(ApplicationExtension.class)
class StartWithWorkspaceTest {
    private static final Split POINTS = new Split(
            new Dataset(new double[][] {{0, 0}, {1, 1}, {0.5, 0.2}, {-1, 0.3}, {0.4, -0.8}}, new int[] {0, 1, 1, 0, 1}, 2),
            new Dataset(new double[][] {{0.2, 0.9}, {-0.3, -0.4}}, new int[] {1, 0}, 2));
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

    /** A workspace of five drawn points and a 6-3 network after 12 epochs, saved as the lab saves. */
    private static void writeWorkspace(Path file) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            LabViewModel vm = new LabViewModel(pool);
            vm.form().textProperty(Field.HIDDEN_LAYERS).set("6,3");
            vm.setCustomData(POINTS);
            for (int i = 0; i < 12; i++) {
                vm.run().step().get(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 500; i++) {
                vm.run().pulse();
                TrainingSnapshot s = vm.run().snapshotProperty().get();
                if (s != null && s.epoch() == 12 && s.network() != null) {
                    break;
                }
                Thread.sleep(10);
            }
            WorkspaceFiles.write(file, WorkspaceBridge.capture(vm));
            vm.run().session().close();
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean startWith(FxRobot robot, Path file) throws Exception {
        Launch launch = Launch.of(List.of(file.toString()), word -> false);
        assertTrue(launch.window(), "a .blab path starts the window");
        AtomicReference<CompletableFuture<Boolean>> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(LabApp.begin(window, launch)));
        assertNotNull(opened.get(), "a workspace was asked for");
        boolean result = opened.get().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    @Test
    void startedWithABlabFileTheLabShowsThatWorkspace(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("Moons lesson.blab");
        writeWorkspace(file);
        assertTrue(startWith(robot, file));

        LabViewModel vm = window.viewModel();
        assertEquals(POINTS, vm.data().dataProperty().get(), "the workspace's own points");
        assertTrue(vm.data().customDataProperty().get());
        assertEquals("6,3", vm.form().textProperty(Field.HIDDEN_LAYERS).get());
        assertEquals(Optional.of(file), window.files().currentFile(), "Save writes back to it");
        assertEquals("Boundary Lab — Moons lesson.blab", stage.getTitle());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            TrainingSnapshot s = vm.run().snapshotProperty().get();
            return s != null && s.epoch() == 12;
        });
        assertEquals("12", robot.lookup("#epochLabel").queryLabeled().getText());
        assertFalse(window.files().hasUnsavedWork(), "the lab is the file");
    }

    @Test
    void aMissingOrBrokenFileGetsOpensMessageAndTheLabStaysAsItStarted(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Split before = window.viewModel().data().dataProperty().get();
        Path missing = dir.resolve("gone.blab");
        assertFalse(startWith(robot, missing));
        String message = window.files().lastError().getContentText();
        assertTrue(message.contains("gone.blab") && message.contains("no such file"), message);
        assertEquals(before, window.viewModel().data().dataProperty().get());
        assertEquals(Optional.empty(), window.files().currentFile());
        robot.interact(() -> window.files().lastError().close());

        Path broken = dir.resolve("broken.blab");
        Files.writeString(broken, "{\"format\": \"boundary-lab-workspace/1\", \"settings\": 3}");
        assertFalse(startWith(robot, broken));
        message = window.files().lastError().getContentText();
        assertTrue(message.contains("broken.blab"), message);
        assertEquals(before, window.viewModel().data().dataProperty().get());
        robot.interact(() -> window.files().lastError().close());
    }
}
