package org.boundarylab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Matrices;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;
import org.boundarylab.training.sweep.RunSettings;
import org.boundarylab.training.sweep.SettingStats;
import org.boundarylab.training.sweep.SweepResult;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.training.sweep.SweepSpec;
import org.boundarylab.training.sweep.SweepSummary;

/**
 * Runs lab settings to their epoch count without any window, the same engine calls the lab
 * makes, and reports the figures a lesson promises. A sweep lesson runs as the Sweep tab runs
 * it (the same {@link SweepRunner}, seeds and data), so the command line and the window agree.
 */
public final class LessonRunner {

    /**
     * The figures at the end of a run (losses without the weight penalty, so train and test are on
     * one scale); the test figures are NaN when the test part is empty. The
     * lowest test loss seen during the run (checked at {@link #TEST_LOSS_CHECKS} evenly spaced
     * epochs and at the end), its epoch and the train loss then tell whether the test loss turned
     * up while the train loss kept falling; they are NaN (epoch -1) when not followed.
     */
    public record Result(long epochs, double trainLoss, double testLoss, double trainAccuracy,
                         double testAccuracy, Network network, double minTestLoss, long minTestLossEpoch,
                         double trainLossAtMinTest) {

        public Result(long epochs, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                      Network network) {
            this(epochs, trainLoss, testLoss, trainAccuracy, testAccuracy, network, Double.NaN, -1, Double.NaN);
        }
    }

    /** Epochs at which a single run's test loss is measured to find its lowest value. */
    public static final int TEST_LOSS_CHECKS = 1000;

    /** One setting of a width sweep: the means over its seeds (a single run for a one-seed sweep). */
    public record SweepPoint(int width, Result result) {
    }

    /**
     * A lesson (or its exercise) run to its end: one point per swept width (a single point, width
     * 0, for a plain run), every promise checked, and for a sweep the table of means ± std.
     */
    public record Outcome(Lesson lesson, String part, List<SweepPoint> points, List<Expectation.Check> checks,
                          List<SettingStats> table) {
        public boolean passed() {
            return checks.stream().allMatch(Expectation.Check::passed);
        }

        /** The broken promises as sentences. */
        public List<String> failures() {
            return checks.stream().filter(c -> !c.passed()).map(Expectation.Check::failure).toList();
        }
    }

    private LessonRunner() {
    }

    /** Runs a lesson (or its sweep) to its epochs and checks its expectation; sweeps on all cores. */
    public static Outcome check(Lesson lesson) {
        if (lesson.isSweep()) {
            ExecutorService pool = SweepRunner.newPool(Runtime.getRuntime().availableProcessors());
            try {
                return check(lesson, pool);
            } finally {
                pool.shutdownNow();
            }
        }
        return check(lesson, null);
    }

    /** As {@link #check(Lesson)}, a sweep's runs on the given pool. */
    public static Outcome check(Lesson lesson, ExecutorService pool) {
        if (lesson.isSweep()) {
            List<SweepResult> results = sweepResults(lesson, pool);
            List<SettingStats> table = SweepSummary.of(results).settings();
            List<SweepPoint> points = points(table);
            return new Outcome(lesson, "lesson", points, lesson.expect().sweepChecks(points), table);
        }
        Result r = run(lesson.settings());
        return new Outcome(lesson, "lesson", List.of(new SweepPoint(0, r)), lesson.expect().checks(r), null);
    }

    /** Runs the lesson's exercise and checks what it promises; empty when the lesson has none. */
    public static java.util.Optional<Outcome> checkExercise(Lesson lesson) {
        Lesson.Exercise ex = lesson.exercise();
        if (ex == null) {
            return java.util.Optional.empty();
        }
        Result r = run(ex.settings());
        return java.util.Optional.of(new Outcome(lesson, "exercise", List.of(new SweepPoint(0, r)),
                ex.expect().checks(r), null));
    }

    /** The sweep a sweep lesson makes: its widths, seeds and epochs on its settings. */
    public static SweepSpec sweepSpec(Lesson lesson) {
        LabSettings s = lesson.settings();
        double[] widths = java.util.Arrays.stream(lesson.sweepWidths()).asDoubleStream().toArray();
        if (s.epochs() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a sweep trains at most " + Integer.MAX_VALUE + " epochs a run");
        }
        return SweepSpec.widths(widths, lesson.sweepSeeds(), (int) s.epochs(), runSettings(s));
    }

    /** What every run of a sweep on these settings shares, as the lab's Sweep tab takes it. */
    public static RunSettings runSettings(LabSettings s) {
        return new RunSettings(s.hidden(), s.hiddenActivation(), s.outputActivation(), s.loss(), s.initializer(),
                s.trainingOptions(), s.weightSeed());
    }

    private static List<SweepResult> sweepResults(Lesson lesson, ExecutorService pool) {
        Split split = lesson.settings().split();
        SweepRunner runner = new SweepRunner(sweepSpec(lesson), split.train(), split.test(), pool,
                lesson.settings().features());
        try {
            return runner.start(null).completion().get();
        } catch (InterruptedException e) {
            runner.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sweep failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The per-width means of a sweep's table as points (losses without the weight penalty). */
    public static List<SweepPoint> points(List<SettingStats> table) {
        List<SweepPoint> points = new ArrayList<>();
        for (SettingStats st : table) {
            points.add(new SweepPoint((int) st.setting(), new Result(0, st.meanTrainLoss(), st.meanTestLoss(),
                    st.meanTrainAccuracy(), st.meanTestAccuracy(), null)));
        }
        return points;
    }

    /** Trains from the settings' starting network for {@code settings.epochs()} epochs. */
    public static Result run(LabSettings settings) {
        return run(settings, settings.split());
    }

    /** As {@link #run(LabSettings)} on a given split (hand-drawn or imported data). */
    public static Result run(LabSettings settings, Split split) {
        if (settings.epochs() <= 0) {
            throw new IllegalArgumentException("a headless run needs an epoch count above 0, got " + settings.epochs());
        }
        Dataset train = split.train();
        Dataset test = split.test();
        Network net = settings.initialNetwork(settings.architecture(train.classes()));
        double[][] trainX = settings.features().map(train.x());
        double[][] testX = test.isEmpty() ? null : settings.features().map(test.x());
        Trainer trainer = new Trainer(net, trainX, train.y(), settings.trainingOptions());
        long every = Math.max(1, settings.epochs() / TEST_LOSS_CHECKS);
        double minTest = Double.POSITIVE_INFINITY;
        long minEpoch = -1;
        double trainAtMin = Double.NaN;
        for (long e = 0; e <= settings.epochs(); e++) {
            if (testX != null && (e % every == 0 || e == settings.epochs())) {
                double t = net.loss(testX, test.y(), Regularization.NONE);
                if (t < minTest) {
                    minTest = t;
                    minEpoch = e;
                    trainAtMin = net.loss(trainX, train.y(), Regularization.NONE);
                }
            }
            if (e < settings.epochs()) {
                trainer.epoch(false);
            }
        }
        Result end = measure(new FeaturedModel(settings.features(), net), split, Regularization.NONE,
                trainer.epochsDone());
        if (testX == null) {
            return end;
        }
        return new Result(end.epochs(), end.trainLoss(), end.testLoss(), end.trainAccuracy(), end.testAccuracy(), net,
                minTest, minEpoch, trainAtMin);
    }

    /** As {@link #measure(Network, Split, Regularization, long)} for a network fed other input features. */
    public static Result measure(FeaturedModel model, Split split, Regularization reg, long epochs) {
        Features f = model.features();
        Network net = model.network();
        Dataset train = split.train();
        Dataset test = split.test();
        double[][] trainX = f.map(train.x());
        double[][] testX = f.map(test.x());
        double trainLoss = net.loss(trainX, train.y(), reg);
        double trainAcc = Matrices.accuracy(net.predictClasses(trainX), train.y());
        double testLoss = test.isEmpty() ? Double.NaN : net.loss(testX, test.y(), reg);
        double testAcc = test.isEmpty() ? Double.NaN : Matrices.accuracy(net.predictClasses(testX), test.y());
        return new Result(epochs, trainLoss, testLoss, trainAcc, testAcc, net);
    }

    /** Loss (with the weight penalty, as training reports it) and accuracy on both parts. */
    public static Result measure(Network net, Split split, Regularization reg, long epochs) {
        Dataset train = split.train();
        Dataset test = split.test();
        double trainLoss = net.loss(train.x(), train.y(), reg);
        double trainAcc = Matrices.accuracy(net.predictClasses(train.x()), train.y());
        double testLoss = test.isEmpty() ? Double.NaN : net.loss(test.x(), test.y(), reg);
        double testAcc = test.isEmpty() ? Double.NaN : Matrices.accuracy(net.predictClasses(test.x()), test.y());
        return new Result(epochs, trainLoss, testLoss, trainAcc, testAcc, net);
    }

    /** The same settings with one hidden layer of each width in turn, on one shared split; one seed. */
    public static List<SweepPoint> sweep(LabSettings settings, int[] widths) {
        Split split = settings.split();
        List<SweepPoint> points = new ArrayList<>();
        for (int w : widths) {
            points.add(new SweepPoint(w, run(settings.withHidden(w), split)));
        }
        return points;
    }
}
