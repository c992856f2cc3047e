package org.boundarylab.training.sweep;

import org.boundarylab.nn.Network;

/**
 * One finished run of a sweep. Losses are the mean per-example loss without the weight penalty,
 * so train and test loss are measured on the same scale. {@code network} is the trained network
 * for the first seed of each setting (the one shown as a thumbnail) and null for the others, to
 * keep memory small.
 *
 * @param epochs epochs actually trained (fewer than asked when the run diverged)
 */
public record SweepResult(int settingIndex, double setting, String settingLabel, int seedIndex, long seed,
                          double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                          long epochs, double seconds, boolean diverged, Network network) {

    public boolean hasNetwork() {
        return network != null;
    }
}
