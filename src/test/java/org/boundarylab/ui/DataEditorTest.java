package org.boundarylab.ui;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.data.Split;
import org.junit.jupiter.api.Test;

/** Edits, strokes, erasing and undo/redo of hand-drawn data, without the toolkit. */
class DataEditorTest {
    private final List<Split> applied = new ArrayList<>();
    private final Split start = Split.stratified(Generators.moons(40, 0.1, 0), 0.25, 0);
    private final DataEditor editor = new DataEditor(start, applied::add);

    @Test
    void aClickAddsOnePointOfTheSelectedClassAndUndoRedoPutItBack() {
        editor.selectedClassProperty().set(1);
        editor.addPoint(0.5, -0.25);
        Split after = editor.current();
        assertEquals(31, after.train().size());
        assertEquals(10, after.test().size());
        assertEquals(1, after.train().label(30));
        assertEquals(0.5, after.train().x1(30));
        assertEquals(-0.25, after.train().x2(30));
        assertSame(after, applied.get(applied.size() - 1), "the lab is handed every new state");
        assertEquals("add a point", editor.undoNameProperty().get());

        assertTrue(editor.undo());
        assertSame(start, editor.current());
        assertFalse(editor.canUndoProperty().get());
        assertTrue(editor.redo());
        assertSame(after, editor.current());
        assertFalse(editor.redo());
    }

    @Test
    void pointsGoToTheTestSetWhenAskedAndANewClassWidensBothSets() {
        editor.toTestSetProperty().set(true);
        editor.selectedClassProperty().set(2);
        editor.addPoint(3, 3);
        assertEquals(30, editor.current().train().size());
        assertEquals(11, editor.current().test().size());
        assertEquals(3, editor.current().train().classes());
        assertEquals(3, editor.current().test().classes());
        assertEquals(4, editor.offeredClasses());
    }

    @Test
    void aStrokeSpacesItsPointsAndUndoesAsOne() {
        editor.beginStroke(0, 0);
        assertFalse(editor.strokeTo(0.05, 0, 0.1), "too close to the last point");
        assertTrue(editor.strokeTo(0.1, 0, 0.1));
        assertFalse(editor.strokeTo(0.15, 0, 0.1));
        assertTrue(editor.strokeTo(0.3, 0, 0.1));
        editor.endStroke();
        assertEquals(33, editor.current().train().size());
        assertEquals("add 3 points", editor.undoNameProperty().get());
        assertEquals(1, editor.undoDepth());
        editor.undo();
        assertSame(start, editor.current());
    }

    @Test
    void eraseRemovesPointsNearThePointerFromBothSets() {
        Split s = new Split(new Dataset(new double[][] {{0, 0}, {0.05, 0}, {1, 1}}, new int[] {0, 1, 0}, 2),
                new Dataset(new double[][] {{0, 0.05}, {2, 2}}, new int[] {1, 0}, 2));
        DataEditor e = new DataEditor(s, applied::add);
        assertEquals(3, e.erase(0, 0, 0.1));
        assertEquals(1, e.current().train().size());
        assertEquals(1, e.current().test().size());
        assertEquals("erase 3 points", e.undoNameProperty().get());
        assertEquals(0, e.erase(5, 5, 0.1), "nothing there: no edit");
        assertEquals(1, e.undoDepth());
        e.undo();
        assertSame(s, e.current());
    }

    @Test
    void clearEmptiesBothSetsAndKeepsTheClasses() {
        editor.clear();
        assertTrue(editor.current().train().isEmpty());
        assertTrue(editor.current().test().isEmpty());
        assertEquals(2, editor.current().train().classes());
        editor.undo();
        assertSame(start, editor.current());
    }

    @Test
    void dataReplacedElsewhereIsUndoableOnlyWhenItWasCustom() {
        Split other = Split.stratified(Generators.moons(20, 0.1, 1), 0.25, 1);
        editor.observe(other, false);
        assertSame(other, editor.current());
        assertFalse(editor.canUndoProperty().get(), "generated data comes back from its settings");
        editor.addPoint(0, 0);
        Split drawn = editor.current();
        Split third = Split.stratified(Generators.moons(20, 0.1, 2), 0.25, 2);
        editor.observe(third, true);
        assertEquals("replace the data", editor.undoNameProperty().get());
        editor.undo();
        assertSame(drawn, editor.current(), "the drawing comes back");
    }

    @Test
    void undoForgetsTheOldestEditsBeyondItsLimit() {
        for (int i = 0; i < DataEditor.MAX_UNDO + 5; i++) {
            editor.addPoint(i, 0);
        }
        assertEquals(DataEditor.MAX_UNDO, editor.undoDepth());
        assertEquals(editor.current(), applied.get(applied.size() - 1));
        assertEquals(30 + DataEditor.MAX_UNDO + 5, editor.current().train().size());
    }
}
