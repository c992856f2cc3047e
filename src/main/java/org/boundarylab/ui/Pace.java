package org.boundarylab.ui;

import java.util.Locale;

/**
 * The paces play can run at, slowest first: a log-like ladder from one epoch a second (every
 * step of the boundary in view) to as fast as it goes (0). The pace control moves along it,
 * one rung per key press.
 */
public final class Pace {
    /** Epochs a second; the last rung, 0, is as fast as the machine goes. */
    static final double[] RUNGS = {1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 5000, 0};
    /** The rung of "as fast as it goes". */
    public static final int MAX = RUNGS.length - 1;

    private Pace() {
    }

    /** The pace of rung {@code i} (clamped to the ladder): epochs a second, 0 for max. */
    public static double of(int rung) {
        return RUNGS[Math.max(0, Math.min(MAX, rung))];
    }

    /** The rung nearest to {@code epochsPerSecond} (0 or above the ladder: max). */
    public static int rungOf(double epochsPerSecond) {
        if (epochsPerSecond <= 0 || epochsPerSecond > RUNGS[MAX - 1]) {
            return MAX;
        }
        int best = 0;
        for (int i = 1; i < MAX; i++) {
            if (Math.abs(Math.log(RUNGS[i] / epochsPerSecond)) < Math.abs(Math.log(RUNGS[best] / epochsPerSecond))) {
                best = i;
            }
        }
        return best;
    }

    /** "30 epochs/s", "1 epoch/s" or "max". */
    public static String label(double epochsPerSecond) {
        if (epochsPerSecond <= 0) {
            return "max";
        }
        return String.format(Locale.ROOT, "%,.0f epoch%s/s", epochsPerSecond, epochsPerSecond == 1 ? "" : "s");
    }
}
