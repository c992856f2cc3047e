package org.boundarylab.training.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.junit.jupiter.api.Test;

/**
 * Tutorial 001's hidden-size sweep (200 moons, noise 0.2, 2-h-2 tanh/softmax, cross-entropy,
 * lr 2.0, L2 5e-5, lecun init) at 2000 instead of 20000 epochs: the picture is already the
 * tutorial's. Width 1 cannot bend and underfits; from width 3 on the training set is fitted closely.
 */
class TutorialSweepTest {

    @Test
    void widthOneUnderfitsAndWidthsFromThreeFitTheTrainingSet() throws Exception {
        Dataset train = Generators.moons(200, 0.2, 0);
        Dataset test = Generators.moons(400, 0.2, 1);
        SweepSpec spec = SweepSpec.widths(SweepSpec.TUTORIAL_WIDTHS, 2, 2000, RunSettings.tutorial001());
        ExecutorService pool = SweepRunner.newPool(2);
        List<SweepResult> results;
        try {
            results = new SweepRunner(spec, train, test, pool).start(null).completion().get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(14, results.size());
        SweepSummary summary = SweepSummary.of(results);
        List<SettingStats> s = summary.settings();
        double width1 = s.get(0).meanTrainAccuracy();
        for (int i = 2; i < s.size(); i++) {
            SettingStats wide = s.get(i);
            assertTrue(wide.meanTrainAccuracy() >= 0.96,
                    "width " + wide.label() + " fits the training set: " + wide.meanTrainAccuracy());
            assertTrue(wide.meanTrainAccuracy() - width1 >= 0.08,
                    "width 1 (" + width1 + ") clearly below width " + wide.label() + " (" + wide.meanTrainAccuracy() + ")");
            assertTrue(wide.meanTrainLoss() < s.get(0).meanTrainLoss() / 3, "loss falls with width " + wide.label());
        }
        assertTrue(summary.bestTest().orElseThrow().setting() >= 3, "a curved boundary generalises best");
    }
}
