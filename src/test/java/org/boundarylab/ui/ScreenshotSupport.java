package org.boundarylab.ui;

import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** What every screenshot tool needs: the toolkit started, work run on the FX thread, a PNG written. */
public final class ScreenshotSupport {
    private ScreenshotSupport() {
    }

    /** Starts JavaFX without an Application and waits until it runs. */
    public static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /** Runs r on the FX thread and waits for it. */
    public static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /**
     * Opens the lab window on the FX thread and waits: {@code beforeShow} gets the stage with its
     * scene set (to size it or set view options), {@code afterShow} the shown window (to fill its
     * fields). Either may be null.
     */
    public static LabWindow openLab(Consumer<Stage> beforeShow, Consumer<LabWindow> afterShow)
            throws InterruptedException {
        return openLabWith(beforeShow == null ? null : (stage, w) -> beforeShow.accept(stage), afterShow);
    }

    /** As above, with the window (its view options, its features) beside the stage before it shows. */
    public static LabWindow openLabWith(java.util.function.BiConsumer<Stage, LabWindow> beforeShow,
                                    Consumer<LabWindow> afterShow) throws InterruptedException {
        AtomicReference<LabWindow> window = new AtomicReference<>();
        onFx(() -> {
            LabWindow w = LabApp.load();
            Stage stage = new Stage();
            stage.setScene(LabApp.scene(w));
            if (beforeShow != null) {
                beforeShow.accept(stage, w);
            }
            stage.show();
            if (afterShow != null) {
                afterShow.accept(w);
            }
            window.set(w);
        });
        return window.get();
    }

    /** A snapshot of the window's whole scene, taken on the FX thread. */
    public static WritableImage snapshot(LabWindow window) throws InterruptedException {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        onFx(() -> shot.set(window.root().getScene().snapshot(null)));
        return shot.get();
    }

    /** Writes a snapshot as PNG, making the folder if needed. */
    public static void writePng(WritableImage image, File out) throws IOException {
        out.getAbsoluteFile().getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
    }
}
