package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A trainer continued from its state runs the very epochs it would have run without stopping. */
class TrainerStateTest {
    private final Dataset data = Generators.moons(90, 0.25, 3);
    private final Architecture arch = Architecture.of(2, new int[] {4, 3}, 1, Activation.TANH, Activation.SIGMOID,
            Loss.BINARY_CROSS_ENTROPY);

    @Test
    void theShuffleDrawsWhatJavaUtilRandomDraws() {
        for (long seed : new long[] {0, 1, -7, 123456789L, Long.MAX_VALUE}) {
            Random expected = new Random(seed);
            ShuffleRandom ours = ShuffleRandom.seeded(seed);
            for (int i = 0; i < 5000; i++) {
                int bound = 1 + (i * 7919) % 1000;
                if (i % 3 == 0) {
                    bound = 1 << (i % 20); // powers of two take the other branch
                }
                assertEquals(expected.nextInt(bound), ours.nextInt(bound), "seed " + seed + " draw " + i);
            }
            ShuffleRandom continued = ShuffleRandom.atState(ours.state());
            assertEquals(expected.nextInt(97), continued.nextInt(97));
        }
    }

    @ParameterizedTest
    @CsvSource({"GD,0", "SGD,0", "SGD,16", "MOMENTUM,0", "MOMENTUM,20", "ADAM,0", "ADAM,32", "GD,25"})
    void aRestoredTrainerContinuesBitForBit(Optimizer.Kind kind, int batch) {
        TrainingOptions options = new TrainingOptions(kind, kind == Optimizer.Kind.ADAM ? 0.01 : 0.2,
                new Regularization(1e-3, 0), batch, 11);
        Trainer straight = new Trainer(Initializer.GLOROT.create(arch, 5), data.x(), data.y(), options);
        for (int e = 0; e < 23; e++) {
            straight.epoch(false);
        }
        TrainerState saved = straight.state();
        Trainer resumed = new Trainer(straight.network().copy(), data.x(), data.y(), options);
        resumed.restore(saved);
        assertTrue(resumed.state().sameAs(saved));
        for (int e = 0; e < 40; e++) {
            double a = straight.epoch(true);
            double b = resumed.epoch(true);
            assertEquals(Double.doubleToLongBits(a), Double.doubleToLongBits(b), kind + " epoch " + e);
        }
        assertTrue(straight.network().sameBits(resumed.network()));
    }

    @Test
    void withoutItsStateAnAdamRunGoesElsewhere() {
        // the test above would pass trivially if state made no difference: show that it does
        TrainingOptions options = new TrainingOptions(Optimizer.Kind.ADAM, 0.01, Regularization.NONE, 16, 11);
        Trainer straight = new Trainer(Initializer.GLOROT.create(arch, 5), data.x(), data.y(), options);
        for (int e = 0; e < 23; e++) {
            straight.epoch(false);
        }
        Trainer fresh = new Trainer(straight.network().copy(), data.x(), data.y(), options);
        straight.epoch(false);
        fresh.epoch(false);
        assertFalse(straight.network().sameBits(fresh.network()));
    }

    @Test
    void aStateThatDoesNotFitIsRefusedAndChangesNothing() {
        TrainingOptions adam = new TrainingOptions(Optimizer.Kind.ADAM, 0.01, Regularization.NONE, 16, 11);
        Trainer t = new Trainer(Initializer.GLOROT.create(arch, 5), data.x(), data.y(), adam);
        t.epoch(false);
        TrainerState before = t.state();
        Architecture other = Architecture.of(2, new int[] {5}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        TrainerState wrongShape = new TrainerState(Optimizer.Kind.ADAM, 3,
                List.of(new Network(arch), new Network(other)), 1, before.order());
        assertThrows(IllegalArgumentException.class, () -> t.restore(wrongShape));
        TrainerState wrongRule = new TrainerState(Optimizer.Kind.MOMENTUM, 0, List.of(new Network(arch)), 1,
                before.order());
        assertThrows(IllegalArgumentException.class, () -> t.restore(wrongRule));
        int[] notAnOrder = before.order();
        notAnOrder[0] = notAnOrder[1];
        TrainerState badOrder = new TrainerState(Optimizer.Kind.ADAM, 3, before.moments(), 1, notAnOrder);
        assertThrows(IllegalArgumentException.class, () -> t.restore(badOrder));
        assertTrue(t.state().sameAs(before));
    }
}
