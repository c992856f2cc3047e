package org.boundarylab.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app-wide pool for training, grid evaluation and sweeps. Daemon threads, so an open
 * pool never keeps the JVM alive after the window closes; one thread per core, so training
 * and drawing share the machine instead of fighting over it.
 */
public final class SharedPool {
    private static final ExecutorService POOL = create();

    private SharedPool() {
    }

    public static ExecutorService get() {
        return POOL;
    }

    public static int threads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    private static ExecutorService create() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "boundary-lab-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            // below the FX and render threads, so a busy trainer never starves the window; the
            // window's launches (pom.xml, packaging/build.sh) make the OS honour it
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        return Executors.newFixedThreadPool(threads(), factory);
    }
}
