package org.boundarylab.training.sweep;

/**
 * How far a sweep has got. {@code fraction} counts work (epochs weighted by the size of each
 * network and training set), not runs, so a width-50 run weighs more than a width-1 run and
 * the remaining time does not jump when a big run finishes.
 *
 * @param remainingSeconds estimate from the rate so far; NaN until some work is done
 */
public record SweepProgress(int finishedRuns, int totalRuns, double fraction, double elapsedSeconds,
                            double remainingSeconds) {

    public static SweepProgress start(int totalRuns) {
        return new SweepProgress(0, totalRuns, 0, 0, Double.NaN);
    }

    /** "1 min 05 s left", "12 s left", or "" when there is no estimate yet. */
    public String remainingText() {
        if (!Double.isFinite(remainingSeconds)) {
            return "";
        }
        long s = Math.round(Math.max(0, remainingSeconds));
        if (s >= 3600) {
            return String.format("%d h %02d min left", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%d min %02d s left", s / 60, s % 60);
        }
        return s + " s left";
    }
}
