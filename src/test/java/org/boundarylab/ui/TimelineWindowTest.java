package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
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

/** Pace and rewind in the real window: slow enough to watch, fast when asked, and any epoch back on screen. */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
    private LabWindow window;

    @Start
    void start(Stage stage) {
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

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long epoch() {
        return window.controller().viewModel().run().snapshotProperty().get().epoch();
    }

    @Test
    void theSlowestPaceIsWatchableAndTheFastestRunsThousands(FxRobot robot) throws Exception {
        Slider pace = node(robot, "#speedSlider", Slider.class);
        robot.interact(() -> pace.setValue(pace.getMin()));
        assertTrue(window.controller().viewModel().run().paceProperty().get() <= 2, "at most 2 epochs a second");
        robot.clickOn("#playButton");
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        robot.clickOn("#playButton");
        Button play = node(robot, "#playButton", Button.class);
        waitUntil(10, () -> play.getText().equals("Play"));
        long slow = epoch();
        assertTrue(slow >= 1 && slow <= 10, "3 s at the slowest pace: " + slow + " epochs");
        // every epoch was drawn and logged
        assertEquals(slow + 1, window.controller().viewModel().run().history().rows().size());

        robot.interact(() -> pace.setValue(pace.getMax()));
        assertEquals("max", node(robot, "#paceLabel", Label.class).getText());
        robot.clickOn("#playButton");
        waitUntil(60, () -> epoch() >= 3000);
        robot.clickOn("#playButton");
        waitUntil(10, () -> play.getText().equals("Play"));
        assertTrue(epoch() >= 3000, "thousands of epochs at max: " + epoch());
    }

    @Test
    void stepDoesExactlyOneEpochAtAnyPace(FxRobot robot) throws Exception {
        Slider pace = node(robot, "#speedSlider", Slider.class);
        robot.interact(() -> pace.setValue(pace.getMin()));
        for (int i = 1; i <= 3; i++) {
            robot.clickOn("#stepButton");
            int expected = i;
            waitUntil(10, () -> epoch() == expected);
        }
        assertEquals("3", node(robot, "#epochLabel", Label.class).getText());
    }

    @Test
    void scrubbingToEpochZeroShowsTheEpochZeroPictureAndLiveReturns(FxRobot robot) throws Exception {
        Canvas canvas = node(robot, "#boundaryCanvas", Canvas.class);
        BoundaryCanvasView view = window.controller().canvasView();
        waitUntil(10, () -> view.shownEpoch() == 0);
        int[] atZero = pixels(robot, canvas);

        steps(robot, 40);
        waitUntil(20, () -> epoch() == 40 && view.shownEpoch() == 40);
        assertFalse(java.util.Arrays.equals(atZero, pixels(robot, canvas)), "40 epochs move the boundary");

        Slider timeline = node(robot, "#timelineSlider", Slider.class);
        Label epochLabel = node(robot, "#epochLabel", Label.class);
        assertEquals(40.0, timeline.getMax());
        assertEquals("live", node(robot, "#timelineLabel", Label.class).getText());
        robot.interact(() -> timeline.setValue(0));
        waitUntil(10, () -> epochLabel.getText().equals("0") && view.shownEpoch() == 0);
        assertEquals("epoch 0 of 40", node(robot, "#timelineLabel", Label.class).getText());
        assertArrayEquals(atZero, pixels(robot, canvas), "the epoch-0 boundary, pixel for pixel");
        assertFalse(node(robot, "#liveButton", Button.class).isDisabled());

        robot.interact(() -> timeline.setValue(17));
        waitUntil(10, () -> epochLabel.getText().equals("17") && view.shownEpoch() == 17);

        robot.clickOn("#liveButton");
        waitUntil(10, () -> epochLabel.getText().equals("40") && view.shownEpoch() == 40);
        assertEquals("live", node(robot, "#timelineLabel", Label.class).getText());
        assertEquals(40.0, timeline.getValue());
    }

    @Test
    void continuingFromAnEarlierEpochDiscardsTheRestAfterAsking(FxRobot robot) throws Exception {
        LabRun run = window.controller().viewModel().run();
        steps(robot, 30);
        waitUntil(20, () -> epoch() == 30);
        String lossAt10 = String.valueOf(run.history().rowAt(10).trainLoss());
        Slider timeline = node(robot, "#timelineSlider", Slider.class);
        robot.interact(() -> timeline.setValue(10));
        waitUntil(10, () -> epoch() == 10);

        window.controller().timeline().confirmWith(q -> false);
        robot.clickOn("#continueHereButton");
        assertEquals(30, run.liveEpochProperty().get(), "kept: the user said no");

        AtomicReference<String> asked = new AtomicReference<>();
        window.controller().timeline().confirmWith(q -> {
            asked.set(q);
            return true;
        });
        robot.clickOn("#continueHereButton");
        assertEquals("Train on from epoch 10? The 20 epochs after it (their loss curve and networks) are discarded.",
                asked.get());
        waitUntil(10, () -> epoch() == 10 && !run.isLookingBack());
        assertEquals(10, run.history().latest().epoch());
        assertEquals(lossAt10, String.valueOf(run.history().latest().trainLoss()));
        robot.clickOn("#stepButton");
        waitUntil(10, () -> epoch() == 11);
        assertEquals(11.0, timeline.getMax());
        // plain gradient descent goes on exactly as the first time
        assertNotEquals(null, run.history().rowAt(11));
    }

    @Test
    void theBestTestEpochIsOneClickAway(FxRobot robot) throws Exception {
        LabRun run = window.controller().viewModel().run();
        steps(robot, 20);
        waitUntil(20, () -> epoch() == 20);
        long best = run.history().lowestTestLoss().epoch();
        robot.clickOn("#bestEpochButton");
        waitUntil(10, () -> epoch() == best);
        assertEquals((double) best, node(robot, "#timelineSlider", Slider.class).getValue());
        robot.type(javafx.scene.input.KeyCode.END);
        waitUntil(10, () -> epoch() == 20);
    }

    /** {@code n} epochs, one Step each (queued on the run's thread in order). */
    private void steps(FxRobot robot, int n) {
        robot.interact(() -> {
            for (int i = 0; i < n; i++) {
                window.controller().viewModel().run().step();
            }
        });
    }

    private static int[] pixels(FxRobot robot, Canvas canvas) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(canvas.snapshot(null, null)));
        WritableImage img = shot.get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }
}
