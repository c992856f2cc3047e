package org.boundarylab.ui.explain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.BatchStep;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.PointTrace;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.ExplainedPoint;
import org.boundarylab.ui.ExplainedPoint.Numbers;
import org.boundarylab.ui.LabRun;

/**
 * The Explain panel's state, without controls: the chosen point, its numbers through the
 * network on screen (worked out on the pool whenever the point or the network changes, at most
 * one computation at a time, the newest asked for next), and one gradient-descent step applied
 * to the network as a single change by hand, with Undo.
 *
 * <p>Threading: called on one thread (the FX thread in the app); results come back through
 * {@code deliver} onto it.
 */
public final class ExplainModel {
    /** A point to explain: its place in the plane, its class, and where it came from. */
    public record Choice(double x1, double x2, int label, String where) {
    }

    /** One parameter's value before and after a step, named in the tutorials' notation. */
    public record Change(String name, double before, double after) {
    }

    private final LabRun run;
    private final ExplainedPoint shared;
    private final Executor pool;
    private final Executor deliver;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice");
    private final IntegerProperty spotClass = new SimpleIntegerProperty(this, "spotClass", 1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply", false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyObjectWrapper<List<Change>> lastStep = new ReadOnlyObjectWrapper<>(this, "lastStep", List.of());
    /** Steps applied, newest first: {before, after}. */
    private final Deque<Network[]> applied = new ArrayDeque<>();
    private boolean computing;
    private boolean again;
    private boolean changing;

    public ExplainModel(LabRun run, ExplainedPoint shared, Executor pool, Executor deliver) {
        this.run = run;
        this.shared = shared;
        this.pool = pool;
        this.deliver = deliver;
        run.snapshotProperty().addListener((o, a, b) -> {
            refresh();
            updateActions();
        });
        run.playingProperty().addListener((o, a, b) -> updateActions());
        choice.addListener((o, a, b) -> refresh());
        active.addListener((o, a, on) -> refresh());
    }

    /** Whether the panel is open; while it is not, nothing is worked out. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The point explained; null for none yet. */
    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    /** The class a spot of the plane (not a data point) is explained as. */
    public IntegerProperty spotClassProperty() {
        return spotClass;
    }

    /** What the panel has to say: a refusal, what a step did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Every parameter's value before and after the last step applied or taken back. */
    public ReadOnlyObjectProperty<List<Change>> lastStepProperty() {
        return lastStep.getReadOnlyProperty();
    }

    /** The numbers on show (the shared ones the diagram reads too). */
    public ReadOnlyObjectProperty<Numbers> numbersProperty() {
        return shared.numbersProperty();
    }

    public ExplainedPoint shared() {
        return shared;
    }

    /** Explains a spot of the plane as the class {@link #spotClassProperty()} says. */
    public void chooseSpot(double x1, double x2) {
        choice.set(new Choice(x1, x2, Math.max(0, spotClass.get()), "a spot of the plane"));
    }

    /** Explains a data point. */
    public void choosePoint(double x1, double x2, int label, String where) {
        choice.set(new Choice(x1, x2, label, where));
    }

    /** Works the numbers out again for the point and the network now on screen. */
    void refresh() {
        TrainingSnapshot s = run.snapshotProperty().get();
        Choice c = choice.get();
        if (!active.get() || c == null || s == null || s.network() == null) {
            shared.numbersProperty().set(null);
            return;
        }
        if (computing) {
            again = true;
            return;
        }
        computing = true;
        Network net = s.network();
        Features features = run.shownFeaturesProperty().get();
        LabRun.StepSetup setup = run.stepSetup();
        CompletableFuture.supplyAsync(() -> compute(net, features, c, setup), pool).whenComplete((numbers, error) ->
                deliver.execute(() -> {
                    computing = false;
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        message.set("Cannot explain this point: " + cause.getMessage());
                    } else if (active.get() && c.equals(choice.get())) {
                        shared.numbersProperty().set(numbers);
                    }
                    if (again) {
                        again = false;
                        refresh();
                    }
                    updateActions();
                }));
    }

    /** The point's pass and the step on the training set; pool thread. */
    static Numbers compute(Network net, Features features, Choice c, LabRun.StepSetup setup) {
        Architecture arch = net.architecture();
        int label = Math.min(c.label(), arch.classes() - 1);
        double[] x = features.map(new double[][] {{c.x1(), c.x2()}})[0];
        PointTrace point = PointTrace.of(net, x, label);
        BatchStep batch = null;
        if (setup != null && setup.features().equals(features) && setup.inputs().length > 0
                && setup.inputs()[0].length == arch.inputs()) {
            batch = BatchStep.of(net, setup.inputs(), setup.labels(), setup.learningRate(), setup.regularization());
        }
        return new Numbers(net, c.x1(), c.x2(), c.where(), point, batch);
    }

    /**
     * Applies the step worked out for the network on screen: every weight and bias moves to
     * W - lr dJ/dW at once, as one change that Undo takes back.
     */
    public CompletableFuture<Void> applyUpdate() {
        Numbers n = shared.numbersProperty().get();
        String refusal = n == null || n.batch() == null ? "Choose a point first; the step is worked out with it."
                : run.playingProperty().get() ? "Pause training to apply a step by hand."
                : !showsBits(n.batch().before()) ? "The network has changed; the step is being worked out again."
                : changing ? "A change is still being made." : null;
        if (refusal != null) {
            message.set(refusal);
            return CompletableFuture.failedFuture(new IllegalStateException(refusal));
        }
        Network before = n.batch().before();
        Network after = n.batch().after();
        double loss = n.batch().loss();
        return change(after, () -> {
            applied.push(new Network[] {before, after});
            lastStep.set(changes(before, after));
            message.set("One step of gradient descent applied (learning rate " + ExplainedPoint.num(n.batch()
                    .learningRate()) + "): every weight moved against its gradient. The training loss was "
                    + ExplainedPoint.num(loss) + " before it.");
        });
    }

    /** Takes the last step applied back, to the bit, while the network is still the one it left. */
    public CompletableFuture<Void> undo() {
        Network[] top = applied.peek();
        String refusal = top == null ? "There is no step to take back."
                : run.playingProperty().get() ? "Pause training to take the step back."
                : !showsBits(top[1]) ? "The network has changed since the step; it cannot be taken back."
                : changing ? "A change is still being made." : null;
        if (refusal != null) {
            message.set(refusal);
            return CompletableFuture.failedFuture(new IllegalStateException(refusal));
        }
        return change(top[0], () -> {
            applied.pop();
            lastStep.set(changes(top[1], top[0]));
            message.set("The step was taken back: every weight is as it was.");
        });
    }

    private CompletableFuture<Void> change(Network to, Runnable done) {
        changing = true;
        updateActions();
        CompletableFuture<Void> result = new CompletableFuture<>();
        run.setParameters(to).whenComplete((snapshot, error) -> deliver.execute(() -> {
            changing = false;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                message.set(cause.getMessage());
                result.completeExceptionally(cause);
            } else {
                done.run();
                result.complete(null);
            }
            updateActions();
        }));
        return result;
    }

    private boolean showsBits(Network net) {
        TrainingSnapshot s = run.snapshotProperty().get();
        return s != null && s.network() != null && s.network().sameBits(net);
    }

    private void updateActions() {
        boolean paused = !run.playingProperty().get() && !changing;
        Numbers n = shared.numbersProperty().get();
        canApply.set(paused && n != null && n.batch() != null && showsBits(n.batch().before()));
        Network[] top = applied.peek();
        if (top != null && !showsBits(top[1]) && !changing) {
            // trained on or changed since: the step is no longer the last thing that happened
            TrainingSnapshot s = run.snapshotProperty().get();
            if (s != null && s.network() != null && !s.network().sameBits(top[0])) {
                applied.clear();
            }
        }
        top = applied.peek();
        canUndo.set(paused && top != null && showsBits(top[1]));
    }

    /** Every weight and bias, before and after. */
    static List<Change> changes(Network before, Network after) {
        Architecture arch = before.architecture();
        List<Change> list = new ArrayList<>();
        for (int l = 0; l < arch.depth(); l++) {
            for (int j = 0; j < arch.width(l + 1); j++) {
                for (int i = 0; i < arch.width(l); i++) {
                    list.add(new Change("W" + ExplainedPoint.sup(l + 1) + ExplainedPoint.subPair(i + 1, j + 1),
                            before.weight(l, i, j), after.weight(l, i, j)));
                }
                list.add(new Change("b" + ExplainedPoint.sup(l + 1) + ExplainedPoint.sub(j + 1), before.bias(l, j),
                        after.bias(l, j)));
            }
        }
        return List.copyOf(list);
    }
}
