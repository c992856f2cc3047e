package org.boundarylab.ui;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;

/**
 * Data edited by hand, as commands on an undo stack: add a point, paint a stroke of points,
 * erase near a point, clear, replace everything (an import). Each edit records the data before
 * and after it, so undo and redo put back exactly what was there. No toolkit needed: the window
 * forwards mouse positions already converted to the plane.
 *
 * <p>The editor does not own the lab's data; it hands every new state to {@code apply} (the
 * lab then trains on it as custom data) and is told through {@link #observe} about data that
 * changed elsewhere (a new data set chosen). Such a change is recorded as an undoable edit when
 * it replaced custom points, so a slip of the noise slider does not lose a drawing.
 */
public final class DataEditor {
    /** Undo keeps this many edits; older ones are forgotten. */
    public static final int MAX_UNDO = 200;
    /** The lab trains on at most this many classes. */
    public static final int MAX_CLASSES = 6;

    /** One command: its name for the menu and the data on either side of it. */
    public record Edit(String name, Split before, Split after) {
    }

    private final Consumer<Split> apply;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final IntegerProperty selectedClass = new SimpleIntegerProperty(0);
    private final BooleanProperty toTestSet = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper("");
    private Split current;
    private Split strokeStart;
    private double[] lastStrokePoint;
    private int strokePoints;

    /**
     * @param current the data now in the lab
     * @param apply   called with every state the editor makes (edits, undo, redo)
     */
    public DataEditor(Split current, Consumer<Split> apply) {
        this.current = current;
        this.apply = apply;
    }

    public Split current() {
        return current;
    }

    /** The class new points get. */
    public IntegerProperty selectedClassProperty() {
        return selectedClass;
    }

    /** New points go to the test set instead of the training set. */
    public BooleanProperty toTestSetProperty() {
        return toTestSet;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** What Undo would undo, e.g. "add 3 points"; "" when nothing. */
    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    /** How many classes the buttons offer: those in the data and one more, 2 to {@value #MAX_CLASSES}. */
    public int offeredClasses() {
        return Math.min(MAX_CLASSES, Math.max(2, current.train().classes() + 1));
    }

    /**
     * The lab's data changed without the editor (a generator setting, a workspace opened). When
     * the data replaced was custom, the change becomes an edit that Undo takes back.
     */
    public void observe(Split now, boolean replacedCustom) {
        if (now == current || now == null) {
            return;
        }
        Split before = current;
        current = now;
        if (replacedCustom && before != null) {
            push(new Edit("replace the data", before, now));
        }
    }

    // ---- edits ----

    /** Adds one point of the selected class to the chosen set. */
    public void addPoint(double x1, double x2) {
        Split before = current;
        set(with(current, x1, x2));
        push(new Edit("add a point", before, current));
    }

    /** Starts a painted stroke at a point (which is added): a stroke undoes as one edit. */
    public void beginStroke(double x1, double x2) {
        endStroke();
        strokeStart = current;
        strokePoints = 0;
        lastStrokePoint = null;
        strokeTo(x1, x2, 0);
    }

    /**
     * Continues the stroke: adds a point here if it is at least {@code spacing} plane units from
     * the last point the stroke added, so a slow drag does not pile points on top of each other.
     *
     * @return whether a point was added
     */
    public boolean strokeTo(double x1, double x2, double spacing) {
        if (strokeStart == null) {
            beginStroke(x1, x2);
            return true;
        }
        if (lastStrokePoint != null && Math.hypot(x1 - lastStrokePoint[0], x2 - lastStrokePoint[1]) < spacing) {
            return false;
        }
        lastStrokePoint = new double[] {x1, x2};
        strokePoints++;
        set(with(current, x1, x2));
        return true;
    }

    /** Ends the stroke and records it. */
    public void endStroke() {
        if (strokeStart == null) {
            return;
        }
        Split before = strokeStart;
        strokeStart = null;
        lastStrokePoint = null;
        if (strokePoints > 0) {
            push(new Edit(strokePoints == 1 ? "add a point" : "add " + strokePoints + " points", before, current));
        }
    }

    public boolean inStroke() {
        return strokeStart != null;
    }

    /**
     * Removes the points of both sets within {@code radius} of the given point.
     *
     * @return how many were removed
     */
    public int erase(double x1, double x2, double radius) {
        Dataset train = without(current.train(), x1, x2, radius);
        Dataset test = without(current.test(), x1, x2, radius);
        int removed = current.train().size() - train.size() + current.test().size() - test.size();
        if (removed > 0) {
            Split before = current;
            set(new Split(train, test));
            push(new Edit(removed == 1 ? "erase a point" : "erase " + removed + " points", before, current));
        }
        return removed;
    }

    /** Removes every point, training and test. */
    public void clear() {
        if (current.train().isEmpty() && current.test().isEmpty()) {
            return;
        }
        int classes = current.train().classes();
        Split before = current;
        set(new Split(new Dataset(new double[0][], new int[0], classes), new Dataset(new double[0][], new int[0],
                classes)));
        push(new Edit("clear", before, current));
    }

    /** Puts in new data as one edit (an import). */
    public void replace(String name, Split data) {
        Split before = current;
        set(data);
        push(new Edit(name, before, current));
    }

    public boolean undo() {
        endStroke();
        Edit e = undo.pollFirst();
        if (e == null) {
            return false;
        }
        redo.push(e);
        set(e.before());
        refresh();
        return true;
    }

    public boolean redo() {
        endStroke();
        Edit e = redo.pollFirst();
        if (e == null) {
            return false;
        }
        undo.push(e);
        set(e.after());
        refresh();
        return true;
    }

    public int undoDepth() {
        return undo.size();
    }

    // ---- helpers ----

    private void set(Split s) {
        current = s;
        apply.accept(s);
    }

    private void push(Edit e) {
        undo.push(e);
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
        refresh();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoName.set(undo.isEmpty() ? "" : undo.peekFirst().name());
        redoName.set(redo.isEmpty() ? "" : redo.peekFirst().name());
    }

    /** The split with one more point of the selected class in the chosen set; classes grow to fit it. */
    private Split with(Split s, double x1, double x2) {
        int label = Math.max(0, Math.min(MAX_CLASSES - 1, selectedClass.get()));
        int classes = Math.max(s.train().classes(), label + 1);
        Dataset train = withClasses(s.train(), classes);
        Dataset test = withClasses(s.test(), classes);
        if (toTestSet.get()) {
            test = append(test, x1, x2, label);
        } else {
            train = append(train, x1, x2, label);
        }
        return new Split(train, test);
    }

    private static Dataset withClasses(Dataset d, int classes) {
        return d.classes() == classes ? d : new Dataset(d.x(), d.y(), classes);
    }

    private static Dataset append(Dataset d, double x1, double x2, int label) {
        double[][] x = Arrays.copyOf(d.x(), d.size() + 1);
        int[] y = Arrays.copyOf(d.y(), d.size() + 1);
        x[d.size()] = new double[] {x1, x2};
        y[d.size()] = label;
        return new Dataset(x, y, d.classes());
    }

    private static Dataset without(Dataset d, double x1, double x2, double radius) {
        int[] keep = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (Math.hypot(d.x1(i) - x1, d.x2(i) - x2) > radius) {
                keep[n++] = i;
            }
        }
        return n == d.size() ? d : d.subset(Arrays.copyOf(keep, n));
    }
}
