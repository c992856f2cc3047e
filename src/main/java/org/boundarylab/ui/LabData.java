package org.boundarylab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Generators;
import org.boundarylab.data.Split;
import org.boundarylab.ui.InputRules.Field;

/**
 * The points the lab trains and tests on: the generator's, split by the form's settings, or
 * custom ones (drawn, imported, opened from a file), which stay until data settings change.
 */
public final class LabData {
    private final ReadOnlyObjectWrapper<Split> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper custom = new ReadOnlyBooleanWrapper(false);

    public ReadOnlyObjectProperty<Split> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** True while the data is not what the generator settings give (drawn, imported or opened points). */
    public ReadOnlyBooleanProperty customDataProperty() {
        return custom.getReadOnlyProperty();
    }

    Split get() {
        return data.get();
    }

    /** Sets the points; custom first, so that listeners of the data see them as custom. */
    void set(Split split, boolean isCustom) {
        custom.set(isCustom);
        data.set(split);
    }

    /** The generator's data for the form's settings, split and cut to the lesson's first N training points. */
    static Split generated(LabForm form) {
        int samples = form.intValue(Field.SAMPLES);
        long seed = form.longValue(Field.DATA_SEED);
        Dataset all = generate(form, samples, seed);
        int fresh = form.testPoints();
        if (fresh > 0) {
            // tutorial 001's way: every sample trains, fresh points of the same distribution test
            return withTrainSubset(new Split(all, generate(form, fresh, Generators.freshTestSeed(seed))),
                    form.trainSubset());
        }
        double share = form.doubleValue(Field.TEST_SHARE);
        return withTrainSubset(Split.stratified(all, share, seed), form.trainSubset());
    }

    private static Dataset generate(LabForm form, int samples, long seed) {
        DatasetKind kind = form.datasetProperty().get();
        double noise = form.noiseProperty().get();
        if (LabForm.hasClassCount(kind)) {
            int classes = form.intValue(Field.CLASSES);
            return kind == DatasetKind.GAUSSIAN ? Generators.gaussian(samples, classes, noise, seed)
                    : Generators.spirals(samples, classes, noise, seed);
        }
        return Generators.generate(kind, samples, noise, seed);
    }

    private static Split withTrainSubset(Split split, int first) {
        Dataset train = split.train();
        if (first <= 0 || first >= train.size()) {
            return split;
        }
        int[] rows = new int[first];
        for (int r = 0; r < first; r++) {
            rows[r] = r;
        }
        return new Split(train.subset(rows), split.test());
    }
}
