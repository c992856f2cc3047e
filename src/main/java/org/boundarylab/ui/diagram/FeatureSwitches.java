package org.boundarylab.ui.diagram;

import java.util.List;
import javafx.scene.control.CheckBox;
import org.boundarylab.nn.Feature;
import org.boundarylab.nn.Features;
import org.boundarylab.ui.LabViewModel;

/**
 * The input switches above the diagram: one check box per feature, ticked while the lab uses
 * it. The lab's features are the truth (New in the File menu and restored settings set them
 * too), so the boxes follow them; a click asks the lab for the change and says what it does,
 * or why it was refused (the last input stays), until another run starts.
 */
final class FeatureSwitches {
    private final LabViewModel vm;
    private final List<CheckBox> boxes;
    private final InfoLine info;
    /** True while a click changes the inputs, whose result the info line then says. */
    private boolean switching;

    FeatureSwitches(LabViewModel vm, List<CheckBox> boxes, InfoLine info) {
        this.vm = vm;
        this.boxes = boxes;
        this.info = info;
        for (CheckBox box : boxes) {
            box.setOnAction(e -> switchFeature((Feature) box.getUserData(), box));
        }
        vm.form().featuresProperty().addListener((o, a, b) -> follow());
        // a run not started by a click here (New, a lesson, a workspace, other settings): what a
        // click said it did is no longer what the lab shows
        vm.run().generationProperty().addListener((o, a, b) -> {
            if (!switching) {
                info.greet();
            }
        });
        follow();
    }

    private void follow() {
        Features f = vm.form().featuresProperty().get();
        for (CheckBox box : boxes) {
            box.setSelected(f.contains((Feature) box.getUserData()));
        }
    }

    private void switchFeature(Feature f, CheckBox box) {
        switching = true;
        try {
            vm.form().featuresProperty().set(vm.form().featuresProperty().get().with(f, box.isSelected()));
            info.say(box.isSelected() ? f.label() + " is now an input; training starts again."
                    : f.label() + " is no longer an input; training starts again.");
        } catch (IllegalArgumentException e) {
            box.setSelected(true);
            info.say(e.getMessage() + ".");
        } finally {
            switching = false;
        }
    }
}
