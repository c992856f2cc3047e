package org.boundarylab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * File and export work off the FX thread: one background thread, so files are read and written
 * in the order they were asked for, and one way back: a job's result (or its failure of any
 * kind, running out of memory included) is delivered on the FX thread. While jobs run,
 * {@link #activityProperty()} names the newest, for the window to show.
 */
public final class BackgroundTasks {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "boundary-lab-files");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private int running;

    /** What is being done now ("Saving lab.blab"), or "" when nothing is. Changes on the FX thread. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Whether a job is queued or running (FX thread). */
    public boolean isBusy() {
        return running > 0;
    }

    /**
     * Runs {@code job} in the background, then {@code done} or {@code failed} on the FX thread.
     * Call on the FX thread.
     *
     * @return completes once {@code done} or {@code failed} has run, with the job's result or failure
     */
    public <T> CompletableFuture<T> run(String what, Callable<T> job, Consumer<T> done, Consumer<Throwable> failed) {
        running++;
        activity.set(what);
        CompletableFuture<T> delivered = new CompletableFuture<>();
        executor.execute(() -> {
            T result = null;
            Throwable failure = null;
            try {
                result = job.call();
            } catch (Throwable e) { // an OutOfMemoryError too: the job's allocations are gone with it
                failure = e;
            }
            T r = result;
            Throwable f = failure;
            Platform.runLater(() -> {
                if (--running == 0) {
                    activity.set("");
                }
                try {
                    if (f == null) {
                        done.accept(r);
                    } else {
                        failed.accept(f);
                    }
                } finally {
                    if (f == null) {
                        delivered.complete(r);
                    } else {
                        delivered.completeExceptionally(f);
                    }
                }
            });
        });
        return delivered;
    }

    /**
     * Waits on the FX thread for {@code future} while the window goes on drawing and answering
     * (a nested event loop, as a modal dialog waits): for the few places that need an answer
     * before they go on, such as "save first, then open the other file".
     */
    public <T> T await(CompletableFuture<T> future) {
        Object key = new Object();
        boolean[] waiting = {false};
        future.whenComplete((r, e) -> Platform.runLater(() -> {
            if (waiting[0]) { // (completed before the wait began: there is no loop to leave)
                waiting[0] = false;
                Platform.exitNestedEventLoop(key, null);
            }
        }));
        if (!future.isDone()) {
            waiting[0] = true;
            Platform.enterNestedEventLoop(key);
        }
        return future.getNow(null);
    }
}
