package org.boundarylab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Range checks on option values, done before any work starts so that a typo costs nothing.
 * Failures are picocli parameter errors: one line naming the option and the value.
 */
final class Checks {
    private final CommandSpec spec;

    Checks(CommandSpec spec) {
        this.spec = spec;
    }

    ParameterException error(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    void atLeast(String option, long value, long min) {
        if (value < min) {
            throw error(option + " must be at least " + min + ", got " + value);
        }
    }

    void atMost(String option, long value, long max) {
        if (value > max) {
            throw error(option + " must be at most " + max + ", got " + value);
        }
    }

    void positive(String option, double value) {
        if (!Double.isFinite(value) || !(value > 0)) {
            throw error(option + " must be a finite number > 0, got " + value);
        }
    }

    void nonNegative(String option, double value) {
        if (!Double.isFinite(value) || !(value >= 0)) {
            throw error(option + " must be a finite number >= 0, got " + value);
        }
    }

    void openInterval(String option, double value, double low, double high) {
        if (!Double.isFinite(value) || !(value > low && value < high)) {
            throw error(option + " must lie strictly between " + low + " and " + high + ", got " + value);
        }
    }

    /** Refuses an output that would overwrite one of the inputs (say, a model saved over the data). */
    void notOverwriting(String option, Path output, String inputOption, Path input) {
        if (input != null && sameFile(output, input)) {
            throw error(option + " and " + inputOption + " are the same file " + output
                    + "; writing one would destroy the other");
        }
    }

    /** The same path, or two names (links) of one existing file; a device such as /dev/null may be named twice. */
    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isRegularFile(a) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * The folder an output will be written to must exist, so a long run does not fail at the very
     * end. A link is judged by the file it points to; an existing device or pipe (written in
     * place, never replaced) must be writable itself.
     */
    void writableTarget(String option, Path file) {
        Path absolute = file.toAbsolutePath();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(absolute); hops++) {
            try {
                Path link = Files.readSymbolicLink(absolute);
                if (absolute.startsWith("/proc") || link.startsWith("/proc")) {
                    // /dev/stdout and friends: written through in place, like a device
                    if (!Files.isWritable(file)) {
                        throw error(option + " " + file + " is not writable");
                    }
                    return;
                }
                absolute = absolute.getParent().resolve(link);
            } catch (IOException | SecurityException e) {
                break;
            }
        }
        if (Files.isDirectory(absolute)) {
            throw error(option + " " + file + " is a folder; give a file name");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(absolute)) {
            if (!Files.isWritable(absolute)) {
                throw error(option + " " + file + " is not writable");
            }
            return;
        }
        Path dir = absolute.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw error(option + " " + file + ": the folder " + dir + " does not exist");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw error(option + " " + file + ": the folder " + dir + " is not writable");
        }
    }
}
