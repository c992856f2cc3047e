package org.boundarylab.cli;

import picocli.CommandLine;

/** Runs the bench command on its own: {@code java -cp ... org.boundarylab.cli.BenchMain [workload ...]}. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
