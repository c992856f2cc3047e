package org.boundarylab.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.boundarylab.lessons.LabSettings;

/**
 * Which controls of the lab view (by fx:id) show each lesson setting, so that locking a
 * setting disables exactly the controls that could change it. A setting without a control of
 * its own (the training subset) maps to none: nothing in the window can change it.
 */
public final class LockedControls {
    private static final Map<String, List<String>> CONTROLS = new LinkedHashMap<>();

    static {
        CONTROLS.put("dataset", List.of("datasetChoice"));
        CONTROLS.put("samples", List.of("samplesField"));
        CONTROLS.put("noise", List.of("noiseSlider"));
        CONTROLS.put("test_ratio", List.of("testShareField"));
        CONTROLS.put("data_seed", List.of("dataSeedField", "regenerateButton"));
        CONTROLS.put("train_subset", List.of());
        CONTROLS.put("hidden", List.of("hiddenLayersField"));
        CONTROLS.put("hidden_activation", List.of("activationChoice"));
        // one choice holds the output activation and the loss; the output count follows it
        CONTROLS.put("output_activation", List.of("outputChoice"));
        CONTROLS.put("output_units", List.of("outputChoice"));
        CONTROLS.put("loss", List.of("outputChoice"));
        CONTROLS.put("initializer", List.of("initializerChoice"));
        CONTROLS.put("weight_seed", List.of("weightSeedField"));
        CONTROLS.put("learning_rate", List.of("learningRateField"));
        CONTROLS.put("l2", List.of("l2Field"));
        CONTROLS.put("l1", List.of("l1Field"));
        CONTROLS.put("optimizer", List.of("optimizerChoice"));
        CONTROLS.put("batch_size", List.of("batchSizeField"));
        CONTROLS.put("epochs", List.of("stopAtField"));
        CONTROLS.put("redraw_every", List.of("redrawEveryField"));
        CONTROLS.put("test_points", List.of("testShareField"));
        if (!CONTROLS.keySet().equals(Set.copyOf(LabSettings.SETTING_NAMES))) {
            throw new IllegalStateException("the lock map must name every lesson setting");
        }
    }

    private LockedControls() {
    }

    /** The fx:ids of the controls that show a setting (empty for none). */
    public static List<String> controlsOf(String settingName) {
        List<String> ids = CONTROLS.get(settingName);
        if (ids == null) {
            throw new IllegalArgumentException("no lesson setting '" + settingName + "'");
        }
        return ids;
    }

    /** The fx:ids of every control locked by the given settings, sorted. */
    public static Set<String> controlsOf(Set<String> settingNames) {
        Set<String> ids = new TreeSet<>();
        for (String s : settingNames) {
            ids.addAll(controlsOf(s));
        }
        return ids;
    }

    /** Every control a lesson can lock. */
    public static Set<String> allControls() {
        return controlsOf(CONTROLS.keySet());
    }
}
