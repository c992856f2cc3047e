package org.boundarylab.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Generators;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.ClassificationReport;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.TrainerState;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.training.LossHistory;
import org.boundarylab.training.TrainingSession;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;

/**
 * The state of the lab window as plain JavaFX properties, with no controls and no toolkit:
 * the settings as typed, their validation messages, the current data, the current training
 * session and the figures of its newest snapshot.
 *
 * <p>Threading: every method is called on one thread (the FX thread in the app, the test
 * thread in tests). Training runs on the pool; its snapshots are parked in an atomic slot and
 * taken over by {@link #pulse()}, which the window calls once per frame, so the properties
 * only ever change on the calling thread and at most once per frame.
 *
 * <p>Changing the data or the network's shape starts a new run (the same seeds give the same
 * run); changing the learning rate or the penalties retunes the running one.
 */
public final class LabViewModel {
    /** Fraction of the data's size added around it in the picture. */
    public static final double VIEW_MARGIN = 0.12;
    /** A loss this many times its starting value gets a warning about the learning rate. */
    static final double GROWTH_WARNING_FACTOR = 10;
    /** The noise slider's range ends here. */
    public static final double MAX_NOISE = 0.5;

    private final ExecutorService pool;

    private final ObjectProperty<DatasetKind> dataset = new SimpleObjectProperty<>(DatasetKind.MOONS);
    private final DoubleProperty noise = new SimpleDoubleProperty(0.2);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.TANH);
    private final ObjectProperty<OutputLoss> outputLoss = new SimpleObjectProperty<>(OutputLoss.SIGMOID_CROSS_ENTROPY);
    private final ObjectProperty<Initializer> initializer = new SimpleObjectProperty<>(Initializer.GLOROT);
    private final ObjectProperty<Optimizer.Kind> optimizer = new SimpleObjectProperty<>(Optimizer.Kind.GD);
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObjectProperty<Features> features = new SimpleObjectProperty<>(Features.DEFAULT);
    private final ReadOnlyObjectWrapper<Features> shownFeatures = new ReadOnlyObjectWrapper<>(Features.DEFAULT);

    private final ReadOnlyBooleanWrapper classesApply = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper diverged = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper playDisabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Split> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper generation = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper trainLossText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper testLossText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper trainAccuracyText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper testAccuracyText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper gapText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper parametersText = new ReadOnlyStringWrapper("–");
    // data not made by the generator (drawn, imported, opened), and a network to continue from
    private final ReadOnlyBooleanWrapper customData = new ReadOnlyBooleanWrapper(false);
    private Network resumeNetwork;
    private long resumeEpoch;
    private LossHistory.Points resumeHistory;
    private TrainerState resumeTrainer;
    /** While {@link #restore} rebuilds the run: what of the saved state the run could not take. */
    private List<String> resumeProblems;
    private int batching;

    private final List<Consumer<TrainingSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<TrainingSnapshot, Features>> featuredListeners = new CopyOnWriteArrayList<>();
    /** A snapshot with the features of the run that made it, so the two never get out of step. */
    private record Published(TrainingSnapshot snapshot, Features features) {
    }

    private final AtomicReference<Published> pending = new AtomicReference<>();
    private volatile Features sessionFeatures = Features.DEFAULT;
    private volatile TrainingSession session;
    private String divergenceMessage = "";
    private String growthWarning = "";
    private double startLoss = Double.NaN;
    private String setupError = "";
    private boolean dataDirty;
    private boolean networkDirty;
    /** Settings a lesson sets that have no control: 0 = all training points / automatic outputs. */
    private int trainSubset;
    private int outputUnits;
    /** True while {@link #apply} sets many properties: they start one run, not one each. */
    private boolean applying;

    public LabViewModel(ExecutorService pool) {
        this.pool = pool;
        text(Field.SAMPLES, "400");
        text(Field.CLASSES, "3");
        text(Field.TEST_SHARE, "0.2");
        text(Field.DATA_SEED, "0");
        text(Field.HIDDEN_LAYERS, "4");
        text(Field.WEIGHT_SEED, "1");
        text(Field.LEARNING_RATE, "0.3");
        text(Field.L2, "0");
        text(Field.L1, "0");
        text(Field.BATCH_SIZE, "");
        text(Field.REDRAW_EVERY, "10");
        text(Field.STOP_AT, "");

        dataset.addListener((o, a, b) -> {
            classesApply.set(hasClassCount(b));
            errors.get(Field.CLASSES).set(errorOf(Field.CLASSES, texts.get(Field.CLASSES).get()));
            changed(Change.DATA);
        });
        noise.addListener((o, a, b) -> changed(Change.DATA));
        activation.addListener((o, a, b) -> changed(Change.NETWORK));
        outputLoss.addListener((o, a, b) -> {
            if (!applying) {
                outputUnits = 0; // a count set by a lesson belongs to the lesson's output layer
            }
            changed(Change.NETWORK);
        });
        initializer.addListener((o, a, b) -> changed(Change.NETWORK));
        optimizer.addListener((o, a, b) -> changed(Change.NETWORK));
        features.addListener((o, a, b) -> {
            if (b == null) {
                features.set(a); // there is always at least one input
            } else {
                changed(Change.NETWORK);
            }
        });
        for (Field f : Field.values()) {
            texts.get(f).addListener((o, a, b) -> {
                errors.get(f).set(errorOf(f, b));
                changed(changeOf(f));
            });
        }
        dataDirty = true;
        networkDirty = true;
        changed(Change.DATA);
    }

    private void text(Field f, String initial) {
        texts.put(f, new SimpleStringProperty(initial));
        errors.put(f, new ReadOnlyStringWrapper(errorOf(f, initial)));
    }

    /** The field's message, except for a setting the current data set does not use. */
    private String errorOf(Field f, String text) {
        if (f == Field.CLASSES && !hasClassCount(dataset.get())) {
            return "";
        }
        return InputRules.check(f, text);
    }

    /** Blobs and spirals come in any number of classes; the other patterns have two. */
    public static boolean hasClassCount(DatasetKind kind) {
        return kind == DatasetKind.GAUSSIAN || kind == DatasetKind.SPIRAL;
    }

    private enum Change { DATA, NETWORK, TUNING, REDRAW }

    private static Change changeOf(Field f) {
        return switch (f) {
            case SAMPLES, CLASSES, TEST_SHARE, DATA_SEED -> Change.DATA;
            // the optimiser's batch size is fixed when a trainer is made
            case HIDDEN_LAYERS, WEIGHT_SEED, BATCH_SIZE -> Change.NETWORK;
            case LEARNING_RATE, L2, L1 -> Change.TUNING;
            case REDRAW_EVERY, STOP_AT -> Change.REDRAW;
        };
    }

    // ---- settings ----

    public ObjectProperty<DatasetKind> datasetProperty() {
        return dataset;
    }

    public DoubleProperty noiseProperty() {
        return noise;
    }

    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }

    public ObjectProperty<OutputLoss> outputLossProperty() {
        return outputLoss;
    }

    public ObjectProperty<Initializer> initializerProperty() {
        return initializer;
    }

    public ObjectProperty<Optimizer.Kind> optimizerProperty() {
        return optimizer;
    }

    /** The text of a field as typed. */
    public StringProperty textProperty(Field f) {
        return texts.get(f);
    }

    /** "" when the field's text is acceptable, else what is wrong with it. */
    public ReadOnlyStringProperty errorProperty(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }

    /** Whether the class count applies to the chosen data set (blobs and spirals). */
    public ReadOnlyBooleanProperty classesApplyProperty() {
        return classesApply.getReadOnlyProperty();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The input features the network is fed; changing them changes the architecture and starts a new run. */
    public ObjectProperty<Features> featuresProperty() {
        return features;
    }

    // ---- state ----

    /** The features of the run whose snapshot is shown (they change with it, not before). */
    public ReadOnlyObjectProperty<Features> shownFeaturesProperty() {
        return shownFeatures.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty divergedProperty() {
        return diverged.getReadOnlyProperty();
    }

    /** Play cannot start with invalid settings; a running run can always be paused. */
    public ReadOnlyBooleanProperty playDisabledProperty() {
        return playDisabled.getReadOnlyProperty();
    }

    /** The first thing the user should know: an invalid field, a setup problem, or a divergence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Split> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The newest snapshot taken over by {@link #pulse()}. */
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Counts new runs, so views know when to clear curves and pictures. */
    public ReadOnlyLongProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainLossTextProperty() {
        return trainLossText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testLossTextProperty() {
        return testLossText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainAccuracyTextProperty() {
        return trainAccuracyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testAccuracyTextProperty() {
        return testAccuracyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gapTextProperty() {
        return gapText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parametersTextProperty() {
        return parametersText.getReadOnlyProperty();
    }

    // ---- whole setups (lessons, saved files) ----

    /**
     * Sets every setting from {@code s} at once and starts its run at epoch 0, paused. Refuses
     * (changing nothing) settings the lab's controls cannot show, saying which and why.
     */
    public void apply(LabSettings s) {
        setFields(s, null);
        dataDirty = true;
        changed(Change.NETWORK); // not DATA: that would drop the lesson's train subset
    }

    /**
     * Sets every control from {@code s} without reacting; {@code classes} is the class count for
     * blobs and spirals (null: the settings' generator's two). Refuses, changing nothing,
     * settings the controls cannot show.
     */
    private void setFields(LabSettings s, Integer classes) {
        OutputLoss out = OutputLoss.of(s.outputActivation(), s.loss());
        if (!activationChoices().contains(s.hiddenActivation())) {
            throw new IllegalArgumentException("the lab has no hidden activation " + s.hiddenActivation().id());
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.SAMPLES, Integer.toString(s.samples()));
        // the settings' generator makes two classes of blobs and spirals; saved points may have more
        values.put(Field.CLASSES, !hasClassCount(s.dataset()) ? texts.get(Field.CLASSES).get()
                : classes == null ? "2" : Integer.toString(classes));
        values.put(Field.TEST_SHARE, plain(s.testRatio()));
        values.put(Field.DATA_SEED, Long.toString(s.dataSeed()));
        values.put(Field.HIDDEN_LAYERS, s.hiddenText());
        values.put(Field.WEIGHT_SEED, Long.toString(s.weightSeed()));
        values.put(Field.LEARNING_RATE, plain(s.learningRate()));
        values.put(Field.L2, plain(s.l2()));
        values.put(Field.L1, plain(s.l1()));
        values.put(Field.BATCH_SIZE, s.batchSize() == 0 ? "" : Integer.toString(s.batchSize()));
        values.put(Field.REDRAW_EVERY, Integer.toString(s.redrawEvery()));
        values.put(Field.STOP_AT, s.epochs() == 0 ? "" : Long.toString(s.epochs()));
        for (Map.Entry<Field, String> e : values.entrySet()) {
            String error = InputRules.check(e.getKey(), e.getValue());
            if (!error.isEmpty()) {
                throw new IllegalArgumentException("the lab cannot show this setup: " + error);
            }
        }
        if (s.noise() > MAX_NOISE) {
            throw new IllegalArgumentException("the lab cannot show this setup: noise " + s.noise()
                    + " is above the slider's " + MAX_NOISE);
        }
        pause();
        applying = true;
        try {
            dataset.set(s.dataset());
            noise.set(s.noise());
            activation.set(s.hiddenActivation());
            outputLoss.set(out);
            initializer.set(s.initializer());
            optimizer.set(s.optimizer());
            values.forEach((f, v) -> texts.get(f).set(v));
            trainSubset = s.trainSubset();
            outputUnits = s.outputUnits();
            features.set(s.features());
        } finally {
            applying = false;
        }
    }

    /**
     * Puts a saved lab back as it was: every setting (output units, train subset, stop-at and
     * input features included), the saved points (as custom data unless the generator gives
     * exactly them), and the network at its epoch with its loss curve and the trainer's state,
     * paused. Play then trains on as the saved lab would have.
     *
     * @param trainer null to start the optimiser afresh from the network
     * @return what could not be put back, each in a sentence (empty when all of it was)
     * @throws IllegalArgumentException when the lab's controls cannot show the settings; the lab
     *                                  is unchanged then
     */
    public List<String> restore(LabSettings s, Split stored, Network network, long epoch, LossHistory.Points history,
                                TrainerState trainer) {
        int classes = stored.train().classes();
        Architecture expected = s.architecture(classes);
        if (!network.architecture().equals(expected)) {
            throw new IllegalArgumentException("the network is " + network.architecture() + " but the settings describe "
                    + expected);
        }
        if (hasClassCount(s.dataset())) {
            String error = InputRules.check(Field.CLASSES, Integer.toString(classes));
            if (!error.isEmpty()) {
                throw new IllegalArgumentException("the lab cannot show this setup: " + error);
            }
        }
        pause();
        setFields(s, classes);
        Split generated = generatedSplit();
        applyAll(() -> {
            boolean custom = !stored.equals(generated);
            customData.set(custom);
            data.set(custom ? stored : generated);
            dataDirty = false;
            resumeNetwork = network.copy();
            resumeEpoch = epoch;
            resumeHistory = history;
            resumeTrainer = trainer;
            resumeProblems = new ArrayList<>();
            networkDirty = true;
        });
        List<String> problems = resumeProblems == null ? List.of() : resumeProblems;
        resumeProblems = null;
        if (session == null) {
            problems = new ArrayList<>(problems);
            problems.add("the run could not be built: " + setupError);
        }
        return List.copyOf(problems);
    }

    /**
     * The settings as they stand, for saving as a lesson or a workspace.
     *
     * @throws IllegalArgumentException naming the first invalid field, or a setup a
     *                                  {@link LabSettings} cannot hold
     */
    public LabSettings currentSettings() {
        LabSettings settings = typedSettings();
        if (hasClassCount(dataset.get()) && (Integer) InputRules.parse(Field.CLASSES,
                texts.get(Field.CLASSES).get()) != 2) {
            throw new IllegalArgumentException("a saved setup holds blobs and spirals of 2 classes only; set Classes to 2");
        }
        return settings;
    }

    /**
     * The settings as typed, whatever the class count: a workspace stores its points, so it
     * needs no generator that remakes them (a lesson does, see {@link #currentSettings()}).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public LabSettings typedSettings() {
        for (Field f : Field.values()) {
            String e = errors.get(f).get();
            if (!e.isEmpty()) {
                throw new IllegalArgumentException(e);
            }
        }
        OutputLoss out = outputLoss.get();
        return new LabSettings(dataset.get(), (Integer) parsed(Field.SAMPLES), noise.get(),
                (Double) parsed(Field.TEST_SHARE), (Long) parsed(Field.DATA_SEED), trainSubset,
                InputRules.hiddenLayers(texts.get(Field.HIDDEN_LAYERS).get()), activation.get(), out.activation(),
                outputUnits, out.loss(), initializer.get(), (Long) parsed(Field.WEIGHT_SEED), learningRate(),
                regularization().l2(), regularization().l1(), optimizer.get(), (Integer) parsed(Field.BATCH_SIZE),
                stopAt(), redrawEvery(), features.get());
    }

    /** The hidden activations the lab offers. */
    public static List<Activation> activationChoices() {
        return List.of(Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU,
                Activation.LINEAR);
    }

    private Object parsed(Field f) {
        return InputRules.parse(f, texts.get(f).get());
    }

    /** A number as a person types it: 0.00005 rather than 5.0E-5 (and it parses back to the same double). */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The loss curve of the current run (appended to from the pool; read a copy). */
    public LossHistory history() {
        return session == null ? new LossHistory() : session.history();
    }

    /** The current run; exposed for views that draw from it. */
    public TrainingSession session() {
        return session;
    }

    /**
     * Called on a pool thread with every snapshot of the current run: for work that belongs off
     * the FX thread, such as evaluating the boundary grid. Keep it short.
     */
    public void addSnapshotListener(Consumer<TrainingSnapshot> listener) {
        snapshotListeners.add(listener);
    }

    /** Like {@link #addSnapshotListener}, with the input features of the run that made the snapshot. */
    public void addFeaturedSnapshotListener(BiConsumer<TrainingSnapshot, Features> listener) {
        featuredListeners.add(listener);
    }

    // ---- actions ----

    /**
     * Sets weight {@code W[layer][from][to]} of the current network by hand while paused and
     * publishes the changed network as a new snapshot (the canvas and figures follow within a
     * frame); training goes on from it. The future fails with the reason when the run is
     * playing, has ended, or the weight does not exist.
     */
    public CompletableFuture<TrainingSnapshot> editWeight(int layer, int from, int to, double value) {
        return edit(net -> net.setWeight(layer, from, to, value), layer, from, to);
    }

    /** Sets bias {@code b[layer][unit]} (of unit {@code unit} in layer {@code layer + 1}) like {@link #editWeight}. */
    public CompletableFuture<TrainingSnapshot> editBias(int layer, int unit, double value) {
        return edit(net -> net.setBias(layer, unit, value), layer, 0, unit);
    }

    private CompletableFuture<TrainingSnapshot> edit(Consumer<Network> change, int layer, int from, int to) {
        TrainingSession current = session;
        if (current == null || playing.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    current == null ? "there is no network to change" : "pause training before changing a parameter"));
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

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (!valid.get() || session == null) {
            return;
        }
        if (diverged.get()) {
            reset(); // a diverged run cannot continue; start it again with the settings now in place
        }
        session.play();
        playing.set(true);
        refreshState();
    }

    public void pause() {
        if (session != null) {
            session.pause();
        }
        playing.set(false);
        refreshState();
    }

    /** One epoch; the returned future completes on the pool with its snapshot ({@link #pulse()} shows it). */
    public CompletableFuture<TrainingSnapshot> step() {
        if (!valid.get() || session == null || playing.get() || diverged.get()) {
            return CompletableFuture.completedFuture(snapshot.get());
        }
        return session.step();
    }

    /** The same run again from epoch 0: same data, same seeds, same settings. */
    public void reset() {
        pause();
        if (valid.get()) {
            rebuildSession();
        }
        refreshState();
    }

    /** New data of the same kind: the next data seed. */
    public void regenerate() {
        String seed = texts.get(Field.DATA_SEED).get().trim();
        long next = InputRules.check(Field.DATA_SEED, seed).isEmpty() ? Long.parseLong(seed) + 1 : 0;
        texts.get(Field.DATA_SEED).set(Long.toString(next));
    }

    /**
     * Takes over the newest snapshot from training, if any, and notices a run that stopped by
     * itself. Called once per frame.
     */
    public void pulse() {
        Published p = pending.getAndSet(null);
        if (p != null) {
            show(p.snapshot(), p.features());
        }
        TrainingSession current = session;
        if (playing.get() && current != null && !current.isPlaying()) {
            // the loop ended on its own (divergence); show its final snapshot
            TrainingSnapshot last = current.latest();
            if (last != null && last != snapshot.get()) {
                show(last, sessionFeatures);
            }
            playing.set(false);
            refreshState();
        }
    }

    /** The classification reports and confusion matrices of the shown network, as text. */
    public String reportText() {
        TrainingSnapshot s = snapshot.get();
        Split split = data.get();
        if (s == null || s.network() == null || split == null
                || s.network().architecture().classes() != split.train().classes()) {
            return "No network yet: press Step or Play.";
        }
        StringBuilder out = new StringBuilder();
        out.append("Epoch ").append(s.epoch()).append("\n\n");
        FeaturedModel model = new FeaturedModel(shownFeatures.get(), s.network());
        appendReport(out, "Training set", model, split.train());
        out.append('\n');
        appendReport(out, "Test set", model, split.test());
        return out.toString();
    }

    private static void appendReport(StringBuilder out, String title, FeaturedModel net, Dataset d) {
        out.append(title).append(" (").append(d.size()).append(" points)\n");
        if (d.isEmpty()) {
            out.append("  empty\n");
            return;
        }
        int[] predicted = net.predictClasses(d.x());
        ClassificationReport report = ClassificationReport.of(d.y(), predicted, d.classes());
        out.append(report.format()).append('\n');
        out.append("Confusion matrix (rows: actual, columns: predicted)\n");
        out.append(report.confusionMatrix().format()).append('\n');
    }

    // ---- data and networks from elsewhere (drawing, files, sweeps) ----

    /**
     * Runs {@code edits} (settings, data) and then reacts once, as to a single change: opening a
     * workspace sets twenty fields but builds one run.
     */
    public void applyAll(Runnable edits) {
        batching++;
        try {
            edits.run();
        } finally {
            batching--;
        }
        if (batching == 0) {
            changed(Change.REDRAW);
        }
    }

    /** True while the data is not what the generator settings give (drawn, imported or opened points). */
    public ReadOnlyBooleanProperty customDataProperty() {
        return customData.getReadOnlyProperty();
    }

    /** Trains on these points from now on (a new run); changing a data setting generates data again. */
    public void setCustomData(Split split) {
        if (split == null) {
            throw new IllegalArgumentException("custom data must be given");
        }
        applyAll(() -> {
            customData.set(true); // first: data listeners see the new data as custom
            data.set(split);
            dataDirty = false;
            networkDirty = true;
        });
    }

    /** Leaves custom data: the generator's data for the current settings again. */
    public void useGeneratedData() {
        applyAll(() -> dataDirty = true);
    }

    /**
     * Shows {@code network} on the current data, paused: Play trains it further, Reset starts the
     * lab's own run again. When its shape differs from the settings, the hidden layers, activation
     * and output are set to match it first.
     */
    public void showNetwork(Network network, long epoch) {
        resume(null, network, epoch, null);
    }

    /**
     * Continues from a saved state: optional data (custom), the network, its epoch count and loss
     * curve. Settings are applied by the caller first (in {@link #applyAll}); the network is used
     * only if it fits them and the data, else the lab starts from its own initial weights.
     */
    public void resume(Split split, Network network, long epoch, LossHistory.Points history) {
        pause();
        Architecture a = network.architecture();
        applyAll(() -> {
            matchSettingsTo(a);
            if (split != null) {
                customData.set(true);
                data.set(split);
                dataDirty = false;
            }
            resumeNetwork = network.copy();
            resumeEpoch = epoch;
            resumeHistory = history;
            resumeTrainer = null;
            networkDirty = true;
        });
    }

    private void matchSettingsTo(Architecture a) {
        String hidden = java.util.Arrays.stream(a.hiddenWidths()).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        String typed = texts.get(Field.HIDDEN_LAYERS).get();
        boolean same = InputRules.check(Field.HIDDEN_LAYERS, typed).isEmpty()
                && java.util.Arrays.equals(InputRules.hiddenLayers(typed), a.hiddenWidths());
        if (!same) {
            texts.get(Field.HIDDEN_LAYERS).set(hidden);
        }
        if (a.depth() > 1 && a.hidden() != activation.get()) {
            activation.set(a.hidden());
        }
        OutputLoss out = outputLoss.get();
        if (out.activation() != a.output() || out.loss() != a.loss()) {
            for (OutputLoss o : OutputLoss.values()) {
                if (o.activation() == a.output() && o.loss() == a.loss()) {
                    outputLoss.set(o);
                }
            }
        }
    }

    /** The lab's data and settings as a sweep starts from them (the sweep varies one setting). */
    public org.boundarylab.training.sweep.SweepContext sweepContext() {
        if (!valid.get()) {
            throw new IllegalStateException("the lab's settings are not valid: " + message.get());
        }
        Split split = data.get();
        OutputLoss out = outputLoss.get();
        long weightSeed = (Long) InputRules.parse(Field.WEIGHT_SEED, texts.get(Field.WEIGHT_SEED).get());
        int batch = (Integer) InputRules.parse(Field.BATCH_SIZE, texts.get(Field.BATCH_SIZE).get());
        TrainingOptions options = new TrainingOptions(optimizer.get(), learningRate(), regularization(), batch,
                weightSeed);
        return new org.boundarylab.training.sweep.SweepContext(split.train(), split.test(),
                new org.boundarylab.training.sweep.RunSettings(
                        InputRules.hiddenLayers(texts.get(Field.HIDDEN_LAYERS).get()), activation.get(),
                        out.activation(), out.loss(), initializer.get(), options, weightSeed), features.get());
    }

    // ---- reacting to changes ----

    private void changed(Change change) {
        if (change == Change.DATA && !applying) {
            trainSubset = 0; // "the first N training points" of a lesson mean nothing for other data
        }
        if (applying) {
            return; // apply() ends with one change that rebuilds everything
        }
        switch (change) {
            case DATA -> dataDirty = true;
            case NETWORK -> networkDirty = true;
            default -> {
            }
        }
        if (batching > 0) {
            return; // applyAll reacts once to all the edits together
        }
        boolean allValid = errors.values().stream().allMatch(e -> e.get().isEmpty());
        valid.set(allValid);
        if (!allValid) {
            // keep the last valid network on screen, but do not train on settings nobody chose
            if (playing.get()) {
                pause();
            }
            refreshState();
            return;
        }
        setupError = "";
        boolean wasPlaying = playing.get();
        if (dataDirty) {
            regenerateData();
        }
        if (dataDirty || networkDirty) {
            if (session != null) {
                session.close();
            }
            playing.set(false);
            rebuildSession();
            if (wasPlaying && session != null) {
                play();
            }
        } else if (session != null) {
            // a rate typed while another field was invalid takes effect now, whichever field was fixed last
            session.retune(learningRate(), regularization());
            session.setSnapshotEvery(redrawEvery());
            session.setStopAtEpoch(stopAt());
        }
        refreshState();
    }

    private void regenerateData() {
        customData.set(false);
        data.set(generatedSplit());
        dataDirty = false;
        networkDirty = true; // the number of classes may differ
    }

    /** The generator's data for the settings in the controls, split and cut to the train subset. */
    private Split generatedSplit() {
        int samples = (Integer) InputRules.parse(Field.SAMPLES, texts.get(Field.SAMPLES).get());
        double share = (Double) InputRules.parse(Field.TEST_SHARE, texts.get(Field.TEST_SHARE).get());
        long seed = (Long) InputRules.parse(Field.DATA_SEED, texts.get(Field.DATA_SEED).get());
        DatasetKind kind = dataset.get();
        Dataset all;
        if (hasClassCount(kind)) {
            int classes = (Integer) InputRules.parse(Field.CLASSES, texts.get(Field.CLASSES).get());
            all = kind == DatasetKind.GAUSSIAN ? Generators.gaussian(samples, classes, noise.get(), seed)
                    : Generators.spirals(samples, classes, noise.get(), seed);
        } else {
            all = Generators.generate(kind, samples, noise.get(), seed);
        }
        return withTrainSubset(Split.stratified(all, share, seed), trainSubset);
    }

    private void rebuildSession() {
        TrainingSession old = session;
        if (old != null) {
            old.close();
        }
        Split split = data.get();
        try {
            int[] hidden = InputRules.hiddenLayers(texts.get(Field.HIDDEN_LAYERS).get());
            OutputLoss out = outputLoss.get();
            Features inputs = features.get();
            int classes = split.train().classes();
            Architecture arch = Architecture.of(2, hidden, outputUnits > 0 ? outputUnits : out.outputsFor(classes),
                    activation.get(),
                    out.activation(), out.loss());
            arch = arch.withInputs(inputs.count()); // one input unit per chosen feature
            long weightSeed = (Long) InputRules.parse(Field.WEIGHT_SEED, texts.get(Field.WEIGHT_SEED).get());
            int batch = (Integer) InputRules.parse(Field.BATCH_SIZE, texts.get(Field.BATCH_SIZE).get());
            TrainingOptions options = new TrainingOptions(optimizer.get(), learningRate(), regularization(),
                    batch, weightSeed);
            Network net = initializer.get().create(arch, weightSeed);
            Network resume = resumeNetwork; // a saved or swept network continues instead, if it fits
            boolean resuming = resume != null && resume.architecture().equals(arch);
            net = resuming ? resume.copy() : net;
            Dataset train = split.train();
            Dataset test = split.test();
            // the network sees each point's features; the data and the pictures keep x1, x2
            TrainingSession fresh = new TrainingSession(net, inputs.map(train.x()), train.y(), inputs.map(test.x()),
                    test.y(), options, pool);
            fresh.setSnapshotEvery(redrawEvery());
            fresh.setStopAtEpoch(stopAt());
            fresh.addListener(s -> {
                if (session == fresh) { // a closed run may still finish its last epoch
                    pending.set(new Published(s, inputs));
                    for (Consumer<TrainingSnapshot> l : snapshotListeners) {
                        l.accept(s);
                    }
                    for (BiConsumer<TrainingSnapshot, Features> l : featuredListeners) {
                        l.accept(s, inputs);
                    }
                }
            });
            session = fresh;
            sessionFeatures = inputs;
            networkDirty = false;
            divergenceMessage = "";
            growthWarning = "";
            startLoss = Double.NaN;
            diverged.set(false);
            pending.set(null);
            generation.set(generation.get() + 1);
            parametersText.set(Integer.toString(arch.parameterCount()));
            if (resuming) {
                fresh.resumeAt(resumeEpoch, resumeHistory);
                if (resumeTrainer != null) {
                    try {
                        fresh.resumeTrainer(resumeTrainer);
                    } catch (IllegalArgumentException e) {
                        if (resumeProblems != null) {
                            resumeProblems.add("the optimiser's state did not fit (" + e.getMessage()
                                    + "); training on starts the optimiser afresh");
                        }
                    }
                }
            } else if (resume != null && resumeProblems != null) {
                resumeProblems.add("the network " + resume.architecture() + " does not fit the settings' " + arch
                        + "; the lab starts from its own first weights at epoch 0");
            }
            resumeNetwork = null;
            resumeHistory = null;
            resumeTrainer = null;
            // epoch 0 is measured on the pool and arrives like any other snapshot; until then
            // the previous picture stays up rather than a blank one
            fresh.start();
        } catch (IllegalArgumentException e) {
            // a combination the engine refuses (the field checks cannot see every one)
            session = null;
            setupError = e.getMessage();
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
        epochText.set(String.format(Locale.ROOT, "%,d", s.epoch()));
        speedText.set(s.epochsPerSecond() > 0 ? String.format(Locale.ROOT, "%,.0f", s.epochsPerSecond()) : "–");
        trainLossText.set(loss(s.trainLoss()));
        testLossText.set(loss(s.testLoss()));
        trainAccuracyText.set(percent(s.trainAccuracy()));
        testAccuracyText.set(percent(s.testAccuracy()));
        gapText.set(Double.isNaN(s.testAccuracy()) ? "–"
                : String.format(Locale.ROOT, "%+.1f pts", 100 * s.accuracyGap()));
        // a stable cross-entropy keeps a saturated network finite, so a too-large rate often
        // shows as a loss that climbs far above where it started rather than as NaN
        String warning = !s.diverged() && startLoss > 0 && s.trainLoss() > GROWTH_WARNING_FACTOR * startLoss
                ? String.format(Locale.ROOT, "The training loss has grown to %s from %s at epoch 0: the learning rate"
                        + " is probably too large; try %s.", loss(s.trainLoss()), loss(startLoss),
                        suggestion(learningRateOrNaN()))
                : "";
        if (!warning.equals(growthWarning)) {
            growthWarning = warning;
            refreshState();
        }
        if (s.diverged()) {
            diverged.set(true);
            divergenceMessage = String.format(Locale.ROOT,
                    "Training diverged at epoch %,d: the loss became NaN or infinite. Try a smaller learning rate"
                            + " than %s (e.g. %s), then press Play or Reset. The last finite network is shown.",
                    s.epoch(), texts.get(Field.LEARNING_RATE).get().trim(),
                    suggestion(learningRateOrNaN()));
            refreshState();
        }
    }

    private void refreshState() {
        playDisabled.set(!playing.get() && (!valid.get() || session == null));
        String first = "";
        for (Field f : Field.values()) {
            String e = errors.get(f).get();
            if (!e.isEmpty()) {
                first = e;
                break;
            }
        }
        if (first.isEmpty()) {
            first = setupError;
        }
        if (first.isEmpty()) {
            first = divergenceMessage;
        }
        if (first.isEmpty()) {
            first = growthWarning;
        }
        message.set(first);
    }

    private long stopAt() {
        return (Long) InputRules.parse(Field.STOP_AT, texts.get(Field.STOP_AT).get());
    }

    private static Split withTrainSubset(Split split, int first) {
        Dataset train = split.train();
        if (first <= 0 || first >= train.size()) {
            return split;
        }
        int[] rows = new int[first];
        for (int r = 0; r < first; r++) {
            rows[r] = r;
        }
        return new Split(train.subset(rows), split.test());
    }

    private double learningRate() {
        return (Double) InputRules.parse(Field.LEARNING_RATE, texts.get(Field.LEARNING_RATE).get());
    }

    private double learningRateOrNaN() {
        String t = texts.get(Field.LEARNING_RATE).get();
        return InputRules.check(Field.LEARNING_RATE, t).isEmpty() ? learningRate() : Double.NaN;
    }

    private Regularization regularization() {
        return new Regularization((Double) InputRules.parse(Field.L2, texts.get(Field.L2).get()),
                (Double) InputRules.parse(Field.L1, texts.get(Field.L1).get()));
    }

    private int redrawEvery() {
        return (Integer) InputRules.parse(Field.REDRAW_EVERY, texts.get(Field.REDRAW_EVERY).get());
    }

    private static String suggestion(double lr) {
        if (Double.isNaN(lr)) {
            return "0.1";
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2g", lr / 10)).stripTrailingZeros()
                .toPlainString();
    }

    static String loss(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 1e-3 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
