package org.boundarylab.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.BackgroundTasks;
import org.boundarylab.ui.DataEditor;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabForm;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.Lifecycle;
import org.boundarylab.ui.MenuSlots;
import org.boundarylab.ui.OutputLoss;
import org.boundarylab.ui.ReplaceGuard;
import org.boundarylab.workspace.Exports;
import org.boundarylab.workspace.Workspace;
import org.boundarylab.workspace.WorkspaceFiles;

/**
 * The File menu (New, Open, Save, Save As, exports) and the Data menu's CSV import and export,
 * plus the autosave on exit and the offer to restore it. Files are read and written on the
 * background thread ({@link BackgroundTasks}), so the window keeps drawing; every failure shows
 * a dialog saying what and where, and leaves the lab as it was: files are read and checked
 * completely before anything in the lab changes, and every write is atomic.
 */
public final class FileActions {
    private static final List<FileDialogs.Filter> WORKSPACE = List.of(
            new FileDialogs.Filter("Boundary Lab workspace", "*" + WorkspaceFiles.EXTENSION));
    /** {@code -Dboundarylab.autosave=off} turns the autosave off. */
    public static final String AUTOSAVE_OFF = AutosaveOffer.OFF;

    /** The form as the window opened, for New. */
    private record StartForm(Map<Field, String> texts, DatasetKind dataset, double noise, Activation activation,
                             OutputLoss output, Initializer initializer, Optimizer.Kind optimizer) {
    }

    private final LabViewModel vm;
    private final MenuSlots menus;
    private final BackgroundTasks tasks;
    private final Runnable leaveLesson;
    private final DataEditor editor;
    private final StartForm start;
    private final FileAlerts alerts;
    private final DataAndExports data;
    private final AnimationExport animation;
    private final AutosaveOffer autosaves;
    private FileDialogs dialogs;
    private Path currentFile;
    /** The lab as last saved or opened; null for a lab never in a file (or opened only in part). */
    private Workspace savedLab;

    private FileActions(LabViewModel vm, DataEditor editor, MenuSlots menus, BackgroundTasks tasks,
                        Runnable leaveLesson) {
        this.vm = vm;
        this.menus = menus;
        this.tasks = tasks;
        this.leaveLesson = leaveLesson;
        this.editor = editor;
        this.dialogs = new FxFileDialogs(this::window);
        this.alerts = new FileAlerts(this::window);
        this.data = new DataAndExports(vm, editor, tasks, alerts, () -> dialogs, this::window);
        this.animation = new AnimationExport(vm, tasks, alerts, () -> dialogs, this::window);
        this.autosaves = new AutosaveOffer(vm, tasks, alerts, this::window);
        LabForm f = vm.form();
        Map<Field, String> texts = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            texts.put(field, f.textProperty(field).get());
        }
        start = new StartForm(texts, f.datasetProperty().get(), f.noiseProperty().get(), f.activationProperty().get(),
                f.outputLossProperty().get(), f.initializerProperty().get(), f.optimizerProperty().get());
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
                                      ReplaceGuard guard, BackgroundTasks tasks, Runnable leaveLesson) {
        FileActions actions = new FileActions(vm, editor, menus, tasks, leaveLesson);
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

    /** The dialog shown last (tests read its text), or null. */
    public Alert lastError() {
        return alerts.last();
    }

    /** Whether file work (open, save, import, export) is queued or running. */
    public boolean isBusy() {
        return tasks.isBusy();
    }

    // ---- menus ----

    private void fillFileMenu(Menu m) {
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        export.getItems().addAll(
                item("exportPngItem", "Boundary picture (PNG)…", null, data::exportBoundaryPng),
                item("exportLossItem", "Loss history (CSV)…", null, data::exportLossHistory),
                item("exportAnimationItem", "Animation (GIF)…", null, animation::export),
                item("exportModelItem", "Model (JSON)…", null, data::exportModel),
                item("exportReportItem", "Classification report (text)…", null, data::exportReport));
        m.getItems().addAll(
                item("newItem", "New", "Shortcut+N", this::newLab),
                item("openItem", "Open workspace…", "Shortcut+O", this::open),
                item("saveItem", "Save", "Shortcut+S", this::save),
                item("saveAsItem", "Save As…", "Shortcut+Shift+S", this::saveAs),
                new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), item("quitItem", "Quit", "Shortcut+Q", this::quit));
    }

    private void fillDataMenu(Menu m) {
        List<MenuItem> items = List.of(
                item("importCsvItem", "Import CSV…", null, data::importData),
                item("importTestCsvItem", "Import test set CSV…", null, data::importTestSet),
                item("exportTrainCsvItem", "Export training set CSV…", null, () -> data.exportCsv(false)),
                item("exportTestCsvItem", "Export test set CSV…", null, () -> data.exportCsv(true)),
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

    // ---- CSV and exports (each completes on the FX thread with whether it worked) ----

    public CompletableFuture<Boolean> importData(Path file) {
        return data.importData(file);
    }

    public CompletableFuture<Boolean> importTestSet(Path file) {
        return data.importTestSet(file);
    }

    public CompletableFuture<Boolean> exportCsv(boolean test, Path file) {
        return data.exportCsv(test, file);
    }

    public CompletableFuture<Boolean> exportBoundaryPng(Path file, Exports.PngOptions options) {
        return data.exportBoundaryPng(file, options);
    }

    /** Writes the run's animation (tests call this in place of the dialogs). */
    public CompletableFuture<Boolean> exportAnimation(Path file, long from, long to, int frames, boolean lossCurve) {
        return animation.export(file, new AnimationExport.Choice(from, to, frames, 480, 360, lossCurve));
    }

    /** Stops an animation being written. */
    public void cancelAnimation() {
        animation.cancel();
    }

    public CompletableFuture<Boolean> exportLossHistory(Path file) {
        return data.exportLossHistory(file);
    }

    public CompletableFuture<Boolean> exportModel(Path file) {
        return data.exportModel(file);
    }

    public CompletableFuture<Boolean> exportReport(Path file) {
        return data.exportReport(file);
    }

    // ---- workspace ----

    /** The lab as the window opened: its first settings, generated data, a fresh run. */
    public void newLab() {
        if (!mayReplaceLab("starting a new lab")) {
            return;
        }
        leaveLesson.run();
        LabForm f = vm.form();
        vm.applyAll(() -> {
            f.datasetProperty().set(start.dataset()); // its preset first: the start's own settings follow
            f.forgetNoisePerDataset();
            f.featuresProperty().set(Features.DEFAULT);
            start.texts().forEach((field, t) -> f.textProperty(field).set(t));
            f.noiseProperty().set(start.noise());
            f.activationProperty().set(start.activation());
            f.outputLossProperty().set(start.output());
            f.initializerProperty().set(start.initializer());
            f.optimizerProperty().set(start.optimizer());
            vm.useGeneratedData(); // new data always means a new run from epoch 0
        });
        setCurrentFile(null);
        savedLab = null;
    }

    public void open() {
        if (mayReplaceLab("opening another workspace")) {
            dialogs.showOpen("Open workspace", WORKSPACE).ifPresent(this::open);
        }
    }

    /**
     * Opens a file the system hands over while the window is open (a workspace double-clicked on
     * macOS): as File > Open, asking first about unsaved work.
     */
    public void openAsked(Path file) {
        if (mayReplaceLab("opening " + file.getFileName())) {
            open(file);
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
            // the answer is needed before going on: wait for the save, the window still drawing
            case SAVE -> Boolean.TRUE.equals(tasks.await(currentFile != null ? save(currentFile) : saveAs()));
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
     * Reads the whole file on the background thread; only a file whose settings and points are
     * good changes the lab. A part that had to be left out (a network, the optimiser's state or
     * the history that failed its checks, a newer format's keys) is listed in a message.
     *
     * @return completes on the FX thread with whether the lab now holds the file
     */
    public CompletableFuture<Boolean> open(Path file) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        tasks.run("Opening " + file.getFileName(), () -> WorkspaceFiles.open(file), opened -> {
            leaveLesson.run();
            List<String> notRestored = new ArrayList<>(opened.dropped());
            try {
                notRestored.addAll(WorkspaceBridge.restore(vm, opened.workspace()));
            } catch (IllegalArgumentException e) {
                alerts.error("Cannot open the workspace", file + ": " + e.getMessage() + "\nThe lab is unchanged.");
                result.complete(false);
                return;
            }
            setCurrentFile(file);
            // what the file holds; the lab matches it once the opened run has started on the pool
            savedLab = notRestored.isEmpty() ? opened.workspace() : null;
            if (!notRestored.isEmpty()) {
                alerts.warning("Opened in part", file.getFileName() + " could not be restored in full:\n• "
                        + String.join("\n• ", notRestored));
            }
            result.complete(true);
        }, e -> {
            alerts.error("Cannot open the workspace", FileAlerts.failure(file, e));
            result.complete(false);
        });
        return result;
    }

    public CompletableFuture<Boolean> save() {
        return currentFile == null ? saveAs() : save(currentFile);
    }

    /** Completes with whether the lab was saved (false when the user cancelled or the save failed). */
    public CompletableFuture<Boolean> saveAs() {
        String name = currentFile == null ? "lab" + WorkspaceFiles.EXTENSION : currentFile.getFileName().toString();
        return dialogs.showSave("Save workspace", name, WORKSPACE).map(WorkspaceFiles::withExtension)
                .map(this::save).orElse(CompletableFuture.completedFuture(false));
    }

    /**
     * Saves atomically on the background thread; a failure leaves the previous file as it was
     * and says why. What is saved is the lab of this moment (a playing run hands over its state
     * between two epochs and trains on).
     */
    public CompletableFuture<Boolean> save(Path file) {
        WorkspaceBridge.Prepared lab;
        try {
            lab = WorkspaceBridge.prepare(vm);
        } catch (IllegalStateException e) {
            alerts.error("Cannot save the workspace", e.getMessage());
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        // waiting for a playing run's state (up to an epoch) happens here, off the FX thread, too
        tasks.run("Saving " + file.getFileName(), () -> {
            Workspace w = lab.complete();
            WorkspaceFiles.write(file, w);
            return w;
        }, saved -> {
            setCurrentFile(file);
            savedLab = saved;
            result.complete(true);
        }, e -> {
            alerts.error("Cannot save the workspace", e instanceof IllegalStateException ? e.getMessage()
                    : FileAlerts.failure(file, e) + "\nThe previous file, if any, is unchanged.");
            result.complete(false);
        });
        return result;
    }

    private void setCurrentFile(Path file) {
        currentFile = file;
        if (window() instanceof Stage stage) {
            stage.setTitle(file == null ? "Boundary Lab" : "Boundary Lab — " + file.getFileName());
        }
    }

    /**
     * File > Quit: asks about unsaved work as New does, then closes the window as its close button
     * does (the close request first, then the window goes; the autosave follows as ever).
     */
    public void quit() {
        if (!mayReplaceLab("quitting")) {
            return;
        }
        Window w = window();
        if (w == null) {
            return;
        }
        javafx.stage.WindowEvent close = new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
        javafx.event.Event.fireEvent(w, close);
        if (!close.isConsumed()) {
            w.hide();
        }
    }

    // ---- autosave ----

    /**
     * Saves the lab for the next start, as the window closes: on the closing thread, since the
     * process may end right after; failures are logged, an exit must not stop for them.
     */
    public void autosave() {
        autosaves.save();
    }

    /** On start: offers the autosaved lab back; restored or declined, it is then removed. */
    public void offerAutosave() {
        autosaves.offer();
    }

    private Window window() {
        var scene = menus.bar().getScene();
        return scene == null ? null : scene.getWindow();
    }
}
