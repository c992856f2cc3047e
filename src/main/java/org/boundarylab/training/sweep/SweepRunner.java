package org.boundarylab.training.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import org.boundarylab.data.Dataset;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Matrices;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;

/**
 * Runs every (setting, seed) pair of a sweep as its own task on an executor, so all cores train
 * at once. Each run depends only on the spec, the data and its own seed, never on the thread
 * that runs it or on the order runs finish in, so results are the same at any thread count.
 *
 * <p>{@link #cancel()} stops promptly: runs not yet started never start, running ones see the
 * flag within {@link #CHECK_EVERY} epochs and stop, and what finished before is kept.
 */
public final class SweepRunner {
    /** Epochs between looks at the cancel flag (and progress updates): a few milliseconds at most. */
    static final int CHECK_EVERY = 50;

    private final SweepSpec spec;
    private final Features features;
    private final Dataset train;
    private final Dataset test;
    private final ExecutorService executor;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final SweepResult[] results;
    private final double[] workPerEpoch;
    private final double totalWork;
    private final DoubleAdder workDone = new DoubleAdder();
    private final AtomicInteger finishedRuns = new AtomicInteger();
    private final AtomicInteger unsettled;
    private final CompletableFuture<List<SweepResult>> completion = new CompletableFuture<>();
    private final List<RunTask> tasks = new ArrayList<>();
    private final Object listenerLock = new Object();
    private volatile SweepListener listener = (r, p) -> { };
    private volatile long startNanos;

    /**
     * @param test the examples to measure test loss and accuracy on; may be null or empty (NaN)
     */
    public SweepRunner(SweepSpec spec, Dataset train, Dataset test, ExecutorService executor) {
        this(spec, train, test, executor, Features.DEFAULT);
    }

    /** As above, for networks fed {@code features} of each point instead of x1, x2. */
    public SweepRunner(SweepSpec spec, Dataset train, Dataset test, ExecutorService executor, Features features) {
        this.features = Objects.requireNonNull(features, "features");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.train = Objects.requireNonNull(train, "training data");
        this.test = test;
        this.executor = Objects.requireNonNull(executor, "executor");
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int classes = Math.max(train.classes(), test == null ? 0 : test.classes());
        this.results = new SweepResult[spec.runs()];
        this.workPerEpoch = new double[spec.settings()];
        double total = 0;
        for (int s = 0; s < spec.settings(); s++) {
            int rows = spec.trainSizeFor(s) < 0 ? train.size() : spec.trainSizeFor(s);
            if (rows > train.size()) {
                throw new IllegalArgumentException("training-set size " + spec.label(s) + " is larger than the "
                        + train.size() + " training examples available");
            }
            Architecture arch = spec.architectureFor(s, features.count(), classes);
            workPerEpoch[s] = (double) rows * arch.parameterCount();
            total += workPerEpoch[s] * spec.epochs() * spec.seeds();
        }
        this.totalWork = total;
        this.unsettled = new AtomicInteger(spec.runs());
    }

    /** A pool of daemon threads named "sweep-N", for callers without a shared pool (the command line). */
    public static ExecutorService newPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            // below the FX and render threads, so a sweep never makes the window stutter (the
            // GUI's launch flags make the OS honour it)
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        return Executors.newFixedThreadPool(threads, f);
    }

    public SweepSpec spec() {
        return spec;
    }

    /**
     * Submits every run. The biggest runs go first, so the last runs to finish are small ones and
     * no core sits idle while one long run ends the sweep alone.
     */
    public SweepRunner start(SweepListener l) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a sweep runs once; make a new runner to run it again");
        }
        if (l != null) {
            listener = l;
        }
        startNanos = System.nanoTime();
        List<int[]> order = new ArrayList<>();
        for (int s = 0; s < spec.settings(); s++) {
            for (int k = 0; k < spec.seeds(); k++) {
                order.add(new int[] {s, k});
            }
        }
        order.sort(Comparator.comparingDouble((int[] run) -> -workPerEpoch[run[0]])
                .thenComparingInt(run -> run[0]).thenComparingInt(run -> run[1]));
        synchronized (tasks) {
            for (int[] run : order) {
                RunTask task = new RunTask(run[0], run[1]);
                tasks.add(task);
                task.future = executor.submit(task);
            }
        }
        return this;
    }

    /** Stops the sweep: queued runs never start, running ones stop within a few epochs. Idempotent. */
    public void cancel() {
        cancelled.set(true);
        List<RunTask> snapshot;
        synchronized (tasks) {
            snapshot = new ArrayList<>(tasks);
        }
        for (RunTask t : snapshot) {
            if (t.claimed.compareAndSet(false, true)) {
                // never started: take it off the queue and settle it here
                if (t.future != null) {
                    t.future.cancel(false);
                }
                settle();
            }
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            // cancelled futures otherwise sit in the shared queue until a worker reaches them
            pool.purge();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public boolean isDone() {
        return completion.isDone();
    }

    /** Completes with the finished results (setting/seed order) once no run is running or queued. */
    public CompletableFuture<List<SweepResult>> completion() {
        return completion;
    }

    /** Finished results so far, in setting/seed order. */
    public List<SweepResult> results() {
        List<SweepResult> out = new ArrayList<>();
        synchronized (results) {
            for (SweepResult r : results) {
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * Waits until every task this runner submitted has returned or been taken off the queue, so
     * none of its code runs on the executor any more. {@link #completion()} can complete a moment
     * before the last task returns (it is completed from inside that task).
     *
     * @return whether that happened within the timeout
     */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<RunTask> snapshot;
        synchronized (tasks) {
            snapshot = new ArrayList<>(tasks);
        }
        for (RunTask t : snapshot) {
            try {
                t.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (CancellationException | ExecutionException e) {
                // cancelled before it started, or failed: either way it no longer runs
            } catch (TimeoutException e) {
                return false;
            }
        }
        return true;
    }

    public SweepProgress progress() {
        double elapsed = started.get() ? (System.nanoTime() - startNanos) / 1e9 : 0;
        double done = Math.min(workDone.sum(), totalWork);
        double fraction = totalWork > 0 ? done / totalWork : 1;
        if (completion.isDone() && !cancelled.get()) {
            fraction = 1;
        }
        double remaining = fraction > 0 && fraction < 1 ? elapsed * (1 - fraction) / fraction
                : fraction >= 1 ? 0 : Double.NaN;
        return new SweepProgress(finishedRuns.get(), spec.runs(), fraction, elapsed, remaining);
    }

    private void settle() {
        if (unsettled.decrementAndGet() == 0) {
            List<SweepResult> all = results();
            synchronized (listenerLock) {
                listener.sweepFinished(all, cancelled.get());
            }
            completion.complete(all);
        }
    }

    /** One training run; settles itself unless cancel() took it off the queue first. */
    private final class RunTask implements Runnable {
        final int setting;
        final int seedIndex;
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile Future<?> future;

        RunTask(int setting, int seedIndex) {
            this.setting = setting;
            this.seedIndex = seedIndex;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                if (cancelled.get()) {
                    return;
                }
                SweepResult r = train(setting, seedIndex);
                if (r != null) {
                    synchronized (results) {
                        results[setting * spec.seeds() + seedIndex] = r;
                    }
                    finishedRuns.incrementAndGet();
                    SweepProgress p = progress();
                    synchronized (listenerLock) {
                        listener.runFinished(r, p);
                    }
                }
            } catch (RuntimeException | Error e) {
                // a run that fails must not hang the sweep: report it to whoever waits and stop the rest
                completion.completeExceptionally(e);
                cancel();
            } finally {
                settle();
            }
        }
    }

    /** Trains one run; null when cancelled part-way. */
    private SweepResult train(int setting, int seedIndex) {
        long seed = spec.seedFor(setting, seedIndex);
        int classes = Math.max(train.classes(), test == null ? 0 : test.classes());
        Dataset data = spec.trainSizeFor(setting) < 0 ? train
                : StratifiedSubset.of(train, spec.trainSizeFor(setting), seed);
        double[][] x = features.map(data.x());
        int[] y = data.y();
        Architecture arch = spec.architectureFor(setting, features.count(), classes);
        Network net = spec.base().initializer().create(arch, seed);
        long t0 = System.nanoTime();
        Trainer trainer = new Trainer(net, x, y, spec.trainingFor(setting, seedIndex));
        int epochs = spec.epochs();
        int done = 0;
        boolean diverged = false;
        while (done < epochs) {
            if (cancelled.get()) {
                return null;
            }
            int chunk = Math.min(CHECK_EVERY, epochs - done);
            for (int e = 0; e < chunk; e++) {
                trainer.epoch(false);
            }
            done += chunk;
            workDone.add(workPerEpoch[setting] * chunk);
            if (!net.isFinite()) {
                diverged = true;
                workDone.add(workPerEpoch[setting] * (epochs - done));
                break;
            }
            if (done % (CHECK_EVERY * 10) == 0) {
                SweepProgress p = progress();
                synchronized (listenerLock) {
                    listener.progressed(p);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // penalty-free losses so train and test are on one scale
        double trainLoss = net.loss(x, y, Regularization.NONE);
        double trainAcc = Matrices.accuracy(net.predictClasses(x), y);
        double testLoss = Double.NaN;
        double testAcc = Double.NaN;
        if (test != null && test.size() > 0) {
            double[][] tx = features.map(test.x());
            int[] ty = test.y();
            testLoss = net.loss(tx, ty, Regularization.NONE);
            testAcc = Matrices.accuracy(net.predictClasses(tx), ty);
        }
        // a run whose weights or losses stopped being finite numbers diverged, even if its weights stayed finite
        diverged |= !Double.isFinite(trainLoss) || test != null && test.size() > 0 && !Double.isFinite(testLoss);
        return new SweepResult(setting, spec.value(setting), spec.label(setting), seedIndex, seed,
                trainLoss, testLoss, trainAcc, testAcc, done, seconds, diverged,
                seedIndex == 0 ? net : null);
    }

    @Override
    public String toString() {
        return "SweepRunner[" + spec + ", " + Arrays.toString(new int[] {finishedRuns.get(), spec.runs()}) + "]";
    }
}
