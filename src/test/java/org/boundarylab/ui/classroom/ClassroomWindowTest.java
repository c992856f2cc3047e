package org.boundarylab.ui.classroom;

import org.boundarylab.ui.LockedControls;
import org.boundarylab.ui.ViewOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.lessons.LessonFiles;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.files.FileActions;
import org.boundarylab.ui.files.FileDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The classroom features in the real lab window, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class ClassroomWindowTest {
    private LabWindow window;
    private Stage stage;
    private Classroom classroom;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = LabApp.load();
        Scene scene = LabApp.scene(window);
        stage.setScene(scene);
        stage.show();
        classroom = window.classroom();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> window.controller().shutdown());
        FxToolkit.cleanupStages();
    }

    static Stream<Lesson> singleRunLessons() {
        return BuiltInLessons.all().stream().filter(l -> !l.isSweep());
    }

    private static <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static void chooseLesson(FxRobot robot, Lesson l) {
        robot.clickOn("Lessons");
        robot.clickOn(l.title());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double percent(FxRobot robot, String id) {
        String t = node(robot, id, Label.class).getText();
        return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.NaN;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleRunLessons")
    void eachLessonChosenFromTheMenuStopsAtItsEpochWithItsTutorialsFigure(Lesson lesson, FxRobot robot)
            throws Exception {
        chooseLesson(robot, lesson);
        TitledPane banner = node(robot, "#lessonBanner", TitledPane.class);
        assertTrue(banner.isVisible());
        assertEquals("Lesson: " + lesson.title(), node(robot, "#lessonTitle", Label.class).getText());
        assertEquals(lesson.text(), node(robot, "#lessonText", Label.class).getText());
        assertEquals(lesson.settings(), window.controller().viewModel().form().currentSettings());
        assertEquals(org.boundarylab.ui.Pace.label(lesson.settings().pace()), node(robot, "#paceLabel", Label.class)
                .getText(), "the lesson's own pace");
        // a teacher can still go as fast as it goes (and a test must)
        javafx.scene.control.Slider pace = node(robot, "#speedSlider", javafx.scene.control.Slider.class);
        robot.interact(() -> pace.setValue(pace.getMax()));

        robot.clickOn("#playButton");
        Label status = node(robot, "#lessonStatus", Label.class);
        String end = String.format(java.util.Locale.ROOT, "Epoch %,d:", lesson.settings().epochs());
        waitUntil(120, () -> status.getText().startsWith(end));
        Button play = node(robot, "#playButton", Button.class);
        waitUntil(10, () -> play.getText().equals("Play"));
        assertEquals(String.format(java.util.Locale.ROOT, "%,d", lesson.settings().epochs()),
                node(robot, "#epochLabel", Label.class).getText(), "stopped by itself at the lesson's epoch");
        assertEquals(LessonSession.Verdict.REACHED, classroom.lessons().verdictProperty().get(), status.getText());
        assertTrue(status.getText().contains("The tutorial's figure is reached"), status.getText());
        assertTrue(status.getStyleClass().contains("reached"));
        // the figures the window shows keep the lesson's promise too
        double train = percent(robot, "#trainAccuracyLabel");
        double test = percent(robot, "#testAccuracyLabel");
        if (!Double.isNaN(lesson.expect().minTrainAccuracy())) {
            assertTrue(train >= lesson.expect().minTrainAccuracy() - 0.0005, "train " + train);
        }
        if (!Double.isNaN(lesson.expect().maxTrainAccuracy())) {
            assertTrue(train <= lesson.expect().maxTrainAccuracy() + 0.0005, "train " + train);
        }
        if (!Double.isNaN(lesson.expect().minTestAccuracy())) {
            assertTrue(test >= lesson.expect().minTestAccuracy() - 0.0005, "test " + test);
        }
    }

    @Test
    void leavingTheUsersOwnTrainedLabForALessonAsksFirstAndLessonToLessonDoesNot(FxRobot robot) throws Exception {
        LabViewModel vm = window.controller().viewModel();
        for (int i = 0; i < 3; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        List<String> asked = new ArrayList<>();
        FileDialogs.UnsavedChoice[] answer = {FileDialogs.UnsavedChoice.CANCEL};
        window.files().setDialogs(new FileDialogs() {
            @Override
            public Optional<Path> showOpen(String title, List<Filter> filters) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> showSave(String title, String name, List<Filter> filters) {
                return Optional.empty();
            }

            @Override
            public UnsavedChoice askToSave(String next) {
                asked.add(next);
                return answer[0];
            }
        });
        Lesson first = BuiltInLessons.byId("logistic-regression");
        robot.interact(() -> classroom.startLesson(first));
        assertEquals(List.of("starting the lesson \"" + first.title() + "\""), asked);
        assertNull(classroom.lessons().lessonProperty().get(), "Cancel keeps the user's lab");

        answer[0] = FileDialogs.UnsavedChoice.DISCARD;
        robot.interact(() -> classroom.startLesson(first));
        assertSame(first, classroom.lessons().lessonProperty().get());
        for (int i = 0; i < 3; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Lesson next = BuiltInLessons.byId("softmax-three");
        robot.interact(() -> classroom.startLesson(next));
        assertSame(next, classroom.lessons().lessonProperty().get());
        assertEquals(2, asked.size(), "from one lesson to the next nothing is asked: " + asked);
    }

    @Test
    void theSweepLessonSetsUpTheLabAndSelectsTheSweepTab(FxRobot robot) {
        TabPane tabs = node(robot, "#tabs", TabPane.class);
        Tab sweep = window.sweep().tab();
        assertNotSame(sweep, tabs.getSelectionModel().getSelectedItem());
        Lesson lesson = BuiltInLessons.byId("hidden-size-sweep");
        robot.interact(() -> classroom.startLesson(lesson));
        assertSame(sweep, tabs.getSelectionModel().getSelectedItem());
        assertEquals(lesson.settings(), window.controller().viewModel().form().currentSettings());
        assertEquals("3", node(robot, "#hiddenLayersField", TextField.class).getText());
        assertTrue(node(robot, "#lessonStatus", Label.class).getText().contains("Sweep tab"));
        // the Sweep tab is filled in from the lesson and shows its text; Run has the focus (Enter or Space)
        assertEquals("1,2,3,5,10,20,50,100", node(robot, "#valuesField", TextField.class).getText());
        assertEquals("20000", node(robot, "#epochsField", TextField.class).getText());
        assertTrue(node(robot, "#sweepLessonText", Label.class).getText().startsWith("Lesson: Hidden size and"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node(robot, "#runButton", javafx.scene.control.Button.class).isFocused(), "Run has the focus");
        // a thumbnail opened from the sweep: the banner speaks of that network
        org.boundarylab.nn.Network wide = lesson.settings().withHidden(100).initialNetwork(2);
        robot.interact(() -> window.controller().viewModel().showNetwork(wide, 20000));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.controller().viewModel().run().pulse());
        String status = node(robot, "#lessonStatus", Label.class).getText();
        assertTrue(status.contains("width 100"), status);
        assertFalse(status.contains("width 3 "), status);
        robot.interact(() -> classroom.leaveLesson());
        assertFalse(node(robot, "#sweepLessonText", Label.class).isVisible());
        // the figure itself is checked headless (HiddenSizeSweepLessonTest): 40 runs of 20000 epochs
    }

    @Test
    void aLessonLocksItsControlsUntilItIsLeft(FxRobot robot) {
        Lesson lesson = BuiltInLessons.byId("two-hidden-layers");
        chooseLesson(robot, lesson);
        for (String id : LockedControls.controlsOf(lesson.lockedControls())) {
            assertTrue(node(robot, "#" + id, Node.class).isDisabled(), id + " is locked");
        }
        for (String id : new String[] {"#learningRateField", "#weightSeedField", "#l2Field", "#optimizerChoice",
            "#stopAtField", "#playButton"}) {
            assertFalse(node(robot, id, Node.class).isDisabled(), id + " stays free");
        }
        Label samplesLabel = rowLabel(robot, "Samples");
        assertNotNull(samplesLabel.getTooltip());
        assertTrue(samplesLabel.getTooltip().getText().contains("Locked by the lesson \"Two hidden layers (5, 3)\""));
        assertNotNull(samplesLabel.getGraphic(), "a padlock beside the label");

        robot.clickOn("#leaveLessonButton");
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : LockedControls.allControls()) {
            assertFalse(node(robot, "#" + id, Node.class).isDisabled(), id + " is free again");
        }
        assertNull(samplesLabel.getTooltip());
        assertNull(samplesLabel.getGraphic());
        assertFalse(node(robot, "#lessonBanner", TitledPane.class).isVisible());
        assertEquals(lesson.settings(), window.controller().viewModel().form().currentSettings(), "the setup stays");
    }

    private static Label rowLabel(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof Label l && text.equals(l.getText())).queryAs(Label.class);
    }

    @Test
    void keyboardOnlyFromStartToATrainedNetwork(FxRobot robot) throws Exception {
        TextField hidden = node(robot, "#hiddenLayersField", TextField.class);
        TextField rate = node(robot, "#learningRateField", TextField.class);
        LabViewModel vm = window.controller().viewModel();
        for (int i = 0; i < 40 && !hidden.isFocused(); i++) {
            robot.push(KeyCode.TAB);
        }
        assertTrue(hidden.isFocused(), "Tab reaches the hidden layers field");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("5,3 ");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5,3 ", hidden.getText(), "Space types in a field rather than playing");
        assertFalse(vm.run().playingProperty().get());
        for (int i = 0; i < 40 && !rate.isFocused(); i++) {
            robot.push(KeyCode.TAB);
        }
        assertTrue(rate.isFocused(), "Tab reaches the learning rate field");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("0.5");
        robot.push(KeyCode.ESCAPE); // leaves the field for the play button
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node(robot, "#playButton", Button.class).isFocused());
        robot.write("]]]]]]]]"); // from the watchable first pace up the ladder to max
        assertEquals(0.0, vm.form().paceProperty().get());
        robot.push(KeyCode.SPACE);
        waitUntil(60, () -> percent(robot, "#testAccuracyLabel") >= 0.95);
        robot.push(KeyCode.SPACE);
        waitUntil(10, () -> !vm.run().playingProperty().get());
        assertEquals("37", node(robot, "#parametersLabel", Label.class).getText(), "the typed 2-5-3-1 network");
        assertTrue(percent(robot, "#testAccuracyLabel") >= 0.95);

        // single keys: R resets to epoch 0, S steps one epoch
        Node canvasPane = node(robot, "#canvasPane", Node.class);
        robot.interact(canvasPane::requestFocus);
        robot.push(KeyCode.R);
        waitUntil(10, () -> node(robot, "#epochLabel", Label.class).getText().equals("0"));
        robot.push(KeyCode.S);
        waitUntil(10, () -> node(robot, "#epochLabel", Label.class).getText().equals("1"));
    }

    @Test
    void tabReachesEveryControlInReadingOrder(FxRobot robot) {
        robot.interact(() -> classroom.startLesson(BuiltInLessons.byId("logistic-regression")));
        robot.interact(() -> node(robot, "#playButton", Node.class).requestFocus());
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Node focused = stage.getScene().getFocusOwner();
            String id = focused == null ? null : focused.getId();
            if (id != null && !order.isEmpty() && id.equals(order.get(0))) {
                break; // once round
            }
            if (id != null) {
                order.add(id);
            }
            robot.push(KeyCode.TAB);
        }
        List<String> expected = List.of("playButton", "stepButton", "resetButton", "hiddenLayersField",
                "activationChoice", "outputChoice", "initializerChoice", "weightSeedField", "learningRateField",
                "l2Field", "l1Field", "optimizerChoice", "batchSizeField", "redrawEveryField", "stopAtField",
                "lessonBanner", "leaveLessonButton", "reportButton", "logScaleCheck");
        // locked controls are skipped; the rest come top to bottom, left to right
        assertEquals(expected, order.stream().filter(expected::contains).toList(), order.toString());
        for (String locked : LockedControls.controlsOf(BuiltInLessons.byId("logistic-regression").lockedControls())) {
            assertFalse(order.contains(locked), locked + " is locked and skipped");
        }
    }

    @Test
    void theLessonsMenuOpensFromTheKeyboard(FxRobot robot) {
        robot.interact(() -> node(robot, "#canvasPane", Node.class).requestFocus());
        robot.push(KeyCode.F10); // the menu bar takes the keys: File
        robot.push(KeyCode.RIGHT).push(KeyCode.RIGHT).push(KeyCode.DOWN); // Data, Lessons, open it
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.controller().lessons().isShowing(), "F10, arrows: the Lessons menu is open");
        robot.push(KeyCode.ENTER); // its first item
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BuiltInLessons.all().get(0), classroom.lessons().lessonProperty().get());
    }

    @Test
    void logScalePlayAndFullScreenFromTheKeyboard(FxRobot robot) {
        robot.interact(() -> node(robot, "#canvasPane", Node.class).requestFocus());
        robot.push(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.controller().viewModel().logScaleProperty().get(), "L: log scale");
        // Enter in a text field applies it and does not play; elsewhere it plays (Play is the default button)
        robot.interact(() -> node(robot, "#learningRateField", Node.class).requestFocus());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.controller().viewModel().run().playingProperty().get(), "Enter in a field: no play");
        assertTrue(node(robot, "#learningRateField", Node.class).isFocused());
        robot.interact(() -> node(robot, "#canvasPane", Node.class).requestFocus());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.controller().viewModel().run().playingProperty().get(), "Enter: play");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.controller().viewModel().run().playingProperty().get(), "Enter again: pause");
        robot.push(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen(), "F11: full screen");
        robot.push(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen());
    }

    @Test
    void presentationModeEnlargesFontsAndTheCanvasAndFitsA1024x768Screen(FxRobot robot) throws Exception {
        Label epoch = node(robot, "#epochLabel", Label.class);
        Label section = rowLabel(robot, "Samples");
        double figureBefore = epoch.getFont().getSize();
        double labelBefore = section.getFont().getSize();
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(classroom.viewOptions().presentationProperty().get());
        assertTrue(epoch.getFont().getSize() >= 1.3 * figureBefore, epoch.getFont() + " was " + figureBefore);
        assertEquals(ViewOptions.PRESENTATION_FONT_SCALE * labelBefore, section.getFont().getSize(), 0.01,
                section.getFont() + " was " + labelBefore);
        assertEquals(ViewOptions.PRESENTATION_CANVAS_SCALE, window.controller().canvasView().appearanceScale());

        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        for (Lesson lesson : BuiltInLessons.all()) { // titles and texts of every length
            robot.interact(() -> classroom.startLesson(lesson));
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.controller().selectLab());
            WaitForAsyncUtils.waitForFxEvents();
            try {
                assertNothingClipped(robot, stage.getScene());
            } catch (AssertionError e) {
                throw new AssertionError(lesson.id() + ": " + e.getMessage(), e);
            }
        }

        robot.push(KeyCode.SHORTCUT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(classroom.viewOptions().presentationProperty().get());
        assertEquals(figureBefore, epoch.getFont().getSize(), 1e-9);
        assertEquals(1.0, window.controller().canvasView().appearanceScale());
    }

    /** The controls and figures a class reads lie inside the window and show their whole text. */
    private static void assertNothingClipped(FxRobot robot, Scene scene) {
        List<String> problems = new ArrayList<>();
        for (String id : new String[] {"#playButton", "#stepButton", "#resetButton", "#epochLabel", "#speedLabel",
            "#parametersLabel", "#trainLossLabel", "#testLossLabel", "#trainAccuracyLabel", "#testAccuracyLabel",
            "#gapLabel", "#reportButton", "#logScaleCheck", "#lossChart", "#boundaryCanvas", "#lessonBanner",
            "#leaveLessonButton"}) {
            Node n = node(robot, id, Node.class);
            if (!n.isVisible()) {
                continue;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5
                    || b.getMaxY() > scene.getHeight() + 0.5) {
                problems.add(id + " lies outside the " + scene.getWidth() + "x" + scene.getHeight() + " window: " + b);
            }
            if (n instanceof Labeled l && !(n instanceof TitledPane)
                    && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                problems.add(id + " is cut: " + l.getWidth() + " wide, needs " + l.prefWidth(-1));
            }
        }
        // the row labels of the forms, padlocks included
        for (Node n : robot.lookup(".form > .label, .figures > .label").queryAll()) {
            Label l = (Label) n;
            if (l.isVisible() && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                problems.add("label '" + l.getText() + "' is cut: " + l.getWidth() + " < " + l.prefWidth(-1));
            }
        }
        Node canvas = node(robot, "#boundaryCanvas", Node.class);
        if (canvas.getLayoutBounds().getHeight() < 240 || canvas.getLayoutBounds().getWidth() < 400) {
            problems.add("the canvas is too small to read: " + canvas.getLayoutBounds());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theHelpOverlayListsTheShortcuts(FxRobot robot) {
        // a command another feature puts in a menu, with its keys: the list reads it from the menus
        MenuItem undo = new MenuItem("_Undo point");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        robot.interact(() -> window.controller().data().getItems().add(undo));
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        HelpOverlay help = classroom.showHelp();
        assertTrue(help.isShowing());
        List<String> texts = help.table().getChildren().stream().map(n -> ((Label) n).getText()).toList();
        for (Shortcut s : Shortcut.ALL) {
            assertTrue(texts.contains(s.keys()) && texts.contains(s.action()), s.toString());
        }
        assertTrue(texts.contains("Space") && texts.contains("Play / pause training"));
        assertTrue(texts.contains("F5 / Ctrl+P") && texts.contains("F11"));
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Single keys (Space, S, R, N, L, [ / ] or - / +, Home / End, B, T)")), texts.toString());
        assertTrue(texts.contains("Ctrl+Z") && texts.contains("Data → Undo point"), texts.toString());
        assertFalse(texts.contains("F5"), "the classroom's own menu keys are listed once, as F5 / Ctrl+P");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(help.isShowing());
        // '?' from anywhere but a text field
        robot.interact(() -> node(robot, "#canvasPane", Node.class).requestFocus());
        robot.write('?');
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(help.isShowing());
        robot.interact(help::hide);
    }

    @Test
    void theDarkThemeDarkensTheWindowAndTheCanvasSurround(FxRobot robot) {
        Scene scene = stage.getScene();
        robot.push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ViewOptions.Theme.DARK, classroom.viewOptions().themeProperty().get());
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("theme-dark.css")));
        javafx.scene.canvas.Canvas canvas = node(robot, "#boundaryCanvas", javafx.scene.canvas.Canvas.class);
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> shot.set(canvas.snapshot(null, null)));
        int corner = shot.get().getPixelReader().getArgb(3, (int) canvas.getHeight() - 3);
        assertTrue(((corner >> 8) & 0xFF) < 60, "the surround is dark: " + Integer.toHexString(corner));
        robot.clickOn("View");
        robot.clickOn("Light theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("theme-dark.css")));
    }

    @Test
    void aSetupSavedAsALessonOpensAgainAsThatLesson(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("relu.json");
        StubDialogs stub = new StubDialogs(file);
        classroom.setDialogs(stub);
        robot.interact(() -> classroom.startLesson(BuiltInLessons.byId("softmax-three")));
        robot.interact(() -> window.controller().viewModel().form().textProperty(
                org.boundarylab.ui.InputRules.Field.HIDDEN_LAYERS).set("8"));
        robot.clickOn("Lessons");
        robot.clickOn("Save current setup as lesson…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), stub.errors);
        Lesson saved = LessonFiles.read(file);
        assertEquals("Eight units", saved.title());
        assertEquals("eight-units", saved.id());
        assertEquals(BuiltInLessons.byId("softmax-three").lockedControls(), saved.lockedControls());
        assertEquals(8, saved.settings().hidden()[0]);

        robot.interact(() -> classroom.leaveLesson());
        robot.interact(() -> window.controller().viewModel().form().textProperty(
                org.boundarylab.ui.InputRules.Field.HIDDEN_LAYERS).set("2"));
        robot.clickOn("Lessons");
        robot.clickOn("Open lesson file…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(saved, classroom.lessons().lessonProperty().get());
        assertEquals("8", node(robot, "#hiddenLayersField", TextField.class).getText());

        Files.writeString(file, "{\"format\": \"boundary-lab-lesson/1\", \"id\": \"x\", \"title\": \"X\"}");
        robot.interact(() -> classroom.leaveLesson());
        robot.clickOn("Lessons");
        robot.clickOn("Open lesson file…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, stub.errors.size());
        assertTrue(stub.errors.get(0).contains(file.toString()), stub.errors.get(0));
        assertNull(classroom.lessons().lessonProperty().get(), "a bad file starts nothing");
    }

    /** Answers the Lessons menu's questions with a fixed file and title; records errors. */
    private static final class StubDialogs implements LessonDialogs {
        private final Path file;
        private final List<String> errors = new ArrayList<>();

        StubDialogs(Path file) {
            this.file = file;
        }

        @Override
        public Optional<Path> chooseLessonToOpen(Window owner) {
            return Optional.of(file);
        }

        @Override
        public Optional<SaveChoice> chooseWhereToSave(Window owner, String suggestedTitle, String suggestedText) {
            return Optional.of(new SaveChoice(file, "Eight units", "Eight tanh units: " + suggestedText));
        }

        @Override
        public void showError(Window owner, String heading, String message) {
            errors.add(heading + ": " + message);
        }
    }
}
