package org.boundarylab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.TrainingOptions;
import org.junit.jupiter.api.Test;

/** A run continued from a saved network counts its epochs on and keeps its earlier loss curve. */
class TrainingSessionResumeTest {
    private final Dataset data = Generators.moons(80, 0.2, 0);
    private final Architecture arch = Architecture.of(2, new int[] {5}, 1, Activation.TANH, Activation.SIGMOID,
            Loss.BINARY_CROSS_ENTROPY);
    private final TrainingOptions options = TrainingOptions.gradientDescent(0.5, 0);

    private TrainingSession session(Network start) {
        return new TrainingSession(start, data.x(), data.y(), new double[0][], new int[0], options,
                SharedPool.get());
    }

    @Test
    void epochsCountOnFromTheSavedEpochAndTheCurveIsKept() throws Exception {
        TrainingSession first = session(Initializer.GLOROT.create(arch, 1));
        TrainingSnapshot at = null;
        for (int i = 0; i < 10; i++) {
            at = first.step().get(10, TimeUnit.SECONDS);
        }
        org.boundarylab.metrics.TrainingHistory curve = first.history();

        TrainingSession resumed = session(at.network().copy());
        resumed.resumeAt(at.epoch(), curve);
        TrainingSnapshot start = resumed.start().get(10, TimeUnit.SECONDS);
        assertEquals(10, start.epoch());
        assertEquals(at.trainLoss(), start.trainLoss(), 0.0);
        assertEquals(curve.size(), resumed.history().size(), "epochs 0..9 kept, epoch 10 measured again");
        TrainingSnapshot next = resumed.step().get(10, TimeUnit.SECONDS);
        assertEquals(11, next.epoch());

        // the same as never having stopped (full-batch gradient descent keeps no state between epochs)
        TrainingSnapshot straight = first.step().get(10, TimeUnit.SECONDS);
        double[][] probe = {{0, 0}, {1, -0.3}};
        assertArrayEquals(straight.network().predict(probe), next.network().predict(probe));
    }

    @Test
    void resumingARunThatStartedIsRefused() throws Exception {
        TrainingSession s = session(Initializer.GLOROT.create(arch, 1));
        s.start().get(10, TimeUnit.SECONDS);
        assertThrows(IllegalStateException.class, () -> s.resumeAt(5, null));
        assertThrows(IllegalArgumentException.class, () -> session(Initializer.GLOROT.create(arch, 1))
                .resumeAt(-1, null));
    }
}
