package org.boundarylab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks of a run at the epochs it showed, kept so the window can go back to any of them
 * (rewind), in bounded memory.
 *
 * <p>Every snapshot the run publishes is offered; while there is room, all are kept (at a slow
 * pace that is every epoch). When the room is used up, the kept frame whose neighbours are
 * closest together goes, closeness measured half on the epoch axis and half on a log epoch
 * axis: the early epochs, where the boundary changes most, stay dense, and the late ones stay
 * spread evenly enough to scrub through. The first and the newest frame always stay, and so
 * does the frame of the lowest test loss ({@link #keepBest}).
 *
 * <p>Room: {@value #BUDGET_PARAMETERS} parameters in all (64 MB of doubles), as frames of the
 * run's network, at most {@value #MAX_FRAMES} and at least {@value #MIN_FRAMES} (for the
 * largest network the window allows, 6 layers of 256 units with about 333,000 parameters, that
 * is 24 frames). Snapshots are immutable, so keeping one costs no copy.
 *
 * <p>Thread-safe: the run adds on the pool while the window reads.
 */
public final class NetworkTimeline {
    public static final long BUDGET_PARAMETERS = 8_000_000;
    public static final int MAX_FRAMES = 1000;
    public static final int MIN_FRAMES = 16;

    private final int capacity;
    private final List<TrainingSnapshot> frames = new ArrayList<>();
    private TrainingSnapshot best;
    private long version;

    /** A timeline for a network of {@code parameters} parameters. */
    public NetworkTimeline(long parameters) {
        this.capacity = capacityFor(parameters);
    }

    /** How many frames of a network this size fit the budget. */
    public static int capacityFor(long parameters) {
        long fit = BUDGET_PARAMETERS / Math.max(1, parameters);
        return (int) Math.max(MIN_FRAMES, Math.min(MAX_FRAMES, fit));
    }

    public int capacity() {
        return capacity;
    }

    /** Keeps {@code s} (a finite snapshot with its network); an earlier or equal epoch replaces what follows. */
    public synchronized void add(TrainingSnapshot s) {
        if (s.network() == null || s.diverged()) {
            return;
        }
        while (!frames.isEmpty() && frames.get(frames.size() - 1).epoch() >= s.epoch()) {
            frames.remove(frames.size() - 1); // a parameter changed by hand makes that epoch's network anew
        }
        frames.add(s);
        version++;
        if (frames.size() > capacity) {
            thinOne();
        }
    }

    /** Keeps {@code s} whatever the thinning, as the frame of the lowest test loss so far. */
    public synchronized void keepBest(TrainingSnapshot s) {
        if (s.network() != null && !s.diverged()) {
            best = s;
            version++;
        }
    }

    /** The frame of the lowest test loss so far, or null. */
    public synchronized TrainingSnapshot best() {
        return best;
    }

    private void thinOne() {
        int n = frames.size();
        double last = frames.get(n - 1).epoch();
        double logLast = Math.log1p(Math.max(1, last));
        int drop = -1;
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n - 1; i++) {
            double a = frames.get(i - 1).epoch();
            double b = frames.get(i + 1).epoch();
            double gap = (b - a) / Math.max(1, last) + (Math.log1p(b) - Math.log1p(a)) / logLast;
            if (gap < closest) {
                closest = gap;
                drop = i;
            }
        }
        if (drop > 0) {
            frames.remove(drop);
        }
    }

    /**
     * The kept network nearest {@code epoch}: the latest frame at or before it, or the best
     * frame if that is nearer; null when nothing is kept yet.
     */
    public synchronized TrainingSnapshot at(long epoch) {
        TrainingSnapshot found = null;
        int lo = 0;
        int hi = frames.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (frames.get(mid).epoch() <= epoch) {
                found = frames.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found == null && !frames.isEmpty()) {
            found = frames.get(0);
        }
        if (best != null && best.epoch() <= epoch
                && (found == null || best.epoch() > found.epoch())) {
            found = best;
        }
        return found;
    }

    /** The epochs kept, oldest first (the best frame included). */
    public synchronized long[] epochs() {
        List<Long> all = new ArrayList<>(frames.size() + 1);
        for (TrainingSnapshot f : frames) {
            all.add(f.epoch());
        }
        if (best != null && !all.contains(best.epoch())) {
            all.add(best.epoch());
            all.sort(null);
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    /** The kept frames, oldest first (the best frame included). */
    public synchronized List<TrainingSnapshot> frames() {
        List<TrainingSnapshot> all = new ArrayList<>(frames);
        if (best != null && all.stream().noneMatch(f -> f.epoch() == best.epoch())) {
            all.add(best);
            all.sort((x, y) -> Long.compare(x.epoch(), y.epoch()));
        }
        return all;
    }

    /** The newest frame's epoch, or -1. */
    public synchronized long latestEpoch() {
        return frames.isEmpty() ? -1 : frames.get(frames.size() - 1).epoch();
    }

    public synchronized int size() {
        return frames.size();
    }

    /** Forgets the frames after {@code epoch} (the run continues from there). */
    public synchronized void truncateAfter(long epoch) {
        frames.removeIf(f -> f.epoch() > epoch);
        if (best != null && best.epoch() > epoch) {
            best = null;
        }
        version++;
    }

    /** Grows on every change. */
    public synchronized long version() {
        return version;
    }
}
