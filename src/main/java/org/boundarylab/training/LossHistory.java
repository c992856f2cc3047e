package org.boundarylab.training;

import java.util.Arrays;

/**
 * Train and test loss against epoch, in bounded memory however long the run. When the
 * store is full, the older half is thinned by merging neighbouring pairs (their mean loss at
 * the later epoch), so recent epochs keep full detail and old ones keep their shape.
 * Thread-safe: the trainer appends while the window reads.
 */
public final class LossHistory {
    /** The capacity used by the lab: enough for a smooth curve, small enough to redraw each frame. */
    public static final int DEFAULT_CAPACITY = 2000;

    private final int capacity;
    private final long[] epochs;
    private final double[] train;
    private final double[] test;
    private int size;
    private long version;

    public LossHistory() {
        this(DEFAULT_CAPACITY);
    }

    public LossHistory(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a loss history needs room for at least 4 points, got " + capacity);
        }
        this.capacity = capacity;
        this.epochs = new long[capacity];
        this.train = new double[capacity];
        this.test = new double[capacity];
    }

    public synchronized void add(long epoch, double trainLoss, double testLoss) {
        if (size == capacity) {
            compactOlderHalf();
        }
        epochs[size] = epoch;
        train[size] = trainLoss;
        test[size] = testLoss;
        size++;
        version++;
    }

    public synchronized void clear() {
        size = 0;
        version++;
    }

    public synchronized int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Grows by one on every change, so a reader can tell whether to redraw. */
    public synchronized long version() {
        return version;
    }

    /** A consistent copy of the points. */
    public synchronized Points points() {
        return new Points(Arrays.copyOf(epochs, size), Arrays.copyOf(train, size), Arrays.copyOf(test, size));
    }

    private void compactOlderHalf() {
        int half = size / 2;
        int pairs = half / 2;
        for (int k = 0; k < pairs; k++) {
            int a = 2 * k;
            int b = a + 1;
            epochs[k] = epochs[b];
            train[k] = mean(train[a], train[b]);
            test[k] = mean(test[a], test[b]);
        }
        int from = 2 * pairs;
        int rest = size - from;
        System.arraycopy(epochs, from, epochs, pairs, rest);
        System.arraycopy(train, from, train, pairs, rest);
        System.arraycopy(test, from, test, pairs, rest);
        size = pairs + rest;
    }

    private static double mean(double a, double b) {
        // a missing test loss (NaN) stays missing rather than poisoning its neighbour
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return 0.5 * (a + b);
    }

    /** Parallel arrays of epoch, train loss and test loss, oldest first. */
    public record Points(long[] epochs, double[] train, double[] test) {
        public int size() {
            return epochs.length;
        }
    }
}
