package org.boundarylab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each built-in lesson reaches the figure its tutorial reports (its expectation), and the set is
 * complete. The width sweep has its own test class because it trains seven networks.
 */
class BuiltInLessonsTest {

    static Stream<Lesson> singleRunLessons() {
        return BuiltInLessons.all().stream().filter(l -> !l.isSweep());
    }

    @Test
    void theTutorialLessonsAreAllThereInOrder() {
        List<String> ids = BuiltInLessons.all().stream().map(Lesson::id).toList();
        assertEquals(List.of("two-hidden-layers", "softmax-three", "sigmoid-1000-epochs", "sigmoid-5000-epochs",
                "sigmoid-plateau", "hidden-size-sweep", "l2-cures-overfitting", "early-stopping", "logistic-regression"), ids.stream().filter(id -> !id.equals(
                "gradient-step-by-hand")).toList());
        assertEquals(1, ids.indexOf("gradient-step-by-hand"), "after tutorial 000, on its network");
        assertEquals("Two hidden layers (5, 3)", BuiltInLessons.byId("two-hidden-layers").title());
        assertThrows(IllegalArgumentException.class, () -> BuiltInLessons.byId("nope"));
    }

    @Test
    void everyLessonSaysWhatToWatchAndPromisesSomething() {
        for (Lesson l : BuiltInLessons.all()) {
            assertTrue(l.text().length() > 100, l.id() + " has too little text");
            assertTrue(l.settings().epochs() > 0, l.id() + " needs a run length");
            assertFalse(l.expect().equals(Expectation.NONE), l.id() + " promises nothing");
            assertFalse(l.lockedControls().isEmpty(), l.id() + " locks nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleRunLessons")
    void reachesItsTutorialFigure(Lesson lesson) {
        LessonRunner.Result r = LessonRunner.run(lesson.settings());
        assertEquals(List.of(), lesson.expect().check(r), lesson.id() + ": train " + r.trainAccuracy()
                + ", test " + r.testAccuracy());
    }

    @Test
    void tutorial000EndsWithEveryTestPointRight() {
        Lesson l = BuiltInLessons.byId("two-hidden-layers");
        assertEquals("2-5-3-1 tanh/sigmoid binary_cross_entropy", l.settings().architecture(2, 2).toString());
        assertEquals(1000, l.settings().samples());
        assertEquals(800, l.settings().split().train().size());
        LessonRunner.Result r = LessonRunner.run(l.settings());
        assertEquals(1.0, r.testAccuracy());
    }

    @Test
    void tutorial002MoreEpochsBendTheStraightBoundaryButNotFromEverySeed() {
        LessonRunner.Result short1000 = LessonRunner.run(BuiltInLessons.byId("sigmoid-1000-epochs").settings());
        LessonRunner.Result long5000 = LessonRunner.run(BuiltInLessons.byId("sigmoid-5000-epochs").settings());
        LessonRunner.Result plateau = LessonRunner.run(BuiltInLessons.byId("sigmoid-plateau").settings());
        assertTrue(short1000.trainAccuracy() < 0.9 && plateau.trainAccuracy() < 0.9);
        assertTrue(long5000.trainAccuracy() - short1000.trainAccuracy() > 0.09,
                "5000 epochs: " + long5000.trainAccuracy() + " after 1000: " + short1000.trainAccuracy());
        assertEquals(500, BuiltInLessons.byId("sigmoid-5000-epochs").settings().split().train().size());
    }

    @Test
    void checkingALessonRunsItAndReportsItsFigures() {
        LessonRunner.Outcome o = LessonRunner.check(BuiltInLessons.byId("logistic-regression"));
        assertTrue(o.passed(), o.failures().toString());
        assertEquals(1, o.points().size());
        assertEquals(2000, o.points().get(0).result().epochs());
        assertEquals(0, o.lesson().settings().hidden().length);
    }

    @Test
    void anExpectationThatIsNotMetIsReported() {
        Expectation strict = Expectation.accuracy(0.999, Double.NaN, Double.NaN, 0.5);
        LessonRunner.Result r = new LessonRunner.Result(10, 0.3, 0.3, 0.875, 0.9, null);
        assertEquals(List.of("train accuracy 0.8750 is below the expected 0.9990",
                "test accuracy 0.9000 is above the expected 0.5000"), strict.check(r));
    }
}
