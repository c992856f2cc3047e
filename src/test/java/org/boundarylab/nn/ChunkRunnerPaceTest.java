package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The choice between the helpers and the caller alone, fed with made-up timings. */
class ChunkRunnerPaceTest {

    /** Runs one period: each call's time per chunk comes from the way chosen; returns the ways. */
    private static List<Boolean> period(ChunkRunner.Pace pace, double parallelNanos, double serialNanos,
                                        BooleanSupplier unluckyParallelTrial) {
        List<Boolean> ways = new ArrayList<>();
        for (int c = 0; c < ChunkRunner.Pace.PERIOD; c++) {
            boolean parallel = pace.nextParallel();
            ways.add(parallel);
            double t = parallel ? parallelNanos : serialNanos;
            if (parallel && c == 2 && unluckyParallelTrial.getAsBoolean()) {
                t *= 20; // one trial interrupted: the helper was descheduled for a while
            }
            pace.record(parallel, t);
        }
        return ways;
    }

    private static long parallelCalls(List<Boolean> ways) {
        return ways.stream().filter(w -> w).count();
    }

    @Test
    void helpersWinWhenFaster() {
        ChunkRunner.Pace pace = new ChunkRunner.Pace(() -> 0L);
        List<Boolean> ways = period(pace, 6_000, 9_000, () -> false);
        assertEquals(ChunkRunner.Pace.PERIOD - ChunkRunner.Pace.TRIAL, parallelCalls(ways),
                "all but the caller-alone trials go to the helpers");
    }

    @Test
    void callerAloneWinsWhenClearlyFaster() {
        ChunkRunner.Pace pace = new ChunkRunner.Pace(() -> 0L);
        List<Boolean> ways = period(pace, 12_000, 9_000, () -> false);
        assertEquals(ChunkRunner.Pace.TRIAL + 1, parallelCalls(ways), "only the helpers' trials use them");
        assertFalse(ways.get(ways.size() - 1));
    }

    @Test
    void oneUnluckyTrialDoesNotDecide() {
        ChunkRunner.Pace pace = new ChunkRunner.Pace(() -> 0L);
        List<Boolean> ways = period(pace, 6_000, 9_000, () -> true);
        assertTrue(ways.get(ways.size() - 1), "the fastest trial counts, not the interrupted one");
    }

    @Test
    void aSmallEdgeForTheCallerIsNotEnough() {
        ChunkRunner.Pace pace = new ChunkRunner.Pace(() -> 0L);
        List<Boolean> ways = period(pace, 9_500, 9_000, () -> false);
        assertTrue(ways.get(ways.size() - 1), "within the margin the helpers keep the work");
    }

    @Test
    void aLongJobIsRetriedAfterAQuarterSecond() {
        long[] now = {0};
        ChunkRunner.Pace pace = new ChunkRunner.Pace(() -> now[0]);
        // a first decision for the caller alone, taken while the helpers were slow
        for (int c = 0; c <= 2 * ChunkRunner.Pace.TRIAL; c++) {
            boolean parallel = pace.nextParallel();
            pace.record(parallel, parallel ? 12_000_000 : 9_000_000);
            now[0] += 10_000_000;
        }
        assertFalse(pace.nextParallel(), "decided: the caller alone");
        now[0] += ChunkRunner.Pace.PERIOD_NANOS;
        assertTrue(pace.nextParallel(), "a quarter second later the helpers are tried again, "
                + "long before the period's " + ChunkRunner.Pace.PERIOD + " calls");
    }

    @Test
    void eachPeriodDecidesAfresh() {
        ChunkRunner.Pace pace = new ChunkRunner.Pace(() -> 0L);
        period(pace, 12_000, 9_000, () -> false);
        List<Boolean> next = period(pace, 6_000, 9_000, () -> false);
        assertTrue(next.get(next.size() - 1), "a period forgets the last one's timings");
    }
}
