package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.junit.jupiter.api.Test;

/** The window's one-pass measurement gives the figures of Network.loss and predictClasses exactly. */
class EvaluationTest {

    @Test
    void softmaxLossAndAccuracyMatchTheNetworksOwnToTheLastBit() {
        // more rows than one chunk, and not a multiple of it, so the chunked sums are exercised
        Dataset d = Generators.gaussian(1300, 3, 0.3, 4);
        Architecture arch = Architecture.of(2, new int[] {7, 4}, 3, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        Network net = Initializer.GLOROT.create(arch, 9);
        Trainer trainer = new Trainer(net, d.x(), d.y(), TrainingOptions.gradientDescent(0.3, 0.01));
        for (int i = 0; i < 30; i++) {
            trainer.epoch(false);
        }
        assertSameFigures(net, d, new Regularization(0.01, 0.002));
    }

    @Test
    void sigmoidLossAndAccuracyMatchTheNetworksOwn() {
        Dataset d = Generators.moons(700, 0.2, 1);
        Architecture arch = Architecture.of(2, new int[] {5, 3}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network net = Initializer.UNIFORM.create(arch, 0);
        Trainer trainer = new Trainer(net, d.x(), d.y(), TrainingOptions.gradientDescent(0.1, 0));
        for (int i = 0; i < 200; i++) {
            trainer.epoch(false);
        }
        assertSameFigures(net, d, Regularization.NONE);
        double accuracy = Matrices.accuracy(net.predictClasses(d.x()), d.y());
        assertTrue(accuracy > 0.5 && accuracy < 1, "a half-trained network, so accuracy tells something: " + accuracy);
    }

    @Test
    void theTrainerMeasuresFullBatchesOnlyAndWithTheSameFigures() {
        Dataset d = Generators.moons(600, 0.2, 2);
        Architecture arch = Architecture.of(2, new int[] {4}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Regularization reg = new Regularization(0.005, 0);
        Network full = Initializer.GLOROT.create(arch, 3);
        Trainer fullBatch = new Trainer(full, d.x(), d.y(), TrainingOptions.gradientDescent(0.5, 0.005));
        fullBatch.epoch(false);
        Evaluation.Result r = fullBatch.fullBatchMeasurement(reg);
        assertEquals(full.loss(d.x(), d.y(), reg), r.loss(), 0.0);
        assertEquals(Matrices.accuracy(full.predictClasses(d.x()), d.y()), r.accuracy(), 0.0);

        Network mini = Initializer.GLOROT.create(arch, 3);
        Trainer batches = new Trainer(mini, d.x(), d.y(),
                new TrainingOptions(Optimizer.Kind.GD, 0.5, reg, 50, 1));
        assertNull(batches.fullBatchMeasurement(reg), "a mini-batch trainer's buffers hold one batch only");
    }

    @Test
    void anEpochMeasuresTheWeightsItStartedFromAndTrainsAsAPlainEpoch() {
        Dataset d = Generators.gaussian(1300, 3, 0.3, 5); // three chunks, the last one short
        Architecture arch = Architecture.of(2, new int[] {6, 4}, 3, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        TrainingOptions options = TrainingOptions.gradientDescent(0.4, 0.003);
        Network measured = Initializer.GLOROT.create(arch, 8);
        Network plain = Initializer.GLOROT.create(arch, 8);
        Trainer a = new Trainer(measured, d.x(), d.y(), options);
        Trainer b = new Trainer(plain, d.x(), d.y(), options);
        assertTrue(a.measuresInEpoch());
        for (int i = 0; i < 25; i++) {
            Evaluation.Result want = b.fullBatchMeasurement(options.regularization());
            Evaluation.Result got = a.epochMeasured();
            assertEquals(want.loss(), got.loss(), 0.0, "epoch " + i + ": the loss of the weights before the step");
            assertEquals(want.accuracy(), got.accuracy(), 0.0, "epoch " + i);
            b.epoch(false);
            for (int l = 0; l < arch.depth(); l++) {
                assertArrayEquals(plain.weights[l], measured.weights[l], 0.0, "the step itself is unchanged");
            }
        }
        assertEquals(25, a.epochsDone());

        Trainer batches = new Trainer(Initializer.GLOROT.create(arch, 8), d.x(), d.y(),
                new TrainingOptions(Optimizer.Kind.GD, 0.4, Regularization.NONE, 100, 1));
        assertFalse(batches.measuresInEpoch());
        assertThrows(IllegalStateException.class, batches::epochMeasured);
    }

    @Test
    void refusesANetworkOfAnotherShape() {
        Dataset d = Generators.moons(50, 0.2, 2);
        Architecture arch = Architecture.of(2, new int[] {4}, 1, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Evaluation e = new Evaluation(arch, d.x(), d.y());
        Network other = Initializer.GLOROT.create(Architecture.of(2, new int[] {5}, 1, Activation.TANH,
                Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 1);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> e.measure(other, Regularization.NONE));
        assertTrue(ex.getMessage().contains("cannot be measured"), ex.getMessage());
    }

    private static void assertSameFigures(Network net, Dataset d, Regularization reg) {
        Evaluation e = new Evaluation(net.architecture(), d.x(), d.y());
        Evaluation.Result r = e.measure(net, reg);
        assertEquals(net.loss(d.x(), d.y(), reg), r.loss(), 0.0, "loss, bit for bit");
        assertEquals(Matrices.accuracy(net.predictClasses(d.x()), d.y()), r.accuracy(), 0.0);
        // and again with the kept buffers
        assertEquals(r, e.measure(net, reg));
    }
}
