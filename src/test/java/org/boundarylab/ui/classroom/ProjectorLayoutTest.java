package org.boundarylab.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.ui.ViewOptions;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.sweep.SweepViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window in front of a class: at 1024x768 and 1920x1080, light and dark, normal and
 * presentation mode, with a lesson running, neither the Lab tab nor the Sweep tab (with a sweep's
 * results in it) cuts any text or puts a control outside the window ({@link LayoutCheck}); in
 * presentation mode the picture takes the room it is promised.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutTest {
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

    static Stream<Arguments> screens() {
        List<Arguments> all = new ArrayList<>();
        for (int[] size : new int[][] {{1024, 768}, {1920, 1080}}) {
            for (ViewOptions.Theme theme : ViewOptions.Theme.values()) {
                for (boolean presentation : new boolean[] {false, true}) {
                    all.add(Arguments.of(size[0], size[1], theme, presentation));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}x{1} {2} presentation {3}")
    @MethodSource("screens")
    void nothingIsCutOrOutsideTheWindow(int width, int height, ViewOptions.Theme theme, boolean presentation,
                                        FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.viewOptions().themeProperty().set(theme);
            window.viewOptions().presentationProperty().set(presentation);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        settle();
        Scene scene = stage.getScene();
        assertEquals(width, scene.getWidth(), 0.5);
        assertEquals(height, scene.getHeight(), 0.5);
        List<String> problems = new ArrayList<>(tagged("Lab, no lesson", LayoutCheck.problems(scene)));
        if (presentation) {
            problems.addAll(pictureTakesTheRoom(robot, scene, "no lesson"));
        }

        // the built-in lesson with the longest title, with its status, a few epochs into its run (a
        // teacher's longer title wraps to a second line of the folded banner rather than being cut)
        org.boundarylab.lessons.Lesson longest = BuiltInLessons.all().stream().filter(l -> !l.isSweep())
                .max(java.util.Comparator.comparingInt(l -> l.title().length())).orElseThrow();
        robot.interact(() -> window.classroom().startLesson(longest));
        for (int i = 0; i < 20; i++) {
            window.viewModel().run().step().get(10, TimeUnit.SECONDS);
        }
        settle();
        problems.addAll(tagged("Lab, lesson", LayoutCheck.problems(scene)));
        if (presentation) {
            problems.addAll(pictureTakesTheRoom(robot, scene, "lesson"));
        }
        // the Sweep tab with a small sweep's thumbnails, chart and table of mean ± sd
        SweepViewModel sweep = window.sweep().view().controller().model();
        robot.interact(() -> {
            window.controller().select(window.sweep().tab());
            sweep.valuesProperty().set("1,2,3,4,5,20,50");
            sweep.seedsProperty().set(2);
            sweep.epochsProperty().set("30");
        });
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> sweep.runner().isPresent()
                && sweep.runner().get().isDone() && !sweep.runningProperty().get());
        settle();
        problems.addAll(tagged("Sweep", LayoutCheck.problems(scene)));
        assertEquals(List.of(), problems);
    }

    /**
     * The boundary plot: at least 55% of the window's height (53.5% under a lesson title folded to two
     * lines) and half its width; the loss chart 200 pixels tall; the banner at most two lines.
     */
    private List<String> pictureTakesTheRoom(FxRobot robot, Scene scene, String when) {
        List<String> problems = new ArrayList<>();
        Node canvas = robot.lookup("#boundaryCanvas").query();
        Node chart = robot.lookup("#lossChart").query();
        double h = canvas.getLayoutBounds().getHeight();
        double w = canvas.getLayoutBounds().getWidth();
        // a title too long for one line (the longest, at 1024x768) folds to two: that line comes off the plot
        javafx.scene.text.TextFlow flow = robot.lookup("#lessonFolded").queryAs(javafx.scene.text.TextFlow.class);
        boolean twoLines = flow.isVisible() && flow.getHeight() > 1.8 * robot.lookup("#lessonTitle").queryLabeled()
                .getFont().getSize();
        if (h < (twoLines ? 0.535 : 0.55) * scene.getHeight() || w < 0.5 * scene.getWidth()) {
            problems.add(when + ": the plot is " + (int) w + "x" + (int) h + " in a " + (int) scene.getWidth() + "x"
                    + (int) scene.getHeight() + " window");
        }
        if (chart.getLayoutBounds().getHeight() < 200) {
            problems.add(when + ": the loss chart is " + chart.getLayoutBounds());
        }
        TitledPane banner = robot.lookup("#lessonBanner").queryAs(TitledPane.class);
        if (banner.isVisible() && banner.getHeight() > 3.6 * robot.lookup("#lessonTitle").queryLabeled().getFont()
                .getSize() + 24) {
            problems.add(when + ": the lesson banner is " + banner.getHeight() + " high, more than two lines");
        }
        javafx.scene.text.TextFlow folded = robot.lookup("#lessonFolded").queryAs(javafx.scene.text.TextFlow.class);
        if (banner.isVisible() && folded.isVisible() && folded.getHeight() + 0.5 < folded.prefHeight(folded.getWidth())) {
            problems.add(when + ": the folded banner's title is cut: " + folded.getHeight() + " of "
                    + folded.prefHeight(folded.getWidth()) + " high");
        }
        return problems;
    }

    private static List<String> tagged(String where, List<String> problems) {
        return problems.stream().map(p -> where + ": " + p).toList();
    }

    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(true);
    }
}
