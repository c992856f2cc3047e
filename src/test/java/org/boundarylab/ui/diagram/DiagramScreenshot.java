package org.boundarylab.ui.diagram;

import org.boundarylab.ui.ScreenshotSupport;
import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.nn.Features;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.LabViewModel;

/**
 * A screenshot of the lab window with the network diagram, headless through Monocle:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ...
 * org.boundarylab.ui.diagram.DiagramScreenshot out.png <epochs> <hidden> <dataset> <features> [layer unit]},
 * e.g. {@code docs/screenshot-diagram.png 400 4 circles x1,x2,x1^2,x2^2 1 2} pins unit 2 of layer 1,
 * whose map then fills the main canvas; {@code collapsed} in place of the layer folds the panel away.
 */
public final class DiagramScreenshot {
    private DiagramScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "docs/screenshot-diagram.png");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String hidden = args.length > 2 ? args[2] : "5,3";
        String kind = args.length > 3 ? args[3] : "moons";
        String features = args.length > 4 ? args[4] : "x1,x2";
        boolean collapsed = args.length > 5 && args[5].equals("collapsed");
        int pinLayer = args.length > 6 ? Integer.parseInt(args[5]) : -1;
        int pinUnit = args.length > 6 ? Integer.parseInt(args[6]) : -1;
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLab(null, w -> {
            LabViewModel model = w.controller().viewModel();
            model.form().datasetProperty().set(DatasetKind.parse(kind));
            model.form().textProperty(Field.HIDDEN_LAYERS).set(hidden);
            model.form().featuresProperty().set(Features.parse(features));
        });
        LabViewModel vm = window.controller().viewModel();
        for (int i = 0; i < epochs; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(1000);
        if (collapsed) {
            ScreenshotSupport.onFx(() -> ((javafx.scene.control.Button) window.root().lookup("#diagramCollapse")).fire());
            Thread.sleep(800);
        }
        if (pinLayer >= 0) {
            NetworkDiagram d = window.diagram();
            ScreenshotSupport.onFx(() -> d.pin(pinLayer, pinUnit));
            Thread.sleep(1000);
        }
        WritableImage shot = ScreenshotSupport.snapshot(window);
        ScreenshotSupport.writePng(shot, out);
        System.out.println("wrote " + out + " after " + vm.status().epochTextProperty().get() + " epochs, test accuracy "
                + vm.status().testAccuracyTextProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
