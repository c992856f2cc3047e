package org.boundarylab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInLessonSurvivesARoundTripThroughAFile() throws Exception {
        for (Lesson lesson : BuiltInLessons.all()) {
            Path file = dir.resolve(lesson.id() + LessonFiles.EXTENSION);
            LessonFiles.write(file, lesson);
            assertEquals(lesson, LessonFiles.read(file), lesson.id());
        }
    }

    @Test
    void aTeachersOwnLessonKeepsEverySetting() throws Exception {
        LabSettings s = LabSettings.defaults().toBuilder().hidden(8, 4).hiddenActivation(Activation.RELU)
                .outputActivation(Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY).learningRate(0.03).l1(1e-4)
                .batchSize(16).weightSeed(-7).dataSeed(123456789012L).epochs(300).redrawEvery(3).build();
        Lesson lesson = new Lesson("my-relu", "ReLU in small steps", "Watch the kinks.", s,
                Set.of("hidden", "learning_rate"), Expectation.accuracy(0.5, Double.NaN, Double.NaN, 1.0), null);
        Path file = dir.resolve("mine.json");
        LessonFiles.write(file, lesson);
        Lesson back = LessonFiles.read(file);
        assertEquals(lesson, back);
        assertEquals(s, back.settings());
        assertTrue(back.isLocked("hidden"));
        assertEquals(Double.NaN, back.expect().maxTrainAccuracy());
    }

    @Test
    void aSavedSetupGetsAnIdFromItsTitle() {
        assertEquals("my-relu-lesson", Lesson.idFrom("My ReLU lesson!"));
        assertEquals("ubergang-5-3", Lesson.idFrom("Übergang (5, 3)"));
        assertEquals("lesson", Lesson.idFrom("???"));
        Lesson l = Lesson.of(Lesson.idFrom("Two hidden layers (5, 3)"), "Two hidden layers (5, 3)", "", LabSettings.defaults());
        assertEquals("two-hidden-layers-5-3", l.id());
    }

    @Test
    void unknownKeysAreIgnoredAndMissingSettingsTakeTheDefaults() throws Exception {
        Lesson l = LessonFiles.fromJson("""
                {"format": "boundary-lab-lesson/1", "id": "short", "title": "Short", "author": "someone",
                 "settings": {"hidden": [2], "colour": "blue"}}""", "short.json");
        assertEquals(LabSettings.defaults().withHidden(2), l.settings());
        assertEquals(Set.of(), l.lockedControls());
        assertEquals(Expectation.NONE, l.expect());
        assertEquals("", l.text());
    }

    @Test
    void aCorruptFileIsRefusedSayingWhatAndWhere() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"boundary-lab-lesson/1\",\n \"id\": \"x\", \"title\": \"T\",\n \"settings\": {\"samples\": 200,,}}");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not valid JSON (line 3, column "), e.getMessage());

        Files.write(file, new byte[0]);
        assertEquals(file + ": the file is empty",
                assertThrows(LessonFormatException.class, () -> LessonFiles.read(file)).getMessage());

        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(file + ":1: not UTF-8 text (byte 0xff), so not a lesson file",
                assertThrows(LessonFormatException.class, () -> LessonFiles.read(file)).getMessage());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Lesson lesson = BuiltInLessons.all().get(0);
        Path file = dir.resolve("bom.json");
        byte[] json = LessonFiles.toJson(lesson).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(file, withBom);
        assertEquals(lesson.id(), LessonFiles.read(file).id());
        assertEquals(lesson.id(), LessonFiles.fromJson("\uFEFF" + LessonFiles.toJson(lesson), "l.json").id());
    }

    @Test
    void sweepsAndPromisesAreCheckedWithShortMessages() {
        refused("lesson 'a' sweeps 1,000 widths; a sweep compares at most 100",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {}, \"sweep_widths\": [" + widths(1000) + "]"));
        // far more values than a lesson holds are refused while reading, before any tree of them is built
        refused("more than 100,000 values by line 1, far more than a lesson file holds",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {}, \"sweep_widths\": [" + widths(100_000) + "]"));
        refused("lesson 'a' sweeps width 5 twice",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {}, \"sweep_widths\": [1, 5, 5]"));
        refused("expect: min_train_accuracy (0.9) is above max_train_accuracy (0.5); no run could keep that promise",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {}, "
                        + "\"expect\": {\"min_train_accuracy\": 0.9, \"max_train_accuracy\": 0.5}"));
        refused("expect: min_test_accuracy (1.0) is above max_test_accuracy (0.2); no run could keep that promise",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {}, "
                        + "\"expect\": {\"min_test_accuracy\": 1, \"max_test_accuracy\": 0.2}"));
        LessonFormatException longId = assertThrows(LessonFormatException.class, () -> LessonFiles.fromJson(
                lesson("\"id\": \"" + "X".repeat(5000) + "\\u0000\", \"title\": \"T\", \"settings\": {}"), "l.json"));
        assertTrue(longId.getMessage().length() < 200, longId.getMessage());
        assertTrue(longId.getMessage().contains("(5,001 characters)"), longId.getMessage());
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        refused("no \"format\" key; a lesson file starts with \"format\": \"boundary-lab-lesson/1\"",
                "{\"id\": \"a\"}");
        refused("format is \"boundary-lab-model/1\", expected \"boundary-lab-lesson/1\"",
                "{\"format\": \"boundary-lab-model/1\"}");
        refused("expected a JSON object {...} at the top, found an array of 0", "[]");
        refused("id: missing", lesson("\"title\": \"T\", \"settings\": {}"));
        refused("settings.learning_rate: expected a number, found the string \"fast\"",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {\"learning_rate\": \"fast\"}"));
        refused("settings.hidden[1]: expected a whole number, found 2.5",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {\"hidden\": [5, 2.5]}"));
        refused("settings.hidden_activation: unknown activation 'tanhh' (expected one of tanh, sigmoid, relu, "
                        + "leaky_relu, linear, softmax)",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {\"hidden_activation\": \"tanhh\"}"));
        refused("settings: learning rate must be a number above 0 and at most 100.0, got -1.0",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {\"learning_rate\": -1}"));
        refused("settings.loss: missing; give the loss that goes with output_activation",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {\"output_activation\": \"softmax\"}"));
        refused("lesson 'a' locks an unknown setting 'speed' (known: " + String.join(", ", LabSettings.SETTING_NAMES) + ")",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {}, \"locked\": [\"speed\"]"));
        refused("expect: min_test_accuracy must be an accuracy from 0 to 1, got 97.0",
                lesson("\"id\": \"a\", \"title\": \"T\", \"settings\": {}, \"expect\": {\"min_test_accuracy\": 97}"));
        refused("lesson id must be 1 to 64 lower-case letters, digits or '-', got 'My Lesson'",
                lesson("\"id\": \"My Lesson\", \"title\": \"T\", \"settings\": {}"));
    }

    private static String widths(int count) {
        StringBuilder many = new StringBuilder();
        for (int w = 1; w <= count; w++) {
            many.append(w == 1 ? "" : ", ").append(1 + w % 1000);
        }
        return many.toString();
    }

    private static String lesson(String body) {
        return "{\"format\": \"boundary-lab-lesson/1\", " + body + "}";
    }

    private static void refused(String message, String json) {
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonFiles.fromJson(json, "l.json"));
        assertEquals("l.json: " + message, e.getMessage());
    }
}
