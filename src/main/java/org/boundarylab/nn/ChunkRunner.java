package org.boundarylab.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

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
    private static final long SPIN_NANOS = 200_000;

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
            Thread t = new Thread(this::helpLoop, "boundarylab-chunks-" + h);
            t.setDaemon(true);
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

    /** Runs task(0) ... task(count - 1), each exactly once, and returns when all are done. */
    void run(int count, IntConsumer task) {
        if (count <= 1 || helpers.length == 0) {
            for (int c = 0; c < count; c++) {
                task.accept(c);
            }
            return;
        }
        Job job = new Job(count, task);
        if (!current.compareAndSet(null, job)) {
            for (int c = 0; c < count; c++) {
                task.accept(c); // helpers busy with another batch
            }
            return;
        }
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
        try {
            job.work();
            job.awaitDone();
        } finally {
            current.set(null);
        }
        job.rethrow();
    }

    private void helpLoop() {
        long idleSince = System.nanoTime();
        while (true) {
            Job job = current.get();
            if (job != null && job.hasWork()) {
                job.work();
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                idleSince = System.nanoTime();
            }
        }
    }

    /** One batch: chunks are claimed through a counter by whichever thread comes first. */
    private static final class Job {
        private final int count;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        Job(int count, IntConsumer task) {
            this.count = count;
            this.task = task;
        }

        boolean hasWork() {
            return next.get() < count;
        }

        void work() {
            int c;
            while ((c = next.getAndIncrement()) < count) {
                try {
                    task.accept(c);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        void awaitDone() {
            int spins = 0;
            while (done.get() < count) {
                if (++spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield(); // a helper was descheduled; let it run
                }
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
