package org.boundarylab.ui;

import org.boundarylab.ui.app.LabWindow;

import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import org.boundarylab.ui.InputRules.Field;

/**
 * Takes the README's screenshot of the real window: moons, the tutorial's 5,3 network, a few
 * hundred epochs. Run headless through Monocle:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ... 
 * org.boundarylab.ui.LabScreenshot docs/screenshot-lab.png 400}.
 */
public final class LabScreenshot {
    private LabScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "docs/screenshot-lab.png");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String hidden = args.length > 2 ? args[2] : "5,3";
        String kind = args.length > 3 ? args[3] : "moons";
        String classes = args.length > 4 ? args[4] : "3";
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLab(null, w -> {
            LabViewModel model = w.controller().viewModel();
            model.form().datasetProperty().set(org.boundarylab.data.DatasetKind.parse(kind));
            model.form().textProperty(Field.HIDDEN_LAYERS).set(hidden);
            model.form().textProperty(Field.CLASSES).set(classes);
            if (!kind.equals("moons")) {
                model.form().outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
            }
        });
        LabViewModel vm = window.controller().viewModel();
        for (int i = 0; i < epochs; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(1500); // a few pulses: the frame is evaluated on the pool, then drawn
        WritableImage shot = ScreenshotSupport.snapshot(window);
        ScreenshotSupport.writePng(shot, out);
        System.out.println("wrote " + out + " (" + (int) shot.getWidth() + "x" + (int) shot.getHeight()
                + ") after " + vm.status().epochTextProperty().get() + " epochs, test accuracy "
                + vm.status().testAccuracyTextProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
