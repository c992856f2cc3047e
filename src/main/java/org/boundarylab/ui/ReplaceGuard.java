package org.boundarylab.ui;

import java.util.function.Predicate;

/**
 * Whether the lab may be replaced now (by a lesson, an opened file, a sweep's network): the
 * File actions decide, asking about unsaved work; until they are in place, it may.
 */
public final class ReplaceGuard {
    private Predicate<String> decider = next -> true;

    /** Sets who decides; {@code next} names what would replace the lab, for the question. */
    public void decideWith(Predicate<String> decider) {
        this.decider = decider == null ? next -> true : decider;
    }

    /** False when the user chose to keep the lab. */
    public boolean mayReplaceLab(String next) {
        return decider.test(next);
    }
}
