package org.boundarylab.training;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.boundarylab.nn.Matrices;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainingOptions;

/**
 * One training run of one network, driven from a pool thread and never from the caller's.
 *
 * <p>Play trains until Pause; Step trains one epoch. Only one of them touches the trainer at
 * a time. Progress leaves the run only as immutable {@link TrainingSnapshot}s: the newest is
 * kept in {@link #latest()}, every one is passed to the listeners (on the pool thread) and
 * its losses go into a bounded {@link LossHistory}. While playing, a snapshot is made at most
 * once per {@link #setSnapshotEvery snapshot interval} of epochs and at most
 * {@value #MAX_SNAPSHOTS_PER_SECOND} times a second, so a tiny network is not slowed down by
 * measuring itself more often than any screen can show.
 *
 * <p>A run whose loss or parameters stop being finite pauses by itself and publishes a
 * snapshot flagged {@code diverged} that carries the last finite network.
 */
public final class TrainingSession implements AutoCloseable {
    static final int MAX_SNAPSHOTS_PER_SECOND = 120;
    private static final long MIN_SNAPSHOT_NANOS = 1_000_000_000L / MAX_SNAPSHOTS_PER_SECOND;

    private final Trainer trainer;
    private final double[][] trainX;
    private final int[] trainY;
    private final double[][] testX;
    private final int[] testY;
    private final ExecutorService pool;
    private final Object trainerLock = new Object();
    private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<Regularization> regularization;
    private final AtomicReference<double[]> pendingTuning = new AtomicReference<>();
    private final List<Consumer<TrainingSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final LossHistory history = new LossHistory();
    private final CompletableFuture<TrainingSnapshot> started = new CompletableFuture<>();

    private volatile int snapshotEvery = 1;
    /** The play loop is running (or about to); only the loop itself clears it. */
    private volatile boolean playing;
    private volatile boolean stopRequested;
    private volatile boolean diverged;
    private volatile boolean closed;

    /**
     * @param network the starting network; the session trains it in place and hands out copies
     * @param testX   test inputs (may be empty)
     */
    public TrainingSession(Network network, double[][] trainX, int[] trainY, double[][] testX, int[] testY,
                           TrainingOptions options, ExecutorService pool) {
        this.trainer = new Trainer(network, trainX, trainY, options);
        this.trainX = trainX;
        this.trainY = trainY;
        this.testX = Objects.requireNonNull(testX, "test inputs");
        this.testY = Objects.requireNonNull(testY, "test labels");
        if (testX.length != testY.length) {
            throw new IllegalArgumentException(testX.length + " test inputs but " + testY.length + " test labels");
        }
        this.pool = Objects.requireNonNull(pool, "pool");
        this.regularization = new AtomicReference<>(options.regularization());
    }

    /**
     * Measures the starting network on the pool and publishes it as the epoch-0 snapshot
     * (measuring a large network on a large data set takes a while, so never on the caller's
     * thread). Call it after adding the listeners; play and step publish epoch 0 first anyway.
     *
     * @return completes with the epoch-0 snapshot
     */
    public CompletableFuture<TrainingSnapshot> start() {
        pool.execute(() -> {
            synchronized (trainerLock) {
                publishStartIfNeeded();
            }
        });
        return started;
    }

    /** Completes with the epoch-0 snapshot once it has been published. */
    public CompletableFuture<TrainingSnapshot> started() {
        return started;
    }

    /** Publishes epoch 0 before anything else; the caller holds the trainer lock. */
    private void publishStartIfNeeded() {
        if (started.isDone() || closed) {
            return;
        }
        started.complete(publish(trainer.epochsDone(), 0));
    }

    /** Called on a pool thread with every snapshot, in epoch order. */
    public void addListener(Consumer<TrainingSnapshot> listener) {
        listeners.add(listener);
    }

    /** The newest snapshot; null until epoch 0 has been measured (see {@link #start()}). */
    public TrainingSnapshot latest() {
        return latest.get();
    }

    public LossHistory history() {
        return history;
    }

    public boolean isPlaying() {
        return playing;
    }

    public boolean hasDiverged() {
        return diverged;
    }

    public int parameterCount() {
        return trainer.network().architecture().parameterCount();
    }

    /** While playing, make a snapshot after at most this many epochs (1 = every epoch). */
    public void setSnapshotEvery(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("snapshots need an interval of at least 1 epoch, got " + epochs);
        }
        snapshotEvery = epochs;
    }

    /**
     * Changes the learning rate and the penalties from the next epoch on, without resetting
     * the network or the optimiser's state.
     */
    public void retune(double learningRate, Regularization reg) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        pendingTuning.set(new double[] {learningRate, reg.l2(), reg.l1()});
        regularization.set(reg);
    }

    /** Starts training on the pool until {@link #pause()}; does nothing if already playing or diverged. */
    public synchronized void play() {
        if (diverged || closed) {
            return;
        }
        stopRequested = false;
        if (playing) {
            return; // the loop is still running and now will not stop
        }
        playing = true;
        pool.execute(this::playLoop);
    }

    /**
     * Asks the run to stop after the current epoch and returns at once; {@link #isPlaying()}
     * turns false once the loop has published its last snapshot.
     */
    public void pause() {
        stopRequested = true;
    }

    /** Decides, atomically with {@link #play()}, whether the loop ends here. */
    private synchronized boolean endLoopIfAsked() {
        if (stopRequested || closed || diverged) {
            playing = false;
            return true;
        }
        return false;
    }

    /**
     * Trains exactly one epoch on the pool and publishes its snapshot. Ignored while playing
     * or after divergence (the returned future then completes with the current snapshot).
     */
    public synchronized CompletableFuture<TrainingSnapshot> step() {
        if (playing || diverged || closed) {
            return CompletableFuture.completedFuture(latest.get());
        }
        return CompletableFuture.supplyAsync(() -> {
            synchronized (trainerLock) {
                publishStartIfNeeded();
                applyTuning();
                trainer.epoch(false);
                return publish(trainer.epochsDone());
            }
        }, pool);
    }

    /** Stops the run for good; a running epoch finishes on its own. */
    @Override
    public void close() {
        closed = true;
        stopRequested = true;
    }

    private void playLoop() {
        synchronized (trainerLock) {
            try {
                publishStartIfNeeded();
                long lastSnapshot = System.nanoTime();
                long epochsSinceSnapshot = 0;
                while (true) {
                    if (stopRequested || closed || diverged) {
                        // the last epochs before a pause are shown too
                        if (epochsSinceSnapshot > 0 && !closed && !diverged) {
                            publish(trainer.epochsDone());
                            epochsSinceSnapshot = 0;
                        }
                        if (endLoopIfAsked()) {
                            return;
                        }
                    }
                    applyTuning();
                    trainer.epoch(false);
                    epochsSinceSnapshot++;
                    if (epochsSinceSnapshot >= snapshotEvery) {
                        long now = System.nanoTime();
                        if (now - lastSnapshot >= MIN_SNAPSHOT_NANOS) {
                            double speed = epochsSinceSnapshot * 1e9 / Math.max(1, now - lastSnapshot);
                            publish(trainer.epochsDone(), speed);
                            lastSnapshot = now;
                            epochsSinceSnapshot = 0;
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    playing = false;
                }
                throw e;
            }
        }
    }

    private void applyTuning() {
        double[] t = pendingTuning.getAndSet(null);
        if (t != null) {
            trainer.retune(t[0], new Regularization(t[1], t[2]));
        }
    }

    private TrainingSnapshot publish(long epoch) {
        TrainingSnapshot previous = latest.get();
        return publish(epoch, previous == null ? 0 : previous.epochsPerSecond());
    }

    private TrainingSnapshot publish(long epoch, double epochsPerSecond) {
        TrainingSnapshot s = measure(epoch);
        if (s.diverged()) {
            diverged = true;
            TrainingSnapshot lastFinite = latest.get();
            if (lastFinite == null) {
                lastFinite = s; // not even the start was finite: nothing better to show
            }
            s = new TrainingSnapshot(epoch, lastFinite.network(), lastFinite.trainLoss(), lastFinite.testLoss(),
                    lastFinite.trainAccuracy(), lastFinite.testAccuracy(), epochsPerSecond, true);
        } else {
            s = new TrainingSnapshot(epoch, s.network(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                    s.testAccuracy(), epochsPerSecond, false);
            history.add(epoch, s.trainLoss(), s.testLoss());
        }
        latest.set(s);
        for (Consumer<TrainingSnapshot> l : listeners) {
            l.accept(s);
        }
        return s;
    }

    /** Loss and accuracy of the trainer's current network; flags non-finite results. */
    private TrainingSnapshot measure(long epoch) {
        Network net = trainer.network();
        if (!net.isFinite()) {
            return new TrainingSnapshot(epoch, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, true);
        }
        Regularization reg = regularization.get();
        double trainLoss = net.loss(trainX, trainY, reg);
        double trainAcc = Matrices.accuracy(net.predictClasses(trainX), trainY);
        double testLoss = Double.NaN;
        double testAcc = Double.NaN;
        if (testX.length > 0) {
            testLoss = net.loss(testX, testY, reg);
            testAcc = Matrices.accuracy(net.predictClasses(testX), testY);
        }
        boolean bad = !Double.isFinite(trainLoss) || (testX.length > 0 && !Double.isFinite(testLoss));
        return new TrainingSnapshot(epoch, bad ? null : net.copy(), trainLoss, testLoss, trainAcc, testAcc, 0, bad);
    }
}
