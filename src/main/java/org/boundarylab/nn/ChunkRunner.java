package org.boundarylab.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Runs the chunks of one batch, on the calling thread and on helper threads when there are
 * spare cores. What a chunk computes never depends on which thread runs it, so results are
 * the same whatever the thread count.
 *
 * <p>Why not an ExecutorService: a full-batch epoch of a small network takes some tens of
 * microseconds, less than it takes to wake a parked pool thread. The helpers here spin for a
 * short while after each job, so back-to-back epochs find them awake, and park when training
 * stops. Only one batch at a time uses the helpers; a caller that finds them busy (another
 * network training at the same time) runs its chunks itself, which is then the faster choice.
 */
final class ChunkRunner {
    /** How long an idle helper keeps polling before it parks, in nanoseconds. */
    private static final long SPIN_NANOS = 50_000;
    /** How many polls an idle helper makes between offers of its core to other threads. */
    private static final int YIELD_EVERY = 32;

    /** Threads a batch may use, the caller's included: the cores, or -Dboundarylab.threads=N. */
    static final int THREADS = Math.max(1, Integer.getInteger("boundarylab.threads",
            Runtime.getRuntime().availableProcessors()));

    private static final ChunkRunner SHARED = new ChunkRunner(THREADS - 1);
    private static final ChunkRunner SERIAL = new ChunkRunner(0);

    private final Thread[] helpers;
    private final AtomicReference<Job> current = new AtomicReference<>();

    /** @param helperCount threads besides the caller's (0 runs everything on the caller) */
    ChunkRunner(int helperCount) {
        helpers = new Thread[Math.max(0, helperCount)];
        for (int h = 0; h < helpers.length; h++) {
            int lane = h + 1;
            Thread t = new Thread(() -> helpLoop(lane), "boundarylab-chunks-" + h);
            t.setDaemon(true);
            // The lowest priority, like the app's training pool, whose trainer calls in here: the
            // window's launch maps it to nice 19 (-XX:ThreadPriorityPolicy=1), so training never
            // takes a core from the FX and render threads. Without that flag (java -jar ...) Linux
            // ignores Java priorities and nothing changes.
            t.setPriority(Thread.MIN_PRIORITY);
            helpers[h] = t;
            t.start();
        }
    }

    /** The process-wide runner, one helper per core beyond the first. */
    static ChunkRunner shared() {
        return SHARED;
    }

    /** A runner that uses the calling thread only. */
    static ChunkRunner serial() {
        return SERIAL;
    }

    int helperCount() {
        return helpers.length;
    }

    /** How many threads may run one batch's chunks at once: lanes 0 (the caller) to helperCount(). */
    int lanes() {
        return helpers.length + 1;
    }

    /**
     * One chunk of a batch, told which lane runs it: 0 for the calling thread, h + 1 for helper
     * h. Two chunks of one batch never run on the same lane at once, and a lane is the same
     * thread from batch to batch, so per-lane buffers need no locking and stay in that core's
     * cache.
     */
    @FunctionalInterface
    interface Task {
        void run(int chunk, int lane);
    }

    /**
     * Runs task(0, lane) ... task(count - 1, lane), each chunk exactly once, and returns when
     * all are done, letting {@code pace} (if not null) choose between the helpers and the
     * caller alone by the time each takes (see {@link Pace}). Either way every chunk is
     * computed the same, so the choice changes the speed and never the results.
     */
    void run(int count, Task task, Pace pace) {
        if (count <= 1 || helpers.length == 0) {
            runHere(count, task);
            return;
        }
        boolean parallel = pace == null || pace.nextParallel();
        long t0 = System.nanoTime();
        if (parallel) {
            runShared(count, task);
        } else {
            runHere(count, task);
        }
        if (pace != null) {
            pace.record(parallel, (System.nanoTime() - t0) / (double) count);
        }
    }

    private static void runHere(int count, Task task) {
        for (int c = 0; c < count; c++) {
            task.run(c, 0);
        }
    }

    private void runShared(int count, Task task) {
        Job job = new Job(count, task);
        if (!current.compareAndSet(null, job)) {
            runHere(count, task); // helpers busy with another batch
            return;
        }
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
        try {
            job.work(0);
            job.awaitDone();
        } finally {
            current.set(null);
        }
        job.rethrow();
    }

    /**
     * Chooses, call by call, whether a repeated job runs faster with the helpers or without.
     * On a machine whose other processes keep the cores busy, a helper may be descheduled in
     * the middle of a chunk and the caller then waits for it: there the caller alone is
     * faster. So every {@link #PERIOD} calls both ways are timed a few times each, and the
     * rest of the period goes the faster way.
     *
     * <p>Each way is judged by its fastest trial, not an average: a trial is slowed by
     * whatever else happened during it (an interrupt, the JIT compiler taking a core), never
     * sped up, so the fastest of a few is the fair figure, and one unlucky trial does not send
     * a whole period down the slow way. The caller alone must also be clearly faster
     * ({@link #MARGIN}) to be chosen, because the helpers' trials carry the cost of waking
     * them.
     */
    static final class Pace {
        static final int TRIAL = 4;
        /** A period ends after this many calls... */
        static final int PERIOD = 512;
        /**
         * ...or this much time, whichever comes first: a long job (a heatmap grid of 128
         * chunks, some milliseconds a call) would otherwise keep one decision for minutes.
         */
        static final long PERIOD_NANOS = 250_000_000L;
        static final double MARGIN = 0.9;
        private final LongSupplier clock;
        private double parallelBest = Double.POSITIVE_INFINITY;
        private double serialBest = Double.POSITIVE_INFINITY;
        private boolean useSerial;
        private int phase;
        private long periodStart;
        /** The first call of a trial with the helpers wakes them up: not a fair sample. */
        private boolean wakeUpCall;

        Pace() {
            this(System::nanoTime);
        }

        /** @param clock nanoseconds, for the period's length (tests pass their own) */
        Pace(LongSupplier clock) {
            this.clock = clock;
            this.phase = PERIOD; // the first call starts a period
        }

        synchronized boolean nextParallel() {
            if (phase >= PERIOD || clock.getAsLong() - periodStart >= PERIOD_NANOS) {
                phase = 0;
                periodStart = clock.getAsLong();
                parallelBest = Double.POSITIVE_INFINITY;
                serialBest = Double.POSITIVE_INFINITY;
            }
            int p = phase++;
            wakeUpCall = p == 0;
            if (p <= TRIAL) {
                return true; // try the helpers (one call to wake them, TRIAL calls timed)
            }
            if (p <= 2 * TRIAL) {
                return false; // try the caller alone
            }
            if (p == 2 * TRIAL + 1) {
                useSerial = serialBest < MARGIN * parallelBest;
            }
            return !useSerial;
        }

        synchronized void record(boolean parallel, double nanosPerChunk) {
            if (wakeUpCall) {
                wakeUpCall = false;
                return;
            }
            if (parallel) {
                parallelBest = Math.min(parallelBest, nanosPerChunk);
            } else {
                serialBest = Math.min(serialBest, nanosPerChunk);
            }
        }
    }

    private void helpLoop(int lane) {
        long idleSince = System.nanoTime();
        int spins = 0;
        while (true) {
            Job job = current.get();
            if (job != null && job.hasWork()) {
                job.work(lane);
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                // Between epochs: stay awake, but let any other thread that wants this core
                // (the JIT compiler early in a run, the window's FX or render thread) have it.
                if (++spins % YIELD_EVERY == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            } else {
                LockSupport.park(this);
                idleSince = System.nanoTime();
            }
        }
    }

    /** One batch: chunks are claimed through a counter by whichever thread comes first. */
    private static final class Job {
        private final int count;
        private final Task task;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        Job(int count, Task task) {
            this.count = count;
            this.task = task;
        }

        boolean hasWork() {
            return next.get() < count;
        }

        void work(int lane) {
            int c;
            while ((c = next.getAndIncrement()) < count) {
                try {
                    task.run(c, lane);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        /**
         * Waits for the helpers' chunks, offering this core to any other thread that wants it
         * (a helper descheduled in the middle of its chunk, the JIT compiler) at every turn.
         * Why no spin-then-yield: a branch taken only when a helper is late is never taken
         * while the JIT profiles the code, so the compiled batch, into which this is inlined,
         * trapped and was compiled again the first time a helper was late (seen in the middle
         * of timed runs); a yield with nobody else to run returns at once.
         */
        void awaitDone() {
            while (done.get() < count) {
                Thread.yield();
            }
        }

        void rethrow() {
            Throwable e = failure;
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof Error err) {
                throw err;
            }
        }
    }
}
