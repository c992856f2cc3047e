package org.boundarylab.ui.files;

import java.util.ArrayList;
import java.util.List;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.training.LossHistory;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.OutputLoss;
import org.boundarylab.workspace.Workspace;

/**
 * Between the lab's view-model and a {@link Workspace}: what the lab shows now, as a workspace to
 * save, and a workspace put back into the lab (settings in the fields, the saved points, the
 * network paused at its epoch with its loss curve). No toolkit needed.
 */
public final class WorkspaceBridge {
    private WorkspaceBridge() {
    }

    /** The lab's settings as typed; throws IllegalArgumentException naming a setting that is not valid. */
    public static LabSettings settings(LabViewModel vm) {
        return vm.typedSettings();
    }

    /**
     * What the lab shows now: settings, data, the shown network at its epoch and the loss curve.
     *
     * @throws IllegalStateException when there is no network to save yet or a setting is not valid
     */
    public static Workspace capture(LabViewModel vm) {
        TrainingSnapshot s = vm.snapshotProperty().get();
        if (vm.session() != null && vm.session().latest() != null
                && (s == null || vm.session().latest().epoch() >= s.epoch())) {
            // a step the window has not drawn yet, or a run just opened or reset whose first
            // snapshot is not on screen yet (the one shown, at the same epoch, is the old run's)
            s = vm.session().latest();
        }
        Split data = vm.dataProperty().get();
        if (s == null || s.network() == null || data == null) {
            throw new IllegalStateException("there is no network to save yet");
        }
        LabSettings settings;
        try {
            settings = settings(vm);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the settings cannot be saved: " + e.getMessage(), e);
        }
        return new Workspace(settings, data.train(), data.test(), s.network(), history(vm.history().points()),
                s.epoch());
    }

    /** The lab's loss curve as workspace rows (the lab keeps losses only; accuracies are left unknown). */
    static TrainingHistory history(LossHistory.Points p) {
        List<TrainingHistory.Row> rows = new ArrayList<>(p.size());
        long previous = -1;
        for (int i = 0; i < p.size(); i++) {
            if (p.epochs()[i] <= previous) {
                continue; // a workspace's epochs strictly increase
            }
            previous = p.epochs()[i];
            rows.add(new TrainingHistory.Row(p.epochs()[i], p.train()[i], p.test()[i], Double.NaN, Double.NaN));
        }
        return TrainingHistory.of(rows, Math.max(TrainingHistory.DEFAULT_CAPACITY, rows.size()));
    }

    static LossHistory.Points points(TrainingHistory h) {
        List<TrainingHistory.Row> rows = h.rows();
        long[] e = new long[rows.size()];
        double[] train = new double[rows.size()];
        double[] test = new double[rows.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = rows.get(i).epoch();
            train[i] = rows.get(i).trainLoss();
            test[i] = rows.get(i).testLoss();
        }
        return new LossHistory.Points(e, train, test);
    }

    /**
     * Puts a workspace into the lab: the settings (one change), then the saved points as custom data
     * unless the generator gives exactly them, and the network paused at its epoch.
     */
    public static void restore(LabViewModel vm, Workspace w) {
        LabSettings s = w.settings();
        Split stored = new Split(w.train(), w.test());
        vm.applyAll(() -> {
            vm.datasetProperty().set(s.dataset());
            vm.textProperty(Field.SAMPLES).set(Integer.toString(s.samples()));
            if (LabViewModel.hasClassCount(s.dataset())) {
                vm.textProperty(Field.CLASSES).set(Integer.toString(w.train().classes()));
            }
            vm.noiseProperty().set(s.noise());
            vm.textProperty(Field.TEST_SHARE).set(number(s.testRatio()));
            vm.textProperty(Field.DATA_SEED).set(Long.toString(s.dataSeed()));
            vm.textProperty(Field.HIDDEN_LAYERS).set(s.hiddenText());
            vm.activationProperty().set(s.hiddenActivation());
            for (OutputLoss o : OutputLoss.values()) {
                if (o.activation() == s.outputActivation() && o.loss() == s.loss()) {
                    vm.outputLossProperty().set(o);
                }
            }
            vm.initializerProperty().set(s.initializer());
            vm.textProperty(Field.WEIGHT_SEED).set(Long.toString(s.weightSeed()));
            vm.textProperty(Field.LEARNING_RATE).set(number(s.learningRate()));
            vm.textProperty(Field.L2).set(number(s.l2()));
            vm.textProperty(Field.L1).set(number(s.l1()));
            vm.optimizerProperty().set(s.optimizer());
            vm.textProperty(Field.BATCH_SIZE).set(s.batchSize() == 0 ? "" : Integer.toString(s.batchSize()));
            vm.textProperty(Field.REDRAW_EVERY).set(Integer.toString(s.redrawEvery()));
            vm.featuresProperty().set(s.features());
            vm.useGeneratedData();
        });
        // the generator's data for these settings, or the saved points as custom data
        boolean generated = stored.equals(vm.dataProperty().get());
        vm.resume(generated ? null : stored, w.network(), w.epoch(), points(w.history()));
    }

    /** A number as a person would type it: 0.5, 5e-05, 2. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
