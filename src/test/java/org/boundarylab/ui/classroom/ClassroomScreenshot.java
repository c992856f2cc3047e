package org.boundarylab.ui.classroom;

import org.boundarylab.ui.ViewOptions;

import javafx.stage.Stage;

import org.boundarylab.ui.ScreenshotSupport;
import java.io.File;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.LabViewModel;

/**
 * Takes the README's classroom screenshots of the real window, headless through Monocle:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ...
 * org.boundarylab.ui.classroom.ClassroomScreenshot OUT.png MODE LESSON EPOCHS} where MODE is
 * {@code lesson} (normal size), {@code presentation} or {@code presentation-dark} (1024x768),
 * any of them with {@code -sweep} (the Sweep tab after a small hidden-size sweep),
 * or any of them followed by {@code -help} (the shortcut list alone),
 * and EPOCHS is where the lesson's run is shown (0 = played to the lesson's end); an optional
 * fifth argument, a node id such as {@code #learningRateField}, gets the keyboard focus.
 */
public final class ClassroomScreenshot {
    private ClassroomScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "docs/screenshot-lesson.png");
        String mode = args.length > 1 ? args[1] : "lesson";
        Lesson lesson = BuiltInLessons.byId(args.length > 2 ? args[2] : "sigmoid-5000-epochs");
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 1500;
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLabWith((Stage stage, LabWindow w) -> {
            Classroom c = w.classroom();
            if (mode.startsWith("presentation")) {
                c.viewOptions().presentationProperty().set(true);
            }
            if (mode.startsWith("presentation") || mode.contains("1024")) {
                stage.setWidth(1024);
                stage.setHeight(768);
            }
            if (mode.contains("dark")) {
                c.viewOptions().themeProperty().set(ViewOptions.Theme.DARK);
            }
        }, w -> w.classroom().startLesson(lesson));
        Scene scene = window.root().getScene();
        LabViewModel vm = window.controller().viewModel();
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        if (epochs == 0) {
            ScreenshotSupport.onFx(vm.run()::play);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                AtomicReference<Boolean> playing = new AtomicReference<>();
                ScreenshotSupport.onFx(() -> playing.set(vm.run().playingProperty().get()));
                if (!playing.get()) {
                    break;
                }
                Thread.sleep(100);
            }
        } else {
            for (int i = 0; i < epochs; i++) {
                vm.run().step().get(10, TimeUnit.SECONDS);
            }
        }
        if (mode.contains("sweep")) { // the Sweep tab after tutorial 001's hidden sizes, 2 seeds, 2000 epochs
            var sweep = window.sweep().view().controller().model();
            ScreenshotSupport.onFx(() -> {
                window.controller().select(window.sweep().tab());
                sweep.valuesProperty().set("1,2,3,4,5,20,50");
                sweep.seedsProperty().set(2);
                sweep.epochsProperty().set("2000");
            });
            Thread.sleep(300);
            ScreenshotSupport.onFx(() -> ((javafx.scene.control.Button) scene.getRoot().lookup("#runButton")).fire());
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < end) {
                Thread.sleep(300);
                AtomicReference<Boolean> done = new AtomicReference<>();
                ScreenshotSupport.onFx(() -> done.set(sweep.runner().isPresent() && sweep.runner().get().isDone()
                        && !sweep.runningProperty().get()));
                if (done.get()) {
                    break;
                }
            }
        }
        if (args.length > 4) { // e.g. #learningRateField: shows the focus ring
            ScreenshotSupport.onFx(() -> scene.getRoot().lookup(args[4]).requestFocus());
        }
        Thread.sleep(1500); // a few pulses: the frame is evaluated on the pool, then drawn
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        if (mode.endsWith("help")) { // the shortcut list over the window
            ScreenshotSupport.onFx(() -> window.classroom().showHelp());
            Thread.sleep(500);
            ScreenshotSupport.onFx(() -> shot.set(window.classroom().showHelp().table().getScene().snapshot(null)));
        } else {
            shot.set(ScreenshotSupport.snapshot(window));
        }
        ScreenshotSupport.writePng(shot.get(), out);
        System.out.println("wrote " + out + " (" + (int) shot.get().getWidth() + "x" + (int) shot.get().getHeight()
                + ") " + mode + ", lesson " + lesson.id() + " at epoch " + vm.status().epochTextProperty().get()
                + ", train " + vm.status().trainAccuracyTextProperty().get() + ", test " + vm.status().testAccuracyTextProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
