package org.boundarylab.ui.files;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.boundarylab.ui.DialogTheme;
import org.boundarylab.ui.BackgroundTasks;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.workspace.Autosave;

/**
 * The lab kept on exit and offered back on the next start (Restore / Start fresh), read like
 * Open: on the background thread, whole or with what was left out said.
 */
final class AutosaveOffer {
    /** {@code -Dboundarylab.autosave=off} turns the autosave off. */
    static final String OFF = "off";
    private static final System.Logger LOG = System.getLogger(AutosaveOffer.class.getName());

    private final LabViewModel vm;
    private final BackgroundTasks tasks;
    private final FileAlerts alerts;
    private final Supplier<Window> window;

    AutosaveOffer(LabViewModel vm, BackgroundTasks tasks, FileAlerts alerts, Supplier<Window> window) {
        this.vm = vm;
        this.tasks = tasks;
        this.alerts = alerts;
        this.window = window;
    }


    static boolean enabled() {
        return !OFF.equalsIgnoreCase(System.getProperty(Autosave.LOCATION_PROPERTY, ""));
    }

    /**
     * Saves the lab for the next start, as the window closes: on the closing thread, since the
     * process may end right after; failures are logged, an exit must not stop for them.
     */
    void save() {
        if (!enabled()) {
            return;
        }
        try {
            Autosave.atDefaultLocation().save(WorkspaceBridge.capture(vm));
        } catch (IllegalStateException e) {
            // nothing worth keeping yet (no network, settings mid-edit)
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "autosave failed: " + FileAlerts.describe(e));
        }
    }

    /** On start: offers the autosaved lab back; restored or declined, it is then removed. */
    void offer() {
        if (!enabled()) {
            return;
        }
        Autosave autosave = Autosave.atDefaultLocation();
        autosave.removeLeftovers();
        autosave.found().ifPresent(time -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
            ask.initOwner(window.get());
            ask.setTitle("Restore the lab?");
            ask.setHeaderText("The lab was saved when it last closed ("
                    + DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ROOT)
                    .format(time.toInstant().atZone(ZoneId.systemDefault())) + ").");
            ask.setContentText("Restore its data, settings and network?");
            ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
            ButtonType fresh = new ButtonType("Start fresh", ButtonBar.ButtonData.CANCEL_CLOSE);
            ask.getButtonTypes().setAll(restore, fresh);
            DialogTheme.dress(ask);
            Optional<ButtonType> answer = ask.showAndWait();
            if (answer.isEmpty() || answer.get() != restore) {
                discard(autosave);
                return;
            }
            tasks.run("Restoring the lab", autosave::open, opened -> {
                discard(autosave);
                if (opened.isEmpty()) {
                    return;
                }
                List<String> notRestored = new ArrayList<>(opened.get().dropped());
                try {
                    notRestored.addAll(WorkspaceBridge.restore(vm, opened.get().workspace()));
                } catch (IllegalArgumentException e) {
                    alerts.error("Cannot restore the autosaved lab", e.getMessage() + "\nThe lab starts fresh.");
                    return;
                }
                if (!notRestored.isEmpty()) {
                    alerts.warning("Restored in part", "The autosaved lab could not be restored in full:\n• "
                            + String.join("\n• ", notRestored));
                }
            }, e -> {
                discard(autosave);
                alerts.error("Cannot restore the autosaved lab", FileAlerts.failure(autosave.location(), e)
                        + "\nThe lab starts fresh.");
            });
        });
    }

    private void discard(Autosave autosave) {
        try {
            autosave.discard();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + autosave.location() + ": "
                    + FileAlerts.describe(e));
        }
    }
}
