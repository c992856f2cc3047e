package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PulseShareTest {
    private final PulseShare share = new PulseShare();
    private final Object canvas = "canvas";
    private final Object diagram = "diagram";
    private final Object chart = "chart";

    @Test
    void aLonePartyUpdatesEveryPulse() {
        for (long pulse = 1; pulse <= 5; pulse++) {
            assertTrue(share.claim(canvas, pulse));
        }
    }

    @Test
    void twoBusyPartiesTakeTurnsWhateverOrderTheyAskIn() {
        int canvasTurns = 0;
        int diagramTurns = 0;
        for (long pulse = 1; pulse <= 10; pulse++) {
            boolean c = share.claim(canvas, pulse);
            boolean d = share.claim(diagram, pulse);
            assertTrue(c != d, "exactly one updates in pulse " + pulse);
            canvasTurns += c ? 1 : 0;
            diagramTurns += d ? 1 : 0;
        }
        assertTrue(canvasTurns == 5 && diagramTurns == 5, canvasTurns + " and " + diagramTurns);
    }

    @Test
    void aPartyTurnedAwayGoesFirstNextPulse() {
        assertTrue(share.claim(canvas, 1));
        assertFalse(share.claim(chart, 1));
        assertFalse(share.claim(canvas, 2)); // the chart waited: its turn
        assertTrue(share.claim(chart, 2));
        assertTrue(share.claim(canvas, 3));
    }

    @Test
    void aPartyThatStopsAskingLosesItsPlaceAfterOnePulse() {
        assertTrue(share.claim(canvas, 1));
        assertFalse(share.claim(diagram, 1)); // then the diagram is folded away and asks no more
        assertFalse(share.claim(canvas, 2));
        assertTrue(share.claim(canvas, 3));
        assertTrue(share.claim(canvas, 4));
    }

    @Test
    void threePartiesAllGetTurns() {
        boolean[] seen = new boolean[3];
        Object[] parties = {canvas, diagram, chart};
        for (long pulse = 1; pulse <= 6; pulse++) {
            int winners = 0;
            for (int p = 0; p < 3; p++) {
                if (share.claim(parties[p], pulse)) {
                    seen[p] = true;
                    winners++;
                }
            }
            assertTrue(winners <= 1, "at most one per pulse");
        }
        assertTrue(seen[0] && seen[1] && seen[2]);
    }
}
