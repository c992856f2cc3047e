package org.boundarylab.workspace;

import org.boundarylab.data.Dataset;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Network;

/**
 * Everything the lab needs to continue where a student stopped: the settings, the data actually
 * in use (generated, imported or drawn by hand, so it is stored point by point rather than
 * regenerated from the settings), the network as trained so far, its history and epoch count.
 */
public record Workspace(LabSettings settings, Dataset train, Dataset test, Network network,
                        TrainingHistory history, long epoch) {

    public Workspace {
        if (settings == null || train == null || test == null || network == null) {
            throw new IllegalArgumentException("a workspace needs settings, train and test data and a network");
        }
        if (train.classes() != test.classes()) {
            throw new IllegalArgumentException("train data has " + train.classes() + " classes but test data has "
                    + test.classes());
        }
        if (history == null) {
            history = new TrainingHistory();
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }

    /**
     * Whether {@code other} is the same lab: settings, points, epoch and every parameter of the
     * network. The loss history is left out: the same network at the same epoch has the same
     * one (a lab fills it in a moment after the rest). Compares values, so it costs a pass over
     * the parameters and points, not a serialisation.
     */
    public boolean sameLabAs(Workspace other) {
        return epoch == other.epoch && settings.equals(other.settings) && train.equals(other.train)
                && test.equals(other.test) && network.architecture().equals(other.network.architecture())
                && network.maxAbsDifference(other.network) == 0;
    }
}
