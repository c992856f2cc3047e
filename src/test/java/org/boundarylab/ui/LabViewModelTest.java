package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Activation;
import org.boundarylab.training.SharedPool;
import org.boundarylab.training.TrainingSession;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.junit.jupiter.api.Test;

/** The lab's state and its rules, without starting the JavaFX toolkit. */
class LabViewModelTest {

    /** Waits for the current run's epoch 0 (measured on the pool) and shows it. */
    private static void settle(LabViewModel vm) throws Exception {
        vm.session().started().get(10, TimeUnit.SECONDS);
        vm.pulse();
    }

    private static TrainingSnapshot steps(LabViewModel vm, int n) throws Exception {
        TrainingSnapshot s = null;
        for (int i = 0; i < n; i++) {
            s = vm.step().get(10, TimeUnit.SECONDS);
        }
        vm.pulse();
        return s;
    }

    @Test
    void startsOnMoonsReadyToPlay() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        settle(vm);
        assertEquals(DatasetKind.MOONS, vm.datasetProperty().get());
        assertTrue(vm.validProperty().get());
        assertFalse(vm.playDisabledProperty().get());
        assertEquals("", vm.messageProperty().get());
        assertEquals("0", vm.epochTextProperty().get());
        assertEquals(400, vm.dataProperty().get().train().size() + vm.dataProperty().get().test().size());
        assertEquals(80, vm.dataProperty().get().test().size());
        assertEquals("17", vm.parametersTextProperty().get(), "2-4-1: 2*4+4 + 4*1+1");
    }

    @Test
    void invalidInputDisablesPlayShowsTheMessageAndKeepsTheLastNetwork() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        steps(vm, 3);
        TrainingSnapshot shown = vm.snapshotProperty().get();
        TrainingSession run = vm.session();
        for (String bad : new String[] {"5,,x", "0", "-3", "1e9", "abc"}) {
            vm.textProperty(Field.HIDDEN_LAYERS).set(bad);
            assertFalse(vm.validProperty().get(), bad);
            assertTrue(vm.playDisabledProperty().get(), bad);
            assertTrue(vm.messageProperty().get().startsWith("Hidden layers"), vm.messageProperty().get());
            assertEquals(vm.errorProperty(Field.HIDDEN_LAYERS).get(), vm.messageProperty().get());
            assertSame(shown, vm.snapshotProperty().get(), "the last valid network keeps showing");
            assertSame(run, vm.session());
            vm.play();
            assertFalse(vm.playingProperty().get(), "Play does nothing on invalid input");
        }
        for (String bad : new String[] {"0", "-3", "1e9", "0.1x"}) {
            vm.textProperty(Field.HIDDEN_LAYERS).set("4");
            vm.textProperty(Field.LEARNING_RATE).set(bad);
            assertTrue(vm.playDisabledProperty().get(), bad);
            assertTrue(vm.messageProperty().get().startsWith("Learning rate"), vm.messageProperty().get());
        }
        vm.textProperty(Field.LEARNING_RATE).set("0.3");
        assertTrue(vm.validProperty().get());
        assertFalse(vm.playDisabledProperty().get());
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void changingDataOrArchitectureResetsButTheLearningRateDoesNot() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        steps(vm, 5);
        assertEquals(5, vm.snapshotProperty().get().epoch());
        TrainingSession run = vm.session();

        vm.textProperty(Field.LEARNING_RATE).set("0.1");
        vm.textProperty(Field.L2).set("0.001");
        vm.textProperty(Field.L1).set("0.0001");
        assertSame(run, vm.session(), "retuning keeps the run");
        assertEquals(5, vm.snapshotProperty().get().epoch());
        assertEquals(6, steps(vm, 1).epoch());

        Split before = vm.dataProperty().get();
        vm.noiseProperty().set(0.3);
        assertNotSame(before, vm.dataProperty().get(), "new data");
        assertNotSame(run, vm.session(), "new run");
        settle(vm);
        assertEquals(0, vm.snapshotProperty().get().epoch());

        steps(vm, 2);
        run = vm.session();
        vm.textProperty(Field.HIDDEN_LAYERS).set("5,3");
        assertNotSame(run, vm.session());
        settle(vm);
        assertEquals(0, vm.snapshotProperty().get().epoch());
        assertEquals(2 * 5 + 5 + 5 * 3 + 3 + 3 + 1, vm.session().parameterCount());

        run = vm.session();
        vm.activationProperty().set(Activation.RELU);
        assertNotSame(run, vm.session());

        run = vm.session();
        vm.datasetProperty().set(DatasetKind.GAUSSIAN);
        assertNotSame(run, vm.session());
    }

    @Test
    void resetGivesTheSameRunAgain() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        double loss = steps(vm, 25).trainLoss();
        vm.reset();
        settle(vm);
        assertEquals(0, vm.snapshotProperty().get().epoch());
        assertEquals(loss, steps(vm, 25).trainLoss(), 0.0);
    }

    @Test
    void regenerateDrawsNewDataFromTheNextSeed() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        Split before = vm.dataProperty().get();
        vm.regenerate();
        assertEquals("1", vm.textProperty(Field.DATA_SEED).get());
        assertNotEquals(before, vm.dataProperty().get());
    }

    @Test
    void multiClassDataGetsOneOutputPerClassWithSoftmax() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        settle(vm);
        assertEquals(2, vm.snapshotProperty().get().network().architecture().outputs());
    }

    @Test
    void divergencePausesWithAMessageAndKeepsAFiniteNetwork() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.activationProperty().set(Activation.LINEAR);
        vm.datasetProperty().set(DatasetKind.XOR);
        vm.textProperty(Field.LEARNING_RATE).set("1000");
        vm.textProperty(Field.REDRAW_EVERY).set("1");
        vm.play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (vm.playingProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            vm.pulse();
        }
        assertFalse(vm.playingProperty().get(), "paused by itself");
        assertTrue(vm.divergedProperty().get());
        assertTrue(vm.messageProperty().get().contains("smaller learning rate"), vm.messageProperty().get());
        assertTrue(vm.snapshotProperty().get().network().isFinite());
        // Play after a divergence starts again from epoch 0 with the settings now in place
        vm.textProperty(Field.LEARNING_RATE).set("0.1");
        vm.play();
        assertFalse(vm.divergedProperty().get());
        vm.pause();
    }

    @Test
    void tutorialNetworkReachesHighTestAccuracyOnMoons() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.textProperty(Field.HIDDEN_LAYERS).set("5,3");
        TrainingSnapshot s = steps(vm, 1500);
        System.out.println("5,3 after 1500 epochs: train " + s.trainAccuracy() + " test " + s.testAccuracy());
        assertTrue(s.testAccuracy() >= 0.95, "test accuracy " + s.testAccuracy());
    }

    @Test
    void blobsAndSpiralsTakeAClassCountThatOtherDataIgnores() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.textProperty(Field.CLASSES).set("x");
        assertTrue(vm.validProperty().get(), "moons have two classes whatever the field says");
        vm.textProperty(Field.CLASSES).set("4");
        vm.datasetProperty().set(DatasetKind.GAUSSIAN);
        assertTrue(vm.classesApplyProperty().get());
        assertEquals(4, vm.dataProperty().get().train().classes());
        vm.outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        settle(vm);
        assertEquals(4, vm.snapshotProperty().get().network().architecture().outputs());
        vm.textProperty(Field.CLASSES).set("1");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Classes"), vm.messageProperty().get());
        vm.datasetProperty().set(DatasetKind.MOONS);
        assertTrue(vm.validProperty().get());
    }

    @Test
    void aLossFarAboveItsStartWarnsAboutTheRateWithoutStopping() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.activationProperty().set(Activation.SIGMOID);
        vm.textProperty(Field.LEARNING_RATE).set("1000");
        steps(vm, 200);
        assertTrue(vm.messageProperty().get().contains("probably too large"), vm.messageProperty().get());
        assertFalse(vm.divergedProperty().get());
        vm.reset();
        settle(vm);
        assertEquals("", vm.messageProperty().get());
    }
}
