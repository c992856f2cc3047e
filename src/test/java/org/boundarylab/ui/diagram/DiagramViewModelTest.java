package org.boundarylab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
import org.boundarylab.training.SharedPool;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.junit.jupiter.api.Test;

/** What the diagram asks of the lab's view-model (features, hand edits), without the toolkit. */
class DiagramViewModelTest {

    private static TrainingSnapshot steps(LabViewModel vm, int n) throws Exception {
        TrainingSnapshot s = null;
        for (int i = 0; i < n; i++) {
            s = vm.run().step().get(10, TimeUnit.SECONDS);
        }
        vm.run().pulse();
        return s;
    }

    @Test
    void featuresSetTheInputLayerAndTheReportUsesThem() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().datasetProperty().set(DatasetKind.CIRCLES);
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("");
        vm.form().textProperty(Field.LEARNING_RATE).set("1");
        vm.form().featuresProperty().set(Features.parse("x1^2,x2^2"));
        assertEquals("3", vm.status().parametersTextProperty().get(), "2 inputs + bias into 1 output");
        TrainingSnapshot s = steps(vm, 300);
        assertEquals(2, s.network().architecture().inputs());
        assertEquals(Features.parse("x1^2,x2^2"), vm.run().shownFeaturesProperty().get());
        assertTrue(s.testAccuracy() > 0.9, "a linear model on the squares separates the rings: " + s.testAccuracy());
        assertTrue(vm.reportText().contains("Test set"), vm.reportText());
    }

    @Test
    void aHandEditedWeightIsPublishedAtTheSameEpochAndRefusedWhilePlaying() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("5,3");
        TrainingSnapshot before = steps(vm, 5);
        double[][] probe = {{0.3, 0.2}};
        TrainingSnapshot edited = vm.run().editWeight(1, 2, 1, 4.5).get(10, TimeUnit.SECONDS);
        vm.run().pulse();
        assertEquals(4.5, edited.network().weight(1, 2, 1));
        assertEquals(before.epoch(), edited.epoch());
        assertEquals(edited, vm.run().snapshotProperty().get());
        assertNotEquals(before.network().predict(probe)[0][0], edited.network().predict(probe)[0][0]);
        // training goes on from the edited network
        TrainingSnapshot next = steps(vm, 1);
        assertEquals(4.5, next.network().weight(1, 2, 1), 0.5);

        TrainingSnapshot biased = vm.run().editBias(2, 0, -2).get(10, TimeUnit.SECONDS);
        assertEquals(-2.0, biased.network().bias(2, 0));
        ExecutionException missing = assertThrows(ExecutionException.class,
                () -> vm.run().editWeight(1, 7, 0, 1).get(10, TimeUnit.SECONDS));
        assertTrue(missing.getCause().getMessage().contains("no parameter at layer 1, 7 -> 0"));

        vm.run().play();
        ExecutionException playing = assertThrows(ExecutionException.class,
                () -> vm.run().editWeight(0, 0, 0, 1).get(10, TimeUnit.SECONDS));
        assertTrue(playing.getCause().getMessage().contains("pause training"));
        vm.run().pause();
        assertEquals(before.network().architecture(), new FeaturedModel(Features.DEFAULT,
                vm.run().session().latest().network()).network().architecture());
    }
}
