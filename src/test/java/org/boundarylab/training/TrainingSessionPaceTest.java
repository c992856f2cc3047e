package org.boundarylab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.TrainingOptions;
import org.junit.jupiter.api.Test;

/** At a set pace, play shows every epoch, no faster than the pace, and pauses at once. */
class TrainingSessionPaceTest {
    private final Dataset data = Generators.moons(100, 0.2, 0);
    private final Architecture arch = Architecture.of(2, new int[] {5}, 1, Activation.TANH, Activation.SIGMOID,
            Loss.BINARY_CROSS_ENTROPY);

    private TrainingSession session() {
        TrainingSession s = new TrainingSession(Initializer.GLOROT.create(arch, 1), data.x(), data.y(),
                new double[0][], new int[0], TrainingOptions.gradientDescent(0.5, 0), SharedPool.get());
        s.setSnapshotEvery(10); // the pace overrides it: every epoch is shown
        return s;
    }

    @Test
    void everyEpochIsShownAndNoneComesEarly() throws Exception {
        TrainingSession s = session();
        s.setPace(40);
        List<Long> epochs = new ArrayList<>();
        s.addListener(snap -> {
            synchronized (epochs) {
                epochs.add(snap.epoch());
            }
        });
        s.start().join();
        long start = System.nanoTime();
        s.setStopAtEpoch(12);
        s.play();
        while (s.isPlaying() || s.latest().epoch() < 12) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (epochs) {
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), epochs, "one snapshot an epoch");
        }
        // a lower bound only: a busy machine can be slower than the pace, never faster
        assertTrue(seconds >= 11 / 40.0, "12 epochs at 40 a second took " + seconds + " s");
        assertEquals(s.history().size(), 13, "the curve has every epoch");
    }

    @Test
    void pauseAnswersWhileWaitingForASlowPace() throws Exception {
        TrainingSession s = session();
        s.setPace(0.5); // one epoch every two seconds
        s.start().join();
        s.play();
        while (s.latest().epoch() < 1) {
            Thread.sleep(5);
        }
        s.pause();
        for (int i = 0; i < 400 && s.isPlaying(); i++) {
            Thread.sleep(5);
        }
        assertFalse(s.isPlaying(), "pause does not wait for the next epoch");
        assertEquals(1, s.latest().epoch());
        // max pace again: as fast as it goes
        s.setPace(0);
        assertEquals(0, s.pace());
        assertThrows(IllegalArgumentException.class, () -> s.setPace(-1));
        assertThrows(IllegalArgumentException.class, () -> s.setPace(Double.NaN));
    }
}
