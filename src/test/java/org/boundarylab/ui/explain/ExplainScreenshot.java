package org.boundarylab.ui.explain;

import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.ui.ExplainedPoint;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.ScreenshotSupport;
import org.boundarylab.ui.ViewOptions;
import org.boundarylab.ui.app.LabWindow;

/**
 * A screenshot of the Explain panel on tutorial 000's network, headless through Monocle:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ...
 * org.boundarylab.ui.explain.ExplainScreenshot OUT.png [WIDTHxHEIGHT] [light|dark] [normal|presentation]}.
 * It starts the lesson "One gradient step by hand", trains to its epoch 300, explains training
 * point 1 and points at the link W²₁₁ in the diagram (with the diagram folded, in the panel).
 */
public final class ExplainScreenshot {
    private ExplainScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "docs/screenshot-explain.png");
        String[] size = (args.length > 1 ? args[1] : "1280x800").split("x");
        boolean dark = args.length > 2 && args[2].equals("dark");
        boolean presentation = args.length > 3 && args[3].equals("presentation");
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLabWith((Stage stage, LabWindow w) -> {
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            w.viewOptions().themeProperty().set(dark ? ViewOptions.Theme.DARK : ViewOptions.Theme.LIGHT);
            w.viewOptions().presentationProperty().set(presentation);
        }, w -> w.classroom().startLesson(BuiltInLessons.byId(Explain.LESSON_ID)));
        LabViewModel vm = window.viewModel();
        for (int i = 0; i < 300; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(800);
        ScreenshotSupport.onFx(() -> window.explain().table().getSelectionModel().select(0));
        Thread.sleep(1500);
        ScreenshotSupport.onFx(() -> {
            if (!window.diagram().isCollapsed()) {
                Point2D p = window.diagram().linkMiddleOnScreen(1, 0, 0);
                new Robot().mouseMove(p.getX(), p.getY());
            } else {
                window.explain().model().shared().pointerProperty().set(ExplainedPoint.Pointer.link(1, 0, 0));
            }
        });
        Thread.sleep(1000);
        ScreenshotSupport.writePng(ScreenshotSupport.snapshot(window), out);
        System.out.println("wrote " + out + " at epoch " + vm.status().epochTextProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
