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
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        vm.run().pulse();
    }

    private static TrainingSnapshot steps(LabViewModel vm, int n) throws Exception {
        TrainingSnapshot s = null;
        for (int i = 0; i < n; i++) {
            s = vm.run().step().get(10, TimeUnit.SECONDS);
        }
        vm.run().pulse();
        return s;
    }

    @Test
    void startsOnMoonsReadyToPlay() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        settle(vm);
        assertEquals(DatasetKind.MOONS, vm.form().datasetProperty().get());
        assertTrue(vm.validProperty().get());
        assertFalse(vm.status().playDisabledProperty().get());
        assertEquals("", vm.status().messageProperty().get());
        assertEquals("0", vm.status().epochTextProperty().get());
        assertEquals(400, vm.data().dataProperty().get().train().size() + vm.data().dataProperty().get().test().size());
        assertEquals(80, vm.data().dataProperty().get().test().size());
        assertEquals("17", vm.status().parametersTextProperty().get(), "2-4-1: 2*4+4 + 4*1+1");
    }

    @Test
    void invalidInputDisablesPlayShowsTheMessageAndKeepsTheLastNetwork() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        steps(vm, 3);
        TrainingSnapshot shown = vm.run().snapshotProperty().get();
        TrainingSession run = vm.run().session();
        for (String bad : new String[] {"5,,x", "0", "-3", "1e9", "abc"}) {
            vm.form().textProperty(Field.HIDDEN_LAYERS).set(bad);
            assertFalse(vm.validProperty().get(), bad);
            assertTrue(vm.status().playDisabledProperty().get(), bad);
            assertTrue(vm.status().messageProperty().get().startsWith("Hidden layers"), vm.status().messageProperty().get());
            assertEquals(vm.form().errorProperty(Field.HIDDEN_LAYERS).get(), vm.status().messageProperty().get());
            assertSame(shown, vm.run().snapshotProperty().get(), "the last valid network keeps showing");
            assertSame(run, vm.run().session());
            vm.run().play();
            assertFalse(vm.run().playingProperty().get(), "Play does nothing on invalid input");
        }
        for (String bad : new String[] {"0", "-3", "1e9", "0.1x"}) {
            vm.form().textProperty(Field.HIDDEN_LAYERS).set("4");
            vm.form().textProperty(Field.LEARNING_RATE).set(bad);
            assertTrue(vm.status().playDisabledProperty().get(), bad);
            assertTrue(vm.status().messageProperty().get().startsWith("Learning rate"), vm.status().messageProperty().get());
        }
        vm.form().textProperty(Field.LEARNING_RATE).set("0.3");
        assertTrue(vm.validProperty().get());
        assertFalse(vm.status().playDisabledProperty().get());
        assertEquals("", vm.status().messageProperty().get());
    }

    @Test
    void changingDataOrArchitectureResetsButTheLearningRateDoesNot() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        steps(vm, 5);
        assertEquals(5, vm.run().snapshotProperty().get().epoch());
        TrainingSession run = vm.run().session();

        vm.form().textProperty(Field.LEARNING_RATE).set("0.1");
        vm.form().textProperty(Field.L2).set("0.001");
        vm.form().textProperty(Field.L1).set("0.0001");
        assertSame(run, vm.run().session(), "retuning keeps the run");
        assertEquals(5, vm.run().snapshotProperty().get().epoch());
        assertEquals(6, steps(vm, 1).epoch());

        Split before = vm.data().dataProperty().get();
        vm.form().noiseProperty().set(0.3);
        assertNotSame(before, vm.data().dataProperty().get(), "new data");
        assertNotSame(run, vm.run().session(), "new run");
        settle(vm);
        assertEquals(0, vm.run().snapshotProperty().get().epoch());

        steps(vm, 2);
        run = vm.run().session();
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("5,3");
        assertNotSame(run, vm.run().session());
        settle(vm);
        assertEquals(0, vm.run().snapshotProperty().get().epoch());
        assertEquals(2 * 5 + 5 + 5 * 3 + 3 + 3 + 1, vm.run().session().parameterCount());

        run = vm.run().session();
        vm.form().activationProperty().set(Activation.RELU);
        assertNotSame(run, vm.run().session());

        run = vm.run().session();
        vm.form().datasetProperty().set(DatasetKind.GAUSSIAN);
        assertNotSame(run, vm.run().session());
    }

    @Test
    void resetGivesTheSameRunAgain() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        double loss = steps(vm, 25).trainLoss();
        vm.run().reset();
        settle(vm);
        assertEquals(0, vm.run().snapshotProperty().get().epoch());
        assertEquals(loss, steps(vm, 25).trainLoss(), 0.0);
    }

    @Test
    void regenerateDrawsNewDataFromTheNextSeed() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        Split before = vm.data().dataProperty().get();
        vm.regenerate();
        assertEquals("1", vm.form().textProperty(Field.DATA_SEED).get());
        assertNotEquals(before, vm.data().dataProperty().get());
    }

    @Test
    void multiClassDataGetsOneOutputPerClassWithSoftmax() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        settle(vm);
        assertEquals(2, vm.run().snapshotProperty().get().network().architecture().outputs());
    }

    @Test
    void divergencePausesWithAMessageAndKeepsAFiniteNetwork() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().datasetProperty().set(DatasetKind.XOR); // its preset first, then the settings under test
        vm.form().activationProperty().set(Activation.LINEAR);
        vm.form().textProperty(Field.LEARNING_RATE).set("1000");
        vm.form().textProperty(Field.REDRAW_EVERY).set("1");
        vm.run().play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (vm.run().playingProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            vm.run().pulse();
        }
        assertFalse(vm.run().playingProperty().get(), "paused by itself");
        assertTrue(vm.run().divergedProperty().get());
        assertTrue(vm.status().messageProperty().get().contains("smaller learning rate"), vm.status().messageProperty().get());
        assertTrue(vm.run().snapshotProperty().get().network().isFinite());
        // Play after a divergence starts again from epoch 0 with the settings now in place
        vm.form().textProperty(Field.LEARNING_RATE).set("0.1");
        vm.run().play();
        assertFalse(vm.run().divergedProperty().get());
        vm.run().pause();
    }

    @Test
    void tutorialNetworkReachesHighTestAccuracyOnMoons() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("5,3");
        TrainingSnapshot s = steps(vm, 1500);
        System.out.println("5,3 after 1500 epochs: train " + s.trainAccuracy() + " test " + s.testAccuracy());
        assertTrue(s.testAccuracy() >= 0.95, "test accuracy " + s.testAccuracy());
    }

    @Test
    void blobsAndSpiralsTakeAClassCountThatOtherDataIgnores() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().textProperty(Field.CLASSES).set("x");
        assertTrue(vm.validProperty().get(), "moons have two classes whatever the field says");
        vm.form().datasetProperty().set(DatasetKind.GAUSSIAN);
        vm.form().textProperty(Field.CLASSES).set("4");
        assertTrue(vm.form().classesApplyProperty().get());
        assertEquals(4, vm.data().dataProperty().get().train().classes());
        vm.form().outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        settle(vm);
        assertEquals(4, vm.run().snapshotProperty().get().network().architecture().outputs());
        vm.form().textProperty(Field.CLASSES).set("1");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.status().messageProperty().get().startsWith("Classes"), vm.status().messageProperty().get());
        vm.form().datasetProperty().set(DatasetKind.MOONS);
        assertTrue(vm.validProperty().get());
    }

    @Test
    void aLossFarAboveItsStartWarnsAboutTheRateWithoutStopping() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().activationProperty().set(Activation.SIGMOID);
        vm.form().textProperty(Field.LEARNING_RATE).set("1000");
        steps(vm, 200);
        assertTrue(vm.status().messageProperty().get().contains("probably too large"), vm.status().messageProperty().get());
        assertFalse(vm.run().divergedProperty().get());
        vm.run().reset();
        settle(vm);
        assertEquals("", vm.status().messageProperty().get());
    }
}
