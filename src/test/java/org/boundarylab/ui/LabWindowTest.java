package org.boundarylab.ui;

import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.nn.Activation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real lab window, driven through its controls, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {
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

    private static <T extends javafx.scene.Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField field = node(robot, id, TextField.class);
        // focus rather than click: a field low in the settings column may be scrolled out of sight
        robot.interact(field::requestFocus);
        robot.push(KeyCode.END).eraseText(field.getText().length());
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.push(KeyCode.ENTER); // applies the field (one that starts the run again waits for it)
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types into a field one key at a time, with no Enter, while the pause that applies it never ends. */
    private void typeWithoutApplying(FxRobot robot, String id, String text) {
        robot.interact(() -> window.controller().setApplyPause(javafx.util.Duration.hours(1)));
        TextField field = node(robot, id, TextField.class);
        robot.interact(field::requestFocus);
        robot.push(KeyCode.END).eraseText(field.getText().length());
        for (char c : text.toCharArray()) {
            robot.write(c);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, field.getText());
    }

    @Test
    void aNumberIsTakenWhenTheTypingIsDoneNeverInTheMiddle(FxRobot robot) throws Exception {
        LabViewModel vm = window.viewModel();
        java.util.List<Integer> made = new java.util.ArrayList<>(); // the training points of each new data
        robot.interact(() -> vm.data().dataProperty().addListener((o, a, split) -> made.add(split.train().size()
                + split.test().size())));
        typeWithoutApplying(robot, "#samplesField", "12000");
        assertEquals(java.util.List.of(), made, "no data while typing 1, 12, 120, 1200");
        assertEquals("400", vm.form().textProperty(InputRules.Field.SAMPLES).get());
        // the pause in typing ends (a test makes it end now rather than wait for it)
        robot.interact(() -> window.controller().setApplyPause(javafx.util.Duration.millis(20)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !made.isEmpty());
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of(12000), made, "one new data set, of the number typed");

        // 100000 is more than the lab makes: never 10,000 points on the way, and the reason when typed
        typeWithoutApplying(robot, "#samplesField", "100000");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of(12000), made);
        assertTrue(node(robot, "#messageLabel", Label.class).getText().startsWith("Samples"));
        assertTrue(node(robot, "#playButton", Button.class).isDisabled());
    }

    @Test
    void enterInAFieldAppliesItAndDoesNotPlay(FxRobot robot) {
        LabViewModel vm = window.viewModel();
        typeWithoutApplying(robot, "#hiddenLayersField", "5,3");
        assertEquals("4", vm.form().textProperty(InputRules.Field.HIDDEN_LAYERS).get());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5,3", vm.form().textProperty(InputRules.Field.HIDDEN_LAYERS).get());
        assertEquals("37", node(robot, "#parametersLabel", Label.class).getText(), "the 2-5-3-1 network");
        assertFalse(vm.run().playingProperty().get(), "Enter in a field is not Play");
        assertTrue(node(robot, "#hiddenLayersField", TextField.class).isFocused());
        // a field that retunes takes its text as typed; Enter there does not play either
        typeWithoutApplying(robot, "#learningRateField", "0.5");
        assertEquals("0.5", vm.form().textProperty(InputRules.Field.LEARNING_RATE).get());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.run().playingProperty().get());
        // leaving a field applies it too
        typeWithoutApplying(robot, "#samplesField", "300");
        robot.interact(() -> node(robot, "#playButton", Button.class).requestFocus());
        assertEquals("300", vm.form().textProperty(InputRules.Field.SAMPLES).get());
        assertEquals(300, vm.data().dataProperty().get().train().size() + vm.data().dataProperty().get().test().size());
    }

    private static double percent(FxRobot robot, String id) {
        String t = node(robot, id, Label.class).getText();
        return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.NaN;
    }

    private static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Test
    void opensOnMoonsReadyToPlay(FxRobot robot) {
        assertEquals(DatasetKind.MOONS, node(robot, "#datasetChoice", ChoiceBox.class).getValue());
        Button play = node(robot, "#playButton", Button.class);
        assertEquals("Play", play.getText());
        assertFalse(play.isDisabled());
        assertEquals("0", node(robot, "#epochLabel", Label.class).getText());
        assertEquals("Lab", node(robot, "#tabs", TabPane.class).getTabs().get(0).getText());
        Canvas canvas = node(robot, "#boundaryCanvas", Canvas.class);
        assertTrue(canvas.getWidth() > 300 && canvas.getHeight() > 200,
                "canvas fills its pane: " + canvas.getWidth() + "x" + canvas.getHeight());
        for (String id : new String[] {"#samplesField", "#noiseSlider", "#hiddenLayersField", "#activationChoice",
            "#learningRateField", "#stepButton", "#resetButton", "#lossChart", "#trainAccuracyLabel",
            "#testAccuracyLabel", "#trainLossLabel", "#testLossLabel"}) {
            assertTrue(robot.lookup(id).tryQuery().isPresent(), id);
        }
    }

    @Test
    void theCanvasFollowsTheWindowSize(FxRobot robot) throws Exception {
        Canvas canvas = node(robot, "#boundaryCanvas", Canvas.class);
        // with the network diagram open the centre is already near its minimum width; fold it away
        robot.clickOn("#diagramCollapse");
        WaitForAsyncUtils.waitForFxEvents();
        double before = canvas.getWidth();
        robot.interact(() -> stage.setWidth(stage.getWidth() - 200));
        waitUntil(5, () -> Math.abs(canvas.getWidth() - (before - 200)) < 1);
        BoundaryCanvasView view = window.controller().canvasView();
        double aspect = view.shownView().width() / view.shownView().height();
        double plotAspect = (canvas.getWidth() - 66) / (canvas.getHeight() - 54);
        assertEquals(plotAspect, aspect, 1e-6, "x1 and x2 keep the same scale after the resize");
    }

    @Test
    void theTutorialNetworkLearnsMoonsAndTheCanvasShowsBothClasses(FxRobot robot) throws Exception {
        type(robot, "#hiddenLayersField", "5,3");
        assertEquals("37", node(robot, "#parametersLabel", Label.class).getText());
        robot.interact(() -> window.controller().viewModel().form().paceProperty().set(0));
        robot.clickOn("#playButton");
        waitUntil(60, () -> percent(robot, "#testAccuracyLabel") >= 0.95);
        robot.clickOn("#playButton");
        Button play = node(robot, "#playButton", Button.class);
        waitUntil(10, () -> play.getText().equals("Play"));
        assertTrue(percent(robot, "#testAccuracyLabel") >= 0.95);

        // let the last snapshot's picture arrive, then read the canvas in the middle of each moon
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Canvas canvas = node(robot, "#boundaryCanvas", Canvas.class);
        BoundaryCanvasView view = window.controller().canvasView();
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(canvas.snapshot(null, null)));
        double[] upper = view.canvasPoint(0, 1);       // moon of class 0 (orange)
        double[] lower = view.canvasPoint(1, -0.5);    // moon of class 1 (blue)
        double warmUpper = warmth(shot.get().getPixelReader(), upper);
        double warmLower = warmth(shot.get().getPixelReader(), lower);
        assertTrue(warmUpper > 20, "class 0's moon is orange: red - blue = " + warmUpper);
        assertTrue(warmLower < -20, "class 1's moon is blue: red - blue = " + warmLower);
    }

    /** Mean red minus blue over a small square: positive for orange, negative for blue. */
    private static double warmth(PixelReader pixels, double[] at) {
        double sum = 0;
        int n = 0;
        for (int dx = -4; dx <= 4; dx++) {
            for (int dy = -4; dy <= 4; dy++) {
                int argb = pixels.getArgb((int) at[0] + dx, (int) at[1] + dy);
                sum += ((argb >> 16) & 0xFF) - (argb & 0xFF);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void invalidInputDisablesPlayAndSaysWhy(FxRobot robot) {
        Button play = node(robot, "#playButton", Button.class);
        Label message = node(robot, "#messageLabel", Label.class);
        javafx.scene.Parent root = stage.getScene().getRoot();
        type(robot, "#hiddenLayersField", "5,,x");
        assertTrue(play.isDisabled());
        assertTrue(root == stage.getScene().getRoot(), "the first error mark moved the window into a new root");
        TextField hidden = node(robot, "#hiddenLayersField", TextField.class);
        assertFalse(org.controlsfx.control.decoration.Decorator.getDecorations(hidden) == null
                || org.controlsfx.control.decoration.Decorator.getDecorations(hidden).isEmpty(),
                "the field itself is marked");
        assertEquals(message.getText(), hidden.getTooltip().getText());
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains("layer 2") && message.getText().contains("empty"), message.getText());
        java.util.List<javafx.scene.Node> layers = message.getParent().getChildrenUnmodifiable();
        assertTrue(layers.get(layers.size() - 1) == message, "the message lies over the picture's layers, not under");
        type(robot, "#hiddenLayersField", "5,3");
        assertFalse(play.isDisabled());
        type(robot, "#learningRateField", "1e9");
        assertTrue(play.isDisabled());
        assertTrue(message.getText().startsWith("Learning rate"), message.getText());
        type(robot, "#samplesField", "4x0");
        assertTrue(message.getText().startsWith("Samples"), message.getText());
        type(robot, "#samplesField", "400");
        type(robot, "#learningRateField", "0.3");
        assertFalse(play.isDisabled());
        assertFalse(message.isVisible());
    }

    @Test
    void theLossChartSwitchesToALogScale(FxRobot robot) throws Exception {
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#stepButton");
        }
        Label epoch = node(robot, "#epochLabel", Label.class);
        waitUntil(10, () -> epoch.getText().equals("5"));
        LossChart chart = node(robot, "#lossChart", LossChart.class);
        waitUntil(5, () -> chart.plot().size() == 6);
        double linear = chart.plot().trainLow(5);
        assertEquals("loss", chart.plot().yAxisLabel());
        assertEquals(0, chart.plot().yMin(), "a linear loss axis starts at zero");
        robot.clickOn("#logScaleCheck");
        WaitForAsyncUtils.waitForFxEvents();
        double log = chart.plot().trainLow(5);
        assertEquals(Math.log10(linear), log, 1e-12);
        assertEquals("loss (log scale)", chart.plot().yAxisLabel());
    }

    @Test
    void thePaceControlGoesSlowerAndFasterFromTheKeysAndTheSlider(FxRobot robot) throws Exception {
        LabViewModel vm = window.controller().viewModel();
        Label pace = node(robot, "#paceLabel", Label.class);
        javafx.scene.control.Slider slider = node(robot, "#speedSlider", javafx.scene.control.Slider.class);
        assertEquals("50 epochs/s", pace.getText(), "a first start is watchable");
        robot.interact(() -> node(robot, "#playButton", Button.class).requestFocus());
        robot.write("[[");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("20 epochs/s", pace.getText(), "[ twice: two rungs slower");
        robot.interact(() -> slider.setValue(4));
        assertEquals(10.0, vm.run().paceProperty().get());
        assertEquals("10 epochs/s", pace.getText());
        assertEquals(10.0, vm.run().session().pace(), "the running session takes the pace");
        robot.interact(vm.run()::faster);
        assertEquals("20 epochs/s", pace.getText());
        assertEquals(5.0, slider.getValue());
        robot.interact(() -> slider.setValue(slider.getMax()));
        assertEquals(0.0, vm.run().paceProperty().get());
        assertEquals("max", pace.getText());
    }

    @Test
    void divergencePausesWithAMessage(FxRobot robot) throws Exception {
        LabViewModel vm = window.controller().viewModel();
        robot.interact(() -> {
            vm.form().datasetProperty().set(DatasetKind.XOR);
            vm.form().activationProperty().set(Activation.LINEAR);
        });
        type(robot, "#learningRateField", "1000");
        type(robot, "#redrawEveryField", "1");
        robot.clickOn("#playButton");
        Label message = node(robot, "#messageLabel", Label.class);
        waitUntil(30, () -> message.getText().contains("smaller learning rate"));
        Button play = node(robot, "#playButton", Button.class);
        waitUntil(10, () -> play.getText().equals("Play"));
        assertTrue(vm.run().snapshotProperty().get().network().isFinite(), "the last finite network stays on screen");
        assertTrue(node(robot, "#trainLossLabel", Label.class).getText().matches("[0-9.e+-]+"),
                node(robot, "#trainLossLabel", Label.class).getText());
    }

    @Test
    void resetReproducesTheSameRun(FxRobot robot) throws Exception {
        Label epoch = node(robot, "#epochLabel", Label.class);
        Label loss = node(robot, "#trainLossLabel", Label.class);
        for (int i = 1; i <= 8; i++) {
            robot.clickOn("#stepButton");
        }
        waitUntil(10, () -> epoch.getText().equals("8"));
        String first = loss.getText();
        String firstTest = node(robot, "#testLossLabel", Label.class).getText();
        robot.clickOn("#resetButton");
        waitUntil(10, () -> epoch.getText().equals("0"));
        assertNotEquals(first, loss.getText());
        for (int i = 1; i <= 8; i++) {
            robot.clickOn("#stepButton");
        }
        waitUntil(10, () -> epoch.getText().equals("8"));
        assertEquals(first, loss.getText());
        assertEquals(firstTest, node(robot, "#testLossLabel", Label.class).getText());
        assertEquals(String.format(Locale.ROOT, "%.4f", window.controller().viewModel().run().snapshotProperty().get()
                .trainLoss()), loss.getText());
    }

    @Test
    void theClassificationReportIsOneClickAway(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#stepButton");
        }
        Label epoch = node(robot, "#epochLabel", Label.class);
        waitUntil(10, () -> epoch.getText().equals("3"));
        robot.clickOn("#reportButton");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea report = robot.lookup(".report").queryAs(javafx.scene.control.TextArea.class);
        String text = report.getText();
        assertTrue(text.contains("Training set (320 points)") && text.contains("Test set (80 points)"), text);
        assertTrue(text.contains("precision") && text.contains("Confusion matrix"), text);
        robot.interact(() -> ((Stage) report.getScene().getWindow()).close());
    }
}
