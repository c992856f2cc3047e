package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.lessons.DatasetPreset;
import org.boundarylab.training.SharedPool;
import org.boundarylab.training.TrainingSession;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.junit.jupiter.api.Test;

/** Choosing a dataset gives settings that learn it; each dataset keeps its own noise. No toolkit. */
class DatasetPresetsTest {

    /** Plays the lab as fast as it goes to {@link DatasetPreset#EPOCHS} and shows the last snapshot. */
    private static TrainingSnapshot playToTheEnd(LabViewModel vm) throws Exception {
        vm.form().paceProperty().set(0);
        vm.form().textProperty(Field.STOP_AT).set(Long.toString(DatasetPreset.EPOCHS));
        vm.run().play();
        TrainingSession session = vm.run().session();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (session.isPlaying() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        vm.run().pulse();
        return session.latest();
    }

    @Test
    void everyDatasetsPresetReachesNinetyPercentTrainingAccuracyWithin3000Epochs() throws Exception {
        StringBuilder measured = new StringBuilder();
        for (DatasetKind kind : DatasetKind.values()) {
            LabViewModel vm = new LabViewModel(SharedPool.get());
            vm.form().datasetProperty().set(kind == DatasetKind.MOONS ? DatasetKind.XOR : kind);
            vm.form().datasetProperty().set(kind); // moons: the way back from another dataset
            TrainingSnapshot end = playToTheEnd(vm);
            measured.append(String.format(java.util.Locale.ROOT, "%s %.3f/%.3f  ", kind.id(), end.trainAccuracy(),
                    end.testAccuracy()));
            assertEquals(DatasetPreset.EPOCHS, end.epoch(), kind + " ran to its end");
            assertTrue(end.trainAccuracy() >= 0.9, kind + ": " + measured);
        }
        System.out.println("dataset presets after " + DatasetPreset.EPOCHS + " epochs, train/test accuracy: " + measured);
    }

    @Test
    void choosingADatasetSetsItsPresetAndTheOutputFollowsTheClassCount() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LabForm f = vm.form();
        assertEquals("2", f.textProperty(Field.CLASSES).get(), "moons have two classes, and the box says so");
        f.datasetProperty().set(DatasetKind.SPIRAL);
        DatasetPreset spiral = DatasetPreset.of(DatasetKind.SPIRAL);
        assertEquals("8,8,8", f.textProperty(Field.HIDDEN_LAYERS).get());
        assertEquals(spiral.optimizer(), f.optimizerProperty().get());
        assertEquals("0.01", f.textProperty(Field.LEARNING_RATE).get());
        assertEquals(spiral.noise(), f.noiseProperty().get());
        assertEquals(Integer.toString(spiral.classes()), f.textProperty(Field.CLASSES).get());

        f.datasetProperty().set(DatasetKind.GAUSSIAN);
        assertEquals("3", f.textProperty(Field.CLASSES).get());
        assertEquals(OutputLoss.SOFTMAX_CROSS_ENTROPY, f.outputLossProperty().get(), "three classes: softmax");
        assertEquals(3, vm.data().dataProperty().get().train().classes());
        f.textProperty(Field.CLASSES).set("2");
        assertEquals(OutputLoss.SIGMOID_CROSS_ENTROPY, f.outputLossProperty().get(), "two classes: one sigmoid");
        f.textProperty(Field.CLASSES).set("4");
        assertEquals(OutputLoss.SOFTMAX_CROSS_ENTROPY, f.outputLossProperty().get());
        assertTrue(vm.validProperty().get());

        // an output chosen against the class count stays chosen
        f.outputLossProperty().set(OutputLoss.SIGMOID_SQUARED_ERROR);
        f.textProperty(Field.CLASSES).set("2");
        assertEquals(OutputLoss.SIGMOID_SQUARED_ERROR, f.outputLossProperty().get());
        f.datasetProperty().set(DatasetKind.MOONS);
        assertEquals(OutputLoss.SIGMOID_SQUARED_ERROR, f.outputLossProperty().get());
        assertEquals("2", f.textProperty(Field.CLASSES).get(), "the greyed box shows the moons' two classes");
        assertFalse(f.classesApplyProperty().get());
    }

    @Test
    void eachDatasetKeepsItsOwnNoise() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LabForm f = vm.form();
        f.noiseProperty().set(0.44);
        f.datasetProperty().set(DatasetKind.SPIRAL);
        assertEquals(DatasetPreset.of(DatasetKind.SPIRAL).noise(), f.noiseProperty().get(),
                "the moons' 0.44 does not drown the spiral");
        f.noiseProperty().set(0.15);
        f.datasetProperty().set(DatasetKind.MOONS);
        assertEquals(0.44, f.noiseProperty().get(), "back on the moons, their noise again");
        f.datasetProperty().set(DatasetKind.SPIRAL);
        assertEquals(0.15, f.noiseProperty().get());
        f.forgetNoisePerDataset();
        f.datasetProperty().set(DatasetKind.CIRCLES);
        f.datasetProperty().set(DatasetKind.MOONS);
        assertEquals(DatasetPreset.of(DatasetKind.MOONS).noise(), f.noiseProperty().get(), "a new lab forgets");
    }

    @Test
    void aDatasetSwitchIsOneNewRun() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        long before = vm.run().generationProperty().get();
        vm.form().datasetProperty().set(DatasetKind.SPIRAL);
        assertEquals(before + 1, vm.run().generationProperty().get(), "noise, network and rate set as one change");
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        vm.run().pulse();
        assertEquals(1, vm.run().snapshotProperty().get().network().architecture().outputs());
        assertEquals(4, vm.run().snapshotProperty().get().network().architecture().depth());
    }
}
