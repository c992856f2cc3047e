package org.boundarylab.ui;

/**
 * Starts the window from a class that is not an Application: the java launcher refuses to
 * start an Application subclass from the class path ("JavaFX runtime components are missing").
 */
public final class LabMain {
    private LabMain() {
    }

    public static void main(String[] args) {
        LabApp.launchWindow(args);
    }
}
