package org.boundarylab.workspace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.boundarylab.data.Dataset;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Network;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.io.JsonFields;
import org.boundarylab.io.JsonFieldException;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.io.ModelFormatException;
import org.boundarylab.lessons.SettingsJson;

/**
 * Workspace files ({@value #EXTENSION}), format {@value #FORMAT}:
 * <pre>
 * {"format": "boundary-lab-workspace/1",
 *  "settings": {... see SettingsJson ...},
 *  "data": {"classes": 2, "train": [[x1, x2, label], ...], "test": [[x1, x2, label], ...]},
 *  "network": {... a whole model file, "format": "boundary-lab-model/1", layers, activations, loss,
 *              weights, biases ...},
 *  "epoch": 1200,
 *  "history": {"columns": ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"],
 *              "rows": [[0, 0.69, 0.70, 0.5, 0.5], ...]}}     (unknown figures are null)
 * </pre>
 * Saves stream straight to a temporary file that replaces the old one only when complete and on
 * disk ({@link AtomicFiles}), so a crash or a kill in the middle leaves the previous file as it
 * was. Reading checks everything and refuses a bad file as a whole, naming the file and the
 * place; unknown keys are ignored.
 */
public final class WorkspaceFiles {
    public static final String FORMAT = "boundary-lab-workspace/1";
    public static final String EXTENSION = ".blab";
    static final List<String> HISTORY_COLUMNS = List.of("epoch", "train_loss", "test_loss", "train_accuracy",
            "test_accuracy");

    /** A workspace holds at most a few hundred thousand points; far bigger files are not ours. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WorkspaceFiles() {
    }

    /** Saves atomically. Refuses a network with non-finite parameters (save the last finite one). */
    public static void write(Path file, Workspace workspace) throws IOException {
        JsonNode network = networkTree(workspace.network());
        AtomicFiles.write(file, out -> write(out, workspace, network));
    }

    /** Streams the workspace as JSON; the caller owns {@code out}. */
    public static void write(OutputStream out, Workspace workspace) throws IOException {
        write(out, workspace, networkTree(workspace.network()));
    }

    private static JsonNode networkTree(Network network) {
        try {
            return MAPPER.readTree(ModelFiles.toJson(network));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model file always parses back", e);
        }
    }

    private static void write(OutputStream out, Workspace w, JsonNode network) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeFieldName("settings");
        MAPPER.writeTree(g, SettingsJson.toJson(w.settings()));
        g.writeRaw('\n');
        g.writeObjectFieldStart("data");
        g.writeNumberField("classes", w.train().classes());
        writePoints(g, "train", w.train());
        writePoints(g, "test", w.test());
        g.writeEndObject();
        g.writeRaw('\n');
        g.writeFieldName("network");
        MAPPER.writeTree(g, network);
        g.writeRaw('\n');
        g.writeNumberField("epoch", w.epoch());
        g.writeObjectFieldStart("history");
        g.writeArrayFieldStart("columns");
        for (String c : HISTORY_COLUMNS) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (TrainingHistory.Row r : w.history().rows()) {
            g.writeRaw('\n');
            g.writeStartArray();
            g.writeNumber(r.epoch());
            writeFigure(g, r.trainLoss());
            writeFigure(g, r.testLoss());
            writeFigure(g, r.trainAccuracy());
            writeFigure(g, r.testAccuracy());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void writePoints(JsonGenerator g, String name, Dataset d) throws IOException {
        g.writeArrayFieldStart(name);
        for (int r = 0; r < d.size(); r++) {
            g.writeRaw('\n');
            g.writeStartArray();
            g.writeNumber(d.x1(r));
            g.writeNumber(d.x2(r));
            g.writeNumber(d.label(r));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeFigure(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    public static Workspace read(Path file) throws WorkspaceFormatException, IOException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new WorkspaceFormatException(name + ": " + size + " bytes is far too large for a workspace file");
        }
        if (size == 0) {
            throw new WorkspaceFormatException(name + ": the file is empty");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        }
    }

    /** Parses and checks a workspace; {@code sourceName} starts every error message. */
    public static Workspace read(InputStream in, String sourceName) throws WorkspaceFormatException, IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String msg = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split("\n", 2)[0];
            throw new WorkspaceFormatException(sourceName + ": not valid JSON" + where + ": " + msg, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new WorkspaceFormatException(sourceName + ": the file is empty");
        }
        try {
            return workspace(root, sourceName);
        } catch (JsonFieldException e) {
            throw new WorkspaceFormatException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private static Workspace workspace(JsonNode root, String sourceName)
            throws JsonFieldException, WorkspaceFormatException {
        JsonFields f = JsonFields.of(root, "");
        if (!f.has("format")) {
            throw new JsonFieldException("no \"format\" key; a workspace file starts with \"format\": \"" + FORMAT + "\"");
        }
        String format = f.text("format");
        if (!format.equals(FORMAT)) {
            throw new JsonFieldException("format is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        LabSettings settings = SettingsJson.fromJson(f.required("settings"), "settings");
        JsonFields data = f.object("data");
        long classes = data.integer("classes");
        if (classes < 2 || classes > org.boundarylab.data.Generators.MAX_CLASSES) {
            throw new JsonFieldException(data.path("classes") + ": " + classes + " classes; expected 2 to "
                    + org.boundarylab.data.Generators.MAX_CLASSES);
        }
        Dataset train = points(data, "train", (int) classes);
        Dataset test = points(data, "test", (int) classes);

        Network network;
        try {
            JsonNode tree = f.object("network") == null ? null : f.required("network");
            network = ModelFiles.fromJson(MAPPER.writeValueAsString(tree), "network").network();
        } catch (ModelFormatException e) {
            throw new WorkspaceFormatException(sourceName + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always writes back", e);
        }
        Architecture expected;
        try {
            expected = settings.architecture(network.architecture().inputs(), (int) classes);
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException("settings do not fit the data: " + e.getMessage());
        }
        if (!network.architecture().equals(expected)) {
            throw new JsonFieldException("network is " + network.architecture() + " but the settings and "
                    + classes + " classes describe " + expected);
        }
        long epoch = f.integer("epoch", 0);
        if (epoch < 0) {
            throw new JsonFieldException("epoch: " + epoch + " is negative");
        }
        TrainingHistory history = f.has("history") ? history(f.object("history")) : new TrainingHistory();
        return new Workspace(settings, train, test, network, history, epoch);
    }

    private static Dataset points(JsonFields data, String key, int classes) throws JsonFieldException {
        JsonNode rows = data.array(key);
        String where = data.path(key);
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int r = 0; r < x.length; r++) {
            JsonNode row = rows.get(r);
            String at = where + "[" + r + "]";
            if (!row.isArray() || row.size() != 3) {
                throw new JsonFieldException(at + ": expected [x1, x2, label], found " + ModelFiles.describe(row));
            }
            x[r] = new double[] {JsonFields.number(row.get(0), at + "[0]"), JsonFields.number(row.get(1), at + "[1]")};
            long label = JsonFields.integer(row.get(2), at + "[2]");
            if (label < 0 || label >= classes) {
                throw new JsonFieldException(at + ": label " + label + " is outside 0.." + (classes - 1)
                        + " (data.classes is " + classes + ")");
            }
            y[r] = (int) label;
        }
        return new Dataset(x, y, classes);
    }

    private static TrainingHistory history(JsonFields h) throws JsonFieldException {
        if (h.has("columns")) {
            List<String> columns = h.textArray("columns");
            if (!columns.equals(HISTORY_COLUMNS)) {
                throw new JsonFieldException(h.path("columns") + ": expected " + HISTORY_COLUMNS + ", found " + columns);
            }
        }
        JsonNode rows = h.array("rows");
        List<TrainingHistory.Row> list = new ArrayList<>(rows.size());
        long previous = -1;
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = h.path("rows") + "[" + r + "]";
            if (!row.isArray() || row.size() != HISTORY_COLUMNS.size()) {
                throw new JsonFieldException(at + ": expected " + HISTORY_COLUMNS.size() + " values "
                        + HISTORY_COLUMNS + ", found " + ModelFiles.describe(row));
            }
            long epoch = JsonFields.integer(row.get(0), at + "[0]");
            if (epoch <= previous) {
                throw new JsonFieldException(at + "[0]: epoch " + epoch + " does not follow " + previous);
            }
            previous = epoch;
            double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                JsonNode n = row.get(k + 1);
                v[k] = n.isNull() ? Double.NaN : JsonFields.number(n, at + "[" + (k + 1) + "]");
            }
            list.add(new TrainingHistory.Row(epoch, v[0], v[1], v[2], v[3]));
        }
        return TrainingHistory.of(list, Math.max(TrainingHistory.DEFAULT_CAPACITY, list.size()));
    }

    /** The file name with the workspace extension added when it has none (for save dialogs). */
    public static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION) ? file
                : file.resolveSibling(name + EXTENSION);
    }
}
