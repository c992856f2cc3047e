package org.boundarylab.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.nn.Network;

/**
 * Epochs per CPU second of the training thread of a playing session at full speed, as the lab
 * plays it (redraw every 10). It uses only what sessions have offered since before the history
 * was logged per epoch, so the same file compiles against older builds and they can be compared
 * in one run: {@code javac -d OUT -cp BUILD/target/classes:DEPS SessionSpeedProbe.java}, then
 * {@code java -cp OUT:BUILD/target/classes:DEPS org.boundarylab.training.SessionSpeedProbe 5 200 3000}
 * (hidden widths, samples, milliseconds).
 */
public final class SessionSpeedProbe {
    private SessionSpeedProbe() {
    }

    public static void main(String[] args) throws Exception {
        String hidden = args[0];
        int samples = Integer.parseInt(args[1]);
        long millis = Long.parseLong(args[2]);
        int[] widths = java.util.Arrays.stream(hidden.split(",")).mapToInt(Integer::parseInt).toArray();
        LabSettings s = LabSettings.defaults().toBuilder().hidden(widths).samples(samples).build();
        Split split = s.split();
        Network net = s.initialNetwork(split.train().classes());
        Thread[] worker = new Thread[1];
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            worker[0] = new Thread(r, "trainer");
            return worker[0];
        });
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        TrainingSession session = new TrainingSession(net, split.train().x(), split.train().y(), split.test().x(),
                split.test().y(), s.trainingOptions(), pool);
        session.setSnapshotEvery(10);
        session.start().get();
        session.play();
        Thread.sleep(1000); // warm-up
        long e0 = session.latest().epoch();
        long t0 = mx.getThreadCpuTime(worker[0].getId());
        Thread.sleep(millis);
        long e1 = session.latest().epoch();
        long t1 = mx.getThreadCpuTime(worker[0].getId());
        session.pause();
        session.close();
        pool.shutdownNow();
        System.out.printf("%.0f%n", (e1 - e0) * 1e9 / (t1 - t0));
        System.exit(0);
    }
}
