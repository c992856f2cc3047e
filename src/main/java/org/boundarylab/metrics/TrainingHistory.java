package org.boundarylab.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The figures of a run epoch by epoch, in bounded memory however long the run.
 *
 * <p>Rows come in increasing epochs, each the exact figures of the network after that many
 * epochs. When more than {@code capacity} entries are kept, the older half is merged pairwise
 * into {@linkplain Entry bands}: a band keeps the first and last epoch it covers and the least
 * and greatest value of every figure in it, so a chart can draw a merged stretch as the range it
 * really took and never as a straight line across epochs it no longer has. Recent epochs keep
 * full detail; bands always come before exact rows.
 *
 * <p>Thread-safe: the training thread adds while the window reads copies.
 */
public final class TrainingHistory {
    /** Room for a 16,000-epoch run at one row an epoch before anything is merged: about 2 MB. */
    public static final int DEFAULT_CAPACITY = 16_384;

    /** One logged epoch; losses and accuracies are NaN when unknown (no test data). */
    public record Row(long epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy) {
    }

    /**
     * One exact row ({@code first == last}, {@code min == max}) or a band of merged rows: epochs
     * {@code first} to {@code last}, each figure's least value in {@code min} and greatest in
     * {@code max} (their epochs are {@code first} and {@code last}).
     */
    public record Entry(long first, long last, Row min, Row max) {
        public static Entry exact(Row r) {
            return new Entry(r.epoch(), r.epoch(), r, r);
        }

        public boolean isExact() {
            return first == last;
        }

        static Entry merge(Entry a, Entry b) {
            return new Entry(a.first, b.last,
                    new Row(a.first, min(a.min.trainLoss, b.min.trainLoss), min(a.min.testLoss, b.min.testLoss),
                            min(a.min.trainAccuracy, b.min.trainAccuracy), min(a.min.testAccuracy, b.min.testAccuracy)),
                    new Row(b.last, max(a.max.trainLoss, b.max.trainLoss), max(a.max.testLoss, b.max.testLoss),
                            max(a.max.trainAccuracy, b.max.trainAccuracy), max(a.max.testAccuracy, b.max.testAccuracy)));
        }

        // a missing figure (NaN) stays missing rather than hiding its neighbour's
        private static double min(double a, double b) {
            return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
        }

        private static double max(double a, double b) {
            return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
        }
    }

    private final int capacity;
    private final List<Entry> kept = new ArrayList<>();
    private long version;

    public TrainingHistory() {
        this(DEFAULT_CAPACITY);
    }

    public TrainingHistory(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a history keeps at least 4 entries, got capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** A history holding the given rows (as read from a file), in epoch order. */
    public static TrainingHistory of(List<Row> rows, int capacity) {
        TrainingHistory h = new TrainingHistory(capacity);
        for (Row r : rows) {
            h.add(r);
        }
        return h;
    }

    /** A history holding the given entries, bands first (as read from a file), in epoch order. */
    public static TrainingHistory ofEntries(List<Entry> entries, int capacity) {
        TrainingHistory h = new TrainingHistory(capacity);
        for (Entry e : entries) {
            h.append(e);
        }
        return h;
    }

    /**
     * Adds the row of a later epoch than the last one added. A row of the last epoch again
     * replaces it (a parameter changed by hand changes that epoch's figures).
     */
    public synchronized void add(Row row) {
        Entry last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
        if (last != null && last.isExact() && row.epoch() == last.last()) {
            kept.set(kept.size() - 1, Entry.exact(row));
            version++;
            return;
        }
        if (last != null && row.epoch() <= last.last()) {
            throw new IllegalArgumentException("history rows must come in increasing epochs: " + row.epoch()
                    + " after " + last.last());
        }
        kept.add(Entry.exact(row));
        version++;
        if (kept.size() > capacity) {
            mergeOlderHalf();
        }
    }

    public void add(long epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy) {
        add(new Row(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy));
    }

    /** Adds an entry (an exact row or a band, as read from a file) after the last one. */
    public synchronized void append(Entry e) {
        if (e.first() > e.last() || e.min().epoch() != e.first() || e.max().epoch() != e.last()) {
            throw new IllegalArgumentException("a band runs from its first to its last epoch, got " + e);
        }
        if (!kept.isEmpty() && e.first() <= kept.get(kept.size() - 1).last()) {
            throw new IllegalArgumentException("history entries must come in increasing epochs: " + e.first()
                    + " after " + kept.get(kept.size() - 1).last());
        }
        if (!e.isExact() && !kept.isEmpty() && kept.get(kept.size() - 1).isExact()) {
            throw new IllegalArgumentException("merged stretches come before exact rows, but epochs " + e.first()
                    + "-" + e.last() + " follow the exact epoch " + kept.get(kept.size() - 1).last());
        }
        kept.add(e);
        version++;
        if (kept.size() > capacity) {
            mergeOlderHalf();
        }
    }

    /** Merges the older half pairwise, so at most capacity / 4 entries are freed and the recent half stays exact. */
    private void mergeOlderHalf() {
        int half = kept.size() / 2;
        List<Entry> merged = new ArrayList<>(kept.size());
        int k = 0;
        for (; k + 1 < half; k += 2) {
            merged.add(Entry.merge(kept.get(k), kept.get(k + 1)));
        }
        merged.addAll(kept.subList(k, kept.size()));
        kept.clear();
        kept.addAll(merged);
    }

    /** Forgets everything after {@code epoch} (a run continued from an earlier epoch); a band reaching past it goes too. */
    public synchronized void truncateAfter(long epoch) {
        int n = kept.size();
        while (n > 0 && kept.get(n - 1).last() > epoch) {
            n--;
        }
        if (n != kept.size()) {
            kept.subList(n, kept.size()).clear();
            version++;
        }
    }

    /** A copy holding the entries up to and including {@code epoch} (a band reaching past it is left out). */
    public synchronized TrainingHistory copyUpTo(long epoch) {
        TrainingHistory copy = new TrainingHistory(capacity);
        for (Entry e : kept) {
            if (e.last() <= epoch) {
                copy.kept.add(e);
            }
        }
        return copy;
    }

    /** Every entry, bands then exact rows, in epoch order; at most {@code capacity}. */
    public synchronized List<Entry> entries() {
        return List.copyOf(kept);
    }

    /** The exact rows only (a merged stretch has no exact figures left), in epoch order. */
    public synchronized List<Row> rows() {
        List<Row> rows = new ArrayList<>(kept.size());
        for (Entry e : kept) {
            if (e.isExact()) {
                rows.add(e.min());
            }
        }
        return Collections.unmodifiableList(rows);
    }

    /** The exact row of {@code epoch}, or null when it was not logged (or has been merged). */
    public synchronized Row rowAt(long epoch) {
        int lo = 0;
        int hi = kept.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Entry e = kept.get(mid);
            if (e.last() < epoch) {
                lo = mid + 1;
            } else if (e.first() > epoch) {
                hi = mid - 1;
            } else {
                return e.isExact() ? e.min() : null;
            }
        }
        return null;
    }

    /** The exact row with the lowest finite test loss (the earliest of equals); null without test figures. */
    public synchronized Row lowestTestLoss() {
        return lowestTestLoss(kept);
    }

    /** As {@link #lowestTestLoss()}, over entries as {@link #entries()} gives them. */
    public static Row lowestTestLoss(List<Entry> entries) {
        Row best = null;
        for (Entry e : entries) {
            if (e.isExact() && Double.isFinite(e.min().testLoss())
                    && (best == null || e.min().testLoss() < best.testLoss())) {
                best = e.min();
            }
        }
        return best;
    }

    public synchronized Row latest() {
        return kept.isEmpty() ? null : kept.get(kept.size() - 1).max();
    }

    public synchronized boolean isEmpty() {
        return kept.isEmpty();
    }

    public synchronized int size() {
        return kept.size();
    }

    public synchronized void clear() {
        kept.clear();
        version++;
    }

    public int capacity() {
        return capacity;
    }

    /** Grows on every change, so a reader can tell whether to redraw. */
    public synchronized long version() {
        return version;
    }
}
