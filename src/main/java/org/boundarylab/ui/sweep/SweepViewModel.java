package org.boundarylab.ui.sweep;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.boundarylab.render.Viewport;
import org.boundarylab.training.sweep.RunSettings;
import org.boundarylab.training.sweep.SettingStats;
import org.boundarylab.training.sweep.SettingStats.Metric;
import org.boundarylab.training.sweep.SweepContext;
import org.boundarylab.training.sweep.SweepKind;
import org.boundarylab.training.sweep.SweepListener;
import org.boundarylab.training.sweep.SweepPictures;
import org.boundarylab.training.sweep.SweepProgress;
import org.boundarylab.training.sweep.SweepResult;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.training.sweep.SweepSpec;
import org.boundarylab.training.sweep.SweepSummary;

/**
 * State of the sweep view as plain properties: the form (kind, values, seeds, epochs, layers per
 * setting) with its validation message, the running sweep's progress, its results, thumbnails and
 * summary. No toolkit needed: the caller says on which executor updates land (the FX thread in
 * the app, the calling thread in tests).
 */
public final class SweepViewModel {
    public static final int THUMBNAIL_SIZE = 160;
    private static final Map<SweepKind, String> DEFAULT_VALUES = Map.of(
            SweepKind.HIDDEN_WIDTH, "1,2,3,4,5,20,50",
            SweepKind.L2, "0,0.00001,0.0001,0.001,0.01",
            SweepKind.TRAIN_SIZE, "10,20,50,100,150");

    private final ObjectProperty<SweepKind> kind = new SimpleObjectProperty<>(SweepKind.HIDDEN_WIDTH);
    private final StringProperty values = new SimpleStringProperty(DEFAULT_VALUES.get(SweepKind.HIDDEN_WIDTH));
    private final IntegerProperty seeds = new SimpleIntegerProperty(SweepSpec.DEFAULT_SEEDS);
    private final StringProperty epochs = new SimpleStringProperty("5000");
    private final IntegerProperty layersPerSetting = new SimpleIntegerProperty(1);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.ACCURACY);

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty remaining = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<SweepResult> results = FXCollections.observableArrayList();
    private final ObservableList<SweepThumbnail> thumbnails = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SweepSummary> summary = new ReadOnlyObjectWrapper<>(SweepSummary.of(List.of()));
    private final ReadOnlyObjectWrapper<SweepSpec> spec = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canRun;

    private SweepRunner runner;
    private final ReadOnlyObjectWrapper<org.boundarylab.lessons.Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper finding = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> findingHolds = new ReadOnlyObjectWrapper<>();

    public SweepViewModel() {
        kind.addListener((obs, was, now) -> {
            if (now != null && (values.get() == null || values.get().equals(DEFAULT_VALUES.get(was)))) {
                values.set(DEFAULT_VALUES.get(now));
            }
        });
        Runnable check = () -> error.set(validationError());
        kind.addListener(o -> check.run());
        values.addListener(o -> check.run());
        seeds.addListener(o -> check.run());
        epochs.addListener(o -> check.run());
        layersPerSetting.addListener(o -> check.run());
        check.run();
        canRun = Bindings.createBooleanBinding(() -> !running.get() && error.get().isEmpty(), running, error);
    }

    public ObjectProperty<SweepKind> kindProperty() {
        return kind;
    }

    public StringProperty valuesProperty() {
        return values;
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty layersPerSettingProperty() {
        return layersPerSetting;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** What is wrong with the form, or "" when it can run. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty remainingProperty() {
        return remaining;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Finished runs in the order they finished. */
    public ObservableList<SweepResult> results() {
        return results;
    }

    /** One per setting, in the order settings finished their first seed. */
    public ObservableList<SweepThumbnail> thumbnails() {
        return thumbnails;
    }

    public ReadOnlyObjectProperty<SweepSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The sweep lesson the form was filled in from (null: none). */
    public ReadOnlyObjectProperty<org.boundarylab.lessons.Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /**
     * The finished width sweep's finding in words with its numbers, and for the lesson's own sweep
     * whether its promises hold ("" before a width sweep finished).
     */
    public ReadOnlyStringProperty findingProperty() {
        return finding.getReadOnlyProperty();
    }

    /** True or false when the finished sweep was the lesson's own and its promises held or not; null otherwise. */
    public ReadOnlyObjectProperty<Boolean> findingHoldsProperty() {
        return findingHolds.getReadOnlyProperty();
    }

    /**
     * Fills the form in from a sweep lesson (its widths, seeds and epochs, one layer a width);
     * null or a lesson without a sweep leaves the form as it is and forgets the lesson.
     */
    public void showLesson(org.boundarylab.lessons.Lesson l) {
        if (l == null || !l.isSweep()) {
            lesson.set(null);
            return;
        }
        kind.set(SweepKind.HIDDEN_WIDTH);
        values.set(java.util.Arrays.stream(l.sweepWidths()).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",")));
        seeds.set(l.sweepSeeds());
        epochs.set(Long.toString(l.settings().epochs()));
        layersPerSetting.set(1);
        lesson.set(l);
        finding.set("");
        findingHolds.set(null);
    }

    /** Whether a sweep of {@code s} on the context is the lesson's own sweep (its spec, data and inputs). */
    static boolean isLessonsSweep(org.boundarylab.lessons.Lesson l, SweepSpec s, SweepContext c) {
        if (l == null || !l.isSweep()) {
            return false;
        }
        SweepSpec own = org.boundarylab.lessons.LessonRunner.sweepSpec(l);
        RunSettings a = own.base();
        RunSettings b = s.base();
        org.boundarylab.data.Split split = l.settings().split();
        return s.kind() == own.kind() && java.util.Arrays.equals(s.values(), own.values()) && s.seeds() == own.seeds()
                && s.epochs() == own.epochs() && s.layersPerSetting() == own.layersPerSetting()
                && a.hidden() == b.hidden() && a.output() == b.output() && a.loss() == b.loss()
                && a.initializer() == b.initializer() && a.training().equals(b.training())
                && a.baseSeed() == b.baseSeed() && split.train().equals(c.train()) && split.test().equals(c.test())
                && l.settings().features().equals(c.features());
    }

    private void setFinding(SweepSpec s, boolean lessonsOwn) {
        if (s.kind() != SweepKind.HIDDEN_WIDTH) {
            finding.set("");
            findingHolds.set(null);
            return;
        }
        List<SettingStats> table = summary.get().settings();
        String sentence = org.boundarylab.lessons.SweepFinding.of(table).map(f -> "Finding: " + f + ".").orElse("");
        org.boundarylab.lessons.Lesson l = lesson.get();
        if (l == null) {
            findingHolds.set(null);
            finding.set(sentence);
            return;
        }
        if (!lessonsOwn) {
            findingHolds.set(null);
            finding.set(sentence + " Exploring: this is not the lesson's own sweep, so its promises are not checked.");
            return;
        }
        List<org.boundarylab.lessons.Expectation.Check> checks = l.expect().sweepChecks(
                org.boundarylab.lessons.LessonRunner.points(table));
        boolean holds = checks.stream().allMatch(org.boundarylab.lessons.Expectation.Check::passed);
        findingHolds.set(holds);
        finding.set(sentence + (holds ? " ✔ What the lesson promises holds." : " ✘ Not as the lesson promises: "
                + String.join("; ", checks.stream().filter(c -> !c.passed())
                        .map(org.boundarylab.lessons.Expectation.Check::line).toList()) + "."));
    }

    /** The sweep being shown (null before the first run). */
    public ReadOnlyObjectProperty<SweepSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    private String validationError() {
        try {
            buildSpec(RunSettings.tutorial001());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The sweep the form describes on top of the given settings; a message naming the field otherwise. */
    public SweepSpec buildSpec(RunSettings base) {
        double[] v;
        try {
            v = SweepSpec.parseValues(values.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Values: " + e.getMessage());
        }
        int n;
        String text = epochs.get() == null ? "" : epochs.get().trim();
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Epochs: '" + text + "' is not a whole number");
        }
        if (n < 1 || n > 10_000_000) {
            throw new IllegalArgumentException("Epochs: must be from 1 to 10000000, got " + n);
        }
        try {
            return new SweepSpec(kind.get(), v, layersPerSetting.get(), seeds.get(), n, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Values: " + e.getMessage());
        }
    }

    /**
     * Starts a sweep on the context's data and settings. Results, thumbnails and progress arrive
     * through {@code ui} (Platform::runLater in the app).
     */
    public void run(SweepContext context, ExecutorService pool, Executor ui) {
        if (running.get()) {
            throw new IllegalStateException("a sweep is already running");
        }
        SweepSpec s = buildSpec(context.base());
        SweepRunner r = new SweepRunner(s, context.train(), context.test(), pool, context.features());
        Viewport view = SweepPictures.viewport(context.train(), context.test());
        boolean lessonsOwn = isLessonsSweep(lesson.get(), s, context);
        results.clear();
        thumbnails.clear();
        finding.set("");
        findingHolds.set(null);
        summary.set(SweepSummary.of(List.of()));
        spec.set(s);
        progress.set(0);
        remaining.set("");
        status.set("Running " + s.runs() + " runs on " + Runtime.getRuntime().availableProcessors() + " cores…");
        running.set(true);
        runner = r;
        r.start(new SweepListener() {
            @Override
            public void runFinished(SweepResult result, SweepProgress p) {
                // draw on the worker: the UI thread only copies pixels
                SweepThumbnail thumb = result.hasNetwork() ? thumbnail(s, result, context, view) : null;
                ui.execute(() -> {
                    if (runner != r) {
                        return;
                    }
                    results.add(result);
                    if (thumb != null) {
                        thumbnails.add(thumb);
                    }
                    summary.set(SweepSummary.of(new ArrayList<>(results)));
                    showProgress(p);
                });
            }

            @Override
            public void progressed(SweepProgress p) {
                ui.execute(() -> {
                    if (runner == r) {
                        showProgress(p);
                    }
                });
            }

            @Override
            public void sweepFinished(List<SweepResult> all, boolean cancelled) {
                ui.execute(() -> {
                    if (runner != r || r.completion().isCompletedExceptionally()) {
                        // a failed sweep keeps the failure message set below
                        return;
                    }
                    running.set(false);
                    if (!cancelled) {
                        progress.set(1);
                    }
                    remaining.set("");
                    long diverged = all.stream().filter(SweepResult::diverged).count();
                    status.set((cancelled ? "Cancelled: " : "Done: ") + all.size() + " of " + s.runs()
                            + " runs finished" + (diverged == 0 ? "" : ", " + diverged + " diverged") + bestText());
                    if (!cancelled) {
                        setFinding(s, lessonsOwn);
                    }
                });
            }
        });
        r.completion().whenComplete((ok, failure) -> {
            if (failure != null) {
                ui.execute(() -> {
                    running.set(false);
                    status.set("Sweep failed: " + failure.getMessage());
                });
            }
        });
    }

    private void showProgress(SweepProgress p) {
        progress.set(p.fraction());
        remaining.set(p.remainingText());
    }

    private String bestText() {
        Optional<SettingStats> best = summary.get().bestTest();
        return best.map(b -> "; best test accuracy at " + SweepPictures.settingName(spec.get(), b.settingIndex())
                + String.format(" (%.3f)", b.meanTestAccuracy())).orElse("");
    }

    private static SweepThumbnail thumbnail(SweepSpec s, SweepResult r, SweepContext c, Viewport view) {
        BufferedImage img = SweepPictures.thumbnail(s, r, c.train(), c.test(), view, THUMBNAIL_SIZE);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        return new SweepThumbnail(r.settingIndex(), SweepPictures.caption(s, r, false), w, h, argb, r.network());
    }

    /** Stops the sweep; finished runs stay. */
    public void cancel() {
        SweepRunner r = runner;
        if (r != null && running.get()) {
            status.set("Cancelling…");
            r.cancel();
        }
    }

    /** The runner of the latest sweep, for waiting on it in tests and exports. */
    public Optional<SweepRunner> runner() {
        return Optional.ofNullable(runner);
    }

    /** Chart points of the summary for the current metric: x on the chart's axis, mean and std. */
    public List<ChartPoint> chartPoints(boolean testSet) {
        SweepSpec s = spec.get();
        if (s == null) {
            return List.of();
        }
        SweepAxis axis = SweepAxis.of(s.kind(), s.values());
        List<ChartPoint> points = new ArrayList<>();
        for (SettingStats st : summary.get().settings()) {
            double mean = st.mean(metric.get(), testSet);
            if (Double.isFinite(mean)) {
                points.add(new ChartPoint(axis.toAxis(st.setting()), mean, st.std(metric.get(), testSet), st.label()));
            }
        }
        return points;
    }

    /** The names of the settings whose every finished run diverged ("h=50"), in setting order. */
    public List<String> divergedSettings() {
        SweepSpec s = spec.get();
        List<String> names = new ArrayList<>();
        for (SettingStats st : summary.get().settings()) {
            if (st.allDiverged()) {
                names.add(s == null ? st.label() : SweepPictures.settingName(s, st.settingIndex()));
            }
        }
        return names;
    }

    /** The best test setting's point for the current metric, if any. */
    public Optional<ChartPoint> bestPoint() {
        SweepSpec s = spec.get();
        if (s == null) {
            return Optional.empty();
        }
        SweepAxis axis = SweepAxis.of(s.kind(), s.values());
        return summary.get().bestTest().map(b -> new ChartPoint(axis.toAxis(b.setting()),
                b.mean(metric.get(), true), b.std(metric.get(), true), b.label()));
    }

    SweepAxis axis() {
        SweepSpec s = spec.get();
        return s == null ? SweepAxis.of(kind.get(), new double[] {1}) : SweepAxis.of(s.kind(), s.values());
    }

    /** One point of the chart: x on the chart axis (log10 for log kinds), mean and std over seeds. */
    public record ChartPoint(double x, double mean, double std, String label) {
    }
}
