package org.boundarylab.ui.files;

import java.util.List;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.boundarylab.training.Checkpoint;
import org.boundarylab.training.TrainingSession;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.workspace.Workspace;

/**
 * Between the lab's view-model and a {@link Workspace}: what the lab shows now, as a workspace to
 * save, and a workspace put back into the lab (settings in the fields, the saved points, the
 * network paused at its epoch with its loss curve). No toolkit needed.
 */
public final class WorkspaceBridge {
    private WorkspaceBridge() {
    }

    /** How long a save waits for a playing run to reach the end of its epoch. */
    static final long CHECKPOINT_TIMEOUT_SECONDS = 30;

    /**
     * The lab now: settings, data, the network with the trainer's state at one moment (a
     * playing run hands them over between two epochs and trains on) and the loss curve up to
     * that moment. Waits for that moment on the calling thread; Save waits on its background
     * thread instead ({@link #prepare}).
     *
     * @throws IllegalStateException when there is no network to save yet or a setting is not valid
     */
    public static Workspace capture(LabViewModel vm) {
        return prepare(vm).complete();
    }

    /**
     * What of the lab is read on the FX thread (the settings, the points, the run); the rest,
     * waiting for the run's state, is {@link Prepared#complete()}, callable on any thread.
     *
     * @throws IllegalStateException when there is no network to save yet or a setting is not valid
     */
    public static Prepared prepare(LabViewModel vm) {
        Split data = vm.data().dataProperty().get();
        TrainingSession session = vm.run().session();
        TrainingSnapshot shown = vm.run().snapshotProperty().get();
        if (data == null || session == null && (shown == null || shown.network() == null)) {
            throw new IllegalStateException("there is no network to save yet");
        }
        try {
            return new Prepared(vm.form().typedSettings(), data, session, shown, vm.run().history());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the settings cannot be saved: " + e.getMessage(), e);
        }
    }

    /** A lab being captured: all but the run's state at one moment, which {@link #complete()} waits for. */
    public record Prepared(LabSettings settings, Split data, TrainingSession session, TrainingSnapshot shown,
                           TrainingHistory curve) {

        /** The workspace, once the run has handed over its state between two epochs. */
        public Workspace complete() {
            if (session == null) {
                // the settings changed into a network the engine refuses: the one on screen is kept
                return new Workspace(settings, data.train(), data.test(), shown.network(),
                        curve.copyUpTo(shown.epoch()), shown.epoch());
            }
            Checkpoint c;
            try {
                c = session.checkpoint().get(CHECKPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the run did not come to the end of an epoch within "
                        + CHECKPOINT_TIMEOUT_SECONDS + " s; pause it and save again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while taking the run's state", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the run failed: " + e.getCause(), e.getCause());
            }
            if (c.network() == null) {
                throw new IllegalStateException("there is no network to save yet");
            }
            try {
                return new Workspace(settings, data.train(), data.test(), c.network(),
                        curve.copyUpTo(c.epoch()), c.epoch(), c.trainer(), frames(session, c.epoch()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the lab cannot be saved as it is: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Puts a workspace into the lab: every setting, the saved points (custom data unless the
     * generator gives exactly them), the network paused at its epoch with its loss curve and the
     * trainer's state.
     *
     * @return what the lab could not take, each in a sentence (empty when it took everything)
     * @throws IllegalArgumentException when the lab cannot show the settings; nothing changes then
     */
    public static List<String> restore(LabViewModel vm, Workspace w) {
        List<TrainingSnapshot> frames = w.timeline().stream()
                .map(f -> new TrainingSnapshot(f.epoch(), f.network(), f.trainLoss(), f.testLoss(), f.trainAccuracy(),
                        f.testAccuracy(), 0, false))
                .toList();
        return vm.restore(w.settings(), new Split(w.train(), w.test()), w.network(), w.epoch(), w.history(),
                w.trainer(), frames);
    }

    /** The networks the run kept for rewinding, up to {@code epoch}, as a workspace holds them. */
    static List<Workspace.Frame> frames(TrainingSession session, long epoch) {
        return session.timeline().frames().stream()
                .filter(s -> s.epoch() <= epoch && s.network() != null)
                .map(s -> new Workspace.Frame(s.epoch(), s.network(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                        s.testAccuracy()))
                .toList();
    }
}
