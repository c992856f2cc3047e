package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Generators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheGeneratorsPointsAsCsv() throws Exception {
        Path out = dir.resolve("moons.csv");
        CliRun run = CliRun.of("datasets", "--kind", "moons", "--samples", "60", "--noise", "0.1", "--seed", "5",
                "--out", out.toString()).ok();
        assertTrue(run.out().contains("wrote 60 points"), run.out());
        assertTrue(Files.readString(out).startsWith("x1,x2,label\n"));
        assertEquals(Generators.generate(DatasetKind.MOONS, 60, 0.1, 5), CsvDatasets.read(out));
    }

    @Test
    void splitsIntoTrainAndTestFiles() throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        CliRun.of("datasets", "--kind", "circles", "--samples", "100", "--seed", "1", "--test-ratio", "0.2",
                "--out", train.toString(), "--test-out", test.toString()).ok();
        Dataset a = CsvDatasets.read(train);
        Dataset b = CsvDatasets.read(test);
        assertEquals(80, a.size());
        assertEquals(20, b.size());
    }

    @Test
    void badSettingsAreRefused() {
        String out = dir.resolve("d.csv").toString();
        CliRun.of("datasets", "--kind", "bananas", "--out", out).refused("--kind", "bananas");
        CliRun.of("datasets", "--kind", "moons", "--samples", "-5", "--out", out).refused("--samples must be at least 2");
        CliRun.of("datasets", "--kind", "moons", "--samples", "ten", "--out", out).refused("--samples", "'ten'");
        CliRun.of("datasets", "--kind", "moons", "--noise", "-0.1", "--out", out).refused("--noise must be a finite number >= 0");
        CliRun.of("datasets", "--kind", "moons", "--noise", "NaN", "--out", out).refused("--noise");
        CliRun.of("datasets", "--kind", "moons", "--test-ratio", "0.2", "--out", out).refused("--test-ratio needs --test-out");
        CliRun.of("datasets", "--kind", "moons", "--test-ratio", "1.5", "--out", out,
                "--test-out", dir.resolve("t.csv").toString()).refused("--test-ratio must lie strictly between 0");
        CliRun.of("datasets", "--kind", "moons", "--test-ratio", "0.3", "--out", out, "--test-out", out)
                .refused("same file");
        assertFalse(Files.exists(Path.of(out)));
    }
}
