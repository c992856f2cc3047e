package org.boundarylab.training;

/**
 * Which epochs a run at full speed logs into its history: every epoch up to
 * {@value #ROWS_PER_DOUBLING} × 2, then every 2nd up to twice that, every 4th up to twice that
 * again, and so on. Each doubling of the run's length adds {@value #ROWS_PER_DOUBLING} rows, so
 * any run has at least that many and the early epochs (where the curve bends) are all there,
 * while measuring costs a vanishing share of a long run. A paced run logs every epoch.
 */
public final class LogSchedule {
    /** Rows each doubling of the epoch count adds, and the least a run of that length has. */
    public static final int ROWS_PER_DOUBLING = 1000;

    private LogSchedule() {
    }

    /** Epochs between logged rows around {@code epoch}: a power of two, 1 up to epoch 2 × {@value #ROWS_PER_DOUBLING}. */
    public static long stride(long epoch) {
        long ratio = epoch / ROWS_PER_DOUBLING;
        return ratio < 2 ? 1 : Long.highestOneBit(ratio);
    }

    /** Whether the figures after {@code epoch} epochs are logged. */
    public static boolean due(long epoch) {
        return epoch % stride(epoch) == 0;
    }
}
