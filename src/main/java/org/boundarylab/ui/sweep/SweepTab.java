package org.boundarylab.ui.sweep;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.Tab;
import org.boundarylab.nn.Network;
import org.boundarylab.training.sweep.SweepResult;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.Lifecycle;
import org.boundarylab.ui.ReplaceGuard;
import org.boundarylab.ui.TabHost;

/**
 * The sweep view as the lab window's "Sweep" tab: it sweeps the lab's current data and settings,
 * and a clicked thumbnail opens its network in the Lab tab, paused. Sweeps run on a pool of
 * their own (one thread per core, below the window's priority), so the lab's training and
 * pictures keep the shared pool; the pool stops when the window closes.
 */
public final class SweepTab {
    private final SweepView view;
    private final Tab tab;

    private SweepTab(LabViewModel vm, TabHost tabs, ReplaceGuard guard, Lifecycle lifecycle) {
        view = SweepView.load();
        ExecutorService pool = SweepRunner.newPool(Runtime.getRuntime().availableProcessors());
        SweepController sweep = view.controller();
        sweep.setExecutor(pool);
        sweep.setContext(vm::sweepContext);
        sweep.setOnOpenNetwork(net -> {
            if (!guard.mayReplaceLab("opening this network from the sweep")) {
                return;
            }
            vm.showNetwork(net, epochsOf(net));
            tabs.selectLab();
        });
        tab = new Tab("Sweep", withLessonBox(sweep.model(), view.root()));
        tab.setId("sweepTab");
        tabs.addTab(tab);
        lifecycle.onShutdown(() -> {
            sweep.shutdown();
            pool.shutdownNow();
        });
    }

    /**
     * The view under a box that shows the sweep lesson's title and text and, once a width sweep has
     * finished, its finding in words (hidden while there is neither).
     */
    private static javafx.scene.Parent withLessonBox(SweepViewModel model, javafx.scene.Parent root) {
        javafx.scene.control.Label text = new javafx.scene.control.Label();
        text.setId("sweepLessonText");
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            org.boundarylab.lessons.Lesson l = model.lessonProperty().get();
            return l == null ? "" : "Lesson: " + l.title() + ". " + l.text();
        }, model.lessonProperty()));
        text.visibleProperty().bind(model.lessonProperty().isNotNull());
        text.managedProperty().bind(text.visibleProperty());
        javafx.scene.control.Label finding = new javafx.scene.control.Label();
        finding.setId("sweepFinding");
        finding.setWrapText(true);
        finding.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        finding.textProperty().bind(model.findingProperty());
        finding.visibleProperty().bind(model.findingProperty().isNotEmpty());
        finding.managedProperty().bind(finding.visibleProperty());
        finding.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Boolean holds = model.findingHoldsProperty().get();
            return "-fx-font-weight: bold;" + (holds == null ? "" : holds ? "-fx-text-fill: #1a7f37;"
                    : "-fx-text-fill: #b42318;");
        }, model.findingHoldsProperty()));
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4, text, finding);
        box.setId("sweepLessonBox");
        box.setPadding(new javafx.geometry.Insets(6, 8, 2, 8));
        box.visibleProperty().bind(text.visibleProperty().or(finding.visibleProperty()));
        box.managedProperty().bind(box.visibleProperty());
        javafx.scene.layout.VBox all = new javafx.scene.layout.VBox(box, root);
        javafx.scene.layout.VBox.setVgrow(root, javafx.scene.layout.Priority.ALWAYS);
        return all;
    }

    /** Fills the sweep in from a sweep lesson (its widths, seeds, epochs and text); null or another lesson: none. */
    public void showLesson(org.boundarylab.lessons.Lesson lesson) {
        view.controller().model().showLesson(lesson);
    }

    /** Focus on Run, so one key (Enter or Space) runs the lesson's sweep. */
    public void focusRun() {
        javafx.application.Platform.runLater(() -> view.controller().focusRun());
    }

    /** Adds the Sweep tab; opening a network from it asks {@code guard} first. */
    public static SweepTab install(LabViewModel vm, TabHost tabs, ReplaceGuard guard, Lifecycle lifecycle) {
        return new SweepTab(vm, tabs, guard, lifecycle);
    }

    public SweepView view() {
        return view;
    }

    public Tab tab() {
        return tab;
    }

    /** The epochs the clicked network was trained for (the run whose weights it carries). */
    private long epochsOf(Network net) {
        for (SweepResult r : view.controller().model().results()) {
            if (r.hasNetwork() && r.network().architecture().equals(net.architecture())
                    && Arrays.deepEquals(r.network().weightMatrices(), net.weightMatrices())) {
                return r.epochs();
            }
        }
        return 0;
    }
}
