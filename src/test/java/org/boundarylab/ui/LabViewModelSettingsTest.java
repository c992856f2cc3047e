package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.lessons.LessonRunner;
import org.boundarylab.nn.Activation;
import org.boundarylab.training.SharedPool;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.junit.jupiter.api.Test;

/** Whole setups in and out of the lab's view-model: {@link LabViewModel#apply} and {@link LabViewModel#currentSettings}. */
class LabViewModelSettingsTest {

    @Test
    void everyBuiltInLessonsSettingsRoundTripThroughTheControls() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        for (Lesson lesson : BuiltInLessons.all()) {
            vm.apply(lesson.settings());
            assertEquals(lesson.settings(), vm.form().currentSettings(), lesson.id());
            assertTrue(vm.validProperty().get(), lesson.id());
        }
    }

    @Test
    void appliedSettingsGiveTheSameDataAndNetworkAsTheHeadlessRunner() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LabSettings s = BuiltInLessons.byId("sigmoid-5000-epochs").settings();
        vm.apply(s);
        Split expected = s.split();
        assertEquals(500, vm.data().dataProperty().get().train().size(), "the first 500 training points only");
        assertArrayEquals(expected.train().x(), vm.data().dataProperty().get().train().x());
        assertArrayEquals(expected.test().y(), vm.data().dataProperty().get().test().y());
        // 2-5-5-2: two sigmoid outputs as the tutorial has, not the automatic single one
        assertEquals("57", vm.status().parametersTextProperty().get());
        assertEquals("5000", vm.form().textProperty(Field.STOP_AT).get());
        assertEquals("5,5", vm.form().textProperty(Field.HIDDEN_LAYERS).get());
        assertEquals(Activation.SIGMOID, vm.form().activationProperty().get());
    }

    @Test
    void playStopsAtTheSettingsEpochsWithTheHeadlessRunnersFigures() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LabSettings s = BuiltInLessons.byId("two-hidden-layers").settings().withEpochs(300);
        vm.apply(s);
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        vm.run().play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (vm.run().playingProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            vm.run().pulse();
        }
        assertFalse(vm.run().playingProperty().get(), "play ended by itself");
        TrainingSnapshot shown = vm.run().snapshotProperty().get();
        assertEquals(300, shown.epoch());
        LessonRunner.Result headless = LessonRunner.run(s);
        assertEquals(headless.trainAccuracy(), shown.trainAccuracy(), 0.0);
        assertEquals(headless.testAccuracy(), shown.testAccuracy(), 0.0);
        assertEquals(headless.trainLoss(), shown.trainLoss(), 1e-12);
    }

    @Test
    void aSetupTheControlsCannotShowIsRefusedAndChangesNothing() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        String before = vm.form().textProperty(Field.HIDDEN_LAYERS).get();
        LabSettings tooDeep = LabSettings.defaults().withHidden(3, 3, 3, 3, 3, 3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vm.apply(tooDeep));
        assertTrue(e.getMessage().contains("Hidden layers: at most 6"), e.getMessage());
        assertEquals(before, vm.form().textProperty(Field.HIDDEN_LAYERS).get());
        LabSettings manySamples = LabSettings.defaults().toBuilder().samples(50_000).build();
        e = assertThrows(IllegalArgumentException.class, () -> vm.apply(manySamples));
        assertTrue(e.getMessage().contains("Samples must be from 10 to 20000"), e.getMessage());
    }

    @Test
    void currentSettingsNamesWhatStopsThemFromBeingSaved() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().textProperty(Field.LEARNING_RATE).set("fast");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, vm.form()::currentSettings);
        assertTrue(e.getMessage().startsWith("Learning rate: 'fast' is not a number"), e.getMessage());
        vm.form().textProperty(Field.LEARNING_RATE).set("0.3");
        vm.form().datasetProperty().set(DatasetKind.SPIRAL);
        vm.form().textProperty(Field.CLASSES).set("3");
        e = assertThrows(IllegalArgumentException.class, vm.form()::currentSettings);
        assertTrue(e.getMessage().contains("set Classes to 2"), e.getMessage());
    }

    @Test
    void changingTheDataOrTheOutputDropsTheLessonsHiddenSettings() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.apply(BuiltInLessons.byId("sigmoid-5000-epochs").settings());
        vm.form().outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        assertEquals(0, vm.form().currentSettings().outputUnits());
        vm.form().textProperty(Field.DATA_SEED).set("7");
        assertEquals(0, vm.form().currentSettings().trainSubset());
        assertEquals(800, vm.data().dataProperty().get().train().size());
    }
}
