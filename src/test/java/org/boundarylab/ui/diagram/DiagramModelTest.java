package org.boundarylab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The diagram's layout and the parameter editor's rules, without the toolkit. */
class DiagramModelTest {

    @Test
    void everyUnitOfASmallNetworkFitsInsideThePanelWithoutOverlap() {
        DiagramLayout layout = new DiagramLayout(new int[] {2, 5, 3, 1}, 300, 500);
        double s = layout.unitSize();
        assertTrue(s >= DiagramLayout.MIN_UNIT && s <= DiagramLayout.MAX_UNIT, "unit size " + s);
        for (int l = 0; l < 4; l++) {
            assertEquals(0, layout.summarised(l));
            for (int k = 0; k < layout.shown(l); k++) {
                double y = layout.rowY(l, k);
                assertTrue(y - s / 2 >= 0 && y + s / 2 <= 500, "unit " + l + "." + k + " at " + y);
                assertEquals(k, layout.unitAt(l, layout.columnX(l), y));
                if (k > 0) {
                    assertTrue(y - layout.rowY(l, k - 1) > s, "units do not overlap");
                }
            }
            assertTrue(layout.columnX(l) - s / 2 >= 0 && layout.columnX(l) + s / 2 <= 300);
        }
        assertTrue(layout.columnX(1) - layout.columnX(0) > 2 * s, "room for the links between columns");
    }

    @Test
    void aWideLayerEndsInASummaryAndStillFits() {
        DiagramLayout layout = new DiagramLayout(new int[] {2, 500, 1}, 300, 400);
        assertEquals(DiagramLayout.MAX_SHOWN - 1, layout.shown(1));
        assertEquals(500 - DiagramLayout.MAX_SHOWN + 1, layout.summarised(1));
        double s = layout.unitSize();
        assertTrue(layout.rowY(1, layout.shown(1)) + s / 2 <= 400, "summary row inside the panel");
        assertTrue(layout.rowY(1, 0) - s / 2 >= 0);
    }

    @Test
    void findsTheLinkUnderThePointer() {
        DiagramLayout layout = new DiagramLayout(new int[] {2, 5, 3, 1}, 300, 500);
        double[] m = layout.linkMiddle(1, 4, 2);
        assertArrayEquals(new int[] {4, 2}, layout.linkAt(1, m[0], m[1], 3));
        assertNull(layout.linkAt(1, m[0], m[1] + 200, 3));
        assertTrue(DiagramLayout.thickness(-3) > DiagramLayout.thickness(0.5));
        assertEquals(DiagramLayout.thickness(2), DiagramLayout.thickness(-2));
    }

    @Test
    void typedParametersMustBeFiniteNumbersOfSensibleSize() {
        assertEquals(-1.25, ParameterInput.parse(" -1.25 "));
        assertEquals(-0.5, ParameterInput.parse("−0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterInput.parse("abc"))
                .getMessage().contains("'abc' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterInput.parse("NaN"))
                .getMessage().contains("not a finite number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterInput.parse("1e6"))
                .getMessage().contains("between -100 and 100"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterInput.parse(""))
                .getMessage().contains("type a number"));
        assertEquals("0.5", ParameterInput.format(0.5));
        assertEquals("-1.235", ParameterInput.format(-1.23456));
    }
}
