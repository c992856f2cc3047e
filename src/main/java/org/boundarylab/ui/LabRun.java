package org.boundarylab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.TrainerState;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.training.TrainingSession;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;

/**
 * The current training run: its session on the pool, the snapshot on screen (taken over once a
 * frame by {@link #pulse()}), whether it plays or diverged, and the network a saved or swept
 * lab continues from.
 *
 * <p>Threading: called on one thread (the FX thread in the app); training runs on the pool and
 * parks its snapshots in an atomic slot, so the properties only change on the calling thread.
 */
public final class LabRun {
    /** A loss this many times its starting value gets a warning about the learning rate. */
    static final double GROWTH_WARNING_FACTOR = 10;

    private final ExecutorService pool;
    private final LabForm form;
    private final LabStatus status;
    private final javafx.beans.property.DoubleProperty pace;
    private final Runnable stateChanged;
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Features> shownFeatures = new ReadOnlyObjectWrapper<>(Features.DEFAULT);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper diverged = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper generation = new ReadOnlyLongWrapper(0);
    private final List<BiConsumer<TrainingSnapshot, Features>> featuredListeners = new CopyOnWriteArrayList<>();
    /** The epoch on screen while looking back along the timeline; -1 while following the run live. */
    private final ReadOnlyLongWrapper viewedEpoch = new ReadOnlyLongWrapper(this, "viewedEpoch", -1);
    /** The newest epoch the run has shown: the timeline's end. */
    private final ReadOnlyLongWrapper liveEpoch = new ReadOnlyLongWrapper(this, "liveEpoch", 0);
    /** Read on the pool: while true, live snapshots wait instead of reaching the picture. */
    private volatile boolean lookingBack;

    /** A snapshot with the features of the run that made it, so the two never get out of step. */
    private record Published(TrainingSnapshot snapshot, Features features) {
    }

    private final AtomicReference<Published> pending = new AtomicReference<>();
    private volatile Features sessionFeatures = Features.DEFAULT;
    private volatile TrainingSession session;
    /** The points the current run trains on (Reset starts it again on them). */
    private Split currentData;
    private String divergenceMessage = "";
    private String growthWarning = "";
    private String setupError = "";
    private double startLoss = Double.NaN;

    /** A saved or swept network to continue from, used by the next run if it fits. */
    private record Resume(Network network, long epoch, TrainingHistory history, TrainerState trainer,
                          List<TrainingSnapshot> frames) {
    }

    private Resume resume;
    /** While a restore rebuilds the run: what of the saved state the run could not take. */
    private List<String> resumeProblems;

    LabRun(ExecutorService pool, LabForm form, LabStatus status, Runnable stateChanged) {
        this.pool = pool;
        this.form = form;
        this.status = status;
        this.stateChanged = stateChanged;
        // the form's pace: kept across runs, saved with the settings
        this.pace = form.paceProperty();
        pace.addListener((o, a, b) -> {
            TrainingSession current = session;
            if (current != null) {
                current.setPace(b.doubleValue());
            }
        });
    }

    /** How many epochs a second Play trains (0 = as fast as it goes); at a set pace every epoch is shown. */
    public javafx.beans.property.DoubleProperty paceProperty() {
        return pace;
    }

    /** One rung slower on the pace ladder ({@link Pace}). */
    public void slower() {
        pace.set(Pace.of(Pace.rungOf(pace.get()) - 1));
    }

    /** One rung faster on the pace ladder, up to as fast as it goes. */
    public void faster() {
        pace.set(Pace.of(Pace.rungOf(pace.get()) + 1));
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The input features of the run whose snapshot is on screen. */
    public ReadOnlyObjectProperty<Features> shownFeaturesProperty() {
        return shownFeatures.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty divergedProperty() {
        return diverged.getReadOnlyProperty();
    }

    /** Counts the runs made; views start their curves afresh when it changes. */
    public ReadOnlyLongProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    /** The current run; null while the settings describe a network the engine refuses. */
    public TrainingSession session() {
        return session;
    }

    /** The loss curve of the current run (appended to from the pool; read a copy). */
    public TrainingHistory history() {
        return session == null ? new TrainingHistory() : session.history();
    }

    /**
     * Called on a pool thread with every snapshot of the current run and the input features of
     * the run that made it (for work that belongs off the FX thread, such as the heat map); keep it short.
     */
    public void addFeaturedSnapshotListener(BiConsumer<TrainingSnapshot, Features> listener) {
        featuredListeners.add(listener);
    }

    /** The messages the run has for the user, most pressing first. */
    String[] messages() {
        return new String[] {setupError, divergenceMessage, growthWarning};
    }

    // ---- play, pause, step ----

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (!form.isValid() || session == null) {
            return;
        }
        live(); // play trains the live network on
        if (diverged.get()) {
            reset(); // a diverged run cannot continue; start it again with the settings now in place
        }
        session.play();
        playing.set(true);
        stateChanged.run();
    }

    public void pause() {
        if (session != null) {
            session.pause();
        }
        playing.set(false);
        stateChanged.run();
    }

    /** One epoch; the returned future completes on the pool with its snapshot ({@link #pulse()} shows it). */
    public CompletableFuture<TrainingSnapshot> step() {
        if (!form.isValid() || session == null || playing.get() || diverged.get()) {
            return CompletableFuture.completedFuture(snapshot.get());
        }
        live();
        return session.step();
    }

    /** The same run again from epoch 0 on the same data: same seeds, same settings. */
    public void reset() {
        pause();
        if (form.isValid() && currentData != null) {
            start(currentData);
        }
        stateChanged.run();
    }

    /**
     * Sets weight {@code W[layer][from][to]} of the current network by hand while paused and
     * publishes the changed network as a new snapshot; training goes on from it. The future
     * fails with the reason when the run is playing, has ended, or the weight does not exist.
     */
    public CompletableFuture<TrainingSnapshot> editWeight(int layer, int from, int to, double value) {
        return edit(net -> net.setWeight(layer, from, to, value), layer, from, to);
    }

    /** Sets bias {@code b[layer][unit]} (of unit {@code unit} in layer {@code layer + 1}) like {@link #editWeight}. */
    public CompletableFuture<TrainingSnapshot> editBias(int layer, int unit, double value) {
        return edit(net -> net.setBias(layer, unit, value), layer, 0, unit);
    }

    /**
     * Sets every weight and bias of the current network to {@code parameters}' at once, as one
     * change by hand (a whole gradient step applied, or taken back), and publishes it like
     * {@link #editWeight}. The future fails with the reason when the run is playing, has ended,
     * or the network has another shape.
     */
    public CompletableFuture<TrainingSnapshot> setParameters(Network parameters) {
        TrainingSnapshot shown = snapshot.get();
        if (shown != null && shown.network() != null
                && !shown.network().architecture().equals(parameters.architecture())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the network is "
                    + shown.network().architecture() + ", not " + parameters.architecture()));
        }
        Network copy = parameters.copy();
        return edit(copy::copyInto, 0, 0, 0);
    }

    /**
     * What one epoch of full-batch gradient descent would use now: the current run's training
     * inputs (the features of its points, as the run sees them), their labels, and the learning
     * rate and penalties as typed; null without a run or while the settings are invalid.
     */
    public StepSetup stepSetup() {
        if (session == null || currentData == null || !form.isValid()) {
            return null;
        }
        Dataset train = currentData.train();
        return new StepSetup(sessionFeatures.map(train.x()), train.y(), sessionFeatures, form.learningRate(),
                form.regularization());
    }

    /** See {@link #stepSetup()}. */
    public record StepSetup(double[][] inputs, int[] labels, Features features, double learningRate,
                            org.boundarylab.nn.Regularization regularization) {
    }

    private CompletableFuture<TrainingSnapshot> edit(Consumer<Network> change, int layer, int from, int to) {
        TrainingSession current = session;
        if (current == null || playing.get() || lookingBack) {
            return CompletableFuture.failedFuture(new IllegalStateException(current == null
                    ? "there is no network to change" : lookingBack ? "go back to Live before changing a parameter"
                    : "pause training before changing a parameter"));
        }
        TrainingSnapshot shown = current.latest();
        Architecture arch = shown != null && shown.network() != null ? shown.network().architecture() : null;
        if (arch != null && (layer < 0 || layer >= arch.depth() || from < 0 || from >= arch.width(layer)
                || to < 0 || to >= arch.width(layer + 1))) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the network " + arch
                    + " has no parameter at layer " + layer + ", " + from + " -> " + to));
        }
        return current.edit(change);
    }

    // ---- looking back along the timeline ----

    public ReadOnlyLongProperty viewedEpochProperty() {
        return viewedEpoch.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty liveEpochProperty() {
        return liveEpoch.getReadOnlyProperty();
    }

    /** Whether the picture shows an earlier epoch than the run's. */
    public boolean isLookingBack() {
        return lookingBack;
    }

    /**
     * Shows the run as it was at the kept epoch nearest {@code epoch} (at or before it): the
     * picture, the diagram and the figures, all of that epoch; training, if playing, goes on
     * unseen. Returns the epoch shown, or -1 when there is nothing to show.
     */
    public long view(long epoch) {
        TrainingSession current = session;
        TrainingSnapshot frame = current == null ? null : current.timeline().at(epoch);
        if (frame == null) {
            return -1;
        }
        lookingBack = true;
        viewedEpoch.set(frame.epoch());
        shownFeatures.set(sessionFeatures);
        snapshot.set(frame);
        status.showFigures(frame);
        toPicture(frame, sessionFeatures);
        stateChanged.run();
        return frame.epoch();
    }

    /** The snapshot of the lowest test loss so far, or null when there is none (no test data, no run). */
    public TrainingSnapshot bestTestSnapshot() {
        TrainingSession current = session;
        return current == null ? null : current.timeline().best();
    }

    /** Hands {@code s} to the featured listeners (the heat map, built on the pool); any thread. */
    private void toPicture(TrainingSnapshot s, Features inputs) {
        for (BiConsumer<TrainingSnapshot, Features> l : featuredListeners) {
            l.accept(s, inputs);
        }
    }

    /** Shows the epoch of the lowest test loss so far; -1 when there is none (no test data). */
    public long viewBest() {
        TrainingSession current = session;
        TrainingSnapshot best = current == null ? null : current.timeline().best();
        return best == null ? -1 : view(best.epoch());
    }

    /** Follows the run again, from its newest snapshot. */
    public void live() {
        if (!lookingBack) {
            return;
        }
        lookingBack = false;
        viewedEpoch.set(-1);
        TrainingSession current = session;
        Published p = pending.getAndSet(null);
        TrainingSnapshot newest = p != null ? p.snapshot() : current == null ? null : current.latest();
        if (newest != null) {
            show(newest, sessionFeatures);
            toPicture(newest, sessionFeatures);
        }
        stateChanged.run();
    }

    /**
     * Trains on from the epoch being looked at: the run after it (history, networks) is
     * discarded. Gradient descent continues exactly; an optimiser with a memory (momentum, Adam)
     * or a mini-batch shuffle starts that memory afresh from here. False when not looking back.
     */
    public boolean continueFromViewed() {
        TrainingSession current = session;
        if (!lookingBack || current == null || currentData == null) {
            return false;
        }
        pause();
        TrainingSnapshot frame = current.timeline().at(viewedEpoch.get());
        resume = new Resume(frame.network().copy(), frame.epoch(), current.history().copyUpTo(frame.epoch()), null,
                current.timeline().frames());
        start(currentData);
        stateChanged.run();
        return true;
    }

    // ---- building runs ----

    /** The next run continues from this network if it fits, counting epochs on from {@code epoch}. */
    void continueFrom(Network network, long epoch, TrainingHistory history, TrainerState trainer,
                      List<TrainingSnapshot> frames) {
        resume = new Resume(network.copy(), epoch, history, trainer, List.copyOf(frames));
    }

    /** Collects, until {@link #takeResumeProblems()}, what the next run could not take of a saved state. */
    void noteResumeProblems() {
        resumeProblems = new ArrayList<>();
    }

    List<String> takeResumeProblems() {
        List<String> problems = resumeProblems == null ? List.of() : resumeProblems;
        resumeProblems = null;
        return problems;
    }

    /** Ends the current run and starts a new one on {@code split} with the form's settings, paused. */
    void start(Split split) {
        TrainingSession old = session;
        if (old != null) {
            old.close();
        }
        playing.set(false);
        currentData = split;
        try {
            OutputLoss out = form.outputLossProperty().get();
            Features inputs = form.featuresProperty().get();
            int classes = split.train().classes();
            Architecture arch = Architecture.of(2, form.hiddenLayers(),
                    form.outputUnits() > 0 ? form.outputUnits() : out.outputsFor(classes),
                    form.activationProperty().get(), out.activation(), out.loss())
                    .withInputs(inputs.count()); // one input unit per chosen feature
            Network net = form.initializerProperty().get().create(arch, form.longValue(Field.WEIGHT_SEED));
            Resume from = resume; // a saved or swept network continues instead, if it fits
            boolean resuming = from != null && from.network().architecture().equals(arch);
            net = resuming ? from.network().copy() : net;
            Dataset train = split.train();
            Dataset test = split.test();
            // the network sees each point's features; the data and the pictures keep x1, x2
            TrainingSession fresh = new TrainingSession(net, inputs.map(train.x()), train.y(), inputs.map(test.x()),
                    test.y(), form.trainingOptions(), pool);
            fresh.setSnapshotEvery(form.redrawEvery());
            fresh.setStopAtEpoch(form.stopAt());
            fresh.setPace(pace.get());
            fresh.addListener(s -> {
                if (session == fresh) { // a closed run may still finish its last epoch
                    pending.set(new Published(s, inputs));
                    if (!lookingBack) {
                        toPicture(s, inputs);
                    }
                }
            });
            session = fresh;
            sessionFeatures = inputs;
            setupError = "";
            divergenceMessage = "";
            growthWarning = "";
            startLoss = Double.NaN;
            diverged.set(false);
            pending.set(null);
            lookingBack = false;
            viewedEpoch.set(-1);
            liveEpoch.set(resuming ? from.epoch() : 0);
            generation.set(generation.get() + 1);
            status.showParameters(arch.parameterCount());
            if (resuming) {
                resumeInto(fresh, from);
            } else if (from != null && resumeProblems != null) {
                resumeProblems.add("the network " + from.network().architecture() + " does not fit the settings' "
                        + arch + "; the lab starts from its own first weights at epoch 0");
            }
            resume = null;
            // epoch 0 is measured on the pool and arrives like any other snapshot; until then
            // the previous picture stays up rather than a blank one
            fresh.start();
        } catch (IllegalArgumentException e) {
            // a combination the engine refuses (the field checks cannot see every one)
            session = null;
            setupError = e.getMessage();
            status.clearFigures(); // the last run's figures are not of these points or settings
        }
    }

    private void resumeInto(TrainingSession fresh, Resume from) {
        fresh.resumeAt(from.epoch(), from.history());
        fresh.resumeTimeline(from.frames());
        if (from.trainer() != null) {
            try {
                fresh.resumeTrainer(from.trainer());
            } catch (IllegalArgumentException e) {
                if (resumeProblems != null) {
                    resumeProblems.add("the optimiser's state did not fit (" + e.getMessage()
                            + "); training on starts the optimiser afresh");
                }
            }
        }
    }

    /** The running run takes the rate, penalties, redraw interval and stop-at epoch as typed now. */
    void retune() {
        if (session != null) {
            session.retune(form.learningRate(), form.regularization());
            session.setSnapshotEvery(form.redrawEvery());
            session.setStopAtEpoch(form.stopAt());
        }
    }

    // ---- the frame loop ----

    /**
     * Takes over the newest snapshot from training, if any, and notices a run that stopped by
     * itself. Called once per frame.
     */
    public void pulse() {
        Published p = pending.getAndSet(null);
        if (p != null) {
            liveEpoch.set(p.snapshot().epoch());
            if (!lookingBack) {
                show(p.snapshot(), p.features());
            }
        }
        TrainingSession current = session;
        if (playing.get() && current != null && !current.isPlaying()) {
            // the loop ended on its own (divergence, the stop-at epoch); show its final snapshot
            TrainingSnapshot last = current.latest();
            if (last != null) {
                liveEpoch.set(last.epoch());
            }
            if (last != null && last != snapshot.get() && !lookingBack) {
                show(last, sessionFeatures);
            }
            playing.set(false);
            stateChanged.run();
        }
    }

    private void show(TrainingSnapshot s, Features inputs) {
        shownFeatures.set(inputs);
        snapshot.set(s);
        TrainingSession current = session;
        if (Double.isNaN(startLoss) && current != null && current.started().isDone()) {
            // taken from the run itself: the window may never have shown epoch 0
            startLoss = current.started().join().trainLoss();
        }
        status.showFigures(s);
        // a stable cross-entropy keeps a saturated network finite, so a too-large rate often
        // shows as a loss that climbs far above where it started rather than as NaN
        String warning = !s.diverged() && startLoss > 0 && s.trainLoss() > GROWTH_WARNING_FACTOR * startLoss
                ? String.format(Locale.ROOT, "The training loss has grown to %s from %s at epoch 0: the learning rate"
                        + " is probably too large; try %s.", LabStatus.loss(s.trainLoss()), LabStatus.loss(startLoss),
                        suggestion(form.learningRateOrNaN()))
                : "";
        if (!warning.equals(growthWarning)) {
            growthWarning = warning;
            stateChanged.run();
        }
        if (s.diverged()) {
            diverged.set(true);
            divergenceMessage = String.format(Locale.ROOT,
                    "Training diverged at epoch %,d: the loss became NaN or infinite. Try a smaller learning rate"
                            + " than %s (e.g. %s), then press Play or Reset. The last finite network is shown.",
                    s.epoch(), form.textProperty(Field.LEARNING_RATE).get().trim(),
                    suggestion(form.learningRateOrNaN()));
            stateChanged.run();
        }
    }

    private static String suggestion(double lr) {
        if (Double.isNaN(lr)) {
            return "0.1";
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2g", lr / 10)).stripTrailingZeros()
                .toPlainString();
    }
}
