package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonsCommandTest {

    @Test
    void listNamesEveryBuiltInLessonWithItsKind() {
        CliRun run = CliRun.of("lessons", "list").ok();
        assertTrue(run.out().contains("hidden-size-sweep"), run.out());
        assertTrue(run.out().contains("sweep: 8 widths x 5 seeds, 20,000 epochs"), run.out());
        assertTrue(run.out().contains("logistic-regression") && run.out().contains("+ exercise"), run.out());
    }

    @Test
    void checkPrintsEachPromiseWithItsValueAndTheExercise() {
        CliRun run = CliRun.of("lessons", "check", "logistic-regression").ok();
        assertTrue(run.out().contains("PASS  train accuracy: 0.8625 (expected ≥ 0.83)"), run.out());
        assertTrue(run.out().contains("exercise: With a hidden layer of 5"), run.out());
        assertTrue(run.out().contains("PASS  train accuracy: 0.9938 (expected ≥ 0.97)"), run.out());
        assertTrue(run.out().strip().endsWith("1 lesson, 4 promises: all PASS"), run.out());
    }

    @Test
    void aTeachersFileThatPromisesTooMuchFailsWithExitOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"format\": \"boundary-lab-lesson/1\", \"id\": \"mine\", \"title\": \"Mine\","
                + " \"settings\": {\"epochs\": 100}, \"expect\": {\"min_train_accuracy\": 0.99}}");
        CliRun run = CliRun.of("lessons", "check", file.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("FAIL  train accuracy: 0.8750 (expected ≥ 0.99)"), run.out());
        assertTrue(run.out().contains("1 FAIL"), run.out());
    }

    @Test
    void unknownLessonsAndBadFilesAreRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        CliRun.of("lessons", "check", "logistic-regression", "nope").refused("no built-in lesson 'nope'");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"boundary-lab-lesson/1\", \"id\": \"x\"}");
        CliRun run = CliRun.of("lessons", "check", bad.toString()).refused("bad.json");
        assertEquals("", run.out());
        CliRun.of("lessons").refused("no lessons command given");
    }
}
