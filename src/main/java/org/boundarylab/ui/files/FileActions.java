package org.boundarylab.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.boundarylab.data.DataFormatException;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.Lifecycle;
import org.boundarylab.ui.MenuSlots;
import org.boundarylab.ui.ReplaceGuard;
import org.boundarylab.ui.OutputLoss;
import org.boundarylab.ui.DataEditor;
import org.boundarylab.workspace.Autosave;
import org.boundarylab.workspace.Exports;
import org.boundarylab.workspace.Workspace;
import org.boundarylab.workspace.WorkspaceFiles;
import org.boundarylab.workspace.WorkspaceFormatException;

/**
 * The File menu (New, Open, Save, Save As, exports) and the Data menu's CSV import and export,
 * plus the autosave on exit and the offer to restore it. Every failure shows a dialog saying
 * what and where, and leaves the lab as it was: files are read and checked completely before
 * anything in the lab changes, and every write is atomic.
 */
public final class FileActions {
    private static final List<FileDialogs.Filter> WORKSPACE = List.of(
            new FileDialogs.Filter("Boundary Lab workspace", "*" + WorkspaceFiles.EXTENSION));
    private static final List<FileDialogs.Filter> CSV = List.of(new FileDialogs.Filter("CSV data (x1,x2,label)", "*.csv"));
    private static final List<FileDialogs.Filter> PNG = List.of(new FileDialogs.Filter("PNG picture", "*.png"));
    private static final List<FileDialogs.Filter> JSON = List.of(new FileDialogs.Filter("Model JSON", "*.json"));
    private static final List<FileDialogs.Filter> TEXT = List.of(new FileDialogs.Filter("Text", "*.txt"));
    /** {@code -Dboundarylab.autosave=off} turns the autosave off. */
    public static final String AUTOSAVE_OFF = "off";

    private static final System.Logger LOG = System.getLogger(FileActions.class.getName());
    private final LabViewModel vm;
    private final MenuSlots menus;
    private final Runnable leaveLesson;
    private final DataEditor editor;
    private final Map<Field, String> startTexts = new EnumMap<>(Field.class);
    private final Object[] startChoices;
    private FileDialogs dialogs;
    private Path currentFile;
    /** The lab as last saved or opened; null for a lab never in a file. */
    private Workspace savedLab;
    private Alert lastError;
    /** Reads in flight (changed on the FX thread, read by tests from theirs). */
    private final java.util.concurrent.atomic.AtomicInteger opening = new java.util.concurrent.atomic.AtomicInteger();

    private FileActions(LabViewModel vm, DataEditor editor, MenuSlots menus, Runnable leaveLesson) {
        this.vm = vm;
        this.menus = menus;
        this.leaveLesson = leaveLesson;
        this.editor = editor;
        this.dialogs = new FxFileDialogs(this::window);
        for (Field f : Field.values()) {
            startTexts.put(f, vm.form().textProperty(f).get());
        }
        startChoices = new Object[] {vm.form().datasetProperty().get(), vm.form().noiseProperty().get(), vm.form().activationProperty().get(),
            vm.form().outputLossProperty().get(), vm.form().initializerProperty().get(), vm.form().optimizerProperty().get()};
        fillFileMenu(menus.file());
        fillDataMenu(menus.data());
    }

    /**
     * Fills the File menu and the Data menu's file items, autosaves when the window closes and
     * becomes the one who decides whether the lab may be replaced (asking about unsaved work).
     *
     * @param leaveLesson ends a lesson, whose locks belong to its own setup, when New or Open
     *                    replace the lab
     */
    public static FileActions install(LabViewModel vm, DataEditor editor, MenuSlots menus, Lifecycle lifecycle,
                                      ReplaceGuard guard, Runnable leaveLesson) {
        FileActions actions = new FileActions(vm, editor, menus, leaveLesson);
        lifecycle.onShutdown(actions::autosave);
        guard.decideWith(actions::mayReplaceLab);
        return actions;
    }

    /** Replaces the file choosers (tests answer with paths of their own). */
    public void setDialogs(FileDialogs dialogs) {
        this.dialogs = dialogs;
    }

    /** The undo stack imports go on (shared with the drawing tools). */
    public DataEditor editor() {
        return editor;
    }

    /** The workspace file Save writes to; empty until one was opened or saved. */
    public Optional<Path> currentFile() {
        return Optional.ofNullable(currentFile);
    }

    /** The error dialog shown last (tests read its text), or null. */
    public Alert lastError() {
        return lastError;
    }

    // ---- menus ----

    private void fillFileMenu(Menu m) {
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        export.getItems().addAll(
                item("exportPngItem", "Boundary picture (PNG)…", null, this::exportBoundaryPng),
                item("exportLossItem", "Loss history (CSV)…", null, this::exportLossHistory),
                item("exportModelItem", "Model (JSON)…", null, this::exportModel),
                item("exportReportItem", "Classification report (text)…", null, this::exportReport));
        m.getItems().addAll(
                item("newItem", "New", "Shortcut+N", this::newLab),
                item("openItem", "Open workspace…", "Shortcut+O", this::open),
                item("saveItem", "Save", "Shortcut+S", this::save),
                item("saveAsItem", "Save As…", "Shortcut+Shift+S", this::saveAs),
                new SeparatorMenuItem(), export);
    }

    private void fillDataMenu(Menu m) {
        List<MenuItem> items = List.of(
                item("importCsvItem", "Import CSV…", null, this::importData),
                item("importTestCsvItem", "Import test set CSV…", null, this::importTestSet),
                item("exportTrainCsvItem", "Export training set CSV…", null, () -> exportCsv(false)),
                item("exportTestCsvItem", "Export test set CSV…", null, () -> exportCsv(true)),
                new SeparatorMenuItem());
        m.getItems().addAll(0, items);
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** A menu item of the File or Data menu (or the Export submenu) by its id. */
    public MenuItem menuItem(String id) {
        for (Menu menu : List.of(menus.file(), menus.data())) {
            for (MenuItem i : menu.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
                if (i instanceof Menu sub) {
                    for (MenuItem j : sub.getItems()) {
                        if (id.equals(j.getId())) {
                            return j;
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("no menu item " + id);
    }

    // ---- workspace ----

    /** The lab as the window opened: its first settings, generated data, a fresh run. */
    public void newLab() {
        if (!mayReplaceLab("starting a new lab")) {
            return;
        }
        leaveLesson();
        vm.applyAll(() -> {
            vm.form().featuresProperty().set(org.boundarylab.nn.Features.DEFAULT);
            startTexts.forEach((f, t) -> vm.form().textProperty(f).set(t));
            vm.form().datasetProperty().set((DatasetKind) startChoices[0]);
            vm.form().noiseProperty().set((Double) startChoices[1]);
            vm.form().activationProperty().set((Activation) startChoices[2]);
            vm.form().outputLossProperty().set((OutputLoss) startChoices[3]);
            vm.form().initializerProperty().set((Initializer) startChoices[4]);
            vm.form().optimizerProperty().set((Optimizer.Kind) startChoices[5]);
            vm.useGeneratedData(); // new data always means a new run from epoch 0
        });
        setCurrentFile(null);
        savedLab = null;
    }

    public void open() {
        if (mayReplaceLab("opening another workspace")) {
            dialogs.showOpen("Open workspace", WORKSPACE).ifPresent(f -> open(f));
        }
    }

    /**
     * Whether the lab may be replaced now: yes when nothing would be lost, else as the user
     * answers (saving first when asked; a cancelled or failed save keeps the lab). Training
     * pauses first, so what is asked about holds still.
     */
    private boolean mayReplaceLab(String next) {
        vm.run().pause();
        if (!hasUnsavedWork()) {
            return true;
        }
        return switch (dialogs.askToSave(next)) {
            case SAVE -> currentFile != null ? save(currentFile) : saveAs();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /**
     * Whether replacing the lab now would lose work. A lab from a file (opened or saved) has
     * unsaved work when it is no longer the lab of that moment ({@link Workspace#sameLabAs});
     * a lab that never was in a file, when it has trained (epoch above 0) or holds drawn or
     * imported points, which its settings alone cannot make again. A network whose settings
     * cannot be saved just now (a field being typed in) counts as unsaved all the same: asked
     * to save it, the user is told why it cannot be, and the lab stays.
     */
    public boolean hasUnsavedWork() {
        try {
            Workspace now = WorkspaceBridge.capture(vm);
            return savedLab == null ? now.epoch() > 0 || vm.data().customDataProperty().get() : !savedLab.sameLabAs(now);
        } catch (IllegalStateException e) {
            TrainingSnapshot shown = vm.run().snapshotProperty().get();
            if (shown == null || shown.network() == null) {
                return false; // no network yet: nothing to lose
            }
            return savedLab != null || shown.epoch() > 0 || vm.data().customDataProperty().get();
        }
    }

    /**
     * Reads the whole file off the FX thread; only a file whose settings and points are good
     * changes the lab. A part that had to be left out (a network, the optimiser's state or the
     * history that failed its checks, a newer format's keys) is listed in a message.
     *
     * @return completes on the FX thread with whether the lab now holds the file
     */
    public CompletableFuture<Boolean> open(Path file) {
        opening.incrementAndGet();
        return FileWork.run(() -> WorkspaceFiles.open(file)).handleAsync((opened, failure) -> {
            opening.decrementAndGet();
            if (failure != null) {
                error("Cannot open the workspace", readFailure(file, failure));
                return false;
            }
            leaveLesson();
            List<String> notRestored = new ArrayList<>(opened.dropped());
            try {
                notRestored.addAll(WorkspaceBridge.restore(vm, opened.workspace()));
            } catch (IllegalArgumentException e) {
                error("Cannot open the workspace", file + ": " + e.getMessage() + "\nThe lab is unchanged.");
                return false;
            }
            setCurrentFile(file);
            // what the file holds; the lab matches it once the opened run has started on the pool
            savedLab = notRestored.isEmpty() ? opened.workspace() : null;
            if (!notRestored.isEmpty()) {
                warning("Opened in part", file.getFileName() + " could not be restored in full:\n• "
                        + String.join("\n• ", notRestored));
            }
            return true;
        }, Platform::runLater);
    }

    /** Files being read for Open (tests wait for none). */
    public boolean isOpening() {
        return opening.get() > 0;
    }

    /** What went wrong reading {@code file}, in a sentence that names it. */
    static String readFailure(Path file, Throwable failure) {
        Throwable e = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (e instanceof WorkspaceFormatException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return file + ": not enough memory to open this file; nothing was changed";
        }
        if (e instanceof IOException io) {
            String m = describe(io);
            return m.startsWith(file.toString()) ? m : file + ": " + m;
        }
        return file + ": " + e; // a fault of ours: say what it was rather than nothing
    }

    /** A lesson's locks belong to the lesson's setup, not to a lab replaced by New or Open. */
    private void leaveLesson() {
        leaveLesson.run();
    }

    public void save() {
        if (currentFile == null) {
            saveAs();
        } else {
            save(currentFile);
        }
    }

    /** @return whether the lab was saved (false when the user cancelled or the save failed) */
    public boolean saveAs() {
        String name = currentFile == null ? "lab" + WorkspaceFiles.EXTENSION : currentFile.getFileName().toString();
        return dialogs.showSave("Save workspace", name, WORKSPACE).map(WorkspaceFiles::withExtension)
                .map(this::save).orElse(false);
    }

    /** Saves atomically; a failure leaves the previous file as it was and says why. */
    public boolean save(Path file) {
        try {
            Workspace w = WorkspaceBridge.capture(vm);
            WorkspaceFiles.write(file, w);
            setCurrentFile(file);
            savedLab = w;
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            error("Cannot save the workspace", e.getMessage());
        } catch (IOException e) {
            error("Cannot save the workspace", file + ": " + describe(e) + "\nThe previous file, if any, is unchanged.");
        }
        return false;
    }

    private void setCurrentFile(Path file) {
        currentFile = file;
        if (window() instanceof Stage stage) {
            stage.setTitle(file == null ? "Boundary Lab" : "Boundary Lab — " + file.getFileName());
        }
    }

    // ---- autosave ----

    static boolean autosaveEnabled() {
        return !AUTOSAVE_OFF.equalsIgnoreCase(System.getProperty(Autosave.LOCATION_PROPERTY, ""));
    }

    /** Saves the lab for the next start (called as the window closes); failures are reported on stderr only. */
    public void autosave() {
        if (!autosaveEnabled()) {
            return;
        }
        try {
            Autosave.atDefaultLocation().save(WorkspaceBridge.capture(vm));
        } catch (IllegalStateException e) {
            // nothing worth keeping yet (no network, settings mid-edit)
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "autosave failed: " + describe(e));
        }
    }

    /** On start: offers the autosaved lab back; restored or declined, it is then removed. */
    public void offerAutosave() {
        if (!autosaveEnabled()) {
            return;
        }
        Autosave autosave = Autosave.atDefaultLocation();
        autosave.removeLeftovers();
        autosave.found().ifPresent(time -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
            ask.initOwner(window());
            ask.setTitle("Restore the lab?");
            ask.setHeaderText("The lab was saved when it last closed ("
                    + DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ROOT)
                    .format(time.toInstant().atZone(ZoneId.systemDefault())) + ").");
            ask.setContentText("Restore its data, settings and network?");
            ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
            ButtonType fresh = new ButtonType("Start fresh", ButtonBar.ButtonData.CANCEL_CLOSE);
            ask.getButtonTypes().setAll(restore, fresh);
            Optional<ButtonType> answer = ask.showAndWait();
            if (answer.isEmpty() || answer.get() != restore) {
                discard(autosave);
                return;
            }
            opening.incrementAndGet();
            FileWork.run(autosave::open).handleAsync((opened, failure) -> {
                opening.decrementAndGet();
                discard(autosave);
                if (failure != null) {
                    error("Cannot restore the autosaved lab", readFailure(autosave.location(), failure)
                            + "\nThe lab starts fresh.");
                    return false;
                }
                if (opened.isEmpty()) {
                    return false;
                }
                List<String> notRestored = new ArrayList<>(opened.get().dropped());
                try {
                    notRestored.addAll(WorkspaceBridge.restore(vm, opened.get().workspace()));
                } catch (IllegalArgumentException e) {
                    error("Cannot restore the autosaved lab", e.getMessage() + "\nThe lab starts fresh.");
                    return false;
                }
                if (!notRestored.isEmpty()) {
                    warning("Restored in part", "The autosaved lab could not be restored in full:\n• "
                            + String.join("\n• ", notRestored));
                }
                return true;
            }, Platform::runLater);
        });
    }

    private void discard(Autosave autosave) {
        try {
            autosave.discard();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + autosave.location() + ": " + describe(e));
        }
    }

    // ---- CSV ----

    public void importData() {
        dialogs.showOpen("Import data (training and test, split by the test share)", CSV).ifPresent(this::importData);
    }

    /** The file becomes the lab's data, split by the test share and data seed; a bad file changes nothing. */
    public boolean importData(Path file) {
        double share = validOr(Field.TEST_SHARE, 0.2);
        long seed = validOr(Field.DATA_SEED, 0L);
        try {
            Split split = DataFiles.importData(file, share, seed);
            editor.replace("import " + file.getFileName(), split);
            return true;
        } catch (DataFormatException e) {
            error("Cannot import " + file.getFileName(), e.getMessage() + "\nNothing was imported.");
        } catch (IOException e) {
            error("Cannot import " + file.getFileName(), file + ": " + describe(e) + "\nNothing was imported.");
        }
        return false;
    }

    public void importTestSet() {
        dialogs.showOpen("Import test set", CSV).ifPresent(this::importTestSet);
    }

    public boolean importTestSet(Path file) {
        try {
            editor.replace("import test set " + file.getFileName(),
                    DataFiles.importTestSet(file, vm.data().dataProperty().get()));
            return true;
        } catch (DataFormatException e) {
            error("Cannot import " + file.getFileName(), e.getMessage() + "\nNothing was imported.");
        } catch (IOException e) {
            error("Cannot import " + file.getFileName(), file + ": " + describe(e) + "\nNothing was imported.");
        }
        return false;
    }

    private void exportCsv(boolean test) {
        dialogs.showSave(test ? "Export test set" : "Export training set", test ? "test.csv" : "train.csv", CSV)
                .ifPresent(p -> exportCsv(test, p));
    }

    public boolean exportCsv(boolean test, Path file) {
        Split s = vm.data().dataProperty().get();
        return write("Cannot export the data", file, () -> DataFiles.export(test ? s.test() : s.train(), file));
    }

    // ---- exports ----

    private void exportBoundaryPng() {
        Optional<Exports.PngOptions> options = askPngOptions();
        options.ifPresent(o -> dialogs.showSave("Export boundary picture", o.scale() > 1 ? "boundary@2x.png"
                : "boundary.png", PNG).ifPresent(p -> exportBoundaryPng(p, o)));
    }

    public boolean exportBoundaryPng(Path file, Exports.PngOptions options) {
        FeaturedModel net = shownModel();
        Split s = vm.data().dataProperty().get();
        return net != null && write("Cannot export the picture", file,
                () -> Exports.boundaryPng(net, s.train(), s.test(), options, file));
    }

    private void exportLossHistory() {
        dialogs.showSave("Export loss history", "loss.csv", CSV).ifPresent(this::exportLossHistory);
    }

    public boolean exportLossHistory(Path file) {
        return write("Cannot export the loss history", file,
                () -> Exports.lossHistoryCsv(WorkspaceBridge.history(vm.run().history().points()), file));
    }

    private void exportModel() {
        dialogs.showSave("Export model", "model.json", JSON).ifPresent(this::exportModel);
    }

    public boolean exportModel(Path file) {
        FeaturedModel net = shownModel();
        if (net == null) {
            return false;
        }
        LabSettings settings;
        try {
            settings = WorkspaceBridge.settings(vm);
        } catch (IllegalArgumentException e) {
            settings = null; // the model stands without them
        }
        LabSettings s = settings;
        return write("Cannot export the model", file, () -> Exports.modelJson(net, s, file));
    }

    private void exportReport() {
        dialogs.showSave("Export classification report", "report.txt", TEXT).ifPresent(this::exportReport);
    }

    public boolean exportReport(Path file) {
        FeaturedModel net = shownModel();
        Split s = vm.data().dataProperty().get();
        return net != null && write("Cannot export the report", file,
                () -> Exports.classificationReport(net, s.train(), s.test(), file));
    }

    /** The network on screen with the inputs it is fed. */
    private FeaturedModel shownModel() {
        TrainingSnapshot s = vm.run().snapshotProperty().get();
        if (s == null || s.network() == null) {
            error("Nothing to export yet", "There is no network yet: press Step or Play first.");
            return null;
        }
        return new FeaturedModel(vm.run().shownFeaturesProperty().get(), s.network());
    }

    private Optional<Exports.PngOptions> askPngOptions() {
        Dialog<Exports.PngOptions> d = new Dialog<>();
        d.initOwner(window());
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
        d.setResultConverter(b -> b != ButtonType.OK ? null
                : (size.getSelectionModel().getSelectedIndex() == 1 ? Exports.PngOptions.slides()
                : Exports.PngOptions.screen()).withAxes(axes.isSelected()).withLegend(legend.isSelected()));
        return d.showAndWait();
    }

    // ---- helpers ----

    private interface Write {
        void run() throws IOException;
    }

    private boolean write(String title, Path file, Write w) {
        try {
            w.run();
            return true;
        } catch (IOException | RuntimeException e) {
            error(title, file + ": " + describe(e));
            return false;
        }
    }

    private <T> T validOr(Field f, T fallback) {
        String t = vm.form().textProperty(f).get();
        @SuppressWarnings("unchecked")
        T v = InputRules.check(f, t).isEmpty() ? (T) InputRules.parse(f, t) : fallback;
        return v;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? kind : m;
    }

    private void warning(String title, String message) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        Window owner = window();
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(message);
        a.getDialogPane().setId("fileWarningDialog");
        a.getDialogPane().setMinWidth(520);
        lastError = a;
        a.show();
    }

    private void error(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        Window owner = window();
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(message);
        a.getDialogPane().setId("fileErrorDialog");
        a.getDialogPane().setMinWidth(520);
        lastError = a;
        a.show();
    }

    private Window window() {
        var scene = menus.bar().getScene();
        return scene == null ? null : scene.getWindow();
    }
}
