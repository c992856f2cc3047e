package org.boundarylab.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
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
import org.boundarylab.metrics.ClassificationReport;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Regularization;
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

    private final List<Consumer<TrainingSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<TrainingSnapshot> pending = new AtomicReference<>();
    private volatile TrainingSession session;
    private String divergenceMessage = "";
    private String growthWarning = "";
    private double startLoss = Double.NaN;
    private String setupError = "";
    private boolean dataDirty;
    private boolean networkDirty;

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

        dataset.addListener((o, a, b) -> {
            classesApply.set(hasClassCount(b));
            errors.get(Field.CLASSES).set(errorOf(Field.CLASSES, texts.get(Field.CLASSES).get()));
            changed(Change.DATA);
        });
        noise.addListener((o, a, b) -> changed(Change.DATA));
        activation.addListener((o, a, b) -> changed(Change.NETWORK));
        outputLoss.addListener((o, a, b) -> changed(Change.NETWORK));
        initializer.addListener((o, a, b) -> changed(Change.NETWORK));
        optimizer.addListener((o, a, b) -> changed(Change.NETWORK));
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
            case REDRAW_EVERY -> Change.REDRAW;
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

    // ---- state ----

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

    // ---- actions ----

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
        TrainingSnapshot s = pending.getAndSet(null);
        if (s != null) {
            show(s);
        }
        TrainingSession current = session;
        if (playing.get() && current != null && !current.isPlaying()) {
            // the loop ended on its own (divergence); show its final snapshot
            TrainingSnapshot last = current.latest();
            if (last != null && last != snapshot.get()) {
                show(last);
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
        appendReport(out, "Training set", s.network(), split.train());
        out.append('\n');
        appendReport(out, "Test set", s.network(), split.test());
        return out.toString();
    }

    private static void appendReport(StringBuilder out, String title, Network net, Dataset d) {
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

    // ---- reacting to changes ----

    private void changed(Change change) {
        switch (change) {
            case DATA -> dataDirty = true;
            case NETWORK -> networkDirty = true;
            default -> {
            }
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
        }
        refreshState();
    }

    private void regenerateData() {
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
        data.set(Split.stratified(all, share, seed));
        dataDirty = false;
        networkDirty = true; // the number of classes may differ
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
            int classes = split.train().classes();
            Architecture arch = Architecture.of(2, hidden, out.outputsFor(classes), activation.get(),
                    out.activation(), out.loss());
            long weightSeed = (Long) InputRules.parse(Field.WEIGHT_SEED, texts.get(Field.WEIGHT_SEED).get());
            int batch = (Integer) InputRules.parse(Field.BATCH_SIZE, texts.get(Field.BATCH_SIZE).get());
            TrainingOptions options = new TrainingOptions(optimizer.get(), learningRate(), regularization(),
                    batch, weightSeed);
            Network net = initializer.get().create(arch, weightSeed);
            Dataset train = split.train();
            Dataset test = split.test();
            TrainingSession fresh = new TrainingSession(net, train.x(), train.y(), test.x(), test.y(), options, pool);
            fresh.setSnapshotEvery(redrawEvery());
            fresh.addListener(s -> {
                if (session == fresh) { // a closed run may still finish its last epoch
                    pending.set(s);
                    for (Consumer<TrainingSnapshot> l : snapshotListeners) {
                        l.accept(s);
                    }
                }
            });
            session = fresh;
            networkDirty = false;
            divergenceMessage = "";
            growthWarning = "";
            startLoss = Double.NaN;
            diverged.set(false);
            pending.set(null);
            generation.set(generation.get() + 1);
            parametersText.set(Integer.toString(arch.parameterCount()));
            // epoch 0 is measured on the pool and arrives like any other snapshot; until then
            // the previous picture stays up rather than a blank one
            fresh.start();
        } catch (IllegalArgumentException e) {
            // a combination the engine refuses (the field checks cannot see every one)
            session = null;
            setupError = e.getMessage();
        }
    }

    private void show(TrainingSnapshot s) {
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
