package org.boundarylab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.junit.jupiter.api.Test;

class NetworkTimelineTest {
    private static final Network NET = Initializer.GLOROT.create(
            Architecture.of(2, new int[] {5, 3}, 1, Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 1);

    private static TrainingSnapshot at(long epoch, double testLoss) {
        return new TrainingSnapshot(epoch, NET, 1, testLoss, 0.5, 0.5, 0, false);
    }

    @Test
    void theRoomFollowsTheNetworksSize() {
        assertEquals(NetworkTimeline.MAX_FRAMES, NetworkTimeline.capacityFor(37));
        // six layers of 256 units: about 333,000 parameters, 24 frames, 64 MB
        assertEquals(24, NetworkTimeline.capacityFor(333_000));
        assertEquals(NetworkTimeline.MIN_FRAMES, NetworkTimeline.capacityFor(10_000_000));
    }

    @Test
    void aMillionEpochsKeepTheEndsDenseEarlyAndSpreadLate() {
        NetworkTimeline t = new NetworkTimeline(37);
        for (long e = 0; e <= 1_000_000; e += 10) {
            t.add(at(e, 1));
        }
        long[] kept = t.epochs();
        assertEquals(NetworkTimeline.MAX_FRAMES, kept.length);
        assertEquals(0, kept[0]);
        assertEquals(1_000_000, kept[kept.length - 1]);
        int early = 0;
        int lateHalf = 0;
        for (long e : kept) {
            early += e <= 1000 ? 1 : 0;
            lateHalf += e >= 500_000 ? 1 : 0;
        }
        assertTrue(early >= 50, "the first thousand epochs stay dense: " + early);
        assertTrue(lateHalf >= 150, "the late half stays scrubbable: " + lateHalf);
        long widest = 0;
        for (int i = 1; i < kept.length; i++) {
            widest = Math.max(widest, kept[i] - kept[i - 1]);
        }
        assertTrue(widest <= 10_000, "no gap wider than 1% of the run: " + widest);
    }

    @Test
    void lookingUpGivesTheFrameAtOrBeforeAndTheBestIsKept() {
        NetworkTimeline t = new NetworkTimeline(37);
        assertNull(t.at(5));
        TrainingSnapshot five = at(5, 0.2);
        t.add(at(0, 1));
        t.add(five);
        t.add(at(10, 1));
        assertSame(five, t.at(7));
        assertEquals(10, t.at(1000).epoch());
        TrainingSnapshot best = at(8, 0.1);
        t.keepBest(best);
        assertSame(best, t.at(9), "the best frame is nearer");
        t.truncateAfter(6);
        assertEquals(5, t.latestEpoch());
        assertNull(t.best());
        t.add(at(6, 1));
        assertEquals(6, t.latestEpoch());
    }
}
