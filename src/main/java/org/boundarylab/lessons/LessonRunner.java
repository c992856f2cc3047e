package org.boundarylab.lessons;

import java.util.ArrayList;
import java.util.List;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Matrices;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;

/**
 * Runs lab settings to their epoch count without any window, the same engine calls the lab
 * makes, and reports the figures a lesson promises. Used by the lesson tests and by anyone who
 * wants a lesson's result on the command line.
 */
public final class LessonRunner {

    /** The figures at the end of a run; the test figures are NaN when the test part is empty. */
    public record Result(long epochs, double trainLoss, double testLoss, double trainAccuracy,
                         double testAccuracy, Network network) {
    }

    /** One setting of a width sweep. */
    public record SweepPoint(int width, Result result) {
    }

    /**
     * A lesson run to its end: one point per swept width (a single point, width 0, for a plain
     * lesson) and the promises it broke (empty when it kept them all).
     */
    public record Outcome(Lesson lesson, List<SweepPoint> points, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private LessonRunner() {
    }

    /** Runs a lesson (or its sweep) to its epochs and checks its expectation. */
    public static Outcome check(Lesson lesson) {
        if (lesson.isSweep()) {
            List<SweepPoint> points = sweep(lesson.settings(), lesson.sweepWidths());
            return new Outcome(lesson, points, lesson.expect().checkSweep(points));
        }
        Result r = run(lesson.settings());
        return new Outcome(lesson, List.of(new SweepPoint(0, r)), lesson.expect().check(r));
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
        Network net = settings.initialNetwork(settings.architecture(2, train.classes()));
        Trainer trainer = new Trainer(net, train.x(), train.y(), settings.trainingOptions());
        for (long e = 0; e < settings.epochs(); e++) {
            trainer.epoch(false);
        }
        return measure(net, split, new Regularization(settings.l2(), settings.l1()), trainer.epochsDone());
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

    /** The same settings with one hidden layer of each width in turn, on one shared split. */
    public static List<SweepPoint> sweep(LabSettings settings, int[] widths) {
        Split split = settings.split();
        List<SweepPoint> points = new ArrayList<>();
        for (int w : widths) {
            points.add(new SweepPoint(w, run(settings.withHidden(w), split)));
        }
        return points;
    }
}
