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
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.TrainerState;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.io.JsonFields;
import org.boundarylab.io.JsonInput;
import org.boundarylab.text.Excerpt;
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
 *  "trainer": {"optimizer": "adam", "steps": 1200,
 *              "moments": [{"weights": [...], "biases": [...]}, ...],  (shaped like the network's)
 *              "shuffle_state": 25214903917, "order": [3, 0, 2, ...]}  (order only for mini-batches)
 *  "history": {"columns": ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"],
 *              "rows": [[0, 0.69, 0.70, 0.5, 0.5], ...],     (unknown figures are null)
 *              "merged": {"columns": ["first_epoch", "last_epoch", "train_loss_min", "train_loss_max", ...],
 *                         "rows": [[0, 7, 0.61, 0.69, ...], ...]}}  (older stretches merged into
 *                                                                   bands, all before the rows)
 *  "timeline": [{"epoch": 0, "figures": [0.69, 0.70, 0.5, 0.5],   (train/test loss, train/test accuracy)
 *                "weights": [...], "biases": [...]}, ...]}      (earlier networks kept for rewinding,
 *                          shaped like the trainer's moments; at most 500,000 parameters in all, an
 *                          even selection)
 * </pre>
 * Saves stream straight to a temporary file that replaces the old one only when complete and on
 * disk ({@link AtomicFiles}), so a crash or a kill in the middle leaves the previous file as it
 * was.
 *
 * <p>Reading checks everything. The settings and the points are the lab: a file whose settings
 * or points are not valid is refused as a whole, naming the file and the place. The network,
 * the trainer's state and the history can be left out on their own when they fail their
 * checks (or a newer format has keys this one does not know), but never silently:
 * {@link #open} lists every part it left out, and {@link #read} refuses such a file.
 */
public final class WorkspaceFiles {
    public static final String FORMAT = "boundary-lab-workspace/1";
    public static final String EXTENSION = ".blab";
    static final List<String> HISTORY_COLUMNS = List.of("epoch", "train_loss", "test_loss", "train_accuracy",
            "test_accuracy");
    static final List<String> MERGED_COLUMNS = List.of("first_epoch", "last_epoch", "train_loss_min", "train_loss_max",
            "test_loss_min", "test_loss_max", "train_accuracy_min", "train_accuracy_max", "test_accuracy_min",
            "test_accuracy_max");

    /** The format family; a higher number than ours is a newer file, read as far as ours goes. */
    static final String FORMAT_PREFIX = "boundary-lab-workspace/";
    static final java.util.Set<String> KNOWN_KEYS = java.util.Set.of("format", "settings", "data", "network", "epoch",
            "trainer", "history", "timeline");

    /**
     * Training and test points together, as many as a CSV import may bring (its limit); a file
     * with more is refused before any point is stored.
     */
    public static final int MAX_POINTS = org.boundarylab.data.CsvDatasets.MAX_ROWS;

    /**
     * The largest file opened. A lab of {@link #MAX_POINTS} points (about 45 MB of text) with the
     * largest network the lab's controls allow (six layers of 256, about 330,000 parameters) and
     * Adam's two moments beside it (about 22 MB) stays well below it.
     */
    static final long MAX_FILE_BYTES = 200L * 1000 * 1000;

    /**
     * Reading holds the file's parsed form, several times the size of its text, at once: a file
     * is opened only when the Java heap has this many times its size free.
     */
    static final int HEAP_PER_FILE_BYTE = 8;

    private static final String KIND = "a workspace file";
    /** Shared reading within bounds (see {@link JsonInput}): four values a point, a few million parameters. */
    static final JsonInput.Limits LIMITS = new JsonInput.Limits(MAX_FILE_BYTES, 64, 100_000, 1000, 20_000_000L);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WorkspaceFiles() {
    }

    /** Saves atomically. Refuses a network with non-finite parameters (save the last finite one). */
    public static void write(Path file, Workspace workspace) throws IOException {
        JsonNode network = networkTree(workspace.network(), workspace.settings().features());
        AtomicFiles.write(file, out -> write(out, workspace, network));
    }

    /** Streams the workspace as JSON; the caller owns {@code out}. */
    public static void write(OutputStream out, Workspace workspace) throws IOException {
        write(out, workspace, networkTree(workspace.network(), workspace.settings().features()));
    }

    private static JsonNode networkTree(Network network, org.boundarylab.nn.Features features) {
        try {
            return MAPPER.readTree(ModelFiles.toJson(network,
                    org.boundarylab.io.ModelFile.withFeatures(java.util.Map.of(), features)));
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
        if (w.trainer() != null) {
            writeTrainer(g, w.trainer());
            g.writeRaw('\n');
        }
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
        List<TrainingHistory.Entry> bands = w.history().entries().stream().filter(e -> !e.isExact()).toList();
        if (!bands.isEmpty()) {
            g.writeObjectFieldStart("merged");
            g.writeArrayFieldStart("columns");
            for (String c : MERGED_COLUMNS) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (TrainingHistory.Entry b : bands) {
                g.writeRaw('\n');
                g.writeStartArray();
                g.writeNumber(b.first());
                g.writeNumber(b.last());
                TrainingHistory.Row lo = b.min();
                TrainingHistory.Row hi = b.max();
                double[] pairs = {lo.trainLoss(), hi.trainLoss(), lo.testLoss(), hi.testLoss(), lo.trainAccuracy(),
                        hi.trainAccuracy(), lo.testAccuracy(), hi.testAccuracy()};
                for (double v : pairs) {
                    writeFigure(g, v);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        writeTimeline(g, saved(w.timeline()));
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    /**
     * At most {@value #TIMELINE_SAVE_PARAMETERS} parameters of kept networks go into a file (a few
     * megabytes of text): for a large network, an even selection of them, the first and last kept.
     */
    static final long TIMELINE_SAVE_PARAMETERS = 500_000;

    static List<Workspace.Frame> saved(List<Workspace.Frame> frames) {
        if (frames.isEmpty()) {
            return frames;
        }
        long each = frames.get(0).network().architecture().parameterCount();
        int room = (int) Math.max(2, Math.min(frames.size(), TIMELINE_SAVE_PARAMETERS / Math.max(1, each)));
        if (room >= frames.size()) {
            return frames;
        }
        List<Workspace.Frame> kept = new ArrayList<>(room);
        for (int k = 0; k < room; k++) {
            kept.add(frames.get((int) Math.round((double) k * (frames.size() - 1) / (room - 1))));
        }
        return kept;
    }

    private static void writeTimeline(JsonGenerator g, List<Workspace.Frame> frames) throws IOException {
        if (frames.isEmpty()) {
            return;
        }
        g.writeRaw('\n');
        g.writeArrayFieldStart("timeline");
        for (Workspace.Frame f : frames) {
            g.writeRaw('\n');
            g.writeStartObject();
            g.writeNumberField("epoch", f.epoch());
            g.writeArrayFieldStart("figures");
            writeFigure(g, f.trainLoss());
            writeFigure(g, f.testLoss());
            writeFigure(g, f.trainAccuracy());
            writeFigure(g, f.testAccuracy());
            g.writeEndArray();
            writeParameters(g, f.network());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static List<Workspace.Frame> timeline(JsonNode list, Architecture arch, long lastEpoch)
            throws JsonFieldException {
        List<Workspace.Frame> frames = new ArrayList<>(list.size());
        long previous = -1;
        for (int r = 0; r < list.size(); r++) {
            JsonFields f = JsonFields.of(list.get(r), "timeline[" + r + "]");
            long epoch = f.integer("epoch");
            if (epoch <= previous || epoch > lastEpoch) {
                throw new JsonFieldException(f.path("epoch") + ": epoch " + epoch + " does not lie after " + previous
                        + " and at most at the network's epoch " + lastEpoch);
            }
            previous = epoch;
            JsonNode figures = f.array("figures");
            if (figures.size() != 4) {
                throw new JsonFieldException(f.path("figures") + ": expected train loss, test loss, train accuracy "
                        + "and test accuracy, found " + ModelFiles.describe(figures));
            }
            double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                JsonNode n = figures.get(k);
                v[k] = n.isNull() ? Double.NaN : JsonFields.number(n, f.path("figures") + "[" + k + "]");
            }
            Network net = parameters(f, arch);
            if (!net.isFinite()) {
                throw new JsonFieldException(f.path() + ": the parameters are not all finite numbers");
            }
            frames.add(new Workspace.Frame(epoch, net, v[0], v[1], v[2], v[3]));
        }
        return frames;
    }

    private static void writeTrainer(JsonGenerator g, TrainerState t) throws IOException {
        g.writeObjectFieldStart("trainer");
        g.writeStringField("optimizer", t.optimizer().id());
        g.writeNumberField("steps", t.steps());
        g.writeArrayFieldStart("moments");
        for (Network m : t.moments()) {
            g.writeRaw('\n');
            g.writeStartObject();
            writeParameters(g, m);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("shuffle_state", t.shuffleState());
        int[] order = t.order();
        if (order != null) {
            g.writeFieldName("order");
            g.writeArray(order, 0, order.length);
        }
        g.writeEndObject();
    }

    /** A network's parameters as "weights" (input-major matrices) and "biases" fields of the open object. */
    private static void writeParameters(JsonGenerator g, Network m) throws IOException {
        g.writeArrayFieldStart("weights");
        for (double[][] layer : m.weightMatrices()) {
            g.writeStartArray();
            for (double[] row : layer) {
                g.writeArray(row, 0, row.length);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("biases");
        for (double[] b : m.biasVectors()) {
            g.writeArray(b, 0, b.length);
        }
        g.writeEndArray();
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

    /**
     * A workspace read with the parts that had to be left out, each said in a sentence (empty
     * when the file was restored in full).
     */
    public record Opened(Workspace workspace, List<String> dropped) {
        public Opened {
            dropped = List.copyOf(dropped);
        }

        public boolean complete() {
            return dropped.isEmpty();
        }
    }

    /**
     * Reads a workspace in full, or refuses it: a file that could be opened only in part (see
     * {@link #open}) is refused too, with what would be left out.
     */
    public static Workspace read(Path file) throws WorkspaceFormatException, IOException {
        Opened opened = open(file);
        if (!opened.complete()) {
            throw new WorkspaceFormatException(file + ": cannot be restored in full: " + String.join("; ",
                    opened.dropped()));
        }
        return opened.workspace();
    }

    /**
     * Reads a workspace, leaving out the network, the trainer's state or the history when one of
     * them fails its checks, and saying so in {@link Opened#dropped()}. Refuses a file whose
     * settings or points are not valid, a file too large, and anything not a workspace; every
     * message starts with the file's name.
     */
    public static Opened open(Path file) throws WorkspaceFormatException, IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new WorkspaceFormatException(name + ": is a folder, not a workspace file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WorkspaceFormatException(name + ": no such file");
        } catch (IOException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new WorkspaceFormatException(name + ": " + megabytes(size) + " is far too large for a workspace file"
                    + " (at most " + megabytes(MAX_FILE_BYTES) + ")");
        }
        if (size == 0 && Files.isRegularFile(file)) {
            throw new WorkspaceFormatException(name + ": the file is empty");
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (size * HEAP_PER_FILE_BYTE > free) {
            System.gc(); // what is free after a collection decides
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (size * HEAP_PER_FILE_BYTE > free) {
                throw new WorkspaceFormatException(name + ": " + megabytes(size) + " needs about "
                        + megabytes(size * HEAP_PER_FILE_BYTE) + " of memory to open; " + megabytes(free)
                        + " is free (start Boundary Lab with a larger -Xmx to open it)");
            }
        }
        // a device or pipe has no size: it is read through the same cap, and checked as UTF-8 as read
        JsonNode root;
        try {
            root = JsonInput.readTree(file, KIND, LIMITS, false, WorkspaceFormatException::new);
        } catch (OutOfMemoryError e) {
            throw new WorkspaceFormatException(name + ": not enough memory to open this file (" + megabytes(size) + ")");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new WorkspaceFormatException(name + ": permission denied");
        }
        return fromTree(root, name);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    /** Parses and checks a workspace in full; {@code sourceName} starts every error message. */
    public static Workspace read(InputStream in, String sourceName) throws WorkspaceFormatException, IOException {
        Opened opened = open(in, sourceName);
        if (!opened.complete()) {
            throw new WorkspaceFormatException(sourceName + ": cannot be restored in full: "
                    + String.join("; ", opened.dropped()));
        }
        return opened.workspace();
    }

    /** Parses and checks a workspace, leaving out what fails (see {@link #open(Path)}). */
    public static Opened open(InputStream in, String sourceName) throws WorkspaceFormatException, IOException {
        String text = new String(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FILE_BYTES + 1)),
                java.nio.charset.StandardCharsets.UTF_8);
        if (text.length() > MAX_FILE_BYTES) {
            throw new WorkspaceFormatException(sourceName + ": far too large for a workspace file");
        }
        return fromTree(JsonInput.parseTree(text, sourceName, KIND, LIMITS, false, WorkspaceFormatException::new),
                sourceName);
    }

    private static Opened fromTree(JsonNode root, String sourceName) throws WorkspaceFormatException {
        if (root == null || root.isMissingNode()) {
            throw new WorkspaceFormatException(sourceName + ": the file is empty");
        }
        try {
            return workspace(root, sourceName);
        } catch (JsonFieldException e) {
            throw new WorkspaceFormatException(sourceName + ": " + Excerpt.line(e.getMessage(), 300), e);
        }
    }

    private static Opened workspace(JsonNode root, String sourceName) throws JsonFieldException, WorkspaceFormatException {
        JsonFields f = JsonFields.of(root, "");
        if (!f.has("format")) {
            throw new JsonFieldException("no \"format\" key; a workspace file starts with \"format\": \"" + FORMAT + "\"");
        }
        List<String> dropped = new ArrayList<>();
        String format = f.text("format");
        if (!format.equals(FORMAT)) {
            int version = newerVersion(format);
            if (version <= 0) {
                throw new JsonFieldException("format is \"" + Excerpt.of(format, 120) + "\", expected \""
                        + FORMAT + "\"");
            }
            dropped.add("the file is format " + version + ", from a newer Boundary Lab; it was read as format 1");
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(k -> {
            if (!KNOWN_KEYS.contains(k)) {
                unknown.add(Excerpt.of(k, 120));
            }
        });
        if (!unknown.isEmpty()) {
            dropped.add("parts this version does not know were left out: " + String.join(", ",
                    unknown.subList(0, Math.min(8, unknown.size()))) + (unknown.size() > 8 ? ", ..." : ""));
        }

        // the lab itself: settings and points, or nothing
        LabSettings settings = SettingsJson.fromJson(f.required("settings"), "settings");
        JsonFields data = f.object("data");
        long classes = data.integer("classes");
        if (classes < 2 || classes > org.boundarylab.data.Generators.MAX_CLASSES) {
            throw new JsonFieldException(data.path("classes") + ": " + classes + " classes; expected 2 to "
                    + org.boundarylab.data.Generators.MAX_CLASSES);
        }
        long points = (long) data.array("train").size() + data.array("test").size();
        if (points > MAX_POINTS) {
            throw new JsonFieldException("data: " + String.format(java.util.Locale.ROOT, "%,d", points)
                    + " points; a workspace holds at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_POINTS));
        }
        if (data.array("train").isEmpty()) {
            throw new JsonFieldException(data.path("train") + ": no training points");
        }
        Dataset train = points(data, "train", (int) classes);
        Dataset test = points(data, "test", (int) classes);
        Architecture expected;
        try {
            expected = settings.architecture((int) classes);
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException("settings do not fit the data: " + e.getMessage());
        }

        // what the run had reached: each part checked on its own
        Network network = null;
        String networkProblem = null;
        try {
            network = network(f, settings, expected);
        } catch (ModelFormatException | JsonFieldException e) {
            networkProblem = e.getMessage();
        }
        long epoch = 0;
        TrainerState trainer = null;
        TrainingHistory history = new TrainingHistory();
        boolean networkRead = network != null;
        if (network == null) {
            network = settings.initialNetwork(expected);
            dropped.add("the network was left out (" + Excerpt.line(networkProblem, 300)
                    + "); the lab starts again from the settings' first weights at epoch 0");
        } else {
            try {
                epoch = f.integer("epoch", 0);
                if (epoch < 0 || epoch > Workspace.MAX_EPOCH) {
                    throw new JsonFieldException("epoch: " + epoch + " is outside 0.." + Workspace.MAX_EPOCH);
                }
            } catch (JsonFieldException e) {
                throw e; // an epoch that is not a count makes the network's place in its run unknown
            }
            if (f.has("trainer")) {
                try {
                    trainer = trainer(f.object("trainer"), settings, network.architecture(), train.size());
                } catch (JsonFieldException e) {
                    dropped.add("the optimiser's state was left out (" + Excerpt.line(e.getMessage(), 300)
                            + "); training on starts the optimiser afresh");
                }
            } else if (needsTrainer(settings, train.size())) {
                dropped.add("the file has no optimiser state for " + settings.optimizer()
                        + (settings.batchSize() > 0 ? " in mini-batches" : "")
                        + "; training on starts the optimiser afresh");
            }
            if (f.has("history")) {
                try {
                    history = history(f.object("history"), epoch);
                } catch (JsonFieldException e) {
                    dropped.add("the loss history was left out (" + Excerpt.line(e.getMessage(), 300)
                            + "); the loss chart starts at epoch " + epoch);
                }
            }
        }
        List<Workspace.Frame> timeline = List.of();
        if (f.has("timeline") && networkRead) {
            try {
                timeline = timeline(f.array("timeline"), network.architecture(), epoch);
            } catch (JsonFieldException e) {
                dropped.add("the kept earlier networks were left out (" + Excerpt.line(e.getMessage(), 300)
                        + "); rewinding starts at epoch " + epoch);
            }
        }
        return new Opened(new Workspace(settings, train, test, network, history, epoch, trainer, timeline), dropped);
    }

    /** "boundary-lab-workspace/N" with N above ours gives N; anything else 0. */
    private static int newerVersion(String format) {
        if (!format.startsWith(FORMAT_PREFIX)) {
            return 0;
        }
        String n = format.substring(FORMAT_PREFIX.length());
        if (!n.matches("[0-9]{1,6}")) {
            return 0;
        }
        int v = Integer.parseInt(n);
        return v > 1 ? v : 0;
    }

    /** Whether a run with these settings carries state from epoch to epoch besides its weights. */
    static boolean needsTrainer(LabSettings s, int trainRows) {
        boolean miniBatch = s.trainingOptions().effectiveBatch(trainRows) < trainRows;
        return miniBatch || TrainerState.momentsOf(s.optimizer()) > 0;
    }

    private static Network network(JsonFields f, LabSettings settings, Architecture expected)
            throws JsonFieldException, ModelFormatException {
        JsonNode tree = f.object("network") == null ? null : f.required("network");
        org.boundarylab.io.ModelFile model;
        try {
            model = ModelFiles.fromJson(MAPPER.writeValueAsString(tree), "network");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always writes back", e);
        }
        Features features;
        try {
            features = model.features();
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException("network.features: " + e.getMessage());
        }
        if (!features.equals(settings.features())) {
            throw new JsonFieldException("the network is fed " + features + " but the settings give " + settings.features());
        }
        Network network = model.network();
        if (!network.architecture().equals(expected)) {
            throw new JsonFieldException("the network is " + network.architecture() + " but the settings and the data's "
                    + "classes describe " + expected);
        }
        return network;
    }

    private static TrainerState trainer(JsonFields t, LabSettings settings, Architecture arch, int trainRows)
            throws JsonFieldException {
        Optimizer.Kind kind = t.parsed("optimizer", Optimizer.Kind::parse, null);
        if (kind != settings.optimizer()) {
            throw new JsonFieldException(t.path("optimizer") + ": " + kind + " but the settings use "
                    + settings.optimizer());
        }
        long steps = t.integer("steps", 0);
        if (steps < 0) {
            throw new JsonFieldException(t.path("steps") + ": " + steps + " is negative");
        }
        JsonNode list = t.array("moments");
        if (list.size() != TrainerState.momentsOf(kind)) {
            throw new JsonFieldException(t.path("moments") + ": " + kind + " keeps " + TrainerState.momentsOf(kind)
                    + ", found " + list.size());
        }
        List<Network> moments = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            moments.add(parameters(JsonFields.of(list.get(k), t.path("moments") + "[" + k + "]"), arch));
        }
        long state = t.integer("shuffle_state");
        if (state < 0 || state >= (1L << 48)) {
            throw new JsonFieldException(t.path("shuffle_state") + ": " + state + " is not a 48-bit number");
        }
        boolean miniBatch = settings.trainingOptions().effectiveBatch(trainRows) < trainRows;
        int[] order = null;
        if (miniBatch) {
            order = t.intArray("order");
            if (order.length != trainRows) {
                throw new JsonFieldException(t.path("order") + ": " + order.length + " entries for " + trainRows
                        + " training points");
            }
            boolean[] seen = new boolean[trainRows];
            for (int v : order) {
                if (v < 0 || v >= trainRows || seen[v]) {
                    throw new JsonFieldException(t.path("order") + ": not an order of the training points (" + v + ")");
                }
                seen[v] = true;
            }
        }
        return new TrainerState(kind, steps, moments, state, order);
    }

    /** The network whose "weights" and "biases" are those of {@code m}, shaped like {@code arch}. */
    private static Network parameters(JsonFields m, Architecture arch) throws JsonFieldException {
        JsonNode w = m.array("weights");
        JsonNode b = m.array("biases");
        int depth = arch.depth();
        if (w.size() != depth || b.size() != depth) {
            throw new JsonFieldException(m.path() + ": expected " + depth + " weight matrices and bias vectors");
        }
        double[][][] weights = new double[depth][][];
        double[][] biases = new double[depth][];
        for (int l = 0; l < depth; l++) {
            String at = m.path("weights") + "[" + l + "]";
            JsonNode layer = w.get(l);
            int in = arch.width(l);
            int out = arch.width(l + 1);
            if (!layer.isArray() || layer.size() != in) {
                throw new JsonFieldException(at + ": expected " + in + " rows");
            }
            weights[l] = new double[in][];
            for (int i = 0; i < in; i++) {
                weights[l][i] = numbers(layer.get(i), out, at + "[" + i + "]");
            }
            biases[l] = numbers(b.get(l), out, m.path("biases") + "[" + l + "]");
        }
        try {
            return Network.of(arch, weights, biases);
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(m.path() + ": " + e.getMessage());
        }
    }

    private static double[] numbers(JsonNode row, int count, String at) throws JsonFieldException {
        if (row == null || !row.isArray() || row.size() != count) {
            throw new JsonFieldException(at + ": expected " + count + " numbers, found " + ModelFiles.describe(row));
        }
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = JsonFields.number(row.get(k), at + "[" + k + "]");
        }
        return v;
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

    private static TrainingHistory history(JsonFields h, long lastEpoch) throws JsonFieldException {
        List<TrainingHistory.Entry> entries = new ArrayList<>();
        long previous = -1;
        if (h.has("merged")) {
            JsonFields m = h.object("merged");
            checkColumns(m, MERGED_COLUMNS);
            JsonNode rows = m.array("rows");
            for (int r = 0; r < rows.size(); r++) {
                String at = m.path("rows") + "[" + r + "]";
                double[] v = figures(rows.get(r), at, MERGED_COLUMNS);
                long first = JsonFields.integer(rows.get(r).get(0), at + "[0]");
                long last = JsonFields.integer(rows.get(r).get(1), at + "[1]");
                if (first <= previous || last < first) {
                    throw new JsonFieldException(at + ": epochs " + first + "-" + last + " do not follow " + previous);
                }
                if (last > lastEpoch) {
                    throw new JsonFieldException(at + "[1]: epoch " + last + " is after the network's epoch " + lastEpoch);
                }
                previous = last;
                entries.add(new TrainingHistory.Entry(first, last,
                        new TrainingHistory.Row(first, v[2], v[4], v[6], v[8]),
                        new TrainingHistory.Row(last, v[3], v[5], v[7], v[9])));
            }
        }
        checkColumns(h, HISTORY_COLUMNS);
        JsonNode rows = h.array("rows");
        for (int r = 0; r < rows.size(); r++) {
            String at = h.path("rows") + "[" + r + "]";
            double[] v = figures(rows.get(r), at, HISTORY_COLUMNS);
            long epoch = JsonFields.integer(rows.get(r).get(0), at + "[0]");
            if (epoch <= previous) {
                throw new JsonFieldException(at + "[0]: epoch " + epoch + " does not follow " + previous);
            }
            if (epoch > lastEpoch) {
                throw new JsonFieldException(at + "[0]: epoch " + epoch + " is after the network's epoch " + lastEpoch);
            }
            previous = epoch;
            entries.add(TrainingHistory.Entry.exact(new TrainingHistory.Row(epoch, v[1], v[2], v[3], v[4])));
        }
        return TrainingHistory.ofEntries(entries, Math.max(TrainingHistory.DEFAULT_CAPACITY, entries.size()));
    }

    private static void checkColumns(JsonFields h, List<String> expected) throws JsonFieldException {
        if (h.has("columns")) {
            List<String> columns = h.textArray("columns");
            if (!columns.equals(expected)) {
                throw new JsonFieldException(h.path("columns") + ": expected " + expected + ", found " + columns);
            }
        }
    }

    /** A row's values; null (an unknown figure) is NaN. The epochs are read as numbers here and checked by the caller. */
    private static double[] figures(JsonNode row, String at, List<String> columns) throws JsonFieldException {
        if (row == null || !row.isArray() || row.size() != columns.size()) {
            throw new JsonFieldException(at + ": expected " + columns.size() + " values " + columns + ", found "
                    + ModelFiles.describe(row));
        }
        double[] v = new double[columns.size()];
        for (int k = 0; k < v.length; k++) {
            JsonNode n = row.get(k);
            v[k] = n.isNull() ? Double.NaN : JsonFields.number(n, at + "[" + k + "]");
        }
        return v;
    }

    /** The file name with the workspace extension added when it has none (for save dialogs). */
    public static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION) ? file
                : file.resolveSibling(name + EXTENSION);
    }
}
