package org.boundarylab.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.boundarylab.lessons.Expectation;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.lessons.LessonRunner;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.LabViewModel;

/**
 * The lesson the lab is in, if any: starting one sets every setting and locks the ones it
 * names; when its run reaches the lesson's epoch count, the figures are checked against what
 * the tutorial reported. Plain properties, no controls: unit tested without the toolkit.
 */
public final class LessonSession {
    /** Whether the run reached the tutorial's figure. */
    public enum Verdict { NOT_YET, REACHED, MISSED }

    private final LabViewModel lab;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<String>> locked = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(Verdict.NOT_YET);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public LessonSession(LabViewModel lab) {
        this.lab = lab;
        lab.run().snapshotProperty().addListener((o, a, s) -> snapshotShown(s));
        lab.run().generationProperty().addListener((o, a, b) -> {
            if (lesson.get() != null) {
                verdict.set(Verdict.NOT_YET);
                status.set(startText(lesson.get()));
            }
        });
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The setting names (as in {@code LabSettings.SETTING_NAMES}) whose controls are locked. */
    public ReadOnlyObjectProperty<Set<String>> lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** One or two sentences under the lesson's text: what to do now, or how the run ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public boolean isLocked(String settingName) {
        return locked.get().contains(settingName);
    }

    /**
     * Sets the lab up for the lesson, paused at epoch 0, and locks its controls. A lesson the
     * lab cannot show is refused as a whole (the lab and the current lesson stay as they were).
     */
    public void start(Lesson l) {
        lab.apply(l.settings());
        lesson.set(l);
        locked.set(l.lockedControls());
        verdict.set(Verdict.NOT_YET);
        status.set(startText(l));
    }

    /** Unlocks everything; the settings and the run stay as they are. */
    public void leave() {
        lesson.set(null);
        locked.set(Set.of());
        verdict.set(Verdict.NOT_YET);
        status.set("");
    }

    private static String startText(Lesson l) {
        long epochs = l.settings().epochs();
        if (l.isSweep()) {
            return "This lesson compares hidden layers of " + widths(l) + " units side by side in the Sweep tab. "
                    + "Here in the Lab tab, Play trains the width " + l.settings().hiddenText() + " network"
                    + (epochs > 0 ? String.format(Locale.ROOT, " for %,d epochs.", epochs) : ".");
        }
        if (epochs > 0) {
            return String.format(Locale.ROOT, "Press Play (Space): the run stops by itself at epoch %,d.", epochs)
                    + (l.expect().equals(Expectation.NONE) ? "" : " Tutorial: " + describe(l.expect()) + ".");
        }
        return "Press Play (Space) to start training.";
    }

    private static String widths(Lesson l) {
        int[] w = l.sweepWidths();
        return IntStream.range(0, w.length).mapToObj(i -> Integer.toString(w[i]))
                .collect(Collectors.joining(", "));
    }

    private void snapshotShown(TrainingSnapshot s) {
        Lesson l = lesson.get();
        if (l == null || s == null || l.isSweep() || l.settings().epochs() <= 0 || s.epoch() != l.settings().epochs()
                || s.diverged()) {
            return;
        }
        LessonRunner.Result r = new LessonRunner.Result(s.epoch(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                s.testAccuracy(), s.network());
        List<String> failures = l.expect().check(r);
        String figures = String.format(Locale.ROOT, "Epoch %,d: train %s, test %s.", s.epoch(),
                percent(s.trainAccuracy()), percent(s.testAccuracy()));
        if (l.expect().equals(Expectation.NONE)) {
            verdict.set(Verdict.NOT_YET);
            status.set(figures);
        } else if (failures.isEmpty()) {
            verdict.set(Verdict.REACHED);
            status.set(figures + " ✔ The tutorial's figure is reached (" + describe(l.expect()) + ").");
        } else {
            verdict.set(Verdict.MISSED);
            status.set(figures + " ✘ The tutorial's figure is not reached: " + String.join("; ", failures) + ".");
        }
    }

    /** The promise in words: "train accuracy 99% or more, test accuracy 100%". */
    static String describe(Expectation e) {
        List<String> parts = new ArrayList<>();
        range(parts, "train accuracy", e.minTrainAccuracy(), e.maxTrainAccuracy());
        range(parts, "test accuracy", e.minTestAccuracy(), e.maxTestAccuracy());
        if (e.hasSweepPattern()) {
            parts.add(String.format(Locale.ROOT, "widths up to %d at least %s below widths from %d in train accuracy",
                    e.underfitWidth(), percent(e.minGap()), e.fitFromWidth()));
        }
        return String.join(", ", parts);
    }

    private static void range(List<String> parts, String what, double min, double max) {
        boolean hasMin = !Double.isNaN(min);
        boolean hasMax = !Double.isNaN(max);
        if (hasMin && min == 1.0) {
            parts.add(what + " 100%");
        } else if (hasMin && hasMax) {
            parts.add(what + " from " + percent(min) + " to " + percent(max));
        } else if (hasMin) {
            parts.add(what + " " + percent(min) + " or more");
        } else if (hasMax) {
            parts.add(what + " at most " + percent(max));
        }
    }

    private static String percent(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String t = String.format(Locale.ROOT, "%.1f", 100 * v);
        return (t.endsWith(".0") ? t.substring(0, t.length() - 2) : t) + "%";
    }
}
