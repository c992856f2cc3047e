package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Exit 0 and nothing on standard error. */
    CliRun ok() {
        assertEquals(0, status, "exit status; stderr: " + err);
        assertEquals("", err, "stderr");
        return this;
    }

    /**
     * Exit 2 with exactly one line on standard error, no stack trace, containing each fragment:
     * the refusal contract (at most 200 characters, no control or other invisible characters).
     */
    CliRun refused(String... fragments) {
        assertEquals(2, status, "exit status; stdout: " + out + " stderr: " + err);
        assertEquals(1, err.lines().count(), "exactly one line on stderr: " + err);
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.endsWith("\n") || err.endsWith(System.lineSeparator()), err);
        String line = err.strip();
        assertTrue(line.length() <= 200, line.length() + " characters: " + line);
        assertTrue(line.codePoints().noneMatch(org.boundarylab.text.Excerpt::unsafe), "control characters: " + line);
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("at org.")
                || err.contains("[Source"), "no stack trace or exception names: " + err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "stderr should contain '" + f + "': " + err);
        }
        return this;
    }
}
