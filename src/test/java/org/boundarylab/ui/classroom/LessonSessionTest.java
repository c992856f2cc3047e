package org.boundarylab.ui.classroom;

import org.boundarylab.ui.LockedControls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.Expectation;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.training.SharedPool;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.junit.jupiter.api.Test;

/** Lessons in the lab's view-model, without the toolkit: setup, locks, the verdict at the end. */
class LessonSessionTest {

    private static void playToTheEnd(LabViewModel vm) throws Exception {
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        vm.form().paceProperty().set(0); // the lesson's pace is for a class; the test goes as fast as it goes
        vm.run().play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (vm.run().playingProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            vm.run().pulse();
        }
        assertFalse(vm.run().playingProperty().get(), "the run stops by itself");
    }

    @Test
    void aLessonSetsTheLabLocksItsSettingsAndReportsTheTutorialsFigure() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LessonSession session = new LessonSession(vm);
        Lesson lesson = BuiltInLessons.byId("logistic-regression");
        session.start(lesson);
        assertSame(lesson, session.lessonProperty().get());
        assertEquals(lesson.settings(), vm.form().currentSettings());
        assertEquals(Set.of("dataset", "samples", "noise", "test_ratio", "data_seed"), session.lockedProperty().get());
        assertTrue(session.isLocked("samples"));
        assertFalse(session.isLocked("hidden"));
        assertEquals("Press Play (Space): the run stops by itself at epoch 2,000. Tutorial: train accuracy "
                + "from 83% to 90%, test accuracy at most 90%.", session.statusProperty().get());
        assertEquals(LessonSession.Verdict.NOT_YET, session.verdictProperty().get());

        playToTheEnd(vm);
        assertEquals(2000, vm.run().snapshotProperty().get().epoch());
        assertEquals(LessonSession.Verdict.REACHED, session.verdictProperty().get());
        assertTrue(session.statusProperty().get().startsWith("Epoch 2,000: train 8"),
                session.statusProperty().get());
        assertTrue(session.statusProperty().get().contains("The tutorial's figure is reached"));

        vm.run().reset(); // a new run: the verdict is for the run that ends next
        assertEquals(LessonSession.Verdict.NOT_YET, session.verdictProperty().get());

        session.leave();
        assertNull(session.lessonProperty().get());
        assertEquals(Set.of(), session.lockedProperty().get());
        assertEquals(lesson.settings(), vm.form().currentSettings(), "leaving keeps the setup");
    }

    @Test
    void theSuggestedExerciseIsCheckedAndOtherSettingsAreExploring() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LessonSession session = new LessonSession(vm);
        session.start(BuiltInLessons.byId("logistic-regression"));
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("5"); // what the lesson's text suggests
        assertEquals(LessonSession.Mode.EXERCISE, session.modeProperty().get());
        assertTrue(session.statusProperty().get().startsWith("Exercise: With a hidden layer of 5"),
                session.statusProperty().get());
        playToTheEnd(vm);
        assertEquals(LessonSession.Verdict.REACHED, session.verdictProperty().get(), session.statusProperty().get());
        assertTrue(session.statusProperty().get().contains("The exercise's figure is reached (train accuracy 97% or"
                + " more)"), session.statusProperty().get());

        vm.form().textProperty(Field.HIDDEN_LAYERS).set("8,8"); // beyond the exercise: nothing promised, no ✘
        assertEquals(LessonSession.Mode.EXPLORING, session.modeProperty().get());
        assertEquals(LessonSession.Verdict.EXPLORING, session.verdictProperty().get());
        playToTheEnd(vm);
        assertEquals(LessonSession.Verdict.EXPLORING, session.verdictProperty().get());
        assertTrue(session.statusProperty().get().startsWith("Exploring:"), session.statusProperty().get());

        vm.form().textProperty(Field.HIDDEN_LAYERS).set(""); // back to the lesson's own setup
        assertEquals(LessonSession.Mode.LESSON, session.modeProperty().get());
    }

    @Test
    void aRunThatMissesTheFigureSaysWhichFigure() throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LessonSession session = new LessonSession(vm);
        Lesson base = BuiltInLessons.byId("logistic-regression");
        // a straight line cannot reach 99%: the promise is broken and the status says by how much
        Lesson tooHopeful = new Lesson("too-hopeful", "Too hopeful", "", base.settings().withEpochs(200),
                Set.of(), Expectation.accuracy(0.99, Double.NaN, Double.NaN, Double.NaN), null);
        session.start(tooHopeful);
        playToTheEnd(vm);
        assertEquals(LessonSession.Verdict.MISSED, session.verdictProperty().get());
        assertTrue(session.statusProperty().get().contains("not reached: train accuracy 0.8"),
                session.statusProperty().get());
        assertTrue(session.statusProperty().get().contains("is below the expected 0.9900"));
    }

    @Test
    void aLessonTheLabCannotShowIsRefusedAndTheCurrentLessonStays() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LessonSession session = new LessonSession(vm);
        Lesson first = BuiltInLessons.byId("two-hidden-layers");
        session.start(first);
        Lesson tooWide = Lesson.of("too-wide", "Too wide", "", LabSettings.defaults().withHidden(500));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.start(tooWide));
        assertTrue(e.getMessage().contains("Hidden layers: layer 1 has 500 units"), e.getMessage());
        assertSame(first, session.lessonProperty().get());
        assertEquals("5,3", vm.form().textProperty(Field.HIDDEN_LAYERS).get());
    }

    @Test
    void theSweepLessonPointsToTheSweepTab() {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        LessonSession session = new LessonSession(vm);
        session.start(BuiltInLessons.byId("hidden-size-sweep"));
        assertEquals("Here Play trains the width 3 network for 20,000 epochs; the Sweep tab compares widths 1, 2, 3, 5,"
                + " 10, 20, 50, 100.",
                session.statusProperty().get());
    }

    @Test
    void expectationsInWords() {
        assertEquals("train accuracy 99% or more, test accuracy 100%",
                LessonSession.describe(BuiltInLessons.byId("two-hidden-layers").expect()));
        assertEquals("train accuracy from 96% to 99%, test accuracy 95% or more",
                LessonSession.describe(BuiltInLessons.byId("softmax-three").expect()));
        assertEquals("the widest network's train accuracy 98% or more, test accuracy peaking at a middle width, the"
                + " widest at least 3% below the peak, a train − test gap of at least 8% at the widest, the widest"
                + " network's test loss at least 1.5 times the lowest",
                LessonSession.describe(BuiltInLessons.byId("hidden-size-sweep").expect()));
        assertEquals("widths up to 1 at least 5% below widths from 3 in train accuracy", LessonSession.describe(
                new org.boundarylab.lessons.Expectation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 3, 0.05)));
    }

    @Test
    void everyLessonSettingMapsToTheControlsThatShowIt() {
        for (String name : LabSettings.SETTING_NAMES) {
            LockedControls.controlsOf(name); // throws for a setting without an entry
        }
        assertEquals(List.of("dataSeedField", "regenerateButton"), LockedControls.controlsOf("data_seed"));
        assertEquals(List.of(), LockedControls.controlsOf("train_subset"));
        assertThrows(IllegalArgumentException.class, () -> LockedControls.controlsOf("colour"));
    }
}
