package org.boundarylab.training.sweep;

import org.boundarylab.nn.Network;

/**
 * One finished run of a sweep. Losses are the mean per-example loss without the weight penalty,
 * so train and test loss are measured on the same scale. {@code network} is the trained network
 * for the first seed of each setting (the one shown as a thumbnail) and null for the others, to
 * keep memory small.
 *
 * @param epochs   epochs actually trained (fewer than asked when the run diverged)
 * @param diverged the weights or a loss stopped being finite numbers (the run is then never a
 *                 sweep's best, and summaries count it apart)
 */
public record SweepResult(int settingIndex, double setting, String settingLabel, int seedIndex, long seed,
                          double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                          long epochs, double seconds, boolean diverged, Network network) {

    public boolean hasNetwork() {
        return network != null;
    }
}
