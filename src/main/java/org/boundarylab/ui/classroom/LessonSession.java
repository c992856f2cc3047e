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
import org.boundarylab.lessons.LabSettings;
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
    /**
     * Whether the run reached the tutorial's figure; EXPLORING while the settings are neither the
     * lesson's nor its exercise's (nothing is promised for them, so nothing is checked).
     */
    public enum Verdict { NOT_YET, REACHED, MISSED, EXPLORING }

    /** What the lab's settings are to the lesson: its own, its exercise's, or something else. */
    public enum Mode { LESSON, EXERCISE, EXPLORING }

    private final LabViewModel lab;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<String>> locked = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(Verdict.NOT_YET);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.LESSON);

    public LessonSession(LabViewModel lab) {
        this.lab = lab;
        lab.run().snapshotProperty().addListener((o, a, s) -> snapshotShown(s));
        lab.run().generationProperty().addListener((o, a, b) -> {
            if (lesson.get() != null) {
                newRun();
            }
        });
    }

    /** Whether the lab runs the lesson, its exercise, or settings of its own. */
    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    private void newRun() {
        Lesson l = lesson.get();
        Mode m = modeNow(l);
        mode.set(m);
        verdict.set(m == Mode.EXPLORING ? Verdict.EXPLORING : Verdict.NOT_YET);
        status.set(switch (m) {
            case LESSON -> l.isSweep() ? sweepStartText(l, lab.form().textProperty(
                    org.boundarylab.ui.InputRules.Field.HIDDEN_LAYERS).get()) : startText(l);
            case EXERCISE -> exerciseText(l.exercise());
            case EXPLORING -> exploringText(l);
        });
    }

    /** Which of the lesson's setups the lab's settings are (the pace and redraw interval aside). */
    private Mode modeNow(Lesson l) {
        if (lab.data().customDataProperty().get()) {
            return Mode.EXPLORING;
        }
        LabSettings now;
        try {
            now = lab.form().typedSettings();
        } catch (IllegalArgumentException e) {
            return Mode.EXPLORING;
        }
        if (l.isSweep() && now.hidden().length == 1
                && java.util.Arrays.stream(l.sweepWidths()).anyMatch(w -> w == now.hidden()[0])) {
            // any one of the swept widths is the lesson's (a thumbnail opened from its sweep, say)
            if (same(now.withHidden(l.settings().hidden()), l.settings())) {
                return Mode.LESSON;
            }
        }
        if (same(now, l.settings())) {
            return Mode.LESSON;
        }
        if (l.exercise() != null && same(now, l.exercise().settings())) {
            return Mode.EXERCISE;
        }
        return Mode.EXPLORING;
    }

    private static boolean same(LabSettings now, LabSettings setup) {
        return now.toBuilder().redrawEvery(setup.redrawEvery()).build().equals(setup);
    }

    private static String exerciseText(Lesson.Exercise ex) {
        long epochs = ex.settings().epochs();
        return "Exercise: " + ex.text() + (epochs > 0
                ? String.format(Locale.ROOT, " Press Play (Space): the run stops by itself at epoch %,d.", epochs) : "")
                + (ex.expect().isEmpty() ? "" : " Expected: " + describe(ex.expect()) + ".");
    }

    private static String exploringText(Lesson l) {
        return "Exploring: these settings are not the lesson's" + (l.exercise() == null ? "" : " nor its exercise's")
                + ", so no figure is checked. Start the lesson again from the Lessons menu to go back to its setup.";
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
        mode.set(Mode.LESSON);
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
            return sweepStartText(l, l.settings().hiddenText());
        }
        if (epochs > 0) {
            return String.format(Locale.ROOT, "Press Play (Space): the run stops by itself at epoch %,d.", epochs)
                    + (l.expect().equals(Expectation.NONE) ? "" : " Tutorial: " + describe(l.expect()) + ".");
        }
        return "Press Play (Space) to start training.";
    }

    private static String sweepStartText(Lesson l, String width) {
        long epochs = l.settings().epochs();
        return "Here Play trains the width " + width + " network"
                + (epochs > 0 ? String.format(Locale.ROOT, " for %,d epochs", epochs) : "")
                + "; the Sweep tab compares widths " + widths(l) + ".";
    }

    private static String widths(Lesson l) {
        int[] w = l.sweepWidths();
        return IntStream.range(0, w.length).mapToObj(i -> Integer.toString(w[i]))
                .collect(Collectors.joining(", "));
    }

    private void snapshotShown(TrainingSnapshot s) {
        Lesson l = lesson.get();
        if (l == null || s == null || s.diverged()) {
            return;
        }
        if (l.isSweep()) {
            // in the Lab tab a sweep lesson shows one width's network: its own run or a thumbnail opened
            if (s.epoch() > 0 && mode.get() != Mode.EXPLORING) {
                status.set(String.format(Locale.ROOT, "The width %s network at epoch %,d: train %s, test %s. The Sweep"
                        + " tab compares widths %s.", lab.form().textProperty(
                        org.boundarylab.ui.InputRules.Field.HIDDEN_LAYERS).get(), s.epoch(),
                        percent(s.trainAccuracy()), percent(s.testAccuracy()), widths(l)));
            }
            return;
        }
        Expectation expect;
        long target;
        String whose;
        if (mode.get() == Mode.LESSON) {
            expect = l.expect();
            target = l.settings().epochs();
            whose = "The tutorial's figure";
        } else if (mode.get() == Mode.EXERCISE) {
            expect = l.exercise().expect();
            target = l.exercise().settings().epochs();
            whose = "The exercise's figure";
        } else {
            return;
        }
        if (target <= 0 || s.epoch() != target) {
            return;
        }
        TrainingSnapshot best = lab.run().bestTestSnapshot();
        LessonRunner.Result r = best == null
                ? new LessonRunner.Result(s.epoch(), s.trainLoss(), s.testLoss(), s.trainAccuracy(), s.testAccuracy(),
                        s.network())
                : new LessonRunner.Result(s.epoch(), s.trainLoss(), s.testLoss(), s.trainAccuracy(), s.testAccuracy(),
                        s.network(), Math.min(best.testLoss(), s.testLoss()), best.epoch(), best.trainLoss());
        List<String> failures = expect.check(r);
        String figures = String.format(Locale.ROOT, "Epoch %,d: train %s, test %s.", s.epoch(),
                percent(s.trainAccuracy()), percent(s.testAccuracy()));
        if (expect.isEmpty()) {
            verdict.set(Verdict.NOT_YET);
            status.set(figures);
        } else if (failures.isEmpty()) {
            verdict.set(Verdict.REACHED);
            status.set(figures + " ✔ " + whose + " is reached (" + describe(expect) + ").");
        } else {
            verdict.set(Verdict.MISSED);
            status.set(figures + " ✘ " + whose + " is not reached: " + String.join("; ", failures) + ".");
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
        e.claims().forEach((claim, v) -> parts.add(switch (claim) {
            case TEST_LOSS_RISE -> "test loss ending " + plain(v) + "× its lowest or more";
            case TRAIN_LOSS_FALL -> "train loss still falling";
            case WIDEST_TRAIN_ACCURACY -> "the widest network's train accuracy " + percent(v) + " or more";
            case TEST_PEAK_DROP -> "test accuracy peaking at a middle width, the widest at least " + percent(v)
                    + " below the peak";
            case MIN_WIDEST_GAP -> "a train − test gap of at least " + percent(v) + " at the widest";
            case MAX_WIDEST_GAP -> "a train − test gap under " + percent(v) + " at the widest";
            case WIDEST_TEST_LOSS_RISE -> "the widest network's test loss at least " + plain(v)
                    + " times the lowest";
        }));
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

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String percent(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String t = String.format(Locale.ROOT, "%.1f", 100 * v);
        return (t.endsWith(".0") ? t.substring(0, t.length() - 2) : t) + "%";
    }
}
