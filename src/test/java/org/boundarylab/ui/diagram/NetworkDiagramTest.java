package org.boundarylab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.LabViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The network diagram in the real lab window, driven with the pointer, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class NetworkDiagramTest {
    private LabWindow window;
    private LabViewModel vm;
    private NetworkDiagram diagram;

    @Start
    void start(Stage stage) {
        window = LabApp.load();
        stage.setScene(LabApp.scene(window));
        stage.show();
        vm = window.controller().viewModel();
        diagram = window.diagram();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> window.controller().shutdown());
        FxToolkit.cleanupStages();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    /** Sets the hidden layers and waits until the diagram shows that network. */
    private void network(FxRobot robot, String hidden, int... layers) throws Exception {
        robot.interact(() -> vm.form().textProperty(Field.HIDDEN_LAYERS).set(hidden));
        waitUntil(() -> shows(layers));
    }

    private boolean shows(int... layers) {
        StackPane[][] nodes = diagram.unitNodes();
        if (nodes.length != layers.length) {
            return false;
        }
        for (int l = 0; l < layers.length; l++) {
            if (nodes[l].length != layers[l]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void foldsAwayWhileTheWindowIsTooNarrowAndOpensAgainWhenItIsWide(FxRobot robot) throws Exception {
        Stage stage = (Stage) window.root().getScene().getWindow();
        robot.interact(() -> stage.setWidth(1024)); // a projector: the panel would run past the edge
        waitUntil(diagram::isCollapsed);
        double edge = window.root().getScene().getWidth();
        javafx.scene.Node panel = window.controller().diagramPane();
        assertTrue(panel.localToScene(panel.getLayoutBounds()).getMaxX() <= edge + 0.5,
                "the folded panel lies inside the window");
        robot.interact(() -> stage.setWidth(1280)); // the headless screen is 1280 wide
        waitUntil(() -> !diagram.isCollapsed());
    }

    @Test
    void aFoldTheUserChoseStaysWhenTheWindowWidens(FxRobot robot) throws Exception {
        robot.clickOn("#diagramCollapse");
        assertTrue(diagram.isCollapsed());
        Stage stage = (Stage) window.root().getScene().getWindow();
        robot.interact(() -> stage.setWidth(1100));
        robot.interact(() -> stage.setWidth(1280));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // some pulses, each of which may refit
        assertTrue(diagram.isCollapsed(), "only a fold made to fit is undone by widening");
        robot.clickOn("#diagramCollapse");
        assertTrue(!diagram.isCollapsed());
    }

    private WritableImage canvasShot(FxRobot robot) {
        Canvas canvas = robot.lookup("#boundaryCanvas").queryAs(Canvas.class);
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(canvas.snapshot(null, null)));
        return shot.get();
    }

    private static int differentPixels(WritableImage a, WritableImage b) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) Math.min(a.getHeight(), b.getHeight()); y += 2) {
            for (int x = 0; x < (int) Math.min(a.getWidth(), b.getWidth()); x += 2) {
                if (pa.getArgb(x, y) != pb.getArgb(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void showsOneNodePerUnitOfA53Network(FxRobot robot) throws Exception {
        network(robot, "5,3", 2, 5, 3, 1);
        assertEquals(11, robot.lookup(".diagram-unit").queryAll().size());
        assertEquals(2, robot.lookup(".diagram-unit.input").queryAll().size());
        assertEquals(8, robot.lookup(".diagram-unit.hidden").queryAll().size());
        assertEquals(1, robot.lookup(".diagram-unit.output").queryAll().size());
        // a layer wider than the diagram shows ends in a summary instead of overflowing
        network(robot, "40", 2, DiagramLayout.MAX_SHOWN - 1, 1);
        assertEquals("+" + (40 - DiagramLayout.MAX_SHOWN + 1) + " more",
                robot.lookup("#more-1").queryAs(Label.class).getText());
    }

    @Test
    void pointingAtAHiddenUnitShowsItsMapOnTheCanvasAndClickingPinsIt(FxRobot robot) throws Exception {
        network(robot, "5,3", 2, 5, 3, 1);
        robot.moveTo("#playButton");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage output = canvasShot(robot);

        robot.moveTo("#unit-1-2");
        waitUntil(() -> differentPixels(output, canvasShot(robot)) > 2000);
        assertTrue(robot.lookup("#diagramInfo").queryAs(Label.class).getText().startsWith("h1.3: bias"),
                robot.lookup("#diagramInfo").queryAs(Label.class).getText());

        robot.moveTo("#playButton"); // away: the output comes back
        waitUntil(() -> differentPixels(output, canvasShot(robot)) < 50);

        robot.clickOn("#unit-1-2");
        robot.moveTo("#playButton");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(differentPixels(output, canvasShot(robot)) > 2000, "the pinned map stays");
        robot.clickOn("#unit-1-2");
        robot.moveTo("#playButton");
        waitUntil(() -> differentPixels(output, canvasShot(robot)) < 50);
    }

    @Test
    void pinningAUnitByNameMarksItAsAClickWould(FxRobot robot) throws Exception {
        network(robot, "5,3", 2, 5, 3, 1);
        robot.interact(() -> diagram.pin(1, 2));
        assertEquals(List.of("#unit-1-2"), pinnedUnits(robot));
        robot.interact(() -> diagram.pin(2, 0));
        assertEquals(List.of("#unit-2-0"), pinnedUnits(robot), "one unit is pinned at a time");
        robot.interact(diagram::unpin);
        assertEquals(List.of(), pinnedUnits(robot));
        AtomicReference<Throwable> refused = new AtomicReference<>();
        robot.interact(() -> {
            try {
                diagram.pin(1, 5);
            } catch (IllegalArgumentException e) {
                refused.set(e);
            }
        });
        assertTrue(refused.get() != null, "a unit the diagram does not show cannot be pinned");
    }

    @Test
    void thePinnedFrameStaysWhenThePanelIsResizedAndGoesWhenItFolds(FxRobot robot) throws Exception {
        network(robot, "5,3", 2, 5, 3, 1);
        robot.interact(() -> diagram.pin(1, 2));
        StackPane[][] before = diagram.unitNodes();
        Stage stage = (Stage) window.root().getScene().getWindow();
        robot.interact(() -> stage.setHeight(stage.getHeight() - 60)); // a shorter body: the boxes are built again
        waitUntil(() -> diagram.unitNodes() != before);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("#unit-1-2"), pinnedUnits(robot));

        robot.clickOn("#diagramCollapse");
        robot.clickOn("#diagramCollapse");
        assertEquals(List.of(), pinnedUnits(robot), "folding lets go of the pin");
    }

    private static List<String> pinnedUnits(FxRobot robot) {
        return robot.lookup(".diagram-unit.pinned").queryAll().stream().map(n -> "#" + n.getId()).toList();
    }

    @Test
    void aWeightTypedOnALinkChangesThePrediction(FxRobot robot) throws Exception {
        network(robot, "5,3", 2, 5, 3, 1);
        TrainingSnapshot before = vm.run().snapshotProperty().get();
        double[][] probe = {{0.5, 0.25}, {-1, 1}, {2, -0.5}};
        double[][] predictedBefore = before.network().predict(probe);

        AtomicReference<Point2D> at = new AtomicReference<>();
        robot.interact(() -> at.set(diagram.linkMiddleOnScreen(2, 1, 0)));
        robot.moveTo(at.get());
        String expected = "Weight h2.2 → output: " + ParameterInput.format(before.network().weight(2, 1, 0));
        waitUntil(() -> robot.lookup("#diagramInfo").queryAs(Label.class).getText().startsWith(expected));
        robot.doubleClickOn(at.get());
        TextField field = robot.lookup("#diagramEditField").queryAs(TextField.class);
        waitUntil(field::isVisible);
        assertEquals(before.network().weight(2, 1, 0), Double.parseDouble(field.getText()), 1e-3);

        robot.eraseText(field.getText().length() + 2).write("abc").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#diagramEditError").queryAs(Label.class).getText().contains("'abc' is not a number"));
        assertEquals(before, vm.run().snapshotProperty().get(), "an invalid value changes nothing");

        robot.push(KeyCode.END).eraseText(3).write("-7.5").push(KeyCode.ENTER);
        waitUntil(() -> vm.run().snapshotProperty().get() != before);
        Network after = vm.run().snapshotProperty().get().network();
        assertEquals(-7.5, after.weight(2, 1, 0));
        assertEquals(before.epoch(), vm.run().snapshotProperty().get().epoch());
        double[][] predictedAfter = after.predict(probe);
        assertNotEquals(predictedBefore[0][0], predictedAfter[0][0]);
        assertNotEquals(predictedBefore[1][0], predictedAfter[1][0]);

        // a bias through its unit, likewise
        robot.doubleClickOn("#unit-3-0");
        waitUntil(field::isVisible);
        robot.push(KeyCode.END).eraseText(field.getText().length() + 2).write("3").push(KeyCode.ENTER);
        waitUntil(() -> vm.run().snapshotProperty().get().network().bias(2, 0) == 3.0);
    }

    @Test
    void followsTheRunOnlyWhileItsPanelIsInTheWindow(FxRobot robot) throws Exception {
        network(robot, "5,3", 2, 5, 3, 1);
        StackPane slot = window.controller().diagramPane();
        List<Node> panel = new ArrayList<>(slot.getChildren());
        robot.interact(() -> slot.getChildren().clear());
        robot.interact(() -> vm.form().textProperty(Field.HIDDEN_LAYERS).set("4"));
        waitUntil(() -> vm.run().snapshotProperty().get().network().architecture().layers().length == 3);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // pulses enough to have taken a new picture
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shows(2, 5, 3, 1), "out of the window, the diagram takes no pictures");
        robot.interact(() -> slot.getChildren().setAll(panel));
        waitUntil(() -> shows(2, 4, 1));
    }

    @Test
    void featureSwitchesChangeTheNumberOfInputs(FxRobot robot) throws Exception {
        network(robot, "5,3", 2, 5, 3, 1);
        robot.clickOn("#feature-x1_squared");
        robot.clickOn("#feature-x2_squared");
        waitUntil(() -> shows(4, 5, 3, 1));
        assertEquals(Features.parse("x1,x2,x1^2,x2^2"), vm.form().featuresProperty().get());
        assertEquals(4, vm.run().snapshotProperty().get().network().architecture().inputs());
        assertEquals(4, robot.lookup(".diagram-unit.input").queryAll().size());
        assertEquals("47", robot.lookup("#parametersLabel").queryAs(Label.class).getText());

        robot.clickOn("#feature-x1").clickOn("#feature-x2").clickOn("#feature-x1_squared");
        waitUntil(() -> shows(1, 5, 3, 1));
        robot.clickOn("#feature-x2_squared"); // the last input stays
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#feature-x2_squared").queryAs(CheckBox.class).isSelected());
        assertTrue(robot.lookup("#diagramInfo").queryAs(Label.class).getText().contains("at least one input"));
        assertEquals(Features.parse("x2^2"), vm.form().featuresProperty().get());
    }

    @Test
    void whatASwitchSaidIsGoneAfterNew(FxRobot robot) throws Exception {
        Label info = robot.lookup("#diagramInfo").queryAs(Label.class);
        for (boolean backOff : new boolean[] {false, true}) {
            robot.clickOn("#feature-x2_squared");
            if (backOff) {
                robot.clickOn("#feature-x2_squared"); // the inputs are the start's again: New changes none
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(info.getText().startsWith("x2²"), info.getText());
            robot.interact(() -> window.files().newLab());
            assertEquals(Features.DEFAULT, vm.form().featuresProperty().get());
            assertEquals(InfoLine.GREETING, info.getText(), "New starts the line afresh");
        }
    }
}
