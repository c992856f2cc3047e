package org.boundarylab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The overfitting lesson and its cure, each 8 widths x 5 seeds x 20000 epochs of tiny networks on
 * 60 points (a few seconds each on two cores): tagged slow, still part of every build.
 */
@Tag("slow")
class HiddenSizeSweepLessonTest {

    @Test
    void theWideNetworksOverfitAsTheLessonSays() {
        LessonRunner.Outcome o = LessonRunner.check(BuiltInLessons.byId("hidden-size-sweep"));
        assertTrue(o.passed(), o.checks().toString());
        assertEquals(8, o.points().size());
        assertEquals(4, o.checks().size());
        List<LessonRunner.SweepPoint> p = o.points();
        // training accuracy never falls as the width grows
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i).result().trainAccuracy() >= p.get(i - 1).result().trainAccuracy() - 1e-9,
                    "width " + p.get(i).width());
        }
        assertEquals(60, BuiltInLessons.byId("hidden-size-sweep").settings().split().train().size());
        assertEquals(2000, BuiltInLessons.byId("hidden-size-sweep").settings().split().test().size());
        assertEquals("test accuracy peaked at width 3 (0.86) and fell to 0.81 at width 100, while training accuracy"
                + " reached 1.00 (means over the seeds)", SweepFinding.of(o.table()).orElseThrow());
    }

    @Test
    void l2KeepsTheWidestWithinFourPoints() {
        LessonRunner.Outcome o = LessonRunner.check(BuiltInLessons.byId("l2-cures-overfitting"));
        assertTrue(o.passed(), o.checks().toString());
    }

    @Test
    void aSweepWithoutTheGapIsReported() {
        Expectation e = new Expectation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 3, 0.05);
        List<LessonRunner.SweepPoint> flat = List.of(point(1, 0.9, 0.9), point(3, 0.92, 0.9), point(5, 0.97, 0.9));
        assertEquals(List.of("widths up to 1 reach train accuracy 0.9000, widths from 3 only 0.9200 at worst: "
                + "a gap of 0.0200, expected at least 0.0500"), e.checkSweep(flat));
    }

    @Test
    void aPeakAtTheWidestIsNoOverfitting() {
        Expectation e = new Expectation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0,
                java.util.Map.of(Expectation.Claim.TEST_PEAK_DROP, 0.03));
        List<Expectation.Check> checks = e.sweepChecks(List.of(point(1, 0.8, 0.8), point(3, 0.9, 0.85),
                point(100, 1.0, 0.86)));
        assertEquals(1, checks.size());
        assertTrue(!checks.get(0).passed() && checks.get(0).line().startsWith("FAIL  test accuracy peaks at width 100"),
                checks.get(0).line());
    }

    private static LessonRunner.SweepPoint point(int width, double trainAccuracy, double testAccuracy) {
        return new LessonRunner.SweepPoint(width, new LessonRunner.Result(1, 0, 1, trainAccuracy, testAccuracy, null));
    }
}
