package org.boundarylab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.boundarylab.data.DataFormatException;
import org.boundarylab.io.ModelFormatException;
import org.boundarylab.text.Excerpt;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the command line. Exit status 0 when the command succeeded, 2 for bad
 * arguments, bad files or a run that diverged (one line on standard error, starting with
 * "error: "), 1 for an unexpected internal failure (also one line).
 *
 * <p>The refusal contract: whatever the input, a refusal is exactly one line of at most
 * {@link Excerpt#MAX_MESSAGE} characters that names the file or the option, holds no control
 * characters and no stack trace, and comes before anything is written (outputs are written
 * together at the end, all or none).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // every input is bounded well below a default heap; this is the last line of defence, not a refusal
            err.println("error: internal error: the Java heap ran out of memory ("
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); nothing was written");
            return INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command tree, for callers that want to inspect or extend it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BoundaryLabCommand());
        cli.setParameterExceptionHandler(Cli::reportBadArguments);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> reportFailure(ex, commandLine.getErr()));
        return cli;
    }

    private static int reportBadArguments(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String help = "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        StringBuilder line = new StringBuilder(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        // the arguments are quoted by picocli as given: keep the line short and printable, the hint whole
        err.println("error: " + Excerpt.line(line.toString(), Excerpt.MAX_MESSAGE - 7 - help.length()) + help);
        err.flush();
        return USAGE;
    }

    private static int reportFailure(Exception ex, PrintWriter err) {
        int status = USAGE;
        String message;
        if (ex instanceof UserError || ex instanceof DataFormatException || ex instanceof ModelFormatException) {
            message = ex.getMessage();
        } else if (ex instanceof UncheckedIOException u) {
            message = describe(u.getCause());
        } else if (ex instanceof IOException io) {
            message = describe(io);
        } else if (ex instanceof IllegalArgumentException) {
            // the engine and the data classes check their inputs and say what is wrong
            message = ex.getMessage();
        } else {
            status = INTERNAL_ERROR;
            message = "internal error: " + ex;
        }
        err.println("error: " + Excerpt.line(oneLine(message), Excerpt.MAX_MESSAGE - 7));
        err.flush();
        return status;
    }

    /** File-system failures in words, naming the file. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "no such file or folder");
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "permission denied");
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + ": not a folder";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
