package org.boundarylab.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.TrainingOptions;
import org.junit.jupiter.api.Test;

class LabSettingsTest {

    @Test
    void defaultsAreTheClassroomSetup() {
        LabSettings d = LabSettings.defaults();
        assertEquals(DatasetKind.MOONS, d.dataset());
        assertEquals(200, d.samples());
        assertEquals(0.2, d.noise());
        assertEquals(0.2, d.testRatio());
        assertArrayEquals(new int[] {5}, d.hidden());
        assertEquals(Activation.TANH, d.hiddenActivation());
        assertEquals(Activation.SIGMOID, d.outputActivation());
        assertEquals(Loss.BINARY_CROSS_ENTROPY, d.loss());
        assertEquals(Initializer.GLOROT, d.initializer());
        assertEquals(Optimizer.Kind.GD, d.optimizer());
        assertEquals(0, d.batchSize());
        assertEquals(0, d.epochs());
    }

    @Test
    void defaultsTrainMoonsPastNinetyFivePercentWithinAThousandEpochs() {
        LessonRunner.Result one = LessonRunner.run(LabSettings.defaults().withEpochs(1000));
        assertTrue(one.testAccuracy() >= 0.95, "test accuracy " + one.testAccuracy());
        LessonRunner.Result twoLayers = LessonRunner.run(LabSettings.defaults().withHidden(5, 3).withEpochs(1000));
        assertTrue(twoLayers.testAccuracy() >= 0.95, "test accuracy with 5,3: " + twoLayers.testAccuracy());
    }

    @Test
    void buildsWhatTheEngineNeeds() {
        LabSettings s = LabSettings.defaults().withHidden(5, 3);
        Split split = s.split();
        assertEquals(160, split.train().size());
        assertEquals(40, split.test().size());
        Architecture arch = s.architecture(2, 2);
        assertArrayEquals(new int[] {2, 5, 3, 1}, arch.layers());
        Network a = s.initialNetwork(arch);
        Network b = s.initialNetwork(2);
        assertEquals(0.0, a.maxAbsDifference(b), "same seed, same starting weights");
        assertNotEquals(0.0, a.maxAbsDifference(s.withWeightSeed(9).initialNetwork(2)));
        TrainingOptions o = s.trainingOptions();
        assertEquals(0.5, o.learningRate());
        assertEquals(0, o.batchSize());
        assertEquals(s.split().train(), split.train(), "same data seed, same split");
    }

    @Test
    void outputUnitsFollowTheOutputAndTheClasses() {
        LabSettings s = LabSettings.defaults();
        assertEquals(1, s.architecture(2, 2).outputs());
        assertEquals(3, s.architecture(2, 3).outputs());
        LabSettings softmax = s.toBuilder().outputActivation(Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY).build();
        assertEquals(2, softmax.architecture(2, 2).outputs());
        LabSettings two = s.toBuilder().outputUnits(2).build();
        assertEquals(2, two.architecture(2, 2).outputs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.architecture(2, 3));
        assertEquals("2 output units do not match the data's 3 classes", e.getMessage());
    }

    @Test
    void trainSubsetKeepsTheFirstTrainingPoints() {
        LabSettings s = LabSettings.defaults().toBuilder().samples(1000).trainSubset(500).build();
        Split all = LabSettings.defaults().toBuilder().samples(1000).build().split();
        Split cut = s.split();
        assertEquals(500, cut.train().size());
        assertEquals(all.test(), cut.test());
        for (int r = 0; r < 500; r++) {
            assertEquals(all.train().x1(r), cut.train().x1(r));
            assertEquals(all.train().label(r), cut.train().label(r));
        }
    }

    @Test
    void refusesBadValuesNamingTheSetting() {
        LabSettings.Builder b = LabSettings.defaults().toBuilder();
        assertRefused("learning rate must be a number above 0 and at most 100.0, got 0.0", b.learningRate(0));
        b = LabSettings.defaults().toBuilder();
        assertRefused("learning rate must be a number above 0 and at most 100.0, got NaN", b.learningRate(Double.NaN));
        b = LabSettings.defaults().toBuilder();
        assertRefused("hidden layer 2 must have 1 to 1000 units, got 0", b.hidden(5, 0));
        b = LabSettings.defaults().toBuilder();
        assertRefused("samples must be a whole number from 4 to 100000, got 1000000000", b.samples(1_000_000_000));
        b = LabSettings.defaults().toBuilder();
        assertRefused("test ratio must be a number from 0 to 0.9, got 1.0", b.testRatio(1));
        b = LabSettings.defaults().toBuilder();
        assertRefused("hidden activation cannot be softmax (softmax is for the output only)",
                b.hiddenActivation(Activation.SOFTMAX));
        b = LabSettings.defaults().toBuilder();
        assertRefused("binary_cross_entropy needs a sigmoid output, got softmax (use cross_entropy with softmax)",
                b.outputActivation(Activation.SOFTMAX));
        b = LabSettings.defaults().toBuilder();
        assertRefused("redraw every must be 1 to 1000000 epochs, got 0", b.redrawEvery(0));
        b = LabSettings.defaults().toBuilder();
        assertRefused("L2 must be a number from 0 to 10.0, got -1.0", b.l2(-1));
    }

    private static void assertRefused(String message, LabSettings.Builder b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void equalityIsByValueIncludingTheWidths() {
        assertEquals(LabSettings.defaults().withHidden(5, 3), LabSettings.defaults().withHidden(5, 3));
        assertEquals(LabSettings.defaults().withHidden(5, 3).hashCode(), LabSettings.defaults().withHidden(5, 3).hashCode());
        assertNotEquals(LabSettings.defaults().withHidden(5, 3), LabSettings.defaults().withHidden(3, 5));
        assertEquals("5,3", LabSettings.defaults().withHidden(5, 3).hiddenText());
        assertEquals("", LabSettings.defaults().withHidden().hiddenText());
    }

    @Test
    void aHeadlessRunNeedsAnEpochCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LessonRunner.run(LabSettings.defaults()));
        assertEquals("a headless run needs an epoch count above 0, got 0", e.getMessage());
    }
}
