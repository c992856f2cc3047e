package org.boundarylab.nn;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@link Trainer} carries from one epoch to the next besides the weights: the update
 * rule's memory and the mini-batch shuffle. A run saved with it and trained on gives the very
 * losses the run would have given had it never stopped.
 *
 * @param optimizer    the rule the state belongs to
 * @param steps        updates the rule has made (Adam's bias correction counts them)
 * @param moments      the rule's per-parameter memory, each shaped like the network: none for
 *                     gradient descent, the velocity for momentum, the first and second moment
 *                     for Adam
 * @param shuffleState the shuffle's 48-bit random state
 * @param order        the example order the last shuffle left (the next one permutes it further);
 *                     null when training full-batch, which never shuffles
 */
public record TrainerState(Optimizer.Kind optimizer, long steps, List<Network> moments, long shuffleState,
                           int[] order) {

    public TrainerState {
        if (optimizer == null || moments == null) {
            throw new IllegalArgumentException("a trainer state needs its optimizer and moments");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        int expected = momentsOf(optimizer);
        if (moments.size() != expected) {
            throw new IllegalArgumentException(optimizer + " keeps " + expected + " moment(s), got " + moments.size());
        }
        moments = moments.stream().map(Network::copy).toList();
        order = order == null ? null : order.clone();
    }

    /** How many network-shaped moments the rule keeps. */
    public static int momentsOf(Optimizer.Kind kind) {
        return switch (kind) {
            case GD, SGD -> 0;
            case MOMENTUM -> 1;
            case ADAM -> 2;
        };
    }

    @Override
    public List<Network> moments() {
        return moments.stream().map(Network::copy).toList();
    }

    @Override
    public int[] order() {
        return order == null ? null : order.clone();
    }

    /** Whether the other state is the same to the bit. */
    public boolean sameAs(TrainerState o) {
        if (o == null || optimizer != o.optimizer || steps != o.steps || shuffleState != o.shuffleState
                || !Arrays.equals(order, o.order) || moments.size() != o.moments.size()) {
            return false;
        }
        for (int k = 0; k < moments.size(); k++) {
            Network a = moments.get(k);
            Network b = o.moments.get(k);
            if (!a.architecture().equals(b.architecture()) || !a.sameBits(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainerState s && sameAs(s);
    }

    @Override
    public String toString() {
        return optimizer + " after " + steps + " steps, " + moments.size() + " moment(s), shuffle " + shuffleState
                + (order == null ? "" : ", order of " + order.length);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(optimizer, steps, shuffleState, Arrays.hashCode(order), moments.size());
    }
}
