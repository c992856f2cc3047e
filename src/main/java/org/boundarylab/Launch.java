package org.boundarylab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.boundarylab.workspace.WorkspaceFiles;

/**
 * What a start of the app asks for, read from its arguments without touching JavaFX: the window
 * (empty, or with a workspace to open) or a command of the command line.
 *
 * <p>The window: no arguments; {@code --smoke-test}; one workspace file, as a file manager passes
 * it when a {@code .blab} file is double-clicked (a path ending in {@code .blab}, whether or not it
 * exists, so a missing file gets the same message as File > Open gives; or an existing file that
 * holds a workspace whatever its name); or that file and {@code --smoke-test}. Everything else is
 * a command, a command's name always winning over a file of the same name. The process serial
 * number argument that older macOS versions add ({@code -psn_...}) is ignored.
 */
public record Launch(Kind kind, Optional<Path> workspace, boolean smokeTest, List<String> commandArgs) {
    public static final String SMOKE_TEST = "--smoke-test";
    /** The start of every workspace file's format value, sniffed in a file without the extension. */
    static final String FORMAT_PREFIX = WorkspaceFiles.FORMAT.substring(0, WorkspaceFiles.FORMAT.indexOf('/') + 1);
    private static final int SNIFF_BYTES = 4096;

    public enum Kind { WINDOW, COMMAND }

    public Launch {
        workspace = workspace == null ? Optional.empty() : workspace;
        commandArgs = List.copyOf(commandArgs);
    }

    /**
     * Decides what the arguments ask for.
     *
     * @param isCommand whether a word is one of the command line's command names (a file named
     *                  like one is never opened); asked only about a lone argument
     */
    public static Launch of(List<String> args, Predicate<String> isCommand) {
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-psn_")) {
                rest.add(a);
            }
        }
        boolean smoke = rest.remove(SMOKE_TEST);
        if (rest.isEmpty()) {
            return new Launch(Kind.WINDOW, Optional.empty(), smoke, List.of());
        }
        if (rest.size() == 1 && !rest.contains(SMOKE_TEST)) {
            Optional<Path> file = workspaceFile(rest.get(0), isCommand);
            if (file.isPresent()) {
                return new Launch(Kind.WINDOW, file, smoke, List.of());
            }
        }
        return new Launch(Kind.COMMAND, Optional.empty(), false, args);
    }

    /** The argument as a workspace to open, if it names one (see the class comment). */
    static Optional<Path> workspaceFile(String arg, Predicate<String> isCommand) {
        if (arg.isEmpty() || arg.startsWith("-") || isCommand.test(arg)) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (arg.toLowerCase(Locale.ROOT).endsWith(WorkspaceFiles.EXTENSION) || holdsWorkspace(file)) {
            return Optional.of(file.toAbsolutePath().normalize());
        }
        return Optional.empty();
    }

    /** Whether the file's first bytes hold a workspace's format value (a regular file only). */
    static boolean holdsWorkspace(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
            return head.stripLeading().startsWith("{") && head.contains("\"" + FORMAT_PREFIX);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Whether this start opens the window (else it runs a command). */
    public boolean window() {
        return kind == Kind.WINDOW;
    }
}
