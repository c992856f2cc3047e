package org.boundarylab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.TrainerState;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.training.sweep.RunSettings;
import org.boundarylab.training.sweep.SweepContext;
import org.boundarylab.ui.InputRules.Field;

/**
 * The lab window's state as plain JavaFX properties, with no controls and no toolkit, in four
 * parts with one job each: the settings {@link #form()}, the {@link #data()} it trains on, the
 * training {@link #run()} and the {@link #status()} texts. This class keeps them in step: a
 * change of the data settings makes new data and a new run (the same seeds give the same run),
 * a change of the network's shape a new run, a change of the rate or penalties retunes the
 * running one; and it puts whole setups in (lessons, saved labs, swept networks).
 *
 * <p>Threading: every method is called on one thread (the FX thread in the app, the test
 * thread in tests); see {@link LabRun} for how snapshots come over from the pool.
 */
public final class LabViewModel {
    /** Fraction of the data's size added around it in the picture. */
    public static final double VIEW_MARGIN = 0.12;

    private final LabForm form;
    private final LabData data = new LabData();
    private final LabStatus status = new LabStatus();
    private final LabRun run;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private boolean dataDirty = true;
    private boolean networkDirty = true;
    /** Above 0 while {@link #applyAll} runs: the edits in it make one run, not one each. */
    private int batching;

    public LabViewModel(ExecutorService pool) {
        form = new LabForm(this::changed);
        run = new LabRun(pool, form, status, this::refreshState);
        changed(LabForm.Change.DATA);
    }

    public LabForm form() {
        return form;
    }

    public LabData data() {
        return data;
    }

    public LabRun run() {
        return run;
    }

    public LabStatus status() {
        return status;
    }

    /** Play cannot start with invalid settings; a running run can always be paused. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The loss chart's log scale (L). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    // ---- whole setups (lessons, saved files, sweeps) ----

    /**
     * Sets every setting from {@code s} at once and starts its run at epoch 0, paused. Refuses
     * (changing nothing) settings the lab's controls cannot show, saying which and why.
     */
    public void apply(LabSettings s) {
        form.check(s, null);
        run.pause();
        form.setAll(s, null);
        dataDirty = true;
        changed(LabForm.Change.NETWORK); // not DATA: that would drop the lesson's train subset
    }

    /**
     * Puts a saved lab back as it was: every setting, the saved points (as custom data unless the
     * generator gives exactly them), and the network at its epoch with its loss curve and the
     * trainer's state, paused. Play then trains on as the saved lab would have.
     *
     * @param trainer null to start the optimiser afresh from the network
     * @return what could not be put back, each in a sentence (empty when all of it was)
     * @throws IllegalArgumentException when the lab's controls cannot show the settings; the lab
     *                                  is unchanged then
     */
    public List<String> restore(LabSettings s, Split stored, Network network, long epoch, TrainingHistory history,
                                TrainerState trainer) {
        return restore(s, stored, network, epoch, history, trainer, List.of());
    }

    /** As above, with the networks of earlier epochs kept for rewinding ({@code frames}, oldest first). */
    public List<String> restore(LabSettings s, Split stored, Network network, long epoch, TrainingHistory history,
                                TrainerState trainer, List<TrainingSnapshot> frames) {
        int classes = stored.train().classes();
        Architecture expected = s.architecture(classes);
        if (!network.architecture().equals(expected)) {
            throw new IllegalArgumentException("the network is " + network.architecture() + " but the settings describe "
                    + expected);
        }
        if (LabForm.hasClassCount(s.dataset())) {
            String error = InputRules.check(Field.CLASSES, Integer.toString(classes));
            if (!error.isEmpty()) {
                throw new IllegalArgumentException("the lab cannot show this setup: " + error);
            }
        }
        form.check(s, classes);
        run.pause();
        form.setAll(s, classes);
        Split generated = LabData.generated(form);
        applyAll(() -> {
            boolean custom = !stored.equals(generated);
            data.set(custom ? stored : generated, custom);
            dataDirty = false;
            run.continueFrom(network, epoch, history, trainer, frames);
            run.noteResumeProblems();
            networkDirty = true;
        });
        List<String> problems = new ArrayList<>(run.takeResumeProblems());
        if (run.session() == null) {
            problems.add("the run could not be built: " + run.messages()[0]);
        }
        return List.copyOf(problems);
    }

    /**
     * Runs {@code edits} (settings, data) and then reacts once, as to a single change: opening a
     * workspace sets twenty fields but builds one run.
     */
    public void applyAll(Runnable edits) {
        batching++;
        try {
            edits.run();
        } finally {
            batching--;
        }
        if (batching == 0) {
            changed(LabForm.Change.REDRAW);
        }
    }

    /** Trains on these points from now on (a new run); changing a data setting generates data again. */
    public void setCustomData(Split split) {
        if (split == null) {
            throw new IllegalArgumentException("custom data must be given");
        }
        applyAll(() -> {
            data.set(split, true);
            dataDirty = false;
            networkDirty = true;
        });
    }

    /** Leaves custom data: the generator's data for the current settings again. */
    public void useGeneratedData() {
        applyAll(() -> dataDirty = true);
    }

    /** New data of the same kind: the next data seed. */
    public void regenerate() {
        String seed = form.textProperty(Field.DATA_SEED).get().trim();
        long next = InputRules.check(Field.DATA_SEED, seed).isEmpty() ? Long.parseLong(seed) + 1 : 0;
        form.textProperty(Field.DATA_SEED).set(Long.toString(next));
    }

    /**
     * Shows {@code network} on the current data, paused: Play trains it further, Reset starts the
     * lab's own run again. When its shape differs from the settings, the hidden layers, activation
     * and output are set to match it first.
     */
    public void showNetwork(Network network, long epoch) {
        run.pause();
        applyAll(() -> {
            matchSettingsTo(network.architecture());
            run.continueFrom(network, epoch, null, null, List.of());
            networkDirty = true;
        });
    }

    private void matchSettingsTo(Architecture a) {
        String typed = form.textProperty(Field.HIDDEN_LAYERS).get();
        boolean same = InputRules.check(Field.HIDDEN_LAYERS, typed).isEmpty()
                && java.util.Arrays.equals(InputRules.hiddenLayers(typed), a.hiddenWidths());
        if (!same) {
            form.textProperty(Field.HIDDEN_LAYERS).set(java.util.Arrays.stream(a.hiddenWidths())
                    .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",")));
        }
        if (a.depth() > 1 && a.hidden() != form.activationProperty().get()) {
            form.activationProperty().set(a.hidden());
        }
        OutputLoss out = form.outputLossProperty().get();
        if (out.activation() != a.output() || out.loss() != a.loss()) {
            for (OutputLoss o : OutputLoss.values()) {
                if (o.activation() == a.output() && o.loss() == a.loss()) {
                    form.outputLossProperty().set(o);
                }
            }
        }
    }

    /** The lab's data and settings as a sweep starts from them (the sweep varies one setting). */
    public SweepContext sweepContext() {
        if (!valid.get()) {
            throw new IllegalStateException("the lab's settings are not valid: " + status.messageProperty().get());
        }
        Split split = data.get();
        OutputLoss out = form.outputLossProperty().get();
        return new SweepContext(split.train(), split.test(), new RunSettings(form.hiddenLayers(),
                form.activationProperty().get(), out.activation(), out.loss(), form.initializerProperty().get(),
                form.trainingOptions(), form.longValue(Field.WEIGHT_SEED)), form.featuresProperty().get());
    }

    /** The classification reports and confusion matrices of the shown network, as text. */
    public String reportText() {
        return LabStatus.reportText(run.snapshotProperty().get(), data.get(), run.shownFeaturesProperty().get());
    }

    // ---- reacting to changes ----

    private void changed(LabForm.Change change) {
        if (change == LabForm.Change.DATA && !form.isApplying()) {
            form.forgetTrainSubset();
        }
        if (form.isApplying()) {
            return; // apply() ends with one change that rebuilds everything
        }
        switch (change) {
            case DATA -> dataDirty = true;
            case NETWORK -> networkDirty = true;
            default -> {
            }
        }
        if (batching > 0 || run == null) {
            return; // applyAll reacts once to all the edits together
        }
        valid.set(form.isValid());
        if (!valid.get()) {
            // keep the last valid network on screen, but do not train on settings nobody chose
            if (run.playingProperty().get()) {
                run.pause();
            }
            refreshState();
            return;
        }
        boolean wasPlaying = run.playingProperty().get();
        if (dataDirty) {
            data.set(LabData.generated(form), false);
            dataDirty = false;
            networkDirty = true; // the number of classes may differ
        }
        if (networkDirty) {
            run.start(data.get());
            networkDirty = false;
            if (wasPlaying && run.session() != null) {
                run.play();
            }
        } else {
            // a rate typed while another field was invalid takes effect now, whichever field was fixed last
            run.retune();
        }
        refreshState();
    }

    private void refreshState() {
        String[] runMessages = run.messages();
        status.showMessage(!run.playingProperty().get() && (!valid.get() || run.session() == null),
                form.firstError(), runMessages[0], runMessages[1], runMessages[2]);
    }
}
