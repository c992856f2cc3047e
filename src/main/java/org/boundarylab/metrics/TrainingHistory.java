package org.boundarylab.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The figures of a run epoch by epoch, in bounded memory however long the run: when more than
 * {@code capacity} rows are kept, every second one is dropped and from then on only every
 * {@code stride}-th epoch (relative to the first) is kept, the stride doubling each time. The
 * newest row is always available, so a chart and a saved file end exactly where the run is.
 *
 * <p>Thread-safe: the training thread adds while the UI reads copies.
 */
public final class TrainingHistory {
    public static final int DEFAULT_CAPACITY = 2000;

    /** One logged epoch; losses and accuracies are NaN when unknown (no test data). */
    public record Row(long epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy) {
    }

    private final int capacity;
    private final List<Row> kept = new ArrayList<>();
    private long stride = 1;
    private Row latest;

    public TrainingHistory() {
        this(DEFAULT_CAPACITY);
    }

    public TrainingHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a history keeps at least 2 rows, got capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** A history holding the given rows (already decimated, as read from a file), in epoch order. */
    public static TrainingHistory of(List<Row> rows, int capacity) {
        TrainingHistory h = new TrainingHistory(capacity);
        for (Row r : rows) {
            h.add(r);
        }
        return h;
    }

    /** Adds the row of a later epoch than the last one added. */
    public synchronized void add(Row row) {
        if (latest != null && row.epoch() <= latest.epoch()) {
            throw new IllegalArgumentException("history rows must come in increasing epochs: " + row.epoch()
                    + " after " + latest.epoch());
        }
        latest = row;
        if (kept.isEmpty() || row.epoch() - kept.get(kept.size() - 1).epoch() >= stride) {
            kept.add(row);
            if (kept.size() > capacity) {
                halve();
            }
        }
    }

    public void add(long epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy) {
        add(new Row(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy));
    }

    private void halve() {
        List<Row> half = new ArrayList<>(capacity / 2 + 1);
        for (int k = 0; k < kept.size(); k += 2) {
            half.add(kept.get(k));
        }
        kept.clear();
        kept.addAll(half);
        stride *= 2;
    }

    /** The kept rows plus the newest one, in epoch order; at most {@code capacity + 1} rows. */
    public synchronized List<Row> rows() {
        List<Row> rows = new ArrayList<>(kept);
        if (latest != null && (rows.isEmpty() || rows.get(rows.size() - 1) != latest)) {
            rows.add(latest);
        }
        return Collections.unmodifiableList(rows);
    }

    public synchronized Row latest() {
        return latest;
    }

    public synchronized boolean isEmpty() {
        return latest == null;
    }

    public synchronized void clear() {
        kept.clear();
        latest = null;
        stride = 1;
    }

    public int capacity() {
        return capacity;
    }

    /** Epochs between kept rows at present. */
    public synchronized long stride() {
        return stride;
    }
}
