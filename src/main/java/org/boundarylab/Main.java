package org.boundarylab;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.boundarylab.cli.Cli;

/**
 * Starts Boundary Lab: with no arguments the window (wired in once the user interface is
 * part of the build), with arguments the command line. Command-line runs never touch JavaFX,
 * so they work on machines without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.out.println("usage: boundary-lab <command> [options]   (commands: init, datasets, train, evaluate;"
                    + " 'boundary-lab --help' for details)");
            return;
        }
        Charset console = consoleCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, console), true);
        System.exit(Cli.run(args, out, err));
    }

    private static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding");
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
