package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Generators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SweepCommandTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;

    @BeforeAll
    static void data() throws Exception {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        CsvDatasets.write(Generators.moons(80, 0.2, 0), train);
        CsvDatasets.write(Generators.moons(80, 0.2, 1), test);
    }

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // through the top-level command, with its error handlers, as a user runs it
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "sweep";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cl.execute(full);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void writesOneRowPerRunAndTheThumbnailGrid() throws Exception {
        Path csv = dir.resolve("results.csv");
        Path png = dir.resolve("grid.png");
        Outcome o = run("--data", train.toString(), "--test", test.toString(), "--hidden", "1,3,8",
                "--seeds", "2", "--epochs", "200", "--learning-rate", "2.0", "--l2", "5e-5", "--threads", "2",
                "--out", csv.toString(), "--png", png.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("setting,seed,train_loss,test_loss,train_accuracy,test_accuracy,epochs,seconds,diverged", lines.get(0));
        assertEquals(1 + 6, lines.size());
        assertTrue(lines.get(1).startsWith("1,0,"), lines.get(1));
        assertTrue(lines.get(6).startsWith("8,1,"), lines.get(6));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(9, f.length, line);
            assertEquals("false", f[8], line);
            assertEquals("200", f[6]);
            double acc = Double.parseDouble(f[4]);
            assertTrue(acc >= 0 && acc <= 1, line);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 3 * 150 && img.getHeight() > 150, img.getWidth() + "x" + img.getHeight());
        assertTrue(o.out().contains("best test accuracy"), o.out());
    }

    @Test
    void sweepsL2WithOneWidth() throws Exception {
        Path csv = dir.resolve("l2.csv");
        Outcome o = run("--data", train.toString(), "--test", test.toString(), "--hidden", "5",
                "--l2-values", "0,0.001", "--seeds", "1", "--epochs", "50", "--learning-rate", "1",
                "--out", csv.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).startsWith("0,0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("0.001,0,"), lines.get(2));
    }

    @Test
    void divergedRunsAreMarkedCountedAndNeverBest() throws Exception {
        Path csv = dir.resolve("wild.csv");
        Path png = dir.resolve("wild.png");
        Outcome o = run("--data", train.toString(), "--test", test.toString(), "--hidden", "2,3",
                "--seeds", "2", "--epochs", "50", "--learning-rate", "1e308", "--threads", "2",
                "--out", csv.toString(), "--png", png.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.endsWith(",true"), "every run diverged: " + line);
        }
        assertFalse(o.out().contains("Infinity") || o.out().contains("NaN"), o.out());
        assertTrue(o.out().contains("h=2         2  diverged (all 2 runs)"), o.out());
        assertTrue(o.out().contains("best test accuracy: none"), o.out());
        assertNotNull(ImageIO.read(png.toFile()));
    }

    @Test
    void badInputGivesOneClearLineAndStatus2() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x1,x2,label\n0.1,0.2,0\n0.3,abc,1\n");
        String out = dir.resolve("never.csv").toString();
        Outcome o = run("--data", bad.toString(), "--test", test.toString(), "--hidden", "1,2",
                "--epochs", "10", "--learning-rate", "1", "--out", out);
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("bad.csv:3"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());

        o = run("--data", train.toString(), "--test", test.toString(), "--hidden", "1,,x",
                "--epochs", "10", "--learning-rate", "1", "--out", out);
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--hidden") && o.err().contains("value 2"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());

        o = run("--data", train.toString(), "--test", test.toString(), "--hidden", "3",
                "--output", "sigmoid", "--epochs", "10", "--learning-rate", "1", "--out", out);
        assertEquals(2, o.code());
        assertTrue(o.err().contains("cross_entropy needs a softmax output"), o.err());

        o = run("--data", train.toString(), "--test", test.toString(), "--hidden", "3", "--seeds", "0",
                "--epochs", "10", "--learning-rate", "1", "--out", out);
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--seeds must be at least 1"), o.err());

        o = run("--data", dir.resolve("missing.csv").toString(), "--test", test.toString(), "--hidden", "3",
                "--epochs", "10", "--learning-rate", "1", "--out", out);
        assertEquals(2, o.code());
        assertTrue(o.err().contains("missing.csv"), o.err());
        assertTrue(Files.notExists(dir.resolve("never.csv")));
    }
}
