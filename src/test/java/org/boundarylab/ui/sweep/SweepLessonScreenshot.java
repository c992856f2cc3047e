package org.boundarylab.ui.sweep;

import java.io.File;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.ui.ScreenshotSupport;
import org.boundarylab.ui.app.LabWindow;

/**
 * The README's picture of a sweep lesson: the lesson started from the menu, its sweep run in the
 * Sweep tab to the end (Run pressed as a teacher would), then the whole window. Headless:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw ...
 * org.boundarylab.ui.sweep.SweepLessonScreenshot docs/sweep-lesson.png [lesson-id]}.
 */
public final class SweepLessonScreenshot {
    private SweepLessonScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "docs/sweep-lesson.png");
        Lesson lesson = BuiltInLessons.byId(args.length > 1 ? args[1] : "hidden-size-sweep");
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLabWith((stage, w) -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        }, w -> w.classroom().startLesson(lesson));
        SweepController sweep = window.sweep().view().controller();
        ScreenshotSupport.onFx(() -> sweep.focusRun());
        ScreenshotSupport.onFx(() -> sweep.pressRun());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            AtomicReference<Boolean> running = new AtomicReference<>();
            ScreenshotSupport.onFx(() -> running.set(sweep.model().runningProperty().get()
                    || sweep.model().findingProperty().get().isEmpty()));
            if (!running.get()) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        shot.set(ScreenshotSupport.snapshot(window));
        ScreenshotSupport.writePng(shot.get(), out);
        AtomicReference<String> finding = new AtomicReference<>();
        ScreenshotSupport.onFx(() -> finding.set(sweep.model().findingProperty().get()));
        System.out.println("wrote " + out + ": " + finding.get());
        Platform.exit();
        System.exit(0);
    }
}
