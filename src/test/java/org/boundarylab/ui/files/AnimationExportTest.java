package org.boundarylab.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.training.NetworkTimeline;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.workspace.AnimationGif;
import org.boundarylab.workspace.GifFrames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export > Animation: the run's kept networks as a GIF, written in the background, cancellable. */
@ExtendWith(ApplicationExtension.class)
class AnimationExportTest {
    private static final Network NET = Initializer.GLOROT.create(
            Architecture.of(2, new int[] {3}, 1, Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 1);
    @TempDir
    Path dir;
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

    @Test
    void framesAreSpreadEvenlyOverTheRangeEachOnceAndEndAtTheLast() {
        NetworkTimeline kept = new NetworkTimeline(NET.architecture().parameterCount());
        for (long e = 0; e <= 100; e += 10) {
            kept.add(new TrainingSnapshot(e, NET, 1, 1, 0.5, 0.5, 0, false));
        }
        List<AnimationGif.Frame> frames = AnimationExport.pick(kept, 0, 100, 6);
        assertEquals(List.of(0L, 20L, 40L, 60L, 80L, 100L), frames.stream().map(AnimationGif.Frame::epoch).toList());
        List<AnimationGif.Frame> many = AnimationExport.pick(kept, 0, 100, 50);
        assertEquals(11, many.size(), "no kept network twice");
        assertEquals(100, many.get(many.size() - 1).epoch());
        assertEquals(List.of(30L, 50L), AnimationExport.pick(kept, 30, 55, 2).stream()
                .map(AnimationGif.Frame::epoch).toList(), "the last frame is the network kept at or before To");
    }

    @Test
    void theDialogSaysWhatIsWrongWithTheRange() {
        assertEquals("", AnimationExport.problem("0", "300", "60", 300));
        assertEquals("The epochs must run from 0 to 300, From before To.", AnimationExport.problem("10", "5", "60", 300));
        assertEquals("The epochs must run from 0 to 300, From before To.", AnimationExport.problem("0", "301", "60", 300));
        assertEquals("Frames: 2 to 500.", AnimationExport.problem("0", "300", "1", 300));
        assertEquals("From, To and Frames are whole numbers.", AnimationExport.problem("0", "x", "60", 300));
    }

    @Test
    void theRunIsWrittenAsAGifAndCancelLeavesNothing(FxRobot robot) throws Exception {
        robot.interact(() -> {
            for (int i = 0; i < 40; i++) {
                window.viewModel().run().step();
            }
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.viewModel().run().session().timeline().latestEpoch() == 40);
        Path gif = dir.resolve("run.gif");
        var written = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Boolean>>();
        robot.interact(() -> written.set(window.files().exportAnimation(gif, 0, 40, 5, true)));
        assertTrue(written.get().get(60, TimeUnit.SECONDS));
        GifFrames frames = GifFrames.read(gif);
        assertEquals(5, frames.size());
        assertTrue(frames.comments().get(0).startsWith("epoch=0 "), frames.comments().get(0));
        assertTrue(frames.comments().get(4).startsWith("epoch=40 "), frames.comments().get(4));

        Path cancelled = dir.resolve("cancelled.gif");
        robot.interact(() -> {
            written.set(window.files().exportAnimation(cancelled, 0, 40, 41, true));
            window.files().cancelAnimation();
        });
        assertFalse(written.get().get(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(cancelled));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(gif), listing.toList(), "no temporary file left");
        }
    }
}
