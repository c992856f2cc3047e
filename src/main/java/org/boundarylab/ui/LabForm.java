package org.boundarylab.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.lessons.DatasetPreset;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.ui.InputRules.Field;

/**
 * The settings form: every setting as the controls show it (text as typed, choices, the noise
 * slider, the input features), each field's message, and the typed values of a valid form.
 * Two settings a lesson sets have no control (the first N training points, an explicit output
 * count) and live here too. Every change is reported to the lab as the kind of change it is.
 *
 * <p>Choosing a dataset sets what learns it ({@link DatasetPreset}): its class count, network,
 * optimiser and learning rate, and its noise, unless the user set that dataset's noise earlier
 * in the session (each dataset keeps its own). Setups put in whole (lessons, workspaces, New)
 * set the dataset without the preset. The output layer follows the class count (sigmoid with
 * cross-entropy for two classes, softmax with cross-entropy for more) while it is the one the
 * class count gives; an output that differs from it was chosen and stays.
 */
public final class LabForm {
    /** The noise slider's range ends here. */
    public static final double MAX_NOISE = 0.5;

    /** What a change of setting asks of the lab: new data, a new network, a retune, or a new pace. */
    enum Change { DATA, NETWORK, TUNING, REDRAW }

    private final ObjectProperty<DatasetKind> dataset = new SimpleObjectProperty<>(DatasetKind.MOONS);
    private final DoubleProperty noise = new SimpleDoubleProperty(0.2);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.TANH);
    private final ObjectProperty<OutputLoss> outputLoss = new SimpleObjectProperty<>(OutputLoss.SIGMOID_CROSS_ENTROPY);
    private final ObjectProperty<Initializer> initializer = new SimpleObjectProperty<>(Initializer.GLOROT);
    private final ObjectProperty<Optimizer.Kind> optimizer = new SimpleObjectProperty<>(Optimizer.Kind.GD);
    private final ObjectProperty<Features> features = new SimpleObjectProperty<>(Features.DEFAULT);
    /** Epochs a second Play trains; 0 = as fast as it goes. Applies at once, to the running run too. */
    private final DoubleProperty pace = new SimpleDoubleProperty(this, "pace", LabSettings.DEFAULT_PACE);
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper classesApply = new ReadOnlyBooleanWrapper(false);
    /** The noise each dataset had when the user left it, so coming back finds it again. */
    private final Map<DatasetKind, Double> noiseByDataset = new EnumMap<>(DatasetKind.class);
    /** Whether the output differs from the one the class count gives: then it stays as chosen. */
    private boolean outputChosen;
    /** Settings a lesson sets that have no control: 0 = all training points / automatic outputs. */
    private int trainSubset;
    private int outputUnits;
    /** True while {@link #setAll} sets many properties: the lab reacts once, afterwards. */
    private boolean applying;

    LabForm(Consumer<Change> changed) {
        text(Field.SAMPLES, "400");
        text(Field.CLASSES, "2"); // moons have two; blobs and spirals get their preset's count
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
            if (!applying && a != null && b != null) {
                usePreset(a, b);
            }
            classesApply.set(hasClassCount(b));
            errors.get(Field.CLASSES).set(errorOf(Field.CLASSES, texts.get(Field.CLASSES).get()));
            changed.accept(Change.DATA);
        });
        noise.addListener((o, a, b) -> changed.accept(Change.DATA));
        activation.addListener((o, a, b) -> changed.accept(Change.NETWORK));
        outputLoss.addListener((o, a, b) -> {
            if (!applying) {
                outputUnits = 0; // a count set by a lesson belongs to the lesson's output layer
                outputChosen = b != automaticOutput();
            }
            changed.accept(Change.NETWORK);
        });
        initializer.addListener((o, a, b) -> changed.accept(Change.NETWORK));
        optimizer.addListener((o, a, b) -> changed.accept(Change.NETWORK));
        features.addListener((o, a, b) -> {
            if (b == null) {
                features.set(a); // there is always at least one input
            } else {
                changed.accept(Change.NETWORK);
            }
        });
        for (Field f : Field.values()) {
            texts.get(f).addListener((o, a, b) -> {
                errors.get(f).set(errorOf(f, b));
                if (f == Field.CLASSES && !applying) {
                    followClassCount();
                }
                changed.accept(changeOf(f));
            });
        }
    }

    /**
     * Leaving dataset {@code from} for {@code to}: remembers {@code from}'s noise and sets
     * {@code to}'s preset, all as part of the one change of dataset.
     */
    private void usePreset(DatasetKind from, DatasetKind to) {
        noiseByDataset.put(from, noise.get());
        DatasetPreset p = DatasetPreset.of(to);
        applying = true;
        try {
            noise.set(noiseByDataset.getOrDefault(to, p.noise()));
            texts.get(Field.CLASSES).set(Integer.toString(p.classes()));
            texts.get(Field.HIDDEN_LAYERS).set(java.util.Arrays.stream(p.hidden()).mapToObj(Integer::toString)
                    .collect(java.util.stream.Collectors.joining(",")));
            activation.set(p.activation());
            optimizer.set(p.optimizer());
            texts.get(Field.LEARNING_RATE).set(plain(p.learningRate()));
            trainSubset = 0;
            if (!outputChosen) {
                outputUnits = 0;
                outputLoss.set(outputFor(p.classes()));
            }
        } finally {
            applying = false;
        }
    }

    /** A new class count typed: the output follows it unless it was chosen. */
    private void followClassCount() {
        if (outputChosen || !hasClassCount(dataset.get())
                || !InputRules.check(Field.CLASSES, texts.get(Field.CLASSES).get()).isEmpty()) {
            return;
        }
        OutputLoss wanted = automaticOutput();
        if (outputLoss.get() != wanted) {
            applying = true; // one change: the class count's, which makes new data and a new network
            try {
                outputUnits = 0;
                outputLoss.set(wanted);
            } finally {
                applying = false;
            }
        }
    }

    /** The classes the chosen data has: the typed count for blobs and spirals (2 while it is not valid), else 2. */
    int classCount() {
        if (!hasClassCount(dataset.get())) {
            return 2;
        }
        String typed = texts.get(Field.CLASSES).get();
        return InputRules.check(Field.CLASSES, typed).isEmpty() ? intValue(Field.CLASSES) : 2;
    }

    private OutputLoss automaticOutput() {
        return outputFor(classCount());
    }

    /** Sigmoid with cross-entropy for two classes, softmax with cross-entropy for more. */
    static OutputLoss outputFor(int classes) {
        return OutputLoss.of(DatasetPreset.outputFor(classes), DatasetPreset.lossFor(classes));
    }

    /** The session's noise memory is forgotten (a new lab): each dataset starts at its preset's noise again. */
    public void forgetNoisePerDataset() {
        noiseByDataset.clear();
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

    private static Change changeOf(Field f) {
        return switch (f) {
            case SAMPLES, CLASSES, TEST_SHARE, DATA_SEED -> Change.DATA;
            // the optimiser's batch size is fixed when a trainer is made
            case HIDDEN_LAYERS, WEIGHT_SEED, BATCH_SIZE -> Change.NETWORK;
            case LEARNING_RATE, L2, L1 -> Change.TUNING;
            case REDRAW_EVERY, STOP_AT -> Change.REDRAW;
        };
    }

    /** Whether a change of this field starts the run again (new data or a new network), not a retune. */
    static boolean startsRunAgain(Field f) {
        Change c = changeOf(f);
        return c == Change.DATA || c == Change.NETWORK;
    }

    /** Blobs and spirals come in any number of classes; the other patterns have two. */
    public static boolean hasClassCount(DatasetKind kind) {
        return kind == DatasetKind.GAUSSIAN || kind == DatasetKind.SPIRAL;
    }

    /** The hidden activations the lab offers. */
    public static List<Activation> activationChoices() {
        return List.of(Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU,
                Activation.LINEAR);
    }

    // ---- the controls' properties ----

    public ObjectProperty<DatasetKind> datasetProperty() {
        return dataset;
    }

    public DoubleProperty noiseProperty() {
        return noise;
    }

    /** How many epochs a second Play trains (0 = as fast as it goes); at a set pace every epoch is shown. */
    public DoubleProperty paceProperty() {
        return pace;
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

    /** The text of a field, as typed. */
    public StringProperty textProperty(Field f) {
        return texts.get(f);
    }

    /** The field's message ("" while valid). */
    public ReadOnlyStringProperty errorProperty(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }

    /** Whether the class count applies to the chosen dataset (blobs and spirals). */
    public ReadOnlyBooleanProperty classesApplyProperty() {
        return classesApply.getReadOnlyProperty();
    }

    /** The network's inputs: x1, x2 and any derived features switched on. */
    public ObjectProperty<Features> featuresProperty() {
        return features;
    }

    // ---- typed values ----

    /** The first field's message, or "" when every field is valid. */
    String firstError() {
        for (Field f : Field.values()) {
            String e = errors.get(f).get();
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
    }

    boolean isValid() {
        return firstError().isEmpty();
    }

    public int intValue(Field f) {
        return InputRules.intValue(f, texts.get(f).get());
    }

    public long longValue(Field f) {
        return InputRules.longValue(f, texts.get(f).get());
    }

    public double doubleValue(Field f) {
        return InputRules.doubleValue(f, texts.get(f).get());
    }

    int[] hiddenLayers() {
        return InputRules.hiddenLayers(texts.get(Field.HIDDEN_LAYERS).get());
    }

    double learningRate() {
        return doubleValue(Field.LEARNING_RATE);
    }

    /** The typed learning rate, or NaN while its field is not valid (for suggestions in messages). */
    double learningRateOrNaN() {
        return errors.get(Field.LEARNING_RATE).get().isEmpty() ? learningRate() : Double.NaN;
    }

    Regularization regularization() {
        return new Regularization(doubleValue(Field.L2), doubleValue(Field.L1));
    }

    int redrawEvery() {
        return intValue(Field.REDRAW_EVERY);
    }

    long stopAt() {
        return longValue(Field.STOP_AT);
    }

    /** Fresh test points typed in the test field ("1000 fresh"), or 0 for a share of the samples. */
    int testPoints() {
        return InputRules.testPoints(texts.get(Field.TEST_SHARE).get());
    }

    int trainSubset() {
        return trainSubset;
    }

    /** The output count a lesson set, or 0 for the output layer's own choice. */
    int outputUnits() {
        return outputUnits;
    }

    /** "The first N training points" of a lesson mean nothing for other data. */
    void forgetTrainSubset() {
        trainSubset = 0;
    }

    boolean isApplying() {
        return applying;
    }

    /** Update rule, rate, penalties and batch size as typed; the shuffle follows the weight seed. */
    TrainingOptions trainingOptions() {
        return new TrainingOptions(optimizer.get(), learningRate(), regularization(), intValue(Field.BATCH_SIZE),
                longValue(Field.WEIGHT_SEED));
    }

    /**
     * The settings as typed, whatever the class count: a workspace stores its points, so it
     * needs no generator that remakes them (a lesson does, see {@link #currentSettings()}).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public LabSettings typedSettings() {
        String error = firstError();
        if (!error.isEmpty()) {
            throw new IllegalArgumentException(error);
        }
        OutputLoss out = outputLoss.get();
        return new LabSettings(dataset.get(), intValue(Field.SAMPLES), noise.get(), doubleValue(Field.TEST_SHARE),
                longValue(Field.DATA_SEED), trainSubset, hiddenLayers(), activation.get(), out.activation(),
                outputUnits, out.loss(), initializer.get(), longValue(Field.WEIGHT_SEED), learningRate(),
                doubleValue(Field.L2), doubleValue(Field.L1), optimizer.get(), intValue(Field.BATCH_SIZE), stopAt(),
                redrawEvery(), features.get(), pace.get(), testPoints());
    }

    /**
     * The settings as they stand, for saving as a lesson: its generator must make the data again,
     * so blobs and spirals must have the two classes a setup holds.
     *
     * @throws IllegalArgumentException naming the first invalid field, or a setup a
     *                                  {@link LabSettings} cannot hold
     */
    public LabSettings currentSettings() {
        LabSettings settings = typedSettings();
        if (hasClassCount(dataset.get()) && intValue(Field.CLASSES) != 2) {
            throw new IllegalArgumentException("a saved setup holds blobs and spirals of 2 classes only; set Classes to 2");
        }
        return settings;
    }

    /**
     * Sets every control from {@code s} without the lab reacting to each; {@code classes} is the
     * class count for blobs and spirals (null: the settings' generator's two). Refuses, changing
     * nothing, settings the controls cannot show.
     */
    void setAll(LabSettings s, Integer classes) {
        Map<Field, String> values = check(s, classes);
        OutputLoss out = OutputLoss.of(s.outputActivation(), s.loss());
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
            pace.set(s.pace());
            outputChosen = out != automaticOutput() || s.outputUnits() > 0;
        } finally {
            applying = false;
        }
    }

    /**
     * The fields' texts for {@code s}, or why the controls cannot show it.
     *
     * @throws IllegalArgumentException naming the setting the controls cannot show
     */
    Map<Field, String> check(LabSettings s, Integer classes) {
        OutputLoss.of(s.outputActivation(), s.loss()); // refuses a pair the lab does not offer
        if (!activationChoices().contains(s.hiddenActivation())) {
            throw new IllegalArgumentException("the lab has no hidden activation " + s.hiddenActivation().id());
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.SAMPLES, Integer.toString(s.samples()));
        // the settings' generator makes two classes of blobs and spirals; saved points may have more
        values.put(Field.CLASSES, !hasClassCount(s.dataset()) || classes == null ? "2" : Integer.toString(classes));
        values.put(Field.TEST_SHARE, InputRules.testText(s.testRatio(), s.testPoints()));
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
        return values;
    }

    /** A number as a person types it: 0.00005 rather than 5.0E-5 (and it parses back to the same double). */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
