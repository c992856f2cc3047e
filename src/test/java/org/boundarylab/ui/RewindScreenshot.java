package org.boundarylab.ui;

import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.image.WritableImage;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.app.LabWindow;

/**
 * The README's picture of a run being rewound: a wide network on noisy moons trained past its
 * best test epoch, then looked at back at an earlier epoch, with the epoch axis in log scale.
 * Arguments: output PNG, epochs to train, epoch to look back at.
 */
public final class RewindScreenshot {
    private RewindScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "docs/screenshot-rewind.png");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        long back = args.length > 2 ? Long.parseLong(args[2]) : 300;
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLab(null, w -> {
            LabViewModel model = w.controller().viewModel();
            model.form().textProperty(Field.HIDDEN_LAYERS).set("8,8,8");
            model.form().textProperty(Field.SAMPLES).set("120");
            model.form().noiseProperty().set(0.35);
            model.form().textProperty(Field.TEST_SHARE).set("0.5");
        });
        LabViewModel vm = window.controller().viewModel();
        for (int i = 0; i < epochs; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(800);
        Platform.runLater(() -> {
            ((CheckBox) window.scene().lookup("#logEpochsCheck")).setSelected(true);
            vm.run().view(back);
        });
        Thread.sleep(1500); // a few pulses: the frame is evaluated on the pool, then drawn
        WritableImage shot = ScreenshotSupport.snapshot(window);
        ScreenshotSupport.writePng(shot, out);
        System.out.println("wrote " + out + " looking at epoch " + vm.run().viewedEpochProperty().get() + " of "
                + vm.run().liveEpochProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
