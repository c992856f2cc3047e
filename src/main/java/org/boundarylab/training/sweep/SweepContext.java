package org.boundarylab.training.sweep;

import java.util.Objects;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;

/**
 * What a sweep runs on, taken from the lab at the moment Run is pressed: the current training and
 * test data and every setting of the main view (the sweep then varies one of them).
 *
 * @param test may be empty (no test share): test columns are then NaN
 */
public record SweepContext(Dataset train, Dataset test, RunSettings base) {

    public SweepContext {
        Objects.requireNonNull(train, "training data");
        Objects.requireNonNull(base, "run settings");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the training set is empty");
        }
    }

    /** Tutorial 001's setup: 200 moons with noise 0.2, tested on 200 fresh moons; 2-h-2 tanh/softmax, lr 2.0, L2 5e-5. */
    public static SweepContext tutorial001() {
        return new SweepContext(Generators.moons(200, 0.2, 0), Generators.moons(200, 0.2, 1), RunSettings.tutorial001());
    }
}
