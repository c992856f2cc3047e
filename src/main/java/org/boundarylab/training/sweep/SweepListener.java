package org.boundarylab.training.sweep;

import java.util.List;

/**
 * Hears a sweep's progress. Called on worker threads, one call at a time (the runner serialises
 * them), so an implementation needs no locking of its own but must hand work for a UI thread over
 * to it itself.
 */
public interface SweepListener {
    /** A run finished (cancelled runs are not reported). */
    void runFinished(SweepResult result, SweepProgress progress);

    /** Work was done inside a run; called every few hundred epochs. */
    default void progressed(SweepProgress progress) {
    }

    /** Every run finished or was cancelled; results in setting/seed order. */
    default void sweepFinished(List<SweepResult> results, boolean cancelled) {
    }
}
