package org.boundarylab.ui.sweep;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.boundarylab.nn.Network;
import org.boundarylab.render.BoundaryImage;
import org.boundarylab.training.sweep.SettingStats;
import org.boundarylab.training.sweep.SettingStats.Metric;
import org.boundarylab.training.sweep.SweepContext;
import org.boundarylab.training.sweep.SweepCsv;
import org.boundarylab.training.sweep.SweepKind;
import org.boundarylab.training.sweep.SweepPictures;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.training.sweep.SweepSpec;

/**
 * Binds the sweep view to its {@link SweepViewModel} and forwards button presses. Standalone it
 * sweeps tutorial 001's moons; inside the lab, {@link #setContext} hands it the lab's current data
 * and settings and {@link #setOnOpenNetwork} opens a clicked thumbnail's network in the main view.
 */
public final class SweepController {
    @FXML private BorderPane root;
    @FXML private ChoiceBox<SweepKind> kindChoice;
    @FXML private TextField valuesField;
    @FXML private Label layersLabel;
    @FXML private Spinner<Integer> layersSpinner;
    @FXML private Spinner<Integer> seedsSpinner;
    @FXML private TextField epochsField;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPngButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label remainingLabel;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private TilePane thumbnails;
    @FXML private javafx.scene.control.ScrollPane thumbnailScroll;
    @FXML private javafx.scene.layout.FlowPane resultsRow;
    @FXML private ChoiceBox<Metric> metricChoice;
    @FXML private StackPane chartHolder;
    @FXML private TableView<SettingStats> summaryTable;

    private final SweepViewModel model = new SweepViewModel();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final ErrorBarChart chart = new ErrorBarChart(xAxis, yAxis);
    // held in fields: a bidirectional binding keeps only weak references to these adapters
    private final ObjectProperty<Integer> layersValue = model.layersPerSettingProperty().asObject();
    private final ObjectProperty<Integer> seedsValue = model.seedsProperty().asObject();
    private Supplier<SweepContext> context = SweepContext::tutorial001;
    private Consumer<Network> onOpenNetwork = net -> { };
    private ExecutorService executor;

    @FXML
    private void initialize() {
        kindChoice.getItems().setAll(SweepKind.values());
        kindChoice.valueProperty().bindBidirectional(model.kindProperty());
        valuesField.textProperty().bindBidirectional(model.valuesProperty());
        layersSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 3, 1));
        layersSpinner.getValueFactory().valueProperty().bindBidirectional(layersValue);
        layersSpinner.setTooltip(new Tooltip("hidden layers of the swept width (1 to 3)"));
        seedsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, SweepSpec.DEFAULT_SEEDS));
        seedsSpinner.getValueFactory().valueProperty().bindBidirectional(seedsValue);
        epochsField.textProperty().bindBidirectional(model.epochsProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        runButton.disableProperty().bind(model.canRunProperty().not());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        layersSpinner.disableProperty().bind(model.kindProperty().isNotEqualTo(SweepKind.HIDDEN_WIDTH)
                .or(model.runningProperty()));
        layersLabel.disableProperty().bind(layersSpinner.disableProperty());
        kindChoice.disableProperty().bind(model.runningProperty());
        valuesField.disableProperty().bind(model.runningProperty());
        seedsSpinner.disableProperty().bind(model.runningProperty());
        epochsField.disableProperty().bind(model.runningProperty());
        exportCsvButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.results()));
        exportPngButton.disableProperty().bind(exportCsvButton.disableProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        remainingLabel.textProperty().bind(model.remainingProperty());
        statusLabel.textProperty().bind(model.statusProperty());

        metricChoice.getItems().setAll(Metric.values());
        metricChoice.valueProperty().bindBidirectional(model.metricProperty());

        chart.setId("sweepChart");
        chart.getStyleClass().add("sweep-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        xAxis.setForceZeroInRange(false);
        yAxis.setForceZeroInRange(false);
        chart.setTitle(null);
        // log10(1) = 0 would otherwise draw a zero line through the width-1 points
        chart.setVerticalZeroLineVisible(false);
        chartHolder.getChildren().add(chart);

        setUpSummaryTable();
        followSpace();
        model.thumbnails().addListener((ListChangeListener<SweepThumbnail>) c -> rebuildThumbnails());
        model.summaryProperty().addListener((obs, was, now) -> refreshChart());
        model.metricProperty().addListener((obs, was, now) -> refreshChart());
        refreshChart();
    }

    private void setUpSummaryTable() {
        summaryTable.setPlaceholder(new Label("Per-setting means ± std over seeds appear here as runs finish."));
        summaryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        summaryTable.getColumns().setAll(List.of(
                column("Setting", s -> {
                    SweepSpec spec = model.specProperty().get();
                    return spec == null ? s.label() : SweepPictures.settingName(spec, s.settingIndex());
                }),
                column("Runs", s -> s.runs() + (s.diverged() == 0 ? "" : " (" + s.diverged() + " diverged)")),
                column("Train acc", s -> meanStd(s, s.meanTrainAccuracy(), s.stdTrainAccuracy(), 3)),
                column("Test acc", s -> meanStd(s, s.meanTestAccuracy(), s.stdTestAccuracy(), 3)),
                column("Train loss", s -> meanStd(s, s.meanTrainLoss(), s.stdTrainLoss(), 3)),
                column("Test loss", s -> meanStd(s, s.meanTestLoss(), s.stdTestLoss(), 3))));
    }

    private static TableColumn<SettingStats, String> column(String title, Function<SettingStats, String> text) {
        TableColumn<SettingStats, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    /** "0.950 ± 0.010" over the runs that did not diverge; "diverged" when none is left. */
    private static String meanStd(SettingStats s, double mean, double std, int digits) {
        if (s.allDiverged()) {
            return "diverged";
        }
        if (Double.isNaN(mean)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + digits + "f ± %." + digits + "f", mean, std);
    }

    /** Where the sweep takes its data and settings from when Run is pressed (the lab's current state). */
    public void setContext(Supplier<SweepContext> context) {
        this.context = context;
    }

    /** Called with a copy of a thumbnail's network when the user clicks it. */
    public void setOnOpenNetwork(Consumer<Network> onOpenNetwork) {
        this.onOpenNetwork = onOpenNetwork == null ? net -> { } : onOpenNetwork;
    }

    /** The pool runs train on (the app's shared pool); without one the view makes its own daemon pool. */
    public void setExecutor(ExecutorService executor) {
        this.executor = executor;
    }

    public SweepViewModel model() {
        return model;
    }

    /** Puts the keyboard focus on Run, so Enter or Space starts the sweep. */
    public void focusRun() {
        runButton.requestFocus();
    }

    /** Stops a running sweep (call when the tab or window closes). */
    public void shutdown() {
        model.cancel();
    }

    /** Presses Run (as Enter or Space on the focused button does). */
    public void pressRun() {
        onRun();
    }

    @FXML
    private void onRun() {
        try {
            if (executor == null) {
                executor = SweepRunner.newPool(Runtime.getRuntime().availableProcessors());
            }
            model.run(context.get(), executor, Platform::runLater);
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.statusProperty().set("Cannot run: " + e.getMessage());
        }
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onExportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export sweep table");
        chooser.setInitialFileName("sweep.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            exportCsv(f.toPath());
        }
    }

    @FXML
    private void onExportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export sweep view");
        chooser.setInitialFileName("sweep.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            exportPng(f.toPath());
        }
    }

    /** Writes the finished runs as the sweep CSV (setting/seed order). */
    public boolean exportCsv(Path file) {
        try {
            SweepCsv.write(new ArrayList<>(model.results()), file);
            model.statusProperty().set("Saved " + file.getFileName());
            return true;
        } catch (IOException e) {
            model.statusProperty().set("Could not save " + file + ": " + e.getMessage());
            return false;
        }
    }

    /** Writes a snapshot of the whole view as PNG. Call on the FX thread. */
    public boolean exportPng(Path file) {
        WritableImage shot = root.snapshot(null, null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = shot.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        try {
            BoundaryImage.writePng(img, file);
            model.statusProperty().set("Saved " + file.getFileName());
            return true;
        } catch (IOException e) {
            model.statusProperty().set("Could not save " + file + ": " + e.getMessage());
            return false;
        }
    }

    private void rebuildThumbnails() {
        List<SweepThumbnail> sorted = new ArrayList<>(model.thumbnails());
        sorted.sort((a, b) -> Integer.compare(a.settingIndex(), b.settingIndex()));
        Optional<Integer> best = model.summaryProperty().get().bestTest().map(b -> b.settingIndex());
        List<VBox> tiles = new ArrayList<>();
        for (SweepThumbnail t : sorted) {
            WritableImage img = new WritableImage(t.width(), t.height());
            img.getPixelWriter().setPixels(0, 0, t.width(), t.height(), PixelFormat.getIntArgbInstance(),
                    t.argb(), 0, t.width());
            ImageView view = new ImageView(img);
            // the caption again under the picture, in the window's own type: it grows with presentation mode
            Label caption = new Label(t.caption());
            caption.getStyleClass().add("thumbnail-caption");
            caption.setWrapText(true);
            caption.maxWidthProperty().bind(view.fitWidthProperty());
            VBox tile = new VBox(2, view, caption);
            tile.setAlignment(Pos.CENTER);
            tile.setId("thumb-" + t.settingIndex());
            tile.getStyleClass().add("sweep-thumbnail");
            if (best.isPresent() && best.get() == t.settingIndex()) {
                tile.getStyleClass().add("best");
            }
            Tooltip.install(tile, new Tooltip(t.caption() + "\nclick to open this network in the main view"));
            tile.setOnMouseClicked(e -> onOpenNetwork.accept(t.network().copy()));
            tiles.add(tile);
        }
        thumbnails.getChildren().setAll(tiles);
        sizeThumbnails();
    }

    // ---- layout: the view follows the room it has (a laptop, a 1024x768 projector, a large screen) ----

    /** Thumbnails no smaller than this (pixels of the picture); below it the grid scrolls. */
    private static final double MIN_THUMBNAIL = 130;
    /** A thumbnail's frame: padding and border on both sides (sweep.css). */
    private static final double TILE_FRAME = 8;

    private void followSpace() {
        thumbnailScroll.viewportBoundsProperty().addListener((o, a, b) -> sizeThumbnails());
        // a status line longer than the row wraps within it
        statusLabel.maxWidthProperty().bind(resultsRow.widthProperty().subtract(20));
        errorLabel.maxWidthProperty().bind(resultsRow.widthProperty().subtract(20));
        summaryTable.skinProperty().addListener((o, a, skin) -> {
            javafx.scene.Node head = summaryTable.lookup(".column-header .label");
            if (head instanceof Label l) {
                l.fontProperty().addListener((o2, f0, f1) -> fitTable());
            }
            fitTable();
        });
    }

    /**
     * Columns follow the width: as many as give the largest thumbnails that all fit the pane's
     * height, or, when they cannot, as many of at least {@value #MIN_THUMBNAIL} pixels as the
     * width takes (the grid then scrolls).
     */
    private void sizeThumbnails() {
        int n = thumbnails.getChildren().size();
        javafx.geometry.Bounds view = thumbnailScroll.getViewportBounds();
        if (n == 0 || view.getWidth() <= 0 || view.getHeight() <= 0) {
            return;
        }
        double gap = thumbnails.getHgap();
        double w = view.getWidth() - thumbnails.getPadding().getLeft() - thumbnails.getPadding().getRight() - 1;
        double h = view.getHeight() - thumbnails.getPadding().getTop() - thumbnails.getPadding().getBottom() - 1;
        int columns = 1;
        double size = 0;
        double captionRoom = 2.6 * statusLabel.getFont().getSize();
        for (int c = 1; c <= n; c++) {
            int rows = (n + c - 1) / c;
            double s = Math.min((w - gap * (c - 1)) / c - TILE_FRAME,
                    (h - gap * (rows - 1)) / rows - TILE_FRAME - captionRoom);
            if (s > size) {
                size = s;
                columns = c;
            }
        }
        if (size < MIN_THUMBNAIL) {
            columns = Math.max(1, (int) Math.floor((w + gap) / (MIN_THUMBNAIL + TILE_FRAME + gap)));
            size = Math.max(40, (w - gap * (columns - 1)) / columns - TILE_FRAME);
        }
        size = Math.floor(size) - 2;
        thumbnails.setPrefColumns(columns);
        for (javafx.scene.Node tile : thumbnails.getChildren()) {
            if (tile instanceof VBox box && !box.getChildren().isEmpty() && box.getChildren().get(0) instanceof ImageView iv) {
                iv.setPreserveRatio(true);
                iv.setSmooth(true);
                iv.setFitWidth(size);
            }
        }
    }

    /**
     * Every column at least as wide as its header and its widest value ("0.860 ± 0.012") in the
     * table's type, the rest of the width shared; the table as tall as its rows.
     */
    private void fitTable() {
        javafx.scene.Node head = summaryTable.lookup(".column-header .label");
        javafx.scene.text.Font font = head instanceof Label l ? l.getFont() : javafx.scene.text.Font.getDefault();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        for (TableColumn<SettingStats, ?> c : summaryTable.getColumns()) {
            probe.setText(c.getText());
            double widest = probe.getLayoutBounds().getWidth();
            for (SettingStats row : summaryTable.getItems()) {
                Object value = c.getCellObservableValue(row) == null ? null : c.getCellObservableValue(row).getValue();
                probe.setText(value == null ? "" : value.toString());
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            c.setMinWidth(Math.ceil(widest + 2.2 * font.getSize()));
            c.setMaxWidth(Math.max(c.getMinWidth() * 2, 240));
        }
        double row = Math.ceil(font.getSize() * 1.9);
        summaryTable.setPrefHeight((summaryTable.getItems().size() + 1) * row + 2 * font.getSize());
    }

    private void refreshChart() {
        SweepAxis axis = model.axis();
        SweepSpec spec = model.specProperty().get();
        xAxis.setLabel(spec == null ? "" : spec.kind().displayName() + (axis.isLog() ? " (log scale)" : ""));
        // no y label: the metric choice right above the chart names it, and a label the tick labels
        // resize under tends to overlap them
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return axis.tickLabel(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        List<SweepViewModel.ChartPoint> train = model.chartPoints(false);
        List<SweepViewModel.ChartPoint> test = model.chartPoints(true);
        setRange(axis, train, test);
        setYRange(train, test);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        series.add(series("train", train));
        series.add(series("test", test));
        series.add(series("best test", model.bestPoint().stream().toList()));
        chart.getData().setAll(series);
        // a setting whose every run diverged has no point to plot; the chart says so instead of leaving a gap
        List<String> diverged = model.divergedSettings();
        chart.setTitle(diverged.isEmpty() ? null : "diverged (not plotted): " + String.join(", ", diverged));
        summaryTable.getItems().setAll(model.summaryProperty().get().settings());
        fitTable();
        Optional<SettingStats> best = model.summaryProperty().get().bestTest();
        best.ifPresent(b -> summaryTable.getSelectionModel().select(b));
        // best-tile outline follows the summary
        rebuildThumbnails();
    }

    private void setRange(SweepAxis axis, List<SweepViewModel.ChartPoint> a, List<SweepViewModel.ChartPoint> b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<SweepViewModel.ChartPoint> list : List.of(a, b)) {
            for (SweepViewModel.ChartPoint p : list) {
                lo = Math.min(lo, p.x());
                hi = Math.max(hi, p.x());
            }
        }
        if (!Double.isFinite(lo)) {
            xAxis.setAutoRanging(true);
            return;
        }
        xAxis.setAutoRanging(false);
        if (axis.isLog()) {
            // a little room so the end points are not cut in half, and at least one whole decade to label
            double lower = lo - 0.15;
            double upper = hi + 0.15;
            if (Math.floor(upper) < lower) {
                lower = Math.floor(lower);
            }
            xAxis.setLowerBound(lower);
            xAxis.setUpperBound(upper);
            xAxis.setTickUnit(1);
            xAxis.setMinorTickCount(0);
        } else {
            double pad = Math.max((hi - lo) * 0.05, 0.5);
            xAxis.setLowerBound(lo - pad);
            xAxis.setUpperBound(hi + pad);
            xAxis.setTickUnit(niceStep((hi - lo + 2 * pad) / 6));
            xAxis.setMinorTickCount(2);
        }
    }

    /** The y range holds every mean ± std (accuracy stays within 0..1), which auto-ranging would not. */
    private void setYRange(List<SweepViewModel.ChartPoint> a, List<SweepViewModel.ChartPoint> b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<SweepViewModel.ChartPoint> list : List.of(a, b)) {
            for (SweepViewModel.ChartPoint p : list) {
                double std = Double.isFinite(p.std()) ? p.std() : 0;
                lo = Math.min(lo, p.mean() - std);
                hi = Math.max(hi, p.mean() + std);
            }
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            yAxis.setAutoRanging(true);
            return;
        }
        if (model.metricProperty().get() == Metric.ACCURACY) {
            lo = Math.max(0, lo);
            hi = Math.min(1, hi);
        } else {
            lo = Math.max(0, lo);
        }
        double pad = Math.max((hi - lo) * 0.05, 0.005);
        double step = niceStep((hi - lo + 2 * pad) / 8);
        yAxis.setAutoRanging(false);
        yAxis.setLowerBound(Math.floor((lo - pad) / step) * step);
        double upper = Math.ceil((hi + pad) / step) * step;
        if (model.metricProperty().get() == Metric.ACCURACY && upper > 1) {
            // room for the symbols at 100%, without an axis that promises more than 1; half a step,
            // so the unlabelled upper-bound tick does not crowd out the label of 1
            upper = 1 + Math.max(pad, step / 2);
        }
        yAxis.setUpperBound(upper);
        yAxis.setTickUnit(step);
        // NumberAxis also ticks its upper bound; a label there (1.022 over an accuracy axis) only confuses
        yAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number v) {
                double k = v.doubleValue() / step;
                if (!Double.isFinite(k) || Math.abs(k - Math.rint(k)) > 1e-6) {
                    return "";
                }
                return new java.math.BigDecimal(Math.rint(k) * step).round(new java.math.MathContext(6))
                        .stripTrailingZeros().toPlainString();
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-12))));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    private static XYChart.Series<Number, Number> series(String name, List<SweepViewModel.ChartPoint> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (SweepViewModel.ChartPoint p : points) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.mean());
            d.setExtraValue(p.std());
            s.getData().add(d);
        }
        return s;
    }

    /** The chart, for tests. */
    ErrorBarChart chart() {
        return chart;
    }
}
