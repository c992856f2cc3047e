package org.boundarylab.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
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
 * A workspace opened whole and left alone is the file: New and Open after it ask nothing, at
 * once or later, whatever the lab holds (a played run, a preset's Adam run on the spiral, three
 * blobs with softmax, a lesson's setup). Headless, in the real window.
 */
@ExtendWith(ApplicationExtension.class)
class OpenedLabIsCleanTest {
    private LabWindow window;
    private LabViewModel vm;
    private FileActions actions;
    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = LabApp.load();
        vm = window.viewModel();
        actions = window.files();
        stage.setScene(LabApp.scene(window));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> window.controller().shutdown());
        FxToolkit.cleanupStages();
    }

    private void answerWith(Path file) {
        actions.setDialogs(new FileDialogs() {
            @Override
            public Optional<Path> showOpen(String title, List<Filter> filters) {
                return Optional.of(file);
            }

            @Override
            public Optional<Path> showSave(String title, String initialName, List<Filter> filters) {
                return Optional.of(file);
            }

            @Override
            public UnsavedChoice askToSave(String next) {
                asked.add(next);
                return UnsavedChoice.DISCARD;
            }
        });
    }

    private void waitForFiles() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !actions.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean unsaved() throws Exception {
        return WaitForAsyncUtils.asyncFx(actions::hasUnsavedWork).get(10, TimeUnit.SECONDS);
    }

    private void savedOpenedAndLeftAlone(FxRobot robot, Path file, Consumer<LabViewModel> setup, boolean play)
            throws Exception {
        robot.interact(() -> setup.accept(vm));
        if (play) {
            robot.interact(() -> {
                vm.form().paceProperty().set(0);
                vm.form().textProperty(org.boundarylab.ui.InputRules.Field.STOP_AT).set("200");
                vm.run().play();
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.run().session().isPlaying());
        } else {
            for (int i = 0; i < 5; i++) {
                vm.run().step().get(10, TimeUnit.SECONDS);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        answerWith(file);
        robot.interact(() -> actions.save(file));
        waitForFiles();
        robot.interact(actions::newLab); // asks nothing: the lab is in the file
        java.util.concurrent.atomic.AtomicReference<Boolean> atOnce = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> actions.open(file).thenAccept(ok -> atOnce.set(ok && !actions.hasUnsavedWork())));
        waitForFiles();
        assertEquals(Boolean.TRUE, atOnce.get(), file.getFileName() + " opened whole, with nothing unsaved at once");
        assertFalse(unsaved(), file.getFileName() + " just opened");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // frames drawn, the diagram and picture taken
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(unsaved(), file.getFileName() + " a moment later");
        robot.interact(() -> actions.open(file)); // opening it again asks nothing either
        waitForFiles();
        robot.interact(actions::newLab);
        waitForFiles();
        assertEquals(List.of(), asked, file.getFileName().toString());
    }

    @Test
    void aWorkspaceOpenedWholeAndLeftAloneAsksNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        savedOpenedAndLeftAlone(robot, dir.resolve("played.blab"), lab -> { }, true);
        savedOpenedAndLeftAlone(robot, dir.resolve("spiral.blab"),
                lab -> lab.form().datasetProperty().set(DatasetKind.SPIRAL), false);
        savedOpenedAndLeftAlone(robot, dir.resolve("blobs.blab"),
                lab -> lab.form().datasetProperty().set(DatasetKind.GAUSSIAN), true);
        savedOpenedAndLeftAlone(robot, dir.resolve("lesson.blab"),
                lab -> window.classroom().startLesson(BuiltInLessons.all().get(2)), false);
        assertTrue(actions.currentFile().isEmpty(), "New leaves the file");
    }
}
