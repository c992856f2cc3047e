package org.boundarylab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsEveryActualPredictedPair() {
        // actual 0 0 1 1 1 2, predicted 0 1 1 1 0 2
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 1, 1, 0, 2}, 3);
        int[][] expected = {{1, 1, 0}, {1, 2, 0}, {0, 0, 1}};
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[a][p], m.count(a, p), "actual " + a + ", predicted " + p);
            }
        }
        assertEquals(3, m.classes());
        assertEquals(6, m.total());
        assertEquals(2, m.truePositives(1));
        assertEquals(1, m.falsePositives(1));
        assertEquals(1, m.falseNegatives(1));
        assertEquals(3, m.support(1));
        assertEquals(3, m.predictedAs(1));
        assertEquals(4.0 / 6, m.accuracy(), 1e-15);
        assertEquals("""
                actual \\ predicted      0      1      2
                                 0      1      1      0
                                 1      1      2      0
                                 2      0      0      1
                """, m.format());
    }

    @Test
    void largeCountsWidenTheColumns() {
        int n = 1_234_567;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        predicted[0] = 1;
        ConfusionMatrix m = ConfusionMatrix.of(actual, predicted, 2);
        assertEquals("""
                actual \\ predicted        0        1
                                 0  1234566        1
                                 1        0        0
                """, m.format());
    }

    @Test
    void labelsOutsideTheClassesAreRefusedWithTheirRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 2}, 2));
        assertEquals("predicted label 2 at row 1 is outside 0..1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {-1}, new int[] {0}, 2));
        assertEquals("actual label -1 at row 0 is outside 0..1", e.getMessage());
    }
}
