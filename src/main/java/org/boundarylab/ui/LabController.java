package org.boundarylab.ui;

import java.util.Locale;
import java.util.Map;
import java.util.EnumMap;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.util.StringConverter;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.ui.InputRules.Field;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Binds the lab view to its {@link LabViewModel} and forwards the buttons; the rules live in
 * the view-model. Also runs the per-frame loop that takes over snapshots and finished
 * pictures, follows the view options (presentation mode, theme) and the lesson's locks, and
 * offers features the places they plug into ({@link MenuSlots}, {@link TabHost},
 * {@link CanvasHost}, {@link ControlsHost}, {@link Lifecycle}); the app's assembly hands each
 * feature only the ones it uses.
 */
public final class LabController implements MenuSlots, TabHost, CanvasHost, ControlsHost, Lifecycle {
    /** The chart shares a short row with the figures: in presentation mode its type grows less than the canvas's. */
    static final double CHART_SCALE = 1.3;

    private final LabViewModel vm;
    private final BoundaryFrames frames;
    private final ViewOptions viewOptions;
    private final LessonLocks locks;

    @FXML private TabPane tabs;
    @FXML private MenuBar menuBar;
    @FXML private Menu fileMenu;
    @FXML private Menu dataMenu;
    @FXML private Menu lessonsMenu;
    @FXML private Menu viewMenu;
    @FXML private Menu helpMenu;
    @FXML private ChoiceBox<DatasetKind> datasetChoice;
    @FXML private TextField samplesField;
    @FXML private TextField classesField;
    @FXML private Slider noiseSlider;
    @FXML private Label noiseLabel;
    @FXML private TextField testShareField;
    @FXML private TextField dataSeedField;
    @FXML private Button regenerateButton;
    @FXML private TextField hiddenLayersField;
    @FXML private ChoiceBox<Activation> activationChoice;
    @FXML private ChoiceBox<OutputLoss> outputChoice;
    @FXML private ChoiceBox<Initializer> initializerChoice;
    @FXML private TextField weightSeedField;
    @FXML private TextField learningRateField;
    @FXML private TextField l2Field;
    @FXML private TextField l1Field;
    @FXML private ChoiceBox<Optimizer.Kind> optimizerChoice;
    @FXML private TextField batchSizeField;
    @FXML private TextField redrawEveryField;
    @FXML private TextField stopAtField;
    @FXML private Button playButton;
    @FXML private Button stepButton;
    @FXML private Button resetButton;
    @FXML private Slider speedSlider;
    @FXML private Label paceLabel;
    @FXML private Label messageLabel;
    @FXML private Pane canvasPane;
    @FXML private Canvas boundaryCanvas;
    @FXML private LossChart lossChart;
    @FXML private CheckBox logScaleCheck;
    @FXML private Label epochLabel;
    @FXML private Label speedLabel;
    @FXML private Label speedCaption;
    @FXML private Label parametersLabel;
    @FXML private Label trainLossLabel;
    @FXML private Label testLossLabel;
    @FXML private Label trainAccuracyLabel;
    @FXML private Label testAccuracyLabel;
    @FXML private Label gapLabel;
    @FXML private javafx.scene.layout.StackPane diagramPane;
    @FXML private CheckBox logEpochsCheck;
    @FXML private Button reportButton;
    @FXML private Slider timelineSlider;
    @FXML private javafx.scene.layout.HBox timelineRow;
    @FXML private Label timelineLabel;
    @FXML private Button liveButton;
    @FXML private Button bestEpochButton;
    @FXML private Button continueHereButton;
    private TimelineBar timelineBar;
    @FXML private javafx.scene.layout.BorderPane labPane;
    @FXML private javafx.scene.control.ScrollPane controlsScroll;
    @FXML private javafx.scene.layout.VBox controlsBox;
    @FXML private javafx.scene.layout.HBox transportRow;
    @FXML private javafx.scene.layout.HBox paceRow;

    private BoundaryCanvasView canvasView;
    private LossChartView chartView;
    private AnimationTimer timer;
    private final PulseShare pulseShare = new PulseShare();
    private final ValidationSupport validation = new ValidationSupport();
    /** How long a pause in typing applies a field that starts the run again. */
    static final javafx.util.Duration APPLY_PAUSE = javafx.util.Duration.millis(600);
    private final Map<Field, PendingField> pending = new EnumMap<>(Field.class);
    private final java.util.List<Runnable> shutdownActions = new java.util.ArrayList<>();
    private static final System.Logger LOG = System.getLogger(LabController.class.getName());

    public LabController(LabViewModel vm, BoundaryFrames frames, ViewOptions viewOptions, LessonLocks locks) {
        this.vm = vm;
        this.frames = frames;
        this.viewOptions = viewOptions;
        this.locks = locks;
    }

    @FXML
    private void initialize() {
        datasetChoice.getItems().setAll(DatasetKind.values());
        datasetChoice.setConverter(ChoiceNames.named(DatasetKind::displayName, DatasetKind.values()));
        datasetChoice.valueProperty().bindBidirectional(vm.form().datasetProperty());
        ChoiceNames.showCustomIn(datasetChoice, vm.data().customDataProperty());
        activationChoice.getItems().setAll(Activation.TANH, Activation.SIGMOID, Activation.RELU,
                Activation.LEAKY_RELU, Activation.LINEAR);
        activationChoice.valueProperty().bindBidirectional(vm.form().activationProperty());
        outputChoice.getItems().setAll(OutputLoss.values());
        outputChoice.valueProperty().bindBidirectional(vm.form().outputLossProperty());
        initializerChoice.getItems().setAll(Initializer.values());
        initializerChoice.setConverter(ChoiceNames.named(ChoiceNames::initializerName, Initializer.values()));
        initializerChoice.valueProperty().bindBidirectional(vm.form().initializerProperty());
        optimizerChoice.getItems().setAll(Optimizer.Kind.values());
        optimizerChoice.setConverter(ChoiceNames.named(ChoiceNames::optimizerName, Optimizer.Kind.values()));
        optimizerChoice.valueProperty().bindBidirectional(vm.form().optimizerProperty());
        noiseSlider.valueProperty().bindBidirectional(vm.form().noiseProperty());
        noiseLabel.textProperty().bind(Bindings.format(Locale.ROOT, "Noise %.2f", vm.form().noiseProperty()));

        Map<Field, TextField> fields = new EnumMap<>(Field.class);
        fields.put(Field.SAMPLES, samplesField);
        fields.put(Field.CLASSES, classesField);
        fields.put(Field.TEST_SHARE, testShareField);
        fields.put(Field.DATA_SEED, dataSeedField);
        fields.put(Field.HIDDEN_LAYERS, hiddenLayersField);
        fields.put(Field.WEIGHT_SEED, weightSeedField);
        fields.put(Field.LEARNING_RATE, learningRateField);
        fields.put(Field.L2, l2Field);
        fields.put(Field.L1, l1Field);
        fields.put(Field.BATCH_SIZE, batchSizeField);
        fields.put(Field.REDRAW_EVERY, redrawEveryField);
        fields.put(Field.STOP_AT, stopAtField);
        fields.forEach((f, tf) -> {
            if (LabForm.startsRunAgain(f)) {
                // a field that starts the run again takes its text when the typing is done
                pending.put(f, new PendingField(tf, vm.form().textProperty(f), APPLY_PAUSE));
            } else {
                tf.textProperty().bindBidirectional(vm.form().textProperty(f)); // a retune: at once
            }
            // Enter applies the field and stays there: it is not Play's key while typing
            tf.setOnAction(e -> {
                PendingField p = pending.get(f);
                if (p != null) {
                    p.apply();
                }
                e.consume();
            });
            // the decoration shows the same message the view-model uses to block Play
            validation.registerValidator(tf, false, (javafx.scene.control.Control c, String text) -> {
                String error = f == Field.CLASSES && !vm.form().classesApplyProperty().get() ? ""
                        : InputRules.check(f, text);
                return ValidationResult.fromMessageIf(c, error, Severity.ERROR, !error.isEmpty());
            });
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(vm.form().errorProperty(f));
            tf.tooltipProperty().bind(Bindings.when(vm.form().errorProperty(f).isEmpty()).then((Tooltip) null)
                    .otherwise(tip));
        });

        classesField.disableProperty().bind(vm.form().classesApplyProperty().not());
        vm.form().classesApplyProperty().addListener((o, a, b) -> validation.revalidate(classesField));
        playButton.textProperty().bind(Bindings.when(vm.run().playingProperty()).then("Pause").otherwise("Play"));
        playButton.disableProperty().bind(vm.status().playDisabledProperty());
        stepButton.disableProperty().bind(vm.run().playingProperty().or(vm.validProperty().not()));
        bindPace();
        messageLabel.textProperty().bind(vm.status().messageProperty());
        messageLabel.visibleProperty().bind(vm.status().messageProperty().isNotEmpty());
        overlayMessage();
        // the settings' column is never narrower than its rows: a long choice ("sigmoid + cross-entropy") is never cut
        for (javafx.scene.Node row : controlsBox.lookupAll(".form > *")) {
            if (row instanceof Label || row instanceof ChoiceBox) {
                ((javafx.scene.layout.Region) row).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        controlsScroll.minViewportWidthProperty().bind(Bindings.createDoubleBinding(
                () -> controlsBox.minWidth(-1), controlsBox.needsLayoutProperty()));

        epochLabel.textProperty().bind(vm.status().epochTextProperty());
        speedLabel.textProperty().bind(vm.status().speedTextProperty());
        parametersLabel.textProperty().bind(vm.status().parametersTextProperty());
        trainLossLabel.textProperty().bind(vm.status().trainLossTextProperty());
        testLossLabel.textProperty().bind(vm.status().testLossTextProperty());
        trainAccuracyLabel.textProperty().bind(vm.status().trainAccuracyTextProperty());
        testAccuracyLabel.textProperty().bind(vm.status().testAccuracyTextProperty());
        gapLabel.textProperty().bind(vm.status().gapTextProperty());

        canvasView = new BoundaryCanvasView(canvasPane, boundaryCanvas, frames::setView);
        chartView = new LossChartView(lossChart);
        logScaleCheck.selectedProperty().bindBidirectional(vm.logScaleProperty());
        vm.logScaleProperty().addListener((o, a, on) -> chartView.setLogScale(on));
        logEpochsCheck.selectedProperty().addListener((o, a, on) -> chartView.setLogEpochs(on));
        reportButton.setTooltip(new Tooltip("The classification report: precision, recall and F1 per class"));
        logEpochsCheck.setTooltip(new Tooltip("A log epoch axis: the first hundred epochs of a long run get room"));
        timelineBar = new TimelineBar(vm.run(), timelineSlider, timelineLabel, liveButton, bestEpochButton,
                continueHereButton, lossChart, this::confirmDiscard);

        vm.run().addFeaturedSnapshotListener(frames::submit);
        vm.data().dataProperty().addListener((o, a, split) -> canvasView.setData(split));
        vm.run().generationProperty().addListener((o, a, b) -> chartView.follow(vm.run().history()));
        canvasView.setData(vm.data().dataProperty().get());
        chartView.follow(vm.run().history());
        // the listener is in place first, so epoch 0 arrives one way or the other (twice is harmless)
        if (vm.run().session() != null) {
            frames.submit(vm.run().session().latest());
        }

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.run().pulse();
                // the canvas, the chart and the diagram take turns (PulseShare)
                if (frames.hasFrame() && pulseShare.claim(canvasView, now)) {
                    canvasView.show(frames.take());
                }
                if (chartView.due() && pulseShare.claim(chartView, now)) {
                    chartView.pulse();
                }
            }
        };
        timer.start();

        new ControlLocks(this::control, locks);
        viewOptions.presentationProperty().addListener((o, a, b) -> followViewOptions());
        viewOptions.themeProperty().addListener((o, a, b) -> followViewOptions());
        followViewOptions();
    }

    /**
     * The one message (a bad field, a diverged run) lies over the top of the picture rather than
     * above it: coming and going, it moves no control under the pointer.
     */
    private void overlayMessage() {
        ((javafx.scene.layout.Pane) messageLabel.getParent()).getChildren().remove(messageLabel);
        messageLabel.setManaged(false);
        messageLabel.setMouseTransparent(true);
        canvasPane.getChildren().add(messageLabel);
        Runnable place = () -> {
            double w = Math.max(120, canvasPane.getWidth() - 2 * MESSAGE_INSET);
            messageLabel.resize(w, messageLabel.prefHeight(w));
            messageLabel.relocate(MESSAGE_INSET, MESSAGE_INSET);
            messageLabel.toFront(); // over the picture's own layers (points, legend), added to the pane later
        };
        canvasPane.widthProperty().addListener((o, a, b) -> place.run());
        messageLabel.textProperty().addListener((o, a, b) -> place.run());
        messageLabel.fontProperty().addListener((o, a, b) -> place.run());
        messageLabel.needsLayoutProperty().addListener((o, a, b) -> place.run());
        place.run();
    }

    private static final double MESSAGE_INSET = 8;

    /**
     * In presentation mode each settings row puts its label above its control, so the larger
     * type needs no wider column and the picture keeps the width; back in normal size they sit
     * side by side again.
     */
    private void stackForms(boolean stacked) {
        for (javafx.scene.Node n : controlsBox.getChildren()) {
            if (!(n instanceof javafx.scene.layout.GridPane g) || !g.getStyleClass().contains("form")) {
                continue;
            }
            if (!g.getProperties().containsKey("sideBySide")) {
                g.getProperties().put("sideBySide", java.util.List.copyOf(g.getColumnConstraints()));
                for (javafx.scene.Node c : g.getChildren()) {
                    c.getProperties().put("formRow", rowOf(c));
                    c.getProperties().put("formColumn", columnOf(c));
                }
            }
            for (javafx.scene.Node c : g.getChildren()) {
                int row = (Integer) c.getProperties().get("formRow");
                int column = (Integer) c.getProperties().get("formColumn");
                javafx.scene.layout.GridPane.setRowIndex(c, stacked ? 2 * row + column : row);
                javafx.scene.layout.GridPane.setColumnIndex(c, stacked ? 0 : column);
            }
            if (stacked) {
                javafx.scene.layout.ColumnConstraints one = new javafx.scene.layout.ColumnConstraints();
                one.setHgrow(javafx.scene.layout.Priority.ALWAYS);
                one.setFillWidth(true);
                g.getColumnConstraints().setAll(one);
            } else {
                @SuppressWarnings("unchecked")
                java.util.List<javafx.scene.layout.ColumnConstraints> two =
                        (java.util.List<javafx.scene.layout.ColumnConstraints>) g.getProperties().get("sideBySide");
                g.getColumnConstraints().setAll(two);
            }
            g.pseudoClassStateChanged(STACKED, stacked);
        }
    }

    private static final javafx.css.PseudoClass STACKED = javafx.css.PseudoClass.getPseudoClass("stacked");

    private static int rowOf(javafx.scene.Node n) {
        Integer i = javafx.scene.layout.GridPane.getRowIndex(n);
        return i == null ? 0 : i;
    }

    private static int columnOf(javafx.scene.Node n) {
        Integer i = javafx.scene.layout.GridPane.getColumnIndex(n);
        return i == null ? 0 : i;
    }

    /** The pace slider moves along {@link Pace}'s ladder; its last notch is "max". */
    private void bindPace() {
        speedSlider.setMin(0);
        speedSlider.setMax(Pace.MAX);
        speedSlider.setValue(Pace.rungOf(vm.run().paceProperty().get()));
        speedSlider.setTooltip(new Tooltip("How many epochs a second Play trains; at a set pace every epoch is drawn."
                + " [ slower, ] faster"));
        speedSlider.valueProperty().addListener((o, a, b) -> {
            double p = Pace.of((int) Math.round(b.doubleValue()));
            if (p != vm.run().paceProperty().get()) {
                vm.run().paceProperty().set(p);
            }
        });
        vm.run().paceProperty().addListener((o, a, b) -> speedSlider.setValue(Pace.rungOf(b.doubleValue())));
        paceLabel.textProperty().bind(Bindings.createStringBinding(() -> Pace.label(vm.run().paceProperty().get()),
                vm.run().paceProperty()));
    }

    /** Presentation mode and the theme: larger marks on the canvas and the chart, no speed figure. */
    private void followViewOptions() {
        boolean large = viewOptions.presentationProperty().get();
        // the class needs the figures, not the speed; the row's room goes to the picture
        for (Label l : new Label[] {speedLabel, speedCaption}) {
            if (l != null) {
                l.setVisible(!large);
                l.setManaged(!large);
            }
        }
        // the picture takes the rewind row's room; the loss chart and Home, End, B rewind instead
        timelineRow.setVisible(!large);
        timelineRow.setManaged(!large);
        stackForms(large);
        boolean dark = viewOptions.themeProperty().get() == ViewOptions.Theme.DARK;
        canvasView.setAppearance(viewOptions.canvasScale(), dark);
        lossChart.setAppearance(Math.min(viewOptions.canvasScale(), CHART_SCALE), dark);
    }

    /** The view's control with this fx:id, for the lesson locks (null for none). */
    private javafx.scene.Node control(String fxId) {
        return switch (fxId) {
            case "datasetChoice" -> datasetChoice;
            case "samplesField" -> samplesField;
            case "noiseSlider" -> noiseSlider;
            case "testShareField" -> testShareField;
            case "dataSeedField" -> dataSeedField;
            case "regenerateButton" -> regenerateButton;
            case "hiddenLayersField" -> hiddenLayersField;
            case "activationChoice" -> activationChoice;
            case "outputChoice" -> outputChoice;
            case "initializerChoice" -> initializerChoice;
            case "weightSeedField" -> weightSeedField;
            case "learningRateField" -> learningRateField;
            case "l2Field" -> l2Field;
            case "l1Field" -> l1Field;
            case "optimizerChoice" -> optimizerChoice;
            case "batchSizeField" -> batchSizeField;
            case "stopAtField" -> stopAtField;
            case "redrawEveryField" -> redrawEveryField;
            default -> null;
        };
    }

    // ---- the places features plug into ----

    /** Sets the pause in typing that applies a field (tests make it long, then short, to see it happen once). */
    void setApplyPause(javafx.util.Duration pause) {
        pending.values().forEach(p -> p.setDelay(pause));
    }

    /** The rewind row (tests answer its question for the user). */
    TimelineBar timeline() {
        return timelineBar;
    }

    private boolean confirmDiscard(String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.setTitle("Continue from here");
        a.setHeaderText("Discard the rest of the run?");
        if (tabs.getScene() != null) {
            a.initOwner(tabs.getScene().getWindow());
            DialogTheme.dress(a);
        }
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public PulseShare pulseShare() {
        return pulseShare;
    }

    @Override
    public javafx.scene.layout.StackPane sideSlot() {
        return diagramPane;
    }

    /** The place beside the canvas where the network diagram goes. */
    public javafx.scene.layout.StackPane diagramPane() {
        return diagramPane;
    }

    @Override
    public MenuBar bar() {
        return menuBar;
    }

    @Override
    public Menu file() {
        return fileMenu;
    }

    @Override
    public Menu data() {
        return dataMenu;
    }

    @Override
    public Menu lessons() {
        return lessonsMenu;
    }

    @Override
    public Menu view() {
        return viewMenu;
    }

    @Override
    public Menu help() {
        return helpMenu;
    }

    @Override
    public void addTab(javafx.scene.control.Tab tab) {
        tabs.getTabs().add(tab);
    }

    @Override
    public void select(javafx.scene.control.Tab tab) {
        tabs.getSelectionModel().select(tab);
    }

    @Override
    public void selectLab() {
        tabs.getSelectionModel().select(0);
    }

    public TabPane tabs() {
        return tabs;
    }

    public LabViewModel viewModel() {
        return vm;
    }

    @Override
    public BoundaryCanvasView canvasView() {
        return canvasView;
    }

    @Override
    public Canvas canvas() {
        return boundaryCanvas;
    }

    @Override
    public void addToolbar(javafx.scene.Node bar) {
        javafx.scene.layout.VBox column = (javafx.scene.layout.VBox) canvasPane.getParent();
        column.getChildren().add(column.getChildren().indexOf(canvasPane), bar);
    }

    @Override
    public void addBanner(javafx.scene.Node banner) {
        ((javafx.scene.layout.VBox) canvasPane.getParent()).getChildren().add(0, banner);
    }

    /**
     * Shows what the background is doing ("Saving lab.blab") in the picture's corner while it
     * does it: over the canvas, so that nothing moves when it comes and goes.
     */
    public void showActivity(javafx.beans.value.ObservableStringValue activity) {
        Label busy = new Label();
        busy.setId("activityLabel");
        busy.getStyleClass().add("activity");
        busy.setGraphic(new javafx.scene.control.ProgressIndicator());
        ((javafx.scene.control.ProgressIndicator) busy.getGraphic()).setPrefSize(16, 16);
        busy.textProperty().bind(Bindings.concat(activity, "…"));
        busy.visibleProperty().bind(Bindings.isNotEmpty(activity));
        busy.setManaged(false);
        busy.setMouseTransparent(true);
        canvasPane.getChildren().add(busy);
        busy.layoutXProperty().bind(canvasPane.widthProperty().subtract(busy.widthProperty()).subtract(8));
        busy.setLayoutY(8);
        busy.autosize();
        busy.textProperty().addListener((o, a, b) -> busy.autosize());
    }

    @Override
    public void focusPlay() {
        playButton.requestFocus();
    }

    @Override
    public void toggleLogScale() {
        if (!logScaleCheck.isDisabled()) {
            logScaleCheck.setSelected(!logScaleCheck.isSelected());
        }
    }

    @Override
    public void showInPlaceOfControls(javafx.scene.Node panel) {
        if (panel == null) {
            if (labPane.getLeft() != controlsScroll) {
                controlsBox.getChildren().add(0, paceRow);
                controlsBox.getChildren().add(0, transportRow);
                labPane.setLeft(controlsScroll);
            }
            return;
        }
        // Play, Step, Reset and the pace stay on screen above the panel: a lesson read in it says "press Play"
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(4, transportRow, paceRow);
        top.getStyleClass().add("controls");
        javafx.scene.layout.VBox column = new javafx.scene.layout.VBox(top, panel);
        javafx.scene.layout.VBox.setVgrow(panel, javafx.scene.layout.Priority.ALWAYS);
        labPane.setLeft(column);
    }

    @Override
    public void onShutdown(Runnable action) {
        shutdownActions.add(action);
    }

    /** Stops the frame loop and training; the window is closing. */
    public void shutdown() {
        for (Runnable r : shutdownActions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "on closing the window", e); // the rest must still stop
            }
        }
        shutdownActions.clear();
        timer.stop();
        vm.run().pause();
    }

    @FXML
    private void onPlay() {
        vm.run().togglePlay();
    }

    @FXML
    private void onStep() {
        vm.run().step();
    }

    @FXML
    private void onReset() {
        vm.run().reset();
    }

    @FXML
    private void onRegenerate() {
        vm.regenerate();
    }

    @FXML
    private void onReport() {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Classification report");
        dialog.setHeaderText("Precision, recall and F1 per class, and where the network puts each point");
        TextArea text = new TextArea(vm.reportText());
        text.setEditable(false);
        text.getStyleClass().add("report");
        text.setPrefColumnCount(64);
        text.setPrefRowCount(26);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.initOwner(tabs.getScene().getWindow());
        DialogTheme.dress(dialog);
        dialog.show();
    }
}
