package org.boundarylab.ui.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.boundarylab.ui.DialogTheme;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.BackgroundTasks;
import org.boundarylab.ui.DataEditor;
import org.boundarylab.ui.InputRules;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.workspace.Exports;

/**
 * The Data menu's CSV import and export and the File menu's exports. What to write is taken
 * from the lab on the FX thread; reading and writing happen on the background thread, and a
 * bad file changes nothing and says which line.
 */
final class DataAndExports {
    static final List<FileDialogs.Filter> CSV = List.of(new FileDialogs.Filter("CSV data (x1,x2,label)", "*.csv"));
    private static final List<FileDialogs.Filter> PNG = List.of(new FileDialogs.Filter("PNG picture", "*.png"));
    private static final List<FileDialogs.Filter> JSON = List.of(new FileDialogs.Filter("Model JSON", "*.json"));
    private static final List<FileDialogs.Filter> TEXT = List.of(new FileDialogs.Filter("Text", "*.txt"));

    private final LabViewModel vm;
    private final DataEditor editor;
    private final BackgroundTasks tasks;
    private final FileAlerts alerts;
    private final Supplier<FileDialogs> dialogs;
    private final Supplier<Window> window;

    DataAndExports(LabViewModel vm, DataEditor editor, BackgroundTasks tasks, FileAlerts alerts,
                   Supplier<FileDialogs> dialogs, Supplier<Window> window) {
        this.vm = vm;
        this.editor = editor;
        this.tasks = tasks;
        this.alerts = alerts;
        this.dialogs = dialogs;
        this.window = window;
    }

    // ---- CSV ----

    void importData() {
        dialogs.get().showOpen("Import data (training and test, split by the test share)", CSV)
                .ifPresent(this::importData);
    }

    /** The file becomes the lab's data, split by the test share and data seed; a bad file changes nothing. */
    CompletableFuture<Boolean> importData(Path file) {
        double share = valid(Field.TEST_SHARE) ? vm.form().doubleValue(Field.TEST_SHARE) : 0.2;
        long seed = valid(Field.DATA_SEED) ? vm.form().longValue(Field.DATA_SEED) : 0L;
        return load(file, () -> DataFiles.importData(file, share, seed),
                split -> editor.replace("import " + file.getFileName(), split));
    }

    void importTestSet() {
        dialogs.get().showOpen("Import test set", CSV).ifPresent(this::importTestSet);
    }

    CompletableFuture<Boolean> importTestSet(Path file) {
        Split current = vm.data().dataProperty().get();
        return load(file, () -> DataFiles.importTestSet(file, current),
                split -> editor.replace("import test set " + file.getFileName(), split));
    }

    private CompletableFuture<Boolean> load(Path file, Callable<Split> read, Consumer<Split> use) {
        return tasks.run("Reading " + file.getFileName(), read, use,
                e -> alerts.error("Cannot import " + file.getFileName(),
                        FileAlerts.failure(file, e) + "\nNothing was imported."))
                .handle((r, e) -> e == null);
    }

    private boolean valid(Field f) {
        return InputRules.check(f, vm.form().textProperty(f).get()).isEmpty();
    }

    void exportCsv(boolean test) {
        dialogs.get().showSave(test ? "Export test set" : "Export training set", test ? "test.csv" : "train.csv", CSV)
                .ifPresent(p -> exportCsv(test, p));
    }

    CompletableFuture<Boolean> exportCsv(boolean test, Path file) {
        Split s = vm.data().dataProperty().get();
        return write("Cannot export the data", file, () -> DataFiles.export(test ? s.test() : s.train(), file));
    }

    // ---- exports ----

    void exportBoundaryPng() {
        askPngOptions().ifPresent(o -> dialogs.get().showSave("Export boundary picture",
                o.scale() > 1 ? "boundary@2x.png" : "boundary.png", PNG).ifPresent(p -> exportBoundaryPng(p, o)));
    }

    CompletableFuture<Boolean> exportBoundaryPng(Path file, Exports.PngOptions options) {
        FeaturedModel net = shownModel();
        Split s = vm.data().dataProperty().get();
        return net == null ? CompletableFuture.completedFuture(false) : write("Cannot export the picture", file,
                () -> Exports.boundaryPng(net, s.train(), s.test(), options, file));
    }

    void exportLossHistory() {
        dialogs.get().showSave("Export loss history", "loss.csv", CSV).ifPresent(this::exportLossHistory);
    }

    CompletableFuture<Boolean> exportLossHistory(Path file) {
        var rows = vm.run().history();
        return write("Cannot export the loss history", file, () -> Exports.lossHistoryCsv(rows, file));
    }

    void exportModel() {
        dialogs.get().showSave("Export model", "model.json", JSON).ifPresent(this::exportModel);
    }

    CompletableFuture<Boolean> exportModel(Path file) {
        FeaturedModel net = shownModel();
        if (net == null) {
            return CompletableFuture.completedFuture(false);
        }
        LabSettings settings;
        try {
            settings = vm.form().typedSettings();
        } catch (IllegalArgumentException e) {
            settings = null; // the model stands without them
        }
        LabSettings s = settings;
        return write("Cannot export the model", file, () -> Exports.modelJson(net, s, file));
    }

    void exportReport() {
        dialogs.get().showSave("Export classification report", "report.txt", TEXT).ifPresent(this::exportReport);
    }

    CompletableFuture<Boolean> exportReport(Path file) {
        FeaturedModel net = shownModel();
        Split s = vm.data().dataProperty().get();
        return net == null ? CompletableFuture.completedFuture(false) : write("Cannot export the report", file,
                () -> Exports.classificationReport(net, s.train(), s.test(), file));
    }

    /** The network on screen with the inputs it is fed. */
    private FeaturedModel shownModel() {
        TrainingSnapshot s = vm.run().snapshotProperty().get();
        if (s == null || s.network() == null) {
            alerts.error("Nothing to export yet", "There is no network yet: press Step or Play first.");
            return null;
        }
        return new FeaturedModel(vm.run().shownFeaturesProperty().get(), s.network());
    }

    private interface Write {
        void run() throws Exception;
    }

    private CompletableFuture<Boolean> write(String title, Path file, Write w) {
        return tasks.run("Writing " + file.getFileName(), () -> {
            w.run();
            return true;
        }, ok -> { }, e -> alerts.error(title, FileAlerts.failure(file, e))).handle((r, e) -> e == null);
    }

    private Optional<Exports.PngOptions> askPngOptions() {
        Dialog<Exports.PngOptions> d = new Dialog<>();
        d.initOwner(window.get());
        d.setTitle("Boundary picture");
        d.setHeaderText("The decision boundary with the points, as a PNG file");
        CheckBox axes = new CheckBox("Axes");
        axes.setSelected(true);
        CheckBox legend = new CheckBox("Legend");
        legend.setSelected(true);
        ChoiceBox<String> size = new ChoiceBox<>();
        size.getItems().setAll("1× (640 × 480)", "2× for slides (1280 × 960)");
        size.getSelectionModel().select(0);
        d.getDialogPane().setContent(new VBox(8, axes, legend, new Label("Size"), size));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        DialogTheme.dress(d);
        d.setResultConverter(b -> b != ButtonType.OK ? null
                : (size.getSelectionModel().getSelectedIndex() == 1 ? Exports.PngOptions.slides()
                : Exports.PngOptions.screen()).withAxes(axes.isSelected()).withLegend(legend.isSelected()));
        return d.showAndWait();
    }
}
