package org.boundarylab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.TrainingOptions;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {
    private static final double[][] X;
    private static final int[] Y;

    static {
        // two noisy blobs, separable by x1 + x2 = 0
        Random r = new Random(3);
        X = new double[60][];
        Y = new int[60];
        for (int i = 0; i < 60; i++) {
            int c = i % 2;
            double centre = c == 0 ? -1 : 1;
            X[i] = new double[] {centre + 0.4 * r.nextGaussian(), centre + 0.4 * r.nextGaussian()};
            Y[i] = c;
        }
    }

    private static TrainingSession session(double lr, Activation hidden) {
        Architecture arch = Architecture.of(2, new int[] {4}, 1, hidden, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        TrainingOptions opts = new TrainingOptions(Optimizer.Kind.GD, lr, Regularization.NONE, 0, 1);
        return new TrainingSession(Initializer.GLOROT.create(arch, 7), X, Y, new double[][] {X[0], X[1]},
                new int[] {Y[0], Y[1]}, opts, SharedPool.get());
    }

    @Test
    void stepsAreReproducible() throws Exception {
        TrainingSession a = session(0.5, Activation.TANH);
        TrainingSession b = session(0.5, Activation.TANH);
        TrainingSnapshot sa = null;
        TrainingSnapshot sb = null;
        for (int i = 0; i < 20; i++) {
            sa = a.step().get(10, TimeUnit.SECONDS);
            sb = b.step().get(10, TimeUnit.SECONDS);
        }
        assertEquals(20, sa.epoch());
        assertEquals(sa.trainLoss(), sb.trainLoss(), 0.0);
        assertTrue(sa.trainLoss() < a.history().rows().get(0).trainLoss(), "loss falls");
        assertEquals(21, a.history().size());
    }

    @Test
    void playTrainsUntilPausedAndPublishesSnapshots() throws Exception {
        TrainingSession s = session(0.5, Activation.TANH);
        s.setSnapshotEvery(5);
        s.play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((s.latest() == null || s.latest().epoch() < 500) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        s.pause();
        while (s.isPlaying()) {
            Thread.sleep(1);
        }
        TrainingSnapshot last = s.latest();
        assertTrue(last.epoch() >= 500);
        assertTrue(last.trainAccuracy() > 0.9, "accuracy " + last.trainAccuracy());
        // after the pause, stepping continues from exactly where playing stopped
        TrainingSnapshot next = s.step().get(10, TimeUnit.SECONDS);
        assertEquals(last.epoch() + 1, next.epoch());
    }

    @Test
    void playingSnapshotsCarryTheFiguresOfTheirOwnNetworkExactly() throws Exception {
        // while playing, a full-batch run reads a snapshot's training figures off the next
        // epoch's forward pass: they must still be those of the snapshot's own weights
        Regularization reg = new Regularization(0.01, 0);
        Architecture arch = Architecture.of(2, new int[] {5, 3}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        double[][] testX = java.util.Arrays.copyOfRange(X, 0, 10);
        int[] testY = java.util.Arrays.copyOfRange(Y, 0, 10);
        TrainingSession s = new TrainingSession(Initializer.GLOROT.create(arch, 4), X, Y, testX, testY,
                new TrainingOptions(Optimizer.Kind.GD, 0.3, reg, 0, 1), SharedPool.get());
        s.setSnapshotEvery(7);
        java.util.List<TrainingSnapshot> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.addListener(seen::add);
        s.play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.size() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        s.pause();
        while (s.isPlaying()) {
            Thread.sleep(1);
        }
        assertTrue(seen.size() >= 40, "snapshots seen: " + seen.size());
        long previous = -1;
        for (TrainingSnapshot snap : seen) {
            assertTrue(snap.epoch() > previous, "in epoch order");
            previous = snap.epoch();
            var net = snap.network();
            assertEquals(net.loss(X, Y, reg), snap.trainLoss(), 0.0, "train loss at epoch " + snap.epoch());
            assertEquals(org.boundarylab.nn.Matrices.accuracy(net.predictClasses(X), Y), snap.trainAccuracy(), 0.0);
            assertEquals(net.loss(testX, testY, reg), snap.testLoss(), 0.0, "test loss at epoch " + snap.epoch());
            assertEquals(org.boundarylab.nn.Matrices.accuracy(net.predictClasses(testX), testY), snap.testAccuracy(), 0.0);
        }
        // the run goes on from where it paused, with nothing lost in between
        TrainingSnapshot next = s.step().get(10, TimeUnit.SECONDS);
        assertEquals(s.history().rows().get(s.history().size() - 2).epoch() + 1, next.epoch());
    }

    @Test
    void divergencePausesAndKeepsTheLastFiniteNetwork() throws Exception {
        // a linear hidden layer cannot separate XOR labels, so the misclassified points keep
        // pushing both layers' weights up together, which grows them geometrically at this rate
        Architecture arch = Architecture.of(2, new int[] {4}, 1, Activation.LINEAR, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        int[] xorLabels = new int[X.length];
        for (int i = 0; i < X.length; i++) {
            xorLabels[i] = (X[i][0] > 0) == (X[i][1] > 0) ? 0 : 1;
        }
        TrainingSession s = new TrainingSession(Initializer.GLOROT.create(arch, 7), X, xorLabels, new double[0][],
                new int[0], new TrainingOptions(Optimizer.Kind.GD, 1e3, Regularization.NONE, 0, 1), SharedPool.get());
        s.setSnapshotEvery(1);
        s.play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!s.hasDiverged() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        s.pause();
        while (s.isPlaying()) {
            Thread.sleep(1);
        }
        assertTrue(s.hasDiverged());
        TrainingSnapshot last = s.latest();
        assertTrue(last.diverged());
        assertNotNull(last.network());
        assertTrue(last.network().isFinite());
        assertTrue(Double.isFinite(last.trainLoss()));
        assertFalse(s.isPlaying());
    }

    @Test
    void startMeasuresEpochZeroOnThePool() throws Exception {
        TrainingSession s = session(0.5, Activation.TANH);
        java.util.List<TrainingSnapshot> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.addListener(seen::add);
        TrainingSnapshot first = s.start().get(10, TimeUnit.SECONDS);
        assertEquals(0, first.epoch());
        assertEquals(java.util.List.of(first), seen);
        assertEquals(1, s.history().size());
        assertEquals(1, s.step().get(10, TimeUnit.SECONDS).epoch());
        assertEquals(2, seen.size(), "epoch 0 is published once");
    }

    @Test
    void aStepWithoutStartPublishesEpochZeroFirst() throws Exception {
        TrainingSession s = session(0.5, Activation.TANH);
        java.util.List<Long> epochs = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.addListener(snap -> epochs.add(snap.epoch()));
        s.step().get(10, TimeUnit.SECONDS);
        assertEquals(java.util.List.of(0L, 1L), epochs);
    }

    @Test
    void retuneChangesTheRateWithoutResetting() throws Exception {
        TrainingSession s = session(0.1, Activation.TANH);
        for (int i = 0; i < 5; i++) {
            s.step().get(10, TimeUnit.SECONDS);
        }
        s.retune(0.2, new Regularization(0.01, 0));
        TrainingSnapshot after = s.step().get(10, TimeUnit.SECONDS);
        assertEquals(6, after.epoch());
    }

    @Test
    void playStopsByItselfAtTheRunsLastEpochAndContinuesWhenPlayedAgain() throws Exception {
        TrainingSession s = session(0.5, Activation.TANH);
        s.setSnapshotEvery(7); // the stop epoch is not a multiple: it is still published exactly
        s.setStopAtEpoch(150);
        s.play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (s.isPlaying() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(s.isPlaying(), "play ends at epoch 150 without a pause");
        assertEquals(150, s.latest().epoch());
        s.play();
        while (s.latest().epoch() <= 160 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(s.latest().epoch() > 160, "played again, the run goes past its length");
        s.close();
    }
}
