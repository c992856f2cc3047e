package org.boundarylab.ui;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
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

    /** Writes a snapshot as PNG, making the folder if needed. */
    public static void writePng(WritableImage image, File out) throws IOException {
        out.getAbsoluteFile().getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
    }
}
