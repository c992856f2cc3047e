package org.boundarylab.ui.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.boundarylab.data.Dataset;
import org.boundarylab.nn.Network;
import org.boundarylab.ui.ExplainedPoint.Numbers;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Explain panel in the real lab window, driven with the pointer and keys, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class ExplainWindowTest {
    private LabWindow window;
    private LabViewModel vm;

    @Start
    void start(Stage stage) {
        window = LabApp.load();
        stage.setScene(LabApp.scene(window));
        stage.setWidth(1280); // the headless screen's size: room for the panel, the canvas and the diagram
        stage.setHeight(800);
        stage.show();
        vm = window.viewModel();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> window.controller().shutdown());
        FxToolkit.cleanupStages();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @Test
    void clickAPointReadItsNumbersOnTheDiagramApplyAStepAndUndoIt(FxRobot robot) throws Exception {
        waitUntil(() -> vm.run().snapshotProperty().get() != null);
        robot.interact(() -> robot.lookup("#playButton").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#explainPane").tryQuery().isPresent());
        assertTrue(robot.lookup("#learningRateField").tryQuery().isEmpty(), "the panel has the settings' place");
        assertTrue(robot.lookup("#playButton").tryQuery().isPresent(), "Play stays");

        // a click on a training point chooses it
        Dataset train = vm.data().dataProperty().get().train();
        Canvas canvas = window.controller().canvas();
        double[] px = window.controller().canvasView().canvasPoint(train.x1(0), train.x2(0));
        Point2D onScreen = canvas.localToScreen(px[0], px[1]);
        robot.clickOn(onScreen);
        waitUntil(() -> window.explain().model().numbersProperty().get() != null);
        Numbers n = window.explain().model().numbersProperty().get();
        assertEquals(train.label(0), n.point().label());
        assertEquals(train.x1(0), n.x1());
        assertNotNull(window.controller().canvasView().marker());
        String point = robot.lookup("#explainPoint").queryAs(Label.class).getText();
        assertTrue(point.contains("train point"), point);

        // the diagram's link shows the numbers where they live; the panel's box follows it
        if (window.diagram().isCollapsed()) { // folded by itself in a narrow window: open it by hand
            robot.interact(() -> robot.lookup("#diagramCollapse").queryButton().fire());
        }
        waitUntil(() -> window.diagram().unitNodes().length == 3);
        for (int tries = 0; tries < 40 && !robot.lookup("#diagramInfo").queryAs(Label.class).getText()
                .contains("for the point"); tries++) {
            // the picture may still be on its way: point away and at the link again until it answers
            robot.moveTo("#explainPoint");
            robot.moveTo(window.diagram().linkMiddleOnScreen(0, 1, 2));
            WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        }
        String info = robot.lookup("#diagramInfo").queryAs(Label.class).getText();
        assertTrue(info.startsWith("W¹"), info); // the links cross: whichever the pointer is on
        assertTrue(info.contains("for the batch; one step makes it"), info);
        waitUntil(() -> window.explain().focusLines().stream().anyMatch(l -> l.startsWith("∂L/∂W1")));

        // Apply one update, then Undo: the network is back to the bit
        Network before = vm.run().snapshotProperty().get().network();
        Network after = n.batch().after();
        waitUntil(() -> !robot.lookup("#explainApply").queryButton().isDisabled());
        // low in the panel, scrolled out of sight at this size: pressed as a key press on it would
        robot.interact(() -> robot.lookup("#explainApply").queryButton().fire());
        waitUntil(() -> vm.run().snapshotProperty().get().network().sameBits(after));
        waitUntil(() -> !robot.lookup("#explainUndo").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#explainUndo").queryButton().fire());
        waitUntil(() -> vm.run().snapshotProperty().get().network().sameBits(before));

        robot.clickOn("#explainClose");
        waitUntil(() -> robot.lookup("#explainPane").tryQuery().isEmpty());
        assertTrue(robot.lookup("#learningRateField").tryQuery().isPresent());
        assertNull(window.controller().canvasView().marker());
    }

    @Test
    void theGradientStepLessonOpensThePanelOnTutorial000sNetwork(FxRobot robot) throws Exception {
        waitUntil(() -> vm.run().snapshotProperty().get() != null);
        robot.interact(() -> window.classroom().startLesson(
                org.boundarylab.lessons.BuiltInLessons.byId(Explain.LESSON_ID)));
        waitUntil(() -> robot.lookup("#explainPane").tryQuery().isPresent());
        waitUntil(() -> vm.run().snapshotProperty().get() != null
                && vm.run().snapshotProperty().get().network().architecture().toString().startsWith("2-5-3-1 tanh"));
        robot.interact(() -> window.explain().table().getSelectionModel().select(0));
        waitUntil(() -> window.explain().model().numbersProperty().get() != null
                && window.explain().model().numbersProperty().get().point().depth() == 3);
        assertEquals(800, window.explain().model().numbersProperty().get().batch().rows());
    }
}
