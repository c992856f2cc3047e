package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chunk helpers run at the priority of the training threads that call them: the lowest. */
class ChunkRunnerPriorityTest {
    @Test
    void helpersRunAtTheLowestPriority() {
        ChunkRunner runner = new ChunkRunner(1);
        assertEquals(1, runner.helperCount());
        List<Thread> helpers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("boundarylab-chunks-")).collect(Collectors.toList());
        assertFalse(helpers.isEmpty());
        for (Thread t : helpers) {
            assertEquals(Thread.MIN_PRIORITY, t.getPriority(), t.getName());
        }
    }
}
