package org.boundarylab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossHistoryTest {

    @Test
    void keepsEveryPointUntilFull() {
        LossHistory h = new LossHistory(8);
        for (int e = 0; e < 8; e++) {
            h.add(e, e, -e);
        }
        LossHistory.Points p = h.points();
        assertEquals(8, p.size());
        assertEquals(7, p.epochs()[7]);
        assertEquals(-3, p.test()[3]);
    }

    @Test
    void staysBoundedOverAMillionEpochsAndKeepsRecentDetail() {
        LossHistory h = new LossHistory(2000);
        for (int e = 1; e <= 1_000_000; e++) {
            h.add(e, 1.0 / e, 2.0 / e);
        }
        LossHistory.Points p = h.points();
        assertTrue(p.size() <= 2000, "size " + p.size());
        assertTrue(p.size() >= 1000, "size " + p.size());
        assertEquals(1_000_000, p.epochs()[p.size() - 1]);
        assertEquals(999_999, p.epochs()[p.size() - 2], "the newest points are kept one by one");
        for (int k = 1; k < p.size(); k++) {
            assertTrue(p.epochs()[k] > p.epochs()[k - 1], "epochs stay in order at " + k);
        }
        // merged points average their pair, so the curve keeps its shape: loss falls with epoch
        for (int k = 1; k < p.size(); k++) {
            assertTrue(p.train()[k] <= p.train()[k - 1], "train loss stays falling at " + k);
        }
    }

    @Test
    void mergingKeepsAMissingTestLossFromHidingTheOther() {
        LossHistory h = new LossHistory(4);
        h.add(1, 1, Double.NaN);
        h.add(2, 1, 3);
        h.add(3, 1, 5);
        h.add(4, 1, 7);
        h.add(5, 1, 9);
        LossHistory.Points p = h.points();
        assertEquals(4, p.size());
        assertEquals(2, p.epochs()[0]);
        assertEquals(3, p.test()[0]);
    }
}
