package org.boundarylab.ui.files;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reading and writing files off the FX thread: one background thread, so file work happens in
 * the order it was asked for, and a large file never freezes the window. A job's failure of
 * any kind (a format error, an I/O error, running out of memory) completes its future
 * exceptionally; nothing escapes uncaught.
 */
final class FileWork {
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "boundary-lab-files");
        t.setDaemon(true);
        return t;
    });

    private FileWork() {
    }

    static <T> CompletableFuture<T> run(Callable<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        EXECUTOR.execute(() -> {
            try {
                result.complete(job.call());
            } catch (Throwable e) { // an OutOfMemoryError too: the reader's allocations are gone with it
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
