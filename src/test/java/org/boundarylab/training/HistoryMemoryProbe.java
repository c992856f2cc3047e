package org.boundarylab.training;

import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;

/**
 * The memory a run's history and kept networks hold over a 1,000,000-epoch run of the largest
 * network the window allows (6 hidden layers of 256 units, 6 classes): the two stores are fed as
 * the run feeds them (a row at every epoch the log schedule picks; a snapshot, a fresh copy of
 * the network, every 1,000 epochs, 1,001 in all, many more than the 24 kept) and the heap is
 * measured after a full collection every 100,000 epochs. (Training that network a million epochs takes about a day, so the stores
 * are fed directly; what they keep does not depend on where the numbers come from.)
 *
 * <p>Run: {@code java -Xmx2g -cp target/test-classes:target/classes:... org.boundarylab.training.HistoryMemoryProbe}
 */
public final class HistoryMemoryProbe {
    private HistoryMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int[] hidden = {256, 256, 256, 256, 256, 256};
        Architecture arch = Architecture.of(7, hidden, 6, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY);
        Network net = Initializer.GLOROT.create(arch, 1);
        System.out.printf("network %s: %,d parameters, %.1f MB a copy%n", arch, arch.parameterCount(),
                arch.parameterCount() * 8 / 1e6);
        long base = used();
        TrainingHistory history = new TrainingHistory();
        NetworkTimeline timeline = new NetworkTimeline(arch.parameterCount());
        long rows = 0;
        System.out.println("epoch,history_entries,kept_networks,heap_MB_above_start");
        for (long e = 0; e <= 1_000_000; e++) {
            if (LogSchedule.due(e)) {
                history.add(e, 1.0 / (1 + e), 1.2 / (1 + e), 0.9, 0.8);
                rows++;
            }
            if (e % 1000 == 0) {
                Network copy = net.copy();
                timeline.add(new TrainingSnapshot(e, copy, 0.1, 0.2, 0.9, 0.8, 0, false));
            }
            if (e % 100_000 == 0) {
                System.out.printf("%d,%d,%d,%.1f%n", e, history.size(), timeline.size(), (used() - base) / 1e6);
            }
        }
        System.out.printf("rows logged: %,d%n", rows);
    }

    private static long used() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
