package org.boundarylab.ui.app;

import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.boundarylab.ui.ScreenshotSupport;
import org.boundarylab.ui.ViewOptions;

/**
 * Screenshots of everything the theme colours, headless through Monocle:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ...
 * org.boundarylab.ui.app.ThemeScreenshot OUT_DIR [light|dark]} writes {@code lab.png} (the lab with
 * its diagram), {@code explain.png} (the Explain panel on a point), {@code sweep.png} (the Sweep
 * tab), {@code about.png} (Help > About) and {@code report.png} (the classification report) there.
 */
public final class ThemeScreenshot {
    private ThemeScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "target/theme");
        boolean dark = args.length < 2 || args[1].equals("dark");
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLabWith((Stage stage, LabWindow w) -> {
            if (dark) {
                w.viewOptions().themeProperty().set(ViewOptions.Theme.DARK);
            }
        }, w -> { });
        var vm = window.viewModel();
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 200; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(1500);
        ScreenshotSupport.writePng(ScreenshotSupport.snapshot(window), new File(dir, "lab.png"));

        ScreenshotSupport.onFx(() -> {
            window.explain().open();
            window.explain().choose(0.5, 0.25);
        });
        Thread.sleep(1200);
        ScreenshotSupport.writePng(ScreenshotSupport.snapshot(window), new File(dir, "explain.png"));
        ScreenshotSupport.onFx(() -> window.explain().close());

        ScreenshotSupport.onFx(() -> window.controller().select(window.sweep().tab()));
        Thread.sleep(800);
        ScreenshotSupport.writePng(ScreenshotSupport.snapshot(window), new File(dir, "sweep.png"));
        ScreenshotSupport.onFx(() -> window.controller().selectLab());

        for (String id : args.length > 2 ? args[2].split(",") : new String[] {"aboutItem", "reportButton"}) {
            ScreenshotSupport.onFx(() -> {
                var node = window.root().lookup("#" + id);
                if (node instanceof javafx.scene.control.Button b) {
                    b.fire();
                } else {
                    window.controller().help().getItems().stream().filter(i -> id.equals(i.getId()))
                            .findFirst().ifPresent(javafx.scene.control.MenuItem::fire);
                }
            });
            Thread.sleep(800);
            java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                    new java.util.concurrent.atomic.AtomicReference<>();
            ScreenshotSupport.onFx(() -> {
                for (Window w : Window.getWindows()) {
                    if (w != window.scene().getWindow() && w.getScene() != null && !(w instanceof javafx.stage.PopupWindow)) {
                        shot.set(w.getScene().snapshot(null));
                        ((Stage) w).close();
                    }
                }
            });
            if (shot.get() != null) {
                ScreenshotSupport.writePng(shot.get(), new File(dir, id + ".png"));
            }
        }
        System.out.println("wrote " + dir);
        Platform.exit();
        System.exit(0);
    }
}
