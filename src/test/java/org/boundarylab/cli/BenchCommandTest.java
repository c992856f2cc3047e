package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsOneLineWithTheMedianSecondsPerWorkload() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "--runs", "1", "seed000", "boundary");
        assertEquals(0, code, err.toString());
        String[] lines = out.toString().trim().split("\\R");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].matches("seed000 \\d+\\.\\d{4}"), lines[0]);
        assertTrue(lines[1].matches("boundary \\d+\\.\\d{4}"), lines[1]);
    }

    @Test
    void refusesAnUnknownWorkloadWithStatus2AndSaysWhichOnesExist() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "seed001");
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown workload 'seed001'"), err.toString());
        assertTrue(err.toString().contains("seed000, sweep, boundary, large"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void refusesZeroRuns() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "--runs", "0", "seed000"));
        assertTrue(err.toString().contains("--runs must be at least 1"), err.toString());
    }
}
