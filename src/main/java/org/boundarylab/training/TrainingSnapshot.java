package org.boundarylab.training;

import org.boundarylab.nn.Network;

/**
 * What a training run looked like after {@code epoch} updates. Immutable in practice: the
 * network is a private copy that nobody trains further, so any thread may read it.
 *
 * @param epoch           updates done
 * @param network         a copy of the parameters after those updates (the last finite one
 *                        when the run has diverged)
 * @param trainLoss       training loss of that network, including the penalty
 * @param testLoss        test loss of that network (NaN without test data)
 * @param trainAccuracy   fraction of training points classified correctly
 * @param testAccuracy    the same on the test points (NaN without test data)
 * @param epochsPerSecond recent training speed
 * @param diverged        the loss or a parameter became NaN or infinite; the run has stopped
 */
public record TrainingSnapshot(long epoch, Network network, double trainLoss, double testLoss,
                               double trainAccuracy, double testAccuracy, double epochsPerSecond,
                               boolean diverged) {

    /** Train accuracy minus test accuracy: how much the network fits what it will not see again. */
    public double accuracyGap() {
        return trainAccuracy - testAccuracy;
    }
}
