package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.boundarylab.ui.InputRules.Field;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    private static void assertRefused(Field f, String text, String... fragments) {
        String msg = InputRules.check(f, text);
        assertTrue(!msg.isEmpty(), f + " should refuse '" + text + "'");
        assertTrue(msg.startsWith(f.label()), "message names the field: " + msg);
        for (String fragment : fragments) {
            assertTrue(msg.contains(fragment), "'" + msg + "' should mention '" + fragment + "'");
        }
    }

    @Test
    void hiddenLayersAcceptListsAndEmpty() {
        assertArrayEquals(new int[] {5, 3}, InputRules.hiddenLayers("5,3"));
        assertArrayEquals(new int[] {5, 3}, InputRules.hiddenLayers(" 5 , 3 "));
        assertArrayEquals(new int[0], InputRules.hiddenLayers(""));
        assertEquals("", InputRules.check(Field.HIDDEN_LAYERS, "256"));
    }

    @Test
    void hiddenLayersRefuseWithWhereAndWhy() {
        assertRefused(Field.HIDDEN_LAYERS, "5,,x", "layer 2", "empty");
        assertRefused(Field.HIDDEN_LAYERS, "5,x", "layer 2", "'x'");
        assertRefused(Field.HIDDEN_LAYERS, "0", "layer 1", "1 to 256");
        assertRefused(Field.HIDDEN_LAYERS, "-3", "layer 1", "'-3'");
        assertRefused(Field.HIDDEN_LAYERS, "1e9", "layer 1", "'1e9'");
        assertRefused(Field.HIDDEN_LAYERS, "99999999999", "layer 1", "1 to 256");
        assertRefused(Field.HIDDEN_LAYERS, "1,1,1,1,1,1,1", "at most 6");
    }

    @Test
    void wholeNumbersRefuseZeroNegativesHugeAndLetters() {
        assertEquals("", InputRules.check(Field.SAMPLES, "400"));
        assertRefused(Field.SAMPLES, "0", "10 to 20000");
        assertRefused(Field.SAMPLES, "-3", "10 to 20000");
        assertRefused(Field.SAMPLES, "1e9", "not a whole number");
        assertRefused(Field.SAMPLES, "4oo", "not a whole number");
        assertRefused(Field.SAMPLES, "", "empty");
        assertRefused(Field.SAMPLES, "123456789012345", "10 to 20000");
        assertRefused(Field.REDRAW_EVERY, "0", "1 to 100000");
        assertEquals("", InputRules.check(Field.BATCH_SIZE, ""));
        assertEquals("", InputRules.check(Field.BATCH_SIZE, "full"));
        assertRefused(Field.BATCH_SIZE, "0", "1 to");
    }

    @Test
    void numbersRefuseOutOfRangeAndLetters() {
        assertEquals("", InputRules.check(Field.LEARNING_RATE, "0.03"));
        assertEquals("", InputRules.check(Field.LEARNING_RATE, "3e-2"));
        assertRefused(Field.LEARNING_RATE, "0", "above 0");
        assertRefused(Field.LEARNING_RATE, "-3", "above 0");
        assertRefused(Field.LEARNING_RATE, "1e9", "at most 1000");
        assertRefused(Field.LEARNING_RATE, "0.1x", "not a number");
        assertRefused(Field.LEARNING_RATE, "NaN", "not a number");
        assertRefused(Field.LEARNING_RATE, "Infinity", "not a number");
        assertEquals("", InputRules.check(Field.L2, "0"));
        assertRefused(Field.L2, "-3", "from 0 to 10");
        assertRefused(Field.L1, "1e9", "from 0 to 10");
        assertRefused(Field.TEST_SHARE, "0", "above 0");
        assertRefused(Field.TEST_SHARE, "0.95", "at most 0.9");
        assertRefused(Field.DATA_SEED, "-3", "not a whole number");
        assertRefused(Field.WEIGHT_SEED, "abc", "not a whole number");
    }

    @Test
    void theTestFieldTakesAShareOrACountOfFreshPoints() {
        assertEquals(0, InputRules.testPoints("0.2"));
        assertEquals(1000, InputRules.testPoints("1000"));
        assertEquals(1000, InputRules.testPoints("1000 fresh"));
        assertEquals("", InputRules.check(Field.TEST_SHARE, "2000 fresh"));
        assertEquals("1000 fresh", InputRules.testText(0, 1000));
        assertEquals("0.2", InputRules.testText(0.2, 0));
        assertRefused(Field.TEST_SHARE, "5", "fresh test points", "10 to");
        assertRefused(Field.TEST_SHARE, "1", "above 0 and at most 0.9");
        assertRefused(Field.TEST_SHARE, "x", "number of fresh test points such as 1000");
        assertRefused(Field.HIDDEN_LAYERS, "-1", "must be at least 1");
    }
}
