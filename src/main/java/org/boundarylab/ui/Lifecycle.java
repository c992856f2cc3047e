package org.boundarylab.ui;

/** The window's life: features that hold resources or save on exit hear about its closing. */
@FunctionalInterface
public interface Lifecycle {
    /** Runs {@code action} when the window closes, before training stops. */
    void onShutdown(Runnable action);
}
