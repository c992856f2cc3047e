package org.boundarylab.ui.draw;

import org.boundarylab.ui.DataEditor;

import org.boundarylab.ui.ScreenshotSupport;
import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.files.FileActions;

/**
 * A screenshot of the lab with data drawn by hand: the canvas cleared, two classes painted as
 * strokes (an inner ring and an outer ring), a few test points, then some epochs. Run headless
 * like {@code LabScreenshot}: {@code ... org.boundarylab.ui.draw.DrawScreenshot docs/screenshot-draw.png 600}.
 */
public final class DrawScreenshot {
    private DrawScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "docs/screenshot-draw.png");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        ScreenshotSupport.startToolkit();
        LabWindow window = ScreenshotSupport.openLab(null, null);
        Scene scene = window.root().getScene();
        Thread.sleep(500);
        ScreenshotSupport.onFx(() -> {
            LabViewModel vm = window.controller().viewModel();
            vm.form().textProperty(org.boundarylab.ui.InputRules.Field.HIDDEN_LAYERS).set("6");
            vm.form().textProperty(org.boundarylab.ui.InputRules.Field.LEARNING_RATE).set("0.5");
            DataEditor editor = window.files().editor();
            ((javafx.scene.control.ToggleButton) scene.lookup("#drawToggle")).setSelected(true);
            editor.clear();
            // an inner ring of class 0 and an outer ring of class 1, painted as strokes
            ring(editor, 0, 0.5, 16, 0);
            ring(editor, 1, 1.3, 26, 0.3);
            editor.toTestSetProperty().set(true);
            ring(editor, 0, 0.7, 5, 0.5);
            ring(editor, 1, 1.1, 7, 1.0);
            editor.toTestSetProperty().set(false);
            editor.selectedClassProperty().set(1);
        });
        LabViewModel vm = window.controller().viewModel();
        for (int i = 0; i < epochs; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(1500); // a few pulses: the frame is evaluated on the pool, then drawn
        if (args.length > 2 && args[2].equals("sweep")) {
            // the Sweep tab after a small width sweep of the drawn data
            ScreenshotSupport.onFx(() -> {
                javafx.scene.control.TabPane tabs = window.controller().tabs();
                org.boundarylab.ui.sweep.SweepController sweep = window.sweep().view().controller();
                tabs.getSelectionModel().select(1);
                sweep.model().valuesProperty().set("1,2,3,6,20");
                sweep.model().seedsProperty().set(3);
                sweep.model().epochsProperty().set("600");
                ((javafx.scene.control.Button) scene.lookup("#runButton")).fire();
            });
            Thread.sleep(15000);
        }
        WritableImage shot = ScreenshotSupport.snapshot(window);
        ScreenshotSupport.writePng(shot, out);
        System.out.println("wrote " + out + " after " + vm.status().epochTextProperty().get() + " epochs, train "
                + vm.status().trainAccuracyTextProperty().get() + ", test " + vm.status().testAccuracyTextProperty().get());
        Platform.exit();
        System.exit(0);
    }

    private static void ring(DataEditor editor, int cls, double r, int n, double phase) {
        editor.selectedClassProperty().set(cls);
        for (int i = 0; i <= n; i++) {
            double a = phase + 2 * Math.PI * i / n;
            double wobble = 1 + 0.08 * Math.sin(5 * a);
            if (i == 0) {
                editor.beginStroke(r * wobble * Math.cos(a), r * wobble * Math.sin(a));
            } else if (i < n) {
                editor.strokeTo(r * wobble * Math.cos(a), r * wobble * Math.sin(a), 0);
            }
        }
        editor.endStroke();
    }
}
