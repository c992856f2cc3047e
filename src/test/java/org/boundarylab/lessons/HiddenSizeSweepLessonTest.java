package org.boundarylab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Seven networks of 20000 epochs each (about ten seconds): tagged slow, still part of every build. */
@Tag("slow")
class HiddenSizeSweepLessonTest {

    @Test
    void widthOneUnderfitsAndWidthsFromThreeFit() {
        Lesson lesson = BuiltInLessons.byId("hidden-size-sweep");
        List<LessonRunner.SweepPoint> points = LessonRunner.sweep(lesson.settings(), lesson.sweepWidths());
        assertEquals(7, points.size());
        assertEquals(List.of(), lesson.expect().checkSweep(points));
        double one = points.get(0).result().trainAccuracy();
        for (LessonRunner.SweepPoint p : points.subList(2, 7)) {
            assertTrue(p.result().trainAccuracy() >= 0.96, "width " + p.width() + ": " + p.result().trainAccuracy());
            assertTrue(p.result().trainAccuracy() - one >= 0.05, "width " + p.width() + " against width 1");
        }
    }

    @Test
    void aSweepWithoutTheGapIsReported() {
        Expectation e = new Expectation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 3, 0.05);
        List<LessonRunner.SweepPoint> flat = List.of(point(1, 0.9), point(3, 0.92), point(5, 0.97));
        assertEquals(List.of("widths up to 1 reach train accuracy 0.9000, widths from 3 only 0.9200 at worst: "
                + "a gap of 0.0200, expected at least 0.0500"), e.checkSweep(flat));
    }

    private static LessonRunner.SweepPoint point(int width, double trainAccuracy) {
        return new LessonRunner.SweepPoint(width, new LessonRunner.Result(1, 0, 0, trainAccuracy, trainAccuracy, null));
    }
}
