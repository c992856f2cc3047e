package org.boundarylab.ui.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Network;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.BoundaryCanvasView;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.sweep.SweepController;
import org.boundarylab.ui.sweep.SweepTab;
import org.boundarylab.workspace.Autosave;
import org.boundarylab.workspace.Exports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drawing data, CSV import, workspace files and the sweep tab in the real lab window, headless. */
@ExtendWith(ApplicationExtension.class)
class LabFilesWindowTest {
    private LabWindow window;
    private LabViewModel vm;
    private FileActions actions;

    @Start
    void start(Stage stage) {
        window = LabApp.load();
        vm = window.controller().viewModel();
        actions = window.files();
        stage.setScene(LabApp.scene(window));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> window.controller().shutdown());
        FxToolkit.cleanupStages();
    }

    /** A stand-in for the file choosers: answers every dialog with the given path. */
    private void answer(Path file) {
        answer(file, FileDialogs.UnsavedChoice.CANCEL, new ArrayList<>());
    }

    /**
     * Answers every file dialog with {@code file} and the question about unsaved work with
     * {@code choice}, noting each such question in {@code asked}.
     */
    private void answer(Path file, FileDialogs.UnsavedChoice choice, List<String> asked) {
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
                return choice;
            }
        });
    }

    private void fire(FxRobot robot, String itemId) {
        robot.interact(() -> actions.menuItem(itemId).fire());
        waitForFiles();
    }

    /** Open reads on a background thread and puts the lab back on the FX thread: wait for both. */
    private void waitForFiles() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !actions.isBusy());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a file is still being read", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenPoint(FxRobot robot, double x1, double x2) {
        Canvas canvas = robot.lookup("#boundaryCanvas").queryAs(Canvas.class);
        BoundaryCanvasView view = window.controller().canvasView();
        double[] p = view.canvasPoint(x1, x2);
        return canvas.localToScreen(p[0], p[1]);
    }

    private int trainSize() {
        return vm.data().dataProperty().get().train().size();
    }

    private TrainingSnapshot settle(long epoch) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            TrainingSnapshot s = vm.run().snapshotProperty().get();
            return s != null && s.epoch() == epoch && s.network() != null;
        });
        return vm.run().snapshotProperty().get();
    }

    @Test
    void drawnPointsCountAndUndoRedoTakeThemBackAndForth(FxRobot robot) {
        int start = trainSize();
        robot.clickOn("#drawToggle");
        robot.clickOn("#drawClass1");
        robot.clickOn(screenPoint(robot, 0.0, 0.0));
        robot.clickOn(screenPoint(robot, 0.5, 0.0));
        assertEquals(start + 2, trainSize());
        Split two = vm.data().dataProperty().get();
        assertEquals(1, two.train().label(start));
        assertTrue(vm.data().customDataProperty().get());
        String shown = robot.lookup("#datasetChoice").queryAs(ChoiceBox.class).getConverter()
                .toString(vm.form().datasetProperty().get());
        assertTrue(shown.startsWith("Custom"), shown);

        // a drag paints several points, spaced apart; undo takes the whole stroke back
        robot.drag(screenPoint(robot, -1.0, -0.5), MouseButton.PRIMARY)
                .moveTo(screenPoint(robot, 0.0, -0.5)).moveTo(screenPoint(robot, 1.0, -0.5))
                .release(MouseButton.PRIMARY);
        int painted = trainSize() - (start + 2);
        assertTrue(painted >= 4 && painted < 60, "a stroke across the plot paints a few spaced points: " + painted);

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start + 2, trainSize(), "Ctrl+Z takes the stroke back");
        assertSame(two, vm.data().dataProperty().get());
        robot.clickOn("#undoButton");
        robot.clickOn("#undoButton");
        assertEquals(start, trainSize());
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start + 1, trainSize(), "Ctrl+Y redoes one point");

        // right-click erases the points under the pointer (the drawn one and any close to it)
        robot.clickOn(screenPoint(robot, 0.0, 0.0), MouseButton.SECONDARY);
        Split erased = vm.data().dataProperty().get();
        assertTrue(erased.train().size() <= start, "at least the drawn point is gone");
        for (int i = 0; i < erased.train().size(); i++) {
            assertTrue(Math.hypot(erased.train().x1(i), erased.train().x2(i)) > 0.02,
                    "nothing left right under the pointer");
        }
        robot.clickOn("#undoButton");
        assertEquals(start + 1, trainSize(), "undo brings the erased points back");
    }

    @Test
    void aBadCsvChangesNothingAndSaysWhichLine(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x1,x2,label\n0.5,0.25,0\n1.0,0.75,1\n0.1,not-a-number,0\n");
        Split before = vm.data().dataProperty().get();
        long generation = vm.run().generationProperty().get();
        answer(bad);
        fire(robot, "importCsvItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, vm.data().dataProperty().get(), "the data is untouched");
        assertEquals(generation, vm.run().generationProperty().get(), "the run is untouched");
        assertFalse(vm.data().customDataProperty().get());
        DialogPane dialog = robot.lookup("#fileErrorDialog").queryAs(DialogPane.class);
        assertNotNull(dialog);
        assertTrue(dialog.getContentText().contains("bad.csv:4"), dialog.getContentText());
        assertTrue(dialog.getContentText().contains("Nothing was imported"), dialog.getContentText());
        robot.interact(() -> actions.lastError().close());

        // the same file mended imports, split by the test share
        Files.writeString(bad, "x1,x2,label\n0.5,0.25,0\n1.0,0.75,1\n0.1,0.3,0\n0.9,0.9,1\n0.2,0.1,0\n");
        fire(robot, "importCsvItem");
        assertEquals(5, vm.data().dataProperty().get().train().size() + vm.data().dataProperty().get().test().size());
        assertTrue(vm.data().customDataProperty().get());
    }

    @Test
    void saveThenOpenRestoresTheDataAndTheSamePredictions(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            vm.form().textProperty(Field.HIDDEN_LAYERS).set("6,3");
            actionsEditorAddPoint();
        });
        for (int i = 0; i < 40; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        TrainingSnapshot saved = settle(40);
        Split data = vm.data().dataProperty().get();
        Path file = dir.resolve("mine.blab");
        answer(file);
        fire(robot, "saveAsItem");
        assertTrue(Files.size(file) > 1000);
        assertEquals(Optional.of(file), actions.currentFile());

        fire(robot, "newItem");
        assertFalse(vm.data().customDataProperty().get());
        assertEquals("4", vm.form().textProperty(Field.HIDDEN_LAYERS).get());

        fire(robot, "openItem");
        TrainingSnapshot opened = settle(40);
        assertEquals(data, vm.data().dataProperty().get());
        assertTrue(vm.data().customDataProperty().get());
        assertEquals("6,3", vm.form().textProperty(Field.HIDDEN_LAYERS).get());
        double[][] probe = {{0, 0}, {1, -0.5}, {-0.7, 1.1}, {2.5, 0.25}, {0.123, 0.456}};
        Network a = saved.network();
        Network b = opened.network();
        assertArrayEquals(a.predict(probe), b.predict(probe), "the same outputs, exactly");
        assertEquals("40", robot.lookup("#epochLabel").queryLabeled().getText());

        // a damaged workspace changes nothing and says where
        Path broken = dir.resolve("broken.blab");
        Files.writeString(broken, Files.readString(file).replace("\"epoch\"", "\"epoch\": -3, \"x\""));
        answer(broken);
        Split now = vm.data().dataProperty().get();
        fire(robot, "openItem");
        assertSame(now, vm.data().dataProperty().get());
        String message = actions.lastError().getContentText();
        assertTrue(message.contains("broken.blab"), message);
        robot.interact(() -> actions.lastError().close());

        // a file whose loss history is damaged opens with the rest, and says what was left out
        Path partly = dir.resolve("partly.blab");
        Files.writeString(partly, Files.readString(file).replaceFirst("\"rows\":\\[\\s*\\[0,", "\"rows\":[[999,"));
        answer(partly);
        fire(robot, "openItem");
        settle(40);
        DialogPane warning = robot.lookup("#fileWarningDialog").queryAs(DialogPane.class);
        assertNotNull(warning, "the user is told");
        assertTrue(warning.getContentText().contains("the loss history was left out"), warning.getContentText());
        assertEquals(data, vm.data().dataProperty().get());
        assertArrayEquals(a.predict(probe), vm.run().snapshotProperty().get().network().predict(probe));
        assertTrue(actions.hasUnsavedWork(), "a lab opened in part is not the file: closing it asks");
        robot.interact(() -> actions.lastError().close());
    }

    /** One hand-drawn point through the editor, so the saved data is custom. */
    private void actionsEditorAddPoint() {
        org.boundarylab.ui.DataEditor editor = findEditor();
        editor.addPoint(0.25, 0.75);
    }

    private org.boundarylab.ui.DataEditor findEditor() {
        return actions.editor();
    }

    @Test
    void theSweepTabSweepsTheLabsSettingsAndOpensAThumbnailInTheLab(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.form().textProperty(Field.SAMPLES).set("60");
            vm.form().textProperty(Field.HIDDEN_LAYERS).set("4");
        });
        for (int i = 0; i < 30; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Network own = settle(30).network();

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("Sweep", tabs.getTabs().get(1).getText());
        robot.interact(() -> tabs.getSelectionModel().select(1));
        SweepController sweep = window.sweep().view()
                .controller();
        robot.interact(() -> {
            sweep.model().valuesProperty().set("1,4");
            sweep.model().seedsProperty().set(1);
            sweep.model().epochsProperty().set("30");
        });
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sweep.model().runner().isPresent()
                && sweep.model().runner().get().isDone() && !sweep.model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, sweep.model().results().size());
        double[][] probe = {{0, 0}, {1, 0.5}, {-0.8, 0.9}};
        // width 4 with the lab's first weight seed is the lab's own run: same data, settings and epochs
        Network sameAsLab = network(sweep, 1);
        assertArrayEquals(own.predict(probe), sameAsLab.predict(probe));

        // the lab's own thirty epochs were never saved: opening a thumbnail asks first
        List<String> asked = new ArrayList<>();
        answer(Path.of("unused.blab"), FileDialogs.UnsavedChoice.CANCEL, asked);
        robot.clickOn("#thumb-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("opening this network from the sweep"), asked);
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "Cancel stays on the sweep");
        assertArrayEquals(own.predict(probe), vm.run().snapshotProperty().get().network().predict(probe),
                "Cancel keeps the lab's network");
        answer(Path.of("unused.blab"), FileDialogs.UnsavedChoice.DISCARD, asked);
        robot.clickOn("#thumb-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, asked.size());
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex(), "the Lab tab is shown");
        assertEquals("1", robot.lookup("#hiddenLayersField").queryAs(TextField.class).getText(),
                "the hidden layers follow the opened network");
        TrainingSnapshot s = settle(30);
        assertFalse(vm.run().playingProperty().get(), "opened paused");
        assertArrayEquals(network(sweep, 0).predict(probe), s.network().predict(probe));
    }

    @Test
    void exportsWriteEachFileAndCsvComesBackAsTheSameData(FxRobot robot, @TempDir Path dir) throws Exception {
        for (int i = 0; i < 5; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        settle(5);
        Path png = dir.resolve("b.png");
        Path loss = dir.resolve("loss.csv");
        Path model = dir.resolve("model.json");
        Path report = dir.resolve("report.txt");
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        // each export is written on the background thread and completes on the FX thread
        List<java.util.concurrent.CompletableFuture<Boolean>> writes = new ArrayList<>();
        robot.interact(() -> {
            writes.add(actions.exportBoundaryPng(png, Exports.PngOptions.slides().withAxes(false)));
            writes.add(actions.exportLossHistory(loss));
            writes.add(actions.exportModel(model));
            writes.add(actions.exportReport(report));
            writes.add(actions.exportCsv(false, train));
            writes.add(actions.exportCsv(true, test));
        });
        for (var w : writes) {
            assertTrue(w.get(20, TimeUnit.SECONDS));
        }
        assertEquals(1280, javax.imageio.ImageIO.read(png.toFile()).getWidth(), "2x for slides");
        assertEquals(Exports.LOSS_HEADER, Files.readAllLines(loss).get(0));
        assertTrue(Files.readAllLines(loss).size() >= 3);
        double[][] probe = {{0.3, -0.2}, {1.5, 0.5}};
        assertArrayEquals(vm.run().snapshotProperty().get().network().predict(probe),
                org.boundarylab.io.ModelFiles.read(model).predict(probe), "the model file is the shown network");
        assertTrue(Files.readString(report).contains("precision"));
        Split s = vm.data().dataProperty().get();
        assertEquals(s.train(), org.boundarylab.data.CsvDatasets.read(train));
        assertEquals(s.test(), org.boundarylab.data.CsvDatasets.read(test));

        // through the menu: the picture's options dialog, then the (stubbed) file chooser
        Path viaMenu = dir.resolve("menu.png");
        answer(viaMenu);
        javafx.application.Platform.runLater(() -> actions.menuItem("exportPngItem").fire()); // the dialog waits
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Legend"); // legend off, axes on, 1x
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(viaMenu));
        assertEquals(640, javax.imageio.ImageIO.read(viaMenu.toFile()).getWidth());

        // the exported test set imports back as the test set, unchanged
        List<java.util.concurrent.CompletableFuture<Boolean>> imported = new ArrayList<>();
        robot.interact(() -> imported.add(actions.importTestSet(test)));
        assertTrue(imported.get(0).get(20, TimeUnit.SECONDS));
        assertEquals(s.test(), vm.data().dataProperty().get().test());
    }

    /**
     * A file that does not answer (a named pipe nobody writes to yet, as a stalled network share
     * would) holds up the background thread only: the window goes on drawing frames and shows
     * what it is waiting for, and the import lands once the file answers.
     */
    @Test
    void aFileThatDoesNotAnswerLeavesTheWindowDrawing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("slow.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "named pipes (mkfifo) are needed");
        answer(fifo);
        java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
        javafx.animation.AnimationTimer counter = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        robot.interact(counter::start);
        robot.interact(() -> actions.menuItem("importCsvItem").fire()); // returns at once
        Label activity = robot.lookup("#activityLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, activity::isVisible);
        assertEquals("Reading slow.csv…", activity.getText());
        // the FX thread is free: frames keep coming and events are handled while the read waits
        int before = frames.get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> frames.get() >= before + 30);
        robot.interact(() -> vm.form().textProperty(Field.SAMPLES).set("300"));
        assertEquals("300", vm.form().textProperty(Field.SAMPLES).get());
        assertTrue(actions.isBusy(), "still waiting for the file");

        Files.writeString(fifo, "x1,x2,label\n0.5,0.25,0\n1.0,0.75,1\n0.1,0.3,0\n0.9,0.9,1\n0.2,0.1,0\n");
        waitForFiles();
        robot.interact(counter::stop);
        assertFalse(activity.isVisible(), "nothing is waiting any more");
        assertEquals(5, vm.data().dataProperty().get().train().size() + vm.data().dataProperty().get().test().size());
        assertTrue(vm.data().customDataProperty().get());
    }

    @Test
    void theLabIsAutosavedOnCloseAndOfferedBackOnStart(FxRobot robot) throws Exception {
        Path location = Autosave.defaultLocation();
        assertTrue(location.toString().contains("target"), "tests autosave into the build folder: " + location);
        robot.interact(() -> actions.editor().addPoint(0.1, 0.2));
        vm.run().step().get(10, TimeUnit.SECONDS);
        settle(1);
        Split drawn = vm.data().dataProperty().get();
        robot.interact(actions::autosave);
        assertTrue(Files.isRegularFile(location));

        answer(location.resolveSibling("unused.blab"), FileDialogs.UnsavedChoice.DISCARD, new ArrayList<>());
        robot.interact(actions::newLab);
        assertFalse(vm.data().customDataProperty().get());
        javafx.application.Platform.runLater(actions::offerAutosave); // waits for an answer
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Restore");
        waitForFiles();
        assertEquals(drawn, vm.data().dataProperty().get());
        assertTrue(vm.data().customDataProperty().get());
        assertFalse(Files.exists(location), "a restored autosave is removed");
    }

    @Test
    void newAndOpenAskBeforeUnsavedWorkIsLostAndSaveFirstWhenTold(FxRobot robot, @TempDir Path dir) throws Exception {
        List<String> asked = new ArrayList<>();
        Path file = dir.resolve("kept.blab");
        settle(0);
        assertFalse(actions.hasUnsavedWork(), "a fresh lab has nothing to lose");
        answer(file, FileDialogs.UnsavedChoice.CANCEL, asked);
        fire(robot, "newItem");
        assertEquals(List.of(), asked, "New on a fresh lab asks nothing");

        for (int i = 0; i < 3; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        settle(3);
        assertTrue(actions.hasUnsavedWork(), "three epochs trained and never saved");
        fire(robot, "newItem");
        assertEquals(List.of("starting a new lab"), asked);
        assertEquals(3, settle(3).epoch(), "Cancel keeps the lab as it was");
        fire(robot, "openItem");
        assertEquals(List.of("starting a new lab", "opening another workspace"), asked);
        assertEquals(3, vm.run().snapshotProperty().get().epoch());

        // Save: the lab goes to a file (Save As, there being none yet), then New goes ahead
        answer(file, FileDialogs.UnsavedChoice.SAVE, asked);
        fire(robot, "newItem");
        assertTrue(Files.size(file) > 1000, "saved first");
        settle(0);
        assertEquals(Optional.empty(), actions.currentFile());

        // a lab opened from a file is clean until it changes
        fire(robot, "openItem");
        assertEquals(3, asked.size(), "the new lab had nothing to lose: " + asked);
        settle(3);
        cleanSoon();
        vm.run().step().get(10, TimeUnit.SECONDS);
        settle(4);
        assertTrue(actions.hasUnsavedWork(), "a step after opening");

        // settings that cannot be saved just now do not make the trained network disposable:
        // asked to save, the user is told why not, and the lab stays
        robot.interact(() -> vm.form().textProperty(Field.LEARNING_RATE).set("-1"));
        assertTrue(actions.hasUnsavedWork());
        answer(file, FileDialogs.UnsavedChoice.SAVE, asked);
        fire(robot, "newItem");
        assertEquals(4, asked.size());
        assertNotNull(actions.lastError(), "the failed save says why");
        robot.interact(() -> actions.lastError().close());
        assertEquals(4, vm.run().snapshotProperty().get().epoch(), "the lab is kept");
        robot.interact(() -> vm.form().textProperty(Field.LEARNING_RATE).set("0.3"));

        // Don't Save replaces the lab; the file keeps the three epochs
        answer(file, FileDialogs.UnsavedChoice.DISCARD, asked);
        fire(robot, "openItem");
        assertEquals(5, asked.size());
        assertEquals(3, settle(3).epoch());
        cleanSoon();
    }

    /** A lab just opened counts as saved once its run has started (a moment after Open). */
    private void cleanSoon() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !actions.hasUnsavedWork()).get());
    }

    private static Network network(SweepController sweep, int setting) {
        return sweep.model().results().stream().filter(r -> r.settingIndex() == setting && r.hasNetwork())
                .findFirst().orElseThrow().network();
    }
}
