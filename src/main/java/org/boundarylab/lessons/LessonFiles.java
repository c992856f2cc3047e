package org.boundarylab.lessons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.text.Excerpt;
import org.boundarylab.io.JsonFieldException;
import org.boundarylab.io.JsonFields;
import org.boundarylab.io.JsonInput;


/**
 * Lesson files, format {@value #FORMAT}:
 * <pre>
 * {"format": "boundary-lab-lesson/1",
 *  "id": "two-hidden-layers", "title": "Two hidden layers (5, 3)", "text": "What to watch for ...",
 *  "settings": {... see SettingsJson ...},
 *  "locked": ["dataset", "hidden"],
 *  "expect": {"min_test_accuracy": 1.0, "min_train_accuracy": 0.99, "max_train_accuracy": ...,
 *             "max_test_accuracy": ..., "underfit_width": 1, "fit_from_width": 3, "min_gap": 0.05,
 *             "min_test_loss_rise": 1.5, "max_train_loss_share_at_end": 0.8,            (one run)
 *             "min_widest_train_accuracy": 0.98, "min_test_peak_drop": 0.03, "min_widest_gap": 0.08,
 *             "max_widest_gap": 0.04, "min_widest_test_loss_rise": 1.5},      (a sweep's means)
 *  "sweep_widths": [1, 2, 3, 4, 5, 20, 50], "sweep_seeds": 5,
 *  "exercise": {"text": "Add a hidden layer of 5 ...", "settings": {"hidden": [5]},
 *               "expect": {"min_train_accuracy": 0.97}}}
 * </pre>
 * "locked", "expect", "sweep_widths", "sweep_seeds" (5) and "exercise" may be left out; an
 * exercise's settings are the lesson's with the keys it gives changed; unknown keys are ignored. Reading
 * refuses a bad file as a whole with a message naming the file and the place; it reads at most
 * {@link #MAX_FILE_BYTES} bytes (a device is read with that cap), accepts a UTF-8 byte order mark
 * and builds at most {@link #LIMITS}' values ({@link JsonInput}).
 */
public final class LessonFiles {
    public static final String FORMAT = "boundary-lab-lesson/1";
    public static final String EXTENSION = ".json";

    /** Lessons are a page of text and a few numbers; anything far bigger is not one. */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Nesting, string, number and value counts a lesson file may have. */
    static final JsonInput.Limits LIMITS = new JsonInput.Limits(MAX_FILE_BYTES, 32, 100_000, 100, 100_000);
    private static final String KIND = "a lesson file";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private LessonFiles() {
    }

    public static Lesson read(Path file) throws LessonFormatException, IOException {
        String name = file.toString();
        return fromTree(JsonInput.readTree(file, KIND, LIMITS, false, LessonFormatException::new), name);
    }

    /** Saves atomically: an existing file stays whole until the new one is complete. */
    public static void write(Path file, Lesson lesson) throws IOException {
        AtomicFiles.writeString(file, toJson(lesson));
    }

    public static String toJson(Lesson lesson) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", lesson.id());
        root.put("title", lesson.title());
        root.put("text", lesson.text());
        root.set("settings", SettingsJson.toJson(lesson.settings()));
        ArrayNode locked = root.putArray("locked");
        lesson.lockedControls().forEach(locked::add);
        putExpectation(root.putObject("expect"), lesson.expect());
        if (lesson.isSweep()) {
            ArrayNode widths = root.putArray("sweep_widths");
            for (int w : lesson.sweepWidths()) {
                widths.add(w);
            }
            root.put("sweep_seeds", lesson.sweepSeeds());
        }
        if (lesson.exercise() != null) {
            ObjectNode ex = root.putObject("exercise");
            ex.put("text", lesson.exercise().text());
            ex.set("settings", SettingsJson.toJson(lesson.exercise().settings()));
            putExpectation(ex.putObject("expect"), lesson.exercise().expect());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a lesson tree always serialises", ex);
        }
    }

    private static void putExpectation(ObjectNode expect, Expectation e) {
        putBound(expect, "min_train_accuracy", e.minTrainAccuracy());
        putBound(expect, "max_train_accuracy", e.maxTrainAccuracy());
        putBound(expect, "min_test_accuracy", e.minTestAccuracy());
        putBound(expect, "max_test_accuracy", e.maxTestAccuracy());
        if (e.hasSweepPattern()) {
            expect.put("underfit_width", e.underfitWidth());
            expect.put("fit_from_width", e.fitFromWidth());
            expect.put("min_gap", e.minGap());
        }
        e.claims().forEach((claim, v) -> expect.put(claim.key(), v));
    }

    private static void putBound(ObjectNode o, String key, double v) {
        if (!Double.isNaN(v)) {
            o.put(key, v);
        }
    }

    /** Parses and checks a lesson; {@code sourceName} starts every error message. A byte order mark is skipped. */
    public static Lesson fromJson(String json, String sourceName) throws LessonFormatException {
        return fromTree(JsonInput.parseTree(json, sourceName, KIND, LIMITS, false, LessonFormatException::new),
                sourceName);
    }

    private static Lesson fromTree(JsonNode root, String sourceName) throws LessonFormatException {
        if (root == null || root.isMissingNode()) {
            throw new LessonFormatException(sourceName + ": the file is empty");
        }
        try {
            JsonFields f = JsonFields.of(root, "");
            if (!f.has("format")) {
                throw new JsonFieldException("no \"format\" key; a lesson file starts with \"format\": \"" + FORMAT + "\"");
            }
            String format = f.text("format");
            if (!format.equals(FORMAT)) {
                throw new JsonFieldException("format is \"" + format + "\", expected \"" + FORMAT + "\"");
            }
            String id = f.text("id");
            String title = f.text("title");
            String text = f.text("text", "");
            LabSettings settings = SettingsJson.fromJson(f.required("settings"), "settings");
            Set<String> locked = new LinkedHashSet<>(f.has("locked") ? f.textArray("locked") : java.util.List.of());
            Expectation expect = f.has("expect") ? expectation(f.object("expect")) : Expectation.NONE;
            int[] sweep = f.has("sweep_widths") ? f.intArray("sweep_widths") : null;
            int seeds = f.int32("sweep_seeds", Lesson.DEFAULT_SWEEP_SEEDS);
            Lesson.Exercise exercise = null;
            if (f.has("exercise")) {
                JsonFields ex = f.object("exercise");
                String exText = ex.text("text");
                LabSettings exSettings = ex.has("settings")
                        ? SettingsJson.fromJson(ex.required("settings"), ex.path("settings"), settings) : settings;
                Expectation exExpect = ex.has("expect") ? expectation(ex.object("expect")) : Expectation.NONE;
                try {
                    exercise = new Lesson.Exercise(exText, exSettings, exExpect);
                } catch (IllegalArgumentException e) {
                    throw new JsonFieldException(ex.path() + ": " + e.getMessage());
                }
            }
            try {
                return new Lesson(id, title, text, settings, locked, expect, sweep, seeds, exercise);
            } catch (IllegalArgumentException e) {
                throw new JsonFieldException(e.getMessage());
            }
        } catch (JsonFieldException e) {
            throw new LessonFormatException(sourceName + ": " + Excerpt.line(e.getMessage(), 300), e);
        }
    }

    private static Expectation expectation(JsonFields f) throws JsonFieldException {
        try {
            java.util.Map<Expectation.Claim, Double> claims = new java.util.EnumMap<>(Expectation.Claim.class);
            for (Expectation.Claim c : Expectation.Claim.values()) {
                if (f.has(c.key())) {
                    claims.put(c, f.number(c.key(), 0));
                }
            }
            return new Expectation(f.number("min_train_accuracy", Double.NaN), f.number("max_train_accuracy", Double.NaN),
                    f.number("min_test_accuracy", Double.NaN), f.number("max_test_accuracy", Double.NaN),
                    f.int32("underfit_width", 0), f.int32("fit_from_width", 0), f.number("min_gap", 0), claims);
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(f.path() + ": " + e.getMessage());
        }
    }
}
