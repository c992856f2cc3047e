package org.boundarylab.cli;

import java.nio.file.Files;
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
        if (input != null && output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
            throw error(option + " and " + inputOption + " are the same file " + output
                    + "; writing one would destroy the other");
        }
    }

    /** The folder an output will be written to must exist, so a long run does not fail at the very end. */
    void writableTarget(String option, Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw error(option + " " + file + " is a folder; give a file name");
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
