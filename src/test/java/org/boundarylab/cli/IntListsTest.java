package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntListsTest {
    @Test
    void parsesCommaSeparatedWholeNumbersWithSpaces() {
        assertArrayEquals(new int[] {2, 5, 3, 1}, IntLists.parse("2,5,3,1"));
        assertArrayEquals(new int[] {2, 10, 1}, IntLists.parse(" 2, 10 ,1 "));
        assertArrayEquals(new int[] {7}, IntLists.parse("7"));
    }

    @Test
    void namesEveryBadItemByPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntLists.parse("5,,x"));
        assertEquals("'5,,x' is not a list of whole numbers: item 2 is empty, item 3 'x' is not a whole number",
                e.getMessage());
    }

    @Test
    void refusesTrailingCommasDecimalsAndOverflow() {
        assertEquals("'2,5,' is not a list of whole numbers: item 3 is empty",
                assertThrows(IllegalArgumentException.class, () -> IntLists.parse("2,5,")).getMessage());
        assertEquals("'2,2.5,1' is not a list of whole numbers: item 2 '2.5' is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> IntLists.parse("2,2.5,1")).getMessage());
        assertEquals("'2,99999999999' is not a list of whole numbers: item 2 '99999999999' is not a whole number in range",
                assertThrows(IllegalArgumentException.class, () -> IntLists.parse("2,99999999999")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntLists.parse("  "));
    }
}
