package org.boundarylab.training;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Evaluation;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainerState;
import org.boundarylab.nn.TrainingOptions;

/**
 * One training run of one network, driven from a pool thread and never from the caller's.
 *
 * <p>Play trains until Pause; Step trains one epoch. Only one of them touches the trainer at
 * a time. Progress leaves the run only as immutable {@link TrainingSnapshot}s: the newest is
 * kept in {@link #latest()} and every one is passed to the listeners (on the pool thread).
 *
 * <p>What the run did is logged in its {@link TrainingHistory} independently of the screen:
 * every epoch at a set {@linkplain #setPace pace}, and at full speed the epochs
 * {@link LogSchedule} picks (every one of the first two thousand, then ever sparser, at least a
 * thousand rows a run), each with the exact figures of that epoch's weights. At full speed a
 * snapshot is made at most once per {@link #setSnapshotEvery snapshot interval} of epochs and at
 * most {@value #MAX_SNAPSHOTS_PER_SECOND} times a second, so a tiny network is not slowed down by
 * measuring itself more often than any screen can show, and at most so often that measuring
 * takes one part in {@value #TRAINING_PER_MEASUREMENT} + 1 of the time. A full-batch run reads
 * the training figures of the weights it logs off the next epoch's own forward pass (to the
 * last bit), so logging costs a pass over the test data and, for a snapshot, a copy of the
 * network; in mini-batches it also costs a forward pass over the training data.
 *
 * <p>A run whose loss or parameters stop being finite pauses by itself and publishes a
 * snapshot flagged {@code diverged} that carries the last finite network.
 */
public final class TrainingSession implements AutoCloseable {
    /** A screen shows about 60 frames a second; snapshots beyond that only cost copies and redraws. */
    static final int MAX_SNAPSHOTS_PER_SECOND = 60;
    private static final long MIN_SNAPSHOT_NANOS = 1_000_000_000L / MAX_SNAPSHOTS_PER_SECOND;
    /** While playing, training time between snapshots is at least this many times the last measurement's. */
    static final int TRAINING_PER_MEASUREMENT = 10;

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
    private final TrainingHistory history = new TrainingHistory();
    private final NetworkTimeline timeline;
    private final CompletableFuture<TrainingSnapshot> started = new CompletableFuture<>();
    /** Checkpoints asked for while playing; the loop serves them between two epochs. */
    private final ConcurrentLinkedQueue<CompletableFuture<Checkpoint>> checkpointRequests =
            new ConcurrentLinkedQueue<>();

    private volatile int snapshotEvery = 1;
    /** Epochs a second while playing; 0 = as fast as it goes. */
    private volatile double pace;
    /** Play pauses by itself when training reaches this epoch; 0 = never. */
    private volatile long stopAtEpoch;
    /** The play loop is running (or about to); only the loop itself clears it. */
    private volatile boolean playing;
    private volatile boolean stopRequested;
    private volatile boolean diverged;
    private volatile boolean closed;
    private volatile long epochOffset;
    /** The epoch of the history's newest row; -1 before the first. */
    private long lastLoggedEpoch = -1;
    /** The lowest test loss logged so far (its network is the timeline's best frame). */
    private double bestTestLoss = Double.POSITIVE_INFINITY;
    /** The newest snapshot whose network and losses were finite, at its own epoch. */
    private volatile TrainingSnapshot lastFinite;
    /** Made on first use, on the pool, under the trainer lock; kept so a snapshot allocates little. */
    private Evaluation trainEvaluation;
    private Evaluation testEvaluation;

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
        this.timeline = new NetworkTimeline(network.architecture().parameterCount());
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
        started.complete(publish(epochsDone(), 0));
    }

    /**
     * Continues a run saved earlier: epochs count on from {@code epoch} and the loss curve starts
     * with {@code earlier} (may be null). Call before {@link #start()}.
     */
    public void resumeAt(long epoch, TrainingHistory earlier) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        if (started.isDone()) {
            throw new IllegalStateException("the run has already started");
        }
        epochOffset = epoch;
        if (earlier != null) {
            history.clear();
            for (TrainingHistory.Entry e : earlier.entries()) {
                if (e.last() < epoch) { // the resumed start measures epoch itself again
                    history.append(e);
                }
            }
        }
    }

    /**
     * Continues the timeline of the run this one resumes: its frames before {@code resumeAt}'s
     * epoch, the one of the lowest test loss among them kept as the best. Call before {@link #start()}.
     */
    public void resumeTimeline(List<TrainingSnapshot> frames) {
        if (started.isDone()) {
            throw new IllegalStateException("the run has already started");
        }
        for (TrainingSnapshot f : frames) {
            if (f.epoch() < epochOffset) {
                timeline.add(f);
                if (f.testLoss() < bestTestLoss) {
                    bestTestLoss = f.testLoss();
                    timeline.keepBest(f);
                }
            }
        }
    }

    /**
     * Continues with the optimiser's memory and the mini-batch shuffle of a run saved earlier
     * (see {@link Trainer#restore}). Call before {@link #start()}, with {@link #resumeAt}.
     *
     * @throws IllegalArgumentException when the state does not fit this run; nothing changes then
     */
    public void resumeTrainer(TrainerState state) {
        synchronized (trainerLock) {
            if (started.isDone()) {
                throw new IllegalStateException("the run has already started");
            }
            trainer.restore(state);
        }
    }

    /**
     * The network and the trainer's state at one moment, for saving. Paused, it is taken on
     * the pool as soon as no step is running; playing, the loop takes it between two epochs
     * and trains on (nothing waits for a pause).
     */
    public synchronized CompletableFuture<Checkpoint> checkpoint() {
        CompletableFuture<Checkpoint> request = new CompletableFuture<>();
        if (playing) {
            checkpointRequests.add(request); // served by the loop, at the latest as it ends
        } else {
            pool.execute(() -> {
                synchronized (trainerLock) {
                    request.complete(takeCheckpoint());
                }
            });
        }
        return request;
    }

    /** Under the trainer lock. */
    private void serveCheckpoints() {
        CompletableFuture<Checkpoint> request;
        while ((request = checkpointRequests.poll()) != null) {
            request.complete(takeCheckpoint());
        }
    }

    /** Under the trainer lock, between epochs. */
    private Checkpoint takeCheckpoint() {
        Network net = trainer.network();
        // a run stops at a non-finite loss even when its weights are still finite numbers: what
        // it saves is then the last network it showed, as the window shows it
        if (!diverged && net.isFinite()) {
            return new Checkpoint(epochsDone(), net.copy(), trainer.state());
        }
        TrainingSnapshot last = lastFinite;
        return last == null ? new Checkpoint(epochsDone(), null, null)
                : new Checkpoint(last.epoch(), last.network().copy(), null);
    }

    private long epochsDone() {
        return epochOffset + trainer.epochsDone();
    }

    /** Called on a pool thread with every snapshot, in epoch order. */
    public void addListener(Consumer<TrainingSnapshot> listener) {
        listeners.add(listener);
    }

    /** The newest snapshot; null until epoch 0 has been measured (see {@link #start()}). */
    public TrainingSnapshot latest() {
        return latest.get();
    }

    /** The networks this run showed, for going back to one of them. */
    public NetworkTimeline timeline() {
        return timeline;
    }

    /** Every epoch's figures at a set pace, those {@link LogSchedule} picks at full speed, and every snapshot's. */
    public TrainingHistory history() {
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
     * Sets how many epochs a second play trains (0 = as fast as it goes). At a set pace every
     * epoch is published (at most {@value #MAX_SNAPSHOTS_PER_SECOND} a second), at evenly spaced
     * times, so a class can watch the boundary move epoch by epoch; a change takes effect from
     * the next epoch. Step is not paced.
     */
    public void setPace(double epochsPerSecond) {
        if (!(epochsPerSecond >= 0) || Double.isInfinite(epochsPerSecond)) {
            throw new IllegalArgumentException("the pace must be 0 (as fast as it goes) or a number of epochs a second, got "
                    + epochsPerSecond);
        }
        pace = epochsPerSecond;
    }

    public double pace() {
        return pace;
    }

    /**
     * Waits until the next epoch is due at the current pace; false when asked to stop while
     * waiting. Waits in short slices, so Pause answers at once however slow the pace.
     */
    private boolean waitForPace(long[] due, double[] paceOfSchedule) {
        double p = pace;
        if (p <= 0) {
            due[0] = 0;
            return true;
        }
        long now = System.nanoTime();
        long interval = (long) (1e9 / p);
        if (due[0] == 0 || p != paceOfSchedule[0] || now - due[0] > 250_000_000L) {
            due[0] = now; // a new pace, or fallen far behind (a slow epoch): start the schedule again
            paceOfSchedule[0] = p;
        }
        while (now < due[0]) {
            if (stopRequested || closed) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(due[0] - now, 5_000_000L));
            now = System.nanoTime();
        }
        due[0] += interval;
        return true;
    }

    /**
     * Makes play pause by itself once training reaches {@code epoch} (0 = never), with a
     * snapshot of exactly that epoch. Play pressed again after that epoch runs on until paused.
     */
    public void setStopAtEpoch(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("the epoch to stop at must be 0 (never) or above, got " + epoch);
        }
        stopAtEpoch = epoch;
    }

    public long stopAtEpoch() {
        return stopAtEpoch;
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
                return publish(epochsDone());
            }
        }, pool);
    }

    /**
     * Changes the trained network by hand (a teacher setting one weight to show what it does)
     * and publishes the result as a new snapshot of the same epoch; training goes on from the
     * changed network. Runs on the pool, like an epoch, so it never races one. Refused while
     * playing (the future completes exceptionally) and after divergence.
     */
    public synchronized CompletableFuture<TrainingSnapshot> edit(Consumer<Network> change) {
        if (playing || diverged || closed) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    playing ? "pause training before changing a parameter by hand"
                            : "this run has ended; reset it before changing a parameter"));
        }
        return CompletableFuture.supplyAsync(() -> {
            synchronized (trainerLock) {
                publishStartIfNeeded();
                change.accept(trainer.network());
                return publish(epochsDone());
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
                // counted from the epoch on screen, as the snapshots number it
                long epochAtLoopStart = latest.get().epoch();
                long trainedThisLoop = 0;
                long lastSnapshot = System.nanoTime();
                long epochsSinceSnapshot = 0;
                long measureNanos = 0; // what the last snapshot cost (measuring, listeners)
                long[] nextEpochDue = {0};
                double[] paceOfSchedule = {0};
                while (true) {
                    if (stopRequested || closed || diverged) {
                        // the last epochs before a pause are shown too
                        if (epochsSinceSnapshot > 0 && !closed && !diverged) {
                            publish(epochsDone());
                            epochsSinceSnapshot = 0;
                        }
                        if (endLoopIfAsked()) {
                            serveCheckpoints(); // asked for before the loop said it ends
                            return;
                        }
                    }
                    serveCheckpoints();
                    if (!waitForPace(nextEpochDue, paceOfSchedule)) {
                        continue; // asked to stop while waiting: the top of the loop ends it
                    }
                    applyTuning();
                    boolean paced = pace > 0;
                    long epoch = epochsDone();
                    long now = System.nanoTime();
                    // at full speed a snapshot shows the weights before this epoch's step (its
                    // training figures come off the step's own forward pass); at a set pace each
                    // epoch is shown as soon as it is trained, below
                    boolean snapshot = !paced && epochsSinceSnapshot >= snapshotEvery
                            && now - lastSnapshot >= Math.max(MIN_SNAPSHOT_NANOS, (TRAINING_PER_MEASUREMENT + 1) * measureNanos);
                    boolean row = epoch != lastLoggedEpoch && (paced || LogSchedule.due(epoch));
                    if (snapshot || row) {
                        double speed = epochsSinceSnapshot * 1e9 / Math.max(1, now - lastSnapshot);
                        measureAndStep(epoch, snapshot, speed);
                        if (snapshot) {
                            lastSnapshot = now;
                            measureNanos = System.nanoTime() - now;
                            epochsSinceSnapshot = 0;
                        }
                    } else {
                        trainer.epoch(false);
                    }
                    epochsSinceSnapshot++;
                    trainedThisLoop++;
                    if (epochAtLoopStart + trainedThisLoop == stopAtEpoch) {
                        // the run's length is reached: show exactly this epoch and stop
                        publish(stopAtEpoch);
                        epochsSinceSnapshot = 0;
                        synchronized (this) {
                            stopRequested = true;
                        }
                        if (endLoopIfAsked()) {
                            serveCheckpoints();
                            return;
                        }
                        continue;
                    }
                    if (paced && !stopRequested && !diverged) {
                        long after = System.nanoTime();
                        // every epoch is shown, as long as a screen can show them
                        if (pace <= MAX_SNAPSHOTS_PER_SECOND || after - lastSnapshot >= MIN_SNAPSHOT_NANOS) {
                            publish(epochsDone(), epochsSinceSnapshot * 1e9 / Math.max(1, after - lastSnapshot));
                            lastSnapshot = after;
                            epochsSinceSnapshot = 0;
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    playing = false;
                }
                CompletableFuture<Checkpoint> request;
                while ((request = checkpointRequests.poll()) != null) {
                    request.completeExceptionally(e);
                }
                throw e;
            }
        }
    }

    /**
     * Measures the weights after {@code epoch} epochs, logs them (and publishes them as a
     * snapshot when asked), then trains one epoch. Full-batch, the training figures are read off
     * that epoch's own forward pass (the same figures to the last bit, see
     * {@link Trainer#epochMeasured}), so logging costs only a pass over the test data.
     */
    private void measureAndStep(long epoch, boolean snapshot, double speed) {
        Network net = trainer.network();
        if (!trainer.measuresInEpoch() || !net.isFinite()) {
            if (snapshot) {
                publish(epoch, speed);
            } else {
                // only a new lowest test loss keeps its network (for "best test epoch")
                TrainingSnapshot s = measure(epoch, false);
                if (!s.diverged() && s.testLoss() < bestTestLoss) {
                    s = new TrainingSnapshot(epoch, net.copy(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                            s.testAccuracy(), 0, false);
                }
                if (s.diverged()) {
                    emit(s, speed);
                } else {
                    log(s);
                }
            }
            if (!diverged) {
                trainer.epoch(false);
            }
            return;
        }
        Evaluation.Result test = measureTest(net);
        // the network of a new lowest test loss is kept too, for "jump to the best epoch"
        Network copy = snapshot || (test != null && test.loss() < bestTestLoss) ? net.copy() : null;
        Evaluation.Result train = trainer.epochMeasured();
        double testLoss = test == null ? Double.NaN : test.loss();
        double testAcc = test == null ? Double.NaN : test.accuracy();
        boolean bad = !Double.isFinite(train.loss()) || (test != null && !Double.isFinite(testLoss));
        TrainingSnapshot s = new TrainingSnapshot(epoch, bad ? null : copy, train.loss(), testLoss, train.accuracy(),
                testAcc, 0, bad);
        if (snapshot || bad) {
            emit(s, speed);
        } else {
            log(s);
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
        return emit(measure(epoch), epochsPerSecond);
    }

    /** Publishes a measured snapshot, or the last finite one flagged diverged. */
    private TrainingSnapshot emit(TrainingSnapshot s, double epochsPerSecond) {
        long epoch = s.epoch();
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
            log(s);
            timeline.add(s);
            lastFinite = s;
        }
        latest.set(s);
        for (Consumer<TrainingSnapshot> l : listeners) {
            l.accept(s);
        }
        return s;
    }

    /** Adds a measured epoch's figures to the history. */
    private void log(TrainingSnapshot s) {
        history.add(s.epoch(), s.trainLoss(), s.testLoss(), s.trainAccuracy(), s.testAccuracy());
        lastLoggedEpoch = s.epoch();
        if (s.network() != null && s.testLoss() < bestTestLoss) {
            bestTestLoss = s.testLoss();
            timeline.keepBest(s);
        }
    }

    /** The test figures of {@code net}; null without test data. */
    private Evaluation.Result measureTest(Network net) {
        if (testX.length == 0) {
            return null;
        }
        if (testEvaluation == null) {
            testEvaluation = new Evaluation(net.architecture(), testX, testY);
        }
        return testEvaluation.measure(net, regularization.get());
    }

    /** Loss and accuracy of the trainer's current network; flags non-finite results. */
    private TrainingSnapshot measure(long epoch) {
        return measure(epoch, true);
    }

    /** As {@link #measure(long)}; without a copy of the network unless {@code withNetwork}. */
    private TrainingSnapshot measure(long epoch, boolean withNetwork) {
        Network net = trainer.network();
        if (!net.isFinite()) {
            return new TrainingSnapshot(epoch, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, true);
        }
        Regularization reg = regularization.get();
        // one forward pass per data set through buffers kept between snapshots (see Evaluation)
        Evaluation.Result train = trainer.fullBatchMeasurement(reg);
        if (train == null) {
            if (trainEvaluation == null) {
                trainEvaluation = new Evaluation(net.architecture(), trainX, trainY);
            }
            train = trainEvaluation.measure(net, reg);
        }
        double trainLoss = train.loss();
        double trainAcc = train.accuracy();
        Evaluation.Result test = measureTest(net);
        double testLoss = test == null ? Double.NaN : test.loss();
        double testAcc = test == null ? Double.NaN : test.accuracy();
        boolean bad = !Double.isFinite(trainLoss) || (test != null && !Double.isFinite(testLoss));
        return new TrainingSnapshot(epoch, bad || !withNetwork ? null : net.copy(), trainLoss, testLoss, trainAcc,
                testAcc, 0, bad);
    }
}
