package org.boundarylab.training;

import org.boundarylab.nn.Network;
import org.boundarylab.nn.TrainerState;

/**
 * A run held still for saving: the network after {@code epoch} updates and what its trainer
 * carries into the next epoch, taken together so that the two belong to the same moment.
 *
 * @param trainer null when the run has diverged: the network is then the last finite one shown,
 *                and the trainer's state belongs to the non-finite weights that followed it
 */
public record Checkpoint(long epoch, Network network, TrainerState trainer) {
}
