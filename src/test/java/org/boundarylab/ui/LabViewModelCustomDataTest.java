package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.training.SharedPool;
import org.boundarylab.training.sweep.SweepContext;
import org.boundarylab.ui.InputRules.Field;
import org.junit.jupiter.api.Test;

/** Custom data, batched edits and the sweep context of the lab's view-model, without the toolkit. */
class LabViewModelCustomDataTest {
    private final Split drawn = new Split(
            new Dataset(new double[][] {{0, 0}, {1, 1}, {0.5, 0}, {2, 2}}, new int[] {0, 1, 0, 2}, 3),
            new Dataset(new double[][] {{1, 0}}, new int[] {1}, 3));

    @Test
    void customDataStartsANewRunAndADataSettingGeneratesAgain() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        long generation = vm.run().generationProperty().get();
        vm.setCustomData(drawn);
        assertSame(drawn, vm.data().dataProperty().get());
        assertTrue(vm.data().customDataProperty().get());
        assertEquals(generation + 1, vm.run().generationProperty().get(), "one new run");
        assertEquals("27", vm.status().parametersTextProperty().get(), "2-4-3 for the three classes drawn: 2*4+4 + 4*3+3");

        vm.form().textProperty(Field.SAMPLES).set("100");
        assertFalse(vm.data().customDataProperty().get());
        assertEquals(100, vm.data().dataProperty().get().train().size() + vm.data().dataProperty().get().test().size());

        Split generated = vm.data().dataProperty().get();
        vm.setCustomData(drawn);
        vm.useGeneratedData();
        assertFalse(vm.data().customDataProperty().get());
        assertEquals(generated, vm.data().dataProperty().get());
    }

    @Test
    void clearedDataLeavesNoOldFigures() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        for (int i = 0; i < 5; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        vm.run().pulse();
        assertTrue(vm.status().trainAccuracyTextProperty().get().endsWith("%"));
        Dataset none = new Dataset(new double[0][], new int[0], 2);
        new DataEditor(vm.data().dataProperty().get(), vm::setCustomData).clear();
        assertEquals(0, vm.data().dataProperty().get().train().size());
        if (vm.run().session() != null) {
            vm.run().session().started().get(10, TimeUnit.SECONDS);
        }
        vm.run().pulse();
        assertEquals("there are no training examples", vm.status().messageProperty().get());
        for (var text : java.util.List.of(vm.status().trainAccuracyTextProperty(), vm.status().testAccuracyTextProperty(),
                vm.status().trainLossTextProperty(), vm.status().testLossTextProperty(), vm.status().gapTextProperty(),
                vm.status().epochTextProperty())) {
            assertEquals("–", text.get(), "no points, no figures");
        }
        assertEquals(none.size(), vm.data().dataProperty().get().test().size());
        // a point drawn again: a run again, with its own figures
        DataEditor editor = new DataEditor(vm.data().dataProperty().get(), vm::setCustomData);
        editor.addPoint(0, 0);
        editor.selectedClassProperty().set(1);
        editor.addPoint(1, 1);
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        vm.run().pulse();
        assertEquals("0", vm.status().epochTextProperty().get());
        assertTrue(vm.status().trainAccuracyTextProperty().get().endsWith("%"));
    }

    @Test
    void manyEditsInApplyAllMakeOneRun() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        long generation = vm.run().generationProperty().get();
        vm.applyAll(() -> {
            vm.form().datasetProperty().set(DatasetKind.SPIRAL);
            vm.form().textProperty(Field.CLASSES).set("4");
            vm.form().textProperty(Field.SAMPLES).set("120");
            vm.form().textProperty(Field.HIDDEN_LAYERS).set("8,8");
            vm.form().activationProperty().set(Activation.RELU);
        });
        assertEquals(generation + 1, vm.run().generationProperty().get());
        assertEquals(4, vm.data().dataProperty().get().train().classes());
    }

    @Test
    void theSweepStartsFromTheLabsDataAndSettings() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.setCustomData(drawn);
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("5,3");
        vm.form().textProperty(Field.WEIGHT_SEED).set("9");
        vm.form().textProperty(Field.L2).set("0.001");
        vm.form().outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        vm.form().initializerProperty().set(Initializer.HE);
        SweepContext c = vm.sweepContext();
        assertEquals(drawn.train(), c.train());
        assertEquals(drawn.test(), c.test());
        assertArrayEquals(new int[] {5, 3}, c.base().hiddenWidths());
        assertEquals(Activation.SOFTMAX, c.base().output());
        assertEquals(Loss.CROSS_ENTROPY, c.base().loss());
        assertEquals(Initializer.HE, c.base().initializer());
        assertEquals(9, c.base().baseSeed());
        assertEquals(0.001, c.base().training().regularization().l2());
        assertEquals(0.3, c.base().training().learningRate());

        vm.form().textProperty(Field.LEARNING_RATE).set("fast");
        IllegalStateException e = assertThrows(IllegalStateException.class, vm::sweepContext);
        assertTrue(e.getMessage().contains("not valid"), e.getMessage());
    }
}
