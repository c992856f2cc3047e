package org.boundarylab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        assertTrue(h.entries().stream().allMatch(TrainingHistory.Entry::isExact));
        assertEquals(9, h.latest().epoch());
        assertEquals(0.25, h.rowAt(3).trainLoss());
    }

    @Test
    void aMillionEpochsStayWithinTheCapacityAsBandsThatHoldEveryValue() {
        TrainingHistory h = new TrainingHistory(1000);
        for (int e = 0; e < 1_000_000; e++) {
            // a loss that jumps between two levels every other epoch: a band must keep both
            h.add(e, e % 2 == 0 ? 1.0 : 3.0, 2, 0.5, 0.5);
        }
        List<TrainingHistory.Entry> entries = h.entries();
        assertTrue(entries.size() <= 1000, "entries: " + entries.size());
        assertEquals(0, entries.get(0).first());
        assertEquals(999_999, entries.get(entries.size() - 1).last());
        long next = 0;
        boolean exactSeen = false;
        for (TrainingHistory.Entry e : entries) {
            assertEquals(next, e.first(), "no epoch is lost between entries");
            next = e.last() + 1;
            if (e.isExact()) {
                exactSeen = true;
            } else {
                assertTrue(!exactSeen, "bands come before exact rows");
                assertEquals(1.0, e.min().trainLoss());
                assertEquals(3.0, e.max().trainLoss());
            }
        }
        assertTrue(entries.get(entries.size() - 1).isExact(), "the newest epochs keep full detail");
        assertNull(h.rowAt(10), "a merged epoch has no exact row");
    }

    @Test
    void epochsMustIncreaseAndTheSameEpochAgainReplacesIt() {
        TrainingHistory h = new TrainingHistory();
        h.add(5, 1, 1, 1, 1);
        h.add(5, 2, 1, 1, 1);
        assertEquals(1, h.size());
        assertEquals(2, h.latest().trainLoss());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.add(4, 1, 1, 1, 1));
        assertEquals("history rows must come in increasing epochs: 4 after 5", e.getMessage());
        h.clear();
        h.add(0, 1, 1, 1, 1);
        assertEquals(1, h.rows().size());
    }

    @Test
    void truncatingDropsLaterEpochsAndTheLowestTestLossIsFound() {
        TrainingHistory h = new TrainingHistory();
        double[] test = {0.9, 0.5, 0.3, 0.4, 0.6};
        for (int e = 0; e < test.length; e++) {
            h.add(e, 1.0 / (e + 1), test[e], 0.5 + e / 10.0, 0.6);
        }
        assertEquals(2, h.lowestTestLoss().epoch());
        h.truncateAfter(1);
        assertEquals(2, h.size());
        assertEquals(1, h.lowestTestLoss().epoch());
        h.add(2, 0.1, 0.2, 0.9, 0.9);
        assertEquals(2, h.latest().epoch());
    }

    @Test
    void entriesReadBackMustKeepBandsBeforeRows() {
        TrainingHistory.Row a = new TrainingHistory.Row(0, 1, 1, 1, 1);
        TrainingHistory.Row b = new TrainingHistory.Row(3, 2, 2, 2, 2);
        TrainingHistory.Entry band = new TrainingHistory.Entry(0, 3, a, b);
        TrainingHistory h = TrainingHistory.ofEntries(List.of(band,
                TrainingHistory.Entry.exact(new TrainingHistory.Row(4, 1, 1, 1, 1))), 100);
        assertEquals(2, h.size());
        TrainingHistory.Entry late = new TrainingHistory.Entry(5, 6, new TrainingHistory.Row(5, 1, 1, 1, 1),
                new TrainingHistory.Row(6, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> h.append(late));
    }
}
