package org.boundarylab;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.boundarylab.cli.Cli;
import org.boundarylab.ui.app.LabApp;

/**
 * Starts Boundary Lab: with no arguments (or only {@code --smoke-test}) the window, with
 * arguments the command line. Command-line runs never touch JavaFX,
 * so they work on machines without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals(LabApp.SMOKE_TEST))) {
            // Only this branch loads JavaFX (LabApp is its only entry), so commands run without a display.
            LabApp.launchWindow(args);
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
