package org.boundarylab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingHistoryTest {

    @Test
    void keepsEveryRowWhileThereIsRoom() {
        TrainingHistory h = new TrainingHistory(10);
        for (int e = 0; e < 10; e++) {
            h.add(e, 1.0 / (e + 1), Double.NaN, 0.5, Double.NaN);
        }
        assertEquals(10, h.rows().size());
        assertEquals(1, h.stride());
        assertEquals(9, h.latest().epoch());
    }

    @Test
    void aMillionEpochsStayWithinTheCapacityAndEndAtTheNewest() {
        TrainingHistory h = new TrainingHistory(1000);
        for (int e = 0; e < 1_000_000; e++) {
            h.add(e, 1, 1, 1, 1);
        }
        List<TrainingHistory.Row> rows = h.rows();
        assertTrue(rows.size() <= 1001, "rows: " + rows.size());
        assertTrue(rows.size() >= 400, "rows: " + rows.size());
        assertEquals(0, rows.get(0).epoch());
        assertEquals(999_999, rows.get(rows.size() - 1).epoch());
        for (int k = 1; k < rows.size() - 1; k++) {
            assertEquals(h.stride(), rows.get(k).epoch() - rows.get(k - 1).epoch(), "evenly spaced at " + k);
        }
    }

    @Test
    void epochsMustIncrease() {
        TrainingHistory h = new TrainingHistory();
        h.add(5, 1, 1, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.add(5, 1, 1, 1, 1));
        assertEquals("history rows must come in increasing epochs: 5 after 5", e.getMessage());
        h.clear();
        h.add(0, 1, 1, 1, 1);
        assertEquals(1, h.rows().size());
    }
}
