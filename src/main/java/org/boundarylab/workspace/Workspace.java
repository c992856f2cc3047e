package org.boundarylab.workspace;

import java.util.List;
import org.boundarylab.data.Dataset;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.TrainerState;

/**
 * Everything the lab needs to continue where a student stopped: the settings, the data actually
 * in use (generated, imported or drawn by hand, so it is stored point by point rather than
 * regenerated from the settings), the network as trained so far, its history and epoch count,
 * and what the trainer carries into the next epoch (the optimiser's memory, the mini-batch
 * shuffle), so that training on after opening gives the losses it would have given unsaved.
 *
 * @param trainer  null for a run whose trainer starts afresh from the network (a diverged run,
 *                 or a file saved without it); then momentum, Adam and mini-batch runs continue
 *                 with fresh optimiser memory
 * @param timeline networks of earlier epochs kept for rewinding, oldest first, all before or at
 *                 {@code epoch}; may be empty
 */
public record Workspace(LabSettings settings, Dataset train, Dataset test, Network network,
                        TrainingHistory history, long epoch, TrainerState trainer, List<Frame> timeline) {

    /** The network at an earlier epoch, with that epoch's figures (NaN when unknown). */
    public record Frame(long epoch, Network network, double trainLoss, double testLoss, double trainAccuracy,
                        double testAccuracy) {
    }

    /** A workspace without kept earlier networks. */
    public Workspace(LabSettings settings, Dataset train, Dataset test, Network network, TrainingHistory history,
                     long epoch, TrainerState trainer) {
        this(settings, train, test, network, history, epoch, trainer, List.of());
    }

    /**
     * The largest epoch count a workspace holds: far beyond any run (a billion epochs of the
     * smallest network take hours), small enough that counting on from it never overflows.
     */
    public static final long MAX_EPOCH = 1_000_000_000_000L;

    /** A workspace whose trainer starts afresh from the network. */
    public Workspace(LabSettings settings, Dataset train, Dataset test, Network network, TrainingHistory history,
                     long epoch) {
        this(settings, train, test, network, history, epoch, null, List.of());
    }

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
        if (epoch < 0 || epoch > MAX_EPOCH) {
            throw new IllegalArgumentException("epoch must be from 0 to " + MAX_EPOCH + ", got " + epoch);
        }
        if (!network.architecture().equals(settings.architecture(train.classes()))) {
            throw new IllegalArgumentException("the network is " + network.architecture() + " but the settings and "
                    + train.classes() + " classes describe " + settings.architecture(train.classes()));
        }
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        long previous = -1;
        for (Frame f : timeline) {
            if (f.epoch() <= previous || f.epoch() > epoch) {
                throw new IllegalArgumentException("kept networks must come in increasing epochs up to " + epoch
                        + ", got epoch " + f.epoch() + " after " + previous);
            }
            if (!f.network().architecture().equals(network.architecture())) {
                throw new IllegalArgumentException("the kept network of epoch " + f.epoch() + " is "
                        + f.network().architecture() + ", not " + network.architecture());
            }
            previous = f.epoch();
        }
        if (trainer != null && trainer.optimizer() != settings.optimizer()) {
            throw new IllegalArgumentException("the trainer state is " + trainer.optimizer() + "'s but the settings use "
                    + settings.optimizer());
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

    /** The same workspace with the trainer's state (or none). */
    public Workspace withTrainer(TrainerState state) {
        return new Workspace(settings, train, test, network, history, epoch, state, timeline);
    }

    /** The same workspace with these earlier networks kept for rewinding. */
    public Workspace withTimeline(List<Frame> frames) {
        return new Workspace(settings, train, test, network, history, epoch, trainer, frames);
    }
}
