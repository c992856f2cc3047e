package org.boundarylab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.Generators;
import org.boundarylab.training.sweep.RunSettings;
import org.boundarylab.training.sweep.SettingStats.Metric;
import org.boundarylab.training.sweep.SweepContext;
import org.boundarylab.training.sweep.SweepKind;
import org.boundarylab.training.sweep.SweepRunner;
import org.junit.jupiter.api.Test;

/** The sweep view's state, without starting the JavaFX toolkit. */
class SweepViewModelTest {

    @Test
    void formIsValidatedAsItChanges() {
        SweepViewModel vm = new SweepViewModel();
        assertEquals("", vm.errorProperty().get());
        assertTrue(vm.canRunProperty().get());
        vm.valuesProperty().set("1,,3");
        assertTrue(vm.errorProperty().get().startsWith("Values: value 2"), vm.errorProperty().get());
        assertFalse(vm.canRunProperty().get());
        vm.valuesProperty().set("1,2.5");
        assertTrue(vm.errorProperty().get().contains("whole number"), vm.errorProperty().get());
        vm.valuesProperty().set("1,2");
        vm.epochsProperty().set("0");
        assertTrue(vm.errorProperty().get().startsWith("Epochs"), vm.errorProperty().get());
        vm.epochsProperty().set("1e9");
        assertTrue(vm.errorProperty().get().contains("'1e9'"), vm.errorProperty().get());
        vm.epochsProperty().set("100");
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void switchingKindOffersThatKindsDefaultsUnlessValuesWereEdited() {
        SweepViewModel vm = new SweepViewModel();
        assertEquals("1,2,3,4,5,20,50", vm.valuesProperty().get());
        vm.kindProperty().set(SweepKind.L2);
        assertTrue(vm.valuesProperty().get().startsWith("0,"));
        vm.valuesProperty().set("0.1,0.2");
        vm.kindProperty().set(SweepKind.HIDDEN_WIDTH);
        assertEquals("0.1,0.2", vm.valuesProperty().get());
        assertFalse(vm.errorProperty().get().isEmpty());
    }

    /** A small sweep lesson: 3 widths, 2 seeds, 300 epochs on 60 moons tested on 300 fresh ones. */
    private static org.boundarylab.lessons.Lesson smallLesson(double maxWidestGap) {
        org.boundarylab.lessons.LabSettings s = org.boundarylab.lessons.LabSettings.defaults().toBuilder()
                .samples(60).testPoints(300).epochs(300).build();
        return new org.boundarylab.lessons.Lesson("small", "Small sweep", "Three widths.", s, java.util.Set.of(),
                new org.boundarylab.lessons.Expectation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0,
                        java.util.Map.of(org.boundarylab.lessons.Expectation.Claim.MAX_WIDEST_GAP, maxWidestGap)),
                new int[] {1, 4, 10}, 2, null);
    }

    private static SweepContext contextOf(org.boundarylab.lessons.Lesson l) {
        org.boundarylab.data.Split split = l.settings().split();
        return new SweepContext(split.train(), split.test(), org.boundarylab.lessons.LessonRunner.runSettings(
                l.settings()), l.settings().features());
    }

    private static void runToTheEnd(SweepViewModel vm, SweepContext ctx) throws Exception {
        ExecutorService pool = SweepRunner.newPool(2);
        try {
            vm.run(ctx, pool, Runnable::run);
            vm.runner().orElseThrow().completion().get(30, TimeUnit.SECONDS);
            assertTrue(vm.runner().orElseThrow().awaitIdle(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSweepLessonFillsTheFormAndItsOwnSweepSaysItsFindingAndWhetherItHolds() throws Exception {
        org.boundarylab.lessons.Lesson lesson = smallLesson(1.0);
        SweepViewModel vm = new SweepViewModel();
        vm.showLesson(lesson);
        assertEquals("1,4,10", vm.valuesProperty().get());
        assertEquals(2, vm.seedsProperty().get());
        assertEquals("300", vm.epochsProperty().get());
        assertEquals(lesson, vm.lessonProperty().get());
        runToTheEnd(vm, contextOf(lesson));
        assertTrue(vm.findingProperty().get().startsWith("Finding: test accuracy "), vm.findingProperty().get());
        assertTrue(vm.findingProperty().get().contains("at width 10"), vm.findingProperty().get());
        assertTrue(vm.findingProperty().get().endsWith("✔ What the lesson promises holds."),
                vm.findingProperty().get());
        assertEquals(Boolean.TRUE, vm.findingHoldsProperty().get());

        SweepViewModel strict = new SweepViewModel();
        strict.showLesson(smallLesson(0.0));
        runToTheEnd(strict, contextOf(lesson));
        assertEquals(Boolean.FALSE, strict.findingHoldsProperty().get());
        assertTrue(strict.findingProperty().get().contains("FAIL  train − test accuracy at width 10"),
                strict.findingProperty().get());

        vm.epochsProperty().set("200"); // not the lesson's sweep any more: nothing is checked
        runToTheEnd(vm, contextOf(lesson));
        assertEquals(null, vm.findingHoldsProperty().get());
        assertTrue(vm.findingProperty().get().contains("Exploring"), vm.findingProperty().get());
        vm.showLesson(null);
        assertEquals(null, vm.lessonProperty().get());
    }

    @Test
    void runFillsResultsThumbnailsAndChartPoints() throws Exception {
        SweepViewModel vm = new SweepViewModel();
        vm.valuesProperty().set("1,4,10");
        vm.seedsProperty().set(2);
        vm.epochsProperty().set("300");
        SweepContext ctx = new SweepContext(Generators.moons(60, 0.2, 0), Generators.moons(60, 0.2, 1),
                RunSettings.tutorial001());
        ExecutorService pool = SweepRunner.newPool(2);
        try {
            vm.run(ctx, pool, Runnable::run);
            assertTrue(vm.runningProperty().get() || vm.results().size() == 6);
            vm.runner().orElseThrow().completion().get(30, TimeUnit.SECONDS);
            assertTrue(vm.runner().orElseThrow().awaitIdle(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(6, vm.results().size());
        assertEquals(3, vm.thumbnails().size());
        SweepThumbnail t = vm.thumbnails().get(0);
        assertEquals(SweepViewModel.THUMBNAIL_SIZE * SweepViewModel.THUMBNAIL_SIZE, t.argb().length);
        assertTrue(t.caption().contains("train"));
        List<SweepViewModel.ChartPoint> train = vm.chartPoints(false);
        assertEquals(3, train.size());
        // width is on a log axis: 1, 4, 10 -> 0, log10(4), 1
        assertEquals(0.0, train.get(0).x(), 1e-12);
        assertEquals(1.0, train.get(2).x(), 1e-12);
        assertTrue(vm.bestPoint().isPresent());
        vm.metricProperty().set(Metric.LOSS);
        assertTrue(vm.chartPoints(true).get(0).mean() > 0.05, "loss, not accuracy, after switching");
        assertTrue(vm.statusProperty().get().startsWith("Done: 6 of 6"), vm.statusProperty().get());
    }

    @Test
    void logAxisPutsZeroL2ADecadeLeftAndLabelsDecades() {
        SweepAxis axis = SweepAxis.of(SweepKind.L2, new double[] {0, 1e-4, 1e-2});
        assertEquals(-5.0, axis.toAxis(0));
        assertEquals("0", axis.tickLabel(-5));
        assertEquals("0.0001", axis.tickLabel(-4));
        assertEquals("", axis.tickLabel(-3.85));
        SweepAxis width = SweepAxis.of(SweepKind.HIDDEN_WIDTH, new double[] {1, 50});
        assertEquals("100", width.tickLabel(2));
        SweepAxis size = SweepAxis.of(SweepKind.TRAIN_SIZE, new double[] {10, 50});
        assertFalse(size.isLog());
        assertEquals(50.0, size.toAxis(50));
    }
}
