package org.boundarylab;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import org.boundarylab.cli.Cli;
import org.boundarylab.ui.app.LabApp;

/**
 * Starts Boundary Lab: the window when {@link Launch} says so (no arguments, {@code --smoke-test},
 * a workspace file to open), else the command line. Command-line runs never touch JavaFX,
 * so they work on machines without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Launch launch = Launch.of(List.of(args), Main::isCommand);
        if (launch.window()) {
            // Only this branch loads JavaFX (LabApp is its only entry), so commands run without a display.
            LabApp.launchWindow(args);
            return;
        }
        Charset console = consoleCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, console), true);
        System.exit(Cli.run(args, out, err));
    }

    /** Whether the word names a command (or picocli's help), which wins over a file of that name. */
    static boolean isCommand(String word) {
        return word.equals("help") || Cli.commandLine().getSubcommands().containsKey(word);
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
