package org.boundarylab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.text.Excerpt;

/**
 * Reads and writes model files, format {@value #FORMAT}:
 * <pre>
 * {"format": "boundary-lab-model/1", "layers": [2, 5, 3, 1],
 *  "hidden_activation": "tanh", "output_activation": "sigmoid", "loss": "binary_cross_entropy",
 *  "weights": [[[...], ...], ...],   input-major: weights[l][i][j] joins unit i of layer l to unit j of layer l+1
 *  "biases": [[...], ...],
 *  ... extra keys (training settings, history, features) ...}
 * </pre>
 * Numbers are written in Java's shortest round-trip form, so a saved model reads back bit for
 * bit. Reading checks everything before building the network and refuses a bad file with a
 * {@link ModelFormatException} that names the file and the place.
 *
 * <p>Reading stays within bounds whatever the file holds: at most {@link #MAX_FILE_BYTES} bytes
 * (a device such as {@code /dev/zero} is read with that cap), a UTF-8 byte order mark accepted,
 * the weights and biases read as they stream past straight into arrays of numbers (at most
 * {@link Architecture#MAX_PARAMETERS} of them, never a tree of millions of nodes), everything
 * else (the extras) at most {@link #MAX_OTHER_VALUES} values; the layers must then pass the one
 * size bound of every network ({@link Architecture}) before any network is built. Writing streams
 * too, and refuses a model that would not fit in {@link #MAX_FILE_BYTES}, so every model written
 * reads back.
 */
public final class ModelFiles {
    public static final String FORMAT = "boundary-lab-model/1";
    /** The extra key that lists the input features by id, e.g. ["x1", "x2", "x1^2"]; absent = x1, x2. */
    public static final String FEATURES_KEY = "features";

    /** The keys that describe the network itself; every other key is an extra. */
    static final Set<String> CORE_KEYS = Set.of("format", "layers", "hidden_activation", "output_activation",
            "loss", "weights", "biases");

    /**
     * The largest model file: the largest network's 10 million parameters take up to 26 bytes
     * each in the shortest round-trip form ("-1.2345678901234567E-100, "), 260 MB, and the extras
     * the rest.
     */
    public static final long MAX_FILE_BYTES = 320L * 1024 * 1024;
    /** Values outside "weights" and "biases" (training settings, history, ...). */
    public static final long MAX_OTHER_VALUES = 1_000_000;
    static final String KIND = "a model file";

    static final JsonInput.Limits LIMITS = new JsonInput.Limits(MAX_FILE_BYTES, 64, 1_000_000, 1000,
            MAX_OTHER_VALUES);
    // reads NaN/Infinity tokens so the error can say which parameter is not finite
    private static final JsonFactory READING = JsonInput.factory(LIMITS, true);
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ModelFiles() {
    }

    /** The network of a model file; extra keys are checked to be JSON but otherwise ignored. */
    public static Network read(Path file) throws ModelFormatException, IOException {
        return readFull(file).network();
    }

    /** The network and the extra keys of a model file. */
    public static ModelFile readFull(Path file) throws ModelFormatException, IOException {
        String name = file.toString();
        try (InputStream in = InputFiles.open(file, MAX_FILE_BYTES, KIND, ModelFormatException::new);
             JsonParser p = READING.createParser(in)) {
            return parse(p, name);
        } catch (InputFiles.TextException e) {
            throw new ModelFormatException(e.getMessage());
        }
    }

    /**
     * Saves atomically: the old file, if any, stays whole until the new one is complete. Refuses
     * (before writing) a network with non-finite parameters and extras that are not JSON or that
     * would shadow the network's own keys, and (while writing) a model larger than
     * {@link #MAX_FILE_BYTES}.
     */
    public static void write(Path file, Network network, Map<String, Object> extras) throws IOException {
        Map<String, JsonNode> trees = checkedExtras(network, extras);
        AtomicFiles.write(file, out -> writeJson(new CappedOutput(out), network, trees));
    }

    /** The model's JSON for a batch of files ({@link AtomicFiles.Batch}); checks as {@link #write} does, now. */
    public static AtomicFiles.ContentWriter content(Network network, Map<String, Object> extras) {
        Map<String, JsonNode> trees = checkedExtras(network, extras);
        return out -> writeJson(new CappedOutput(out), network, trees);
    }

    public static String toJson(Network network) {
        return toJson(network, Map.of());
    }

    /**
     * The JSON text of a model. Refuses a network with non-finite parameters (a diverged run)
     * and extras that would shadow the network's own keys.
     */
    public static String toJson(Network network, Map<String, Object> extras) {
        Map<String, JsonNode> trees = checkedExtras(network, extras);
        StringWriter text = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
            writeJson(g, network, trees);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static Map<String, JsonNode> checkedExtras(Network network, Map<String, Object> extras) {
        if (!network.isFinite()) {
            throw new IllegalArgumentException("the network has non-finite parameters (NaN or infinity); "
                    + "refusing to save it");
        }
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        if (extras != null) {
            for (Map.Entry<String, Object> e : extras.entrySet()) {
                if (CORE_KEYS.contains(e.getKey())) {
                    throw new IllegalArgumentException("extra key '" + e.getKey()
                            + "' would overwrite the model's own key of that name");
                }
                trees.put(e.getKey(), MAPPER.valueToTree(e.getValue()));
            }
        }
        return trees;
    }

    private static void writeJson(OutputStream out, Network network, Map<String, JsonNode> extras) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        writeJson(g, network, extras);
        g.flush();
        out.write('\n');
        out.flush();
    }

    /** Objects one key per line; arrays of numbers stay on one line so a matrix reads as rows. */
    private static void writeJson(JsonGenerator g, Network network, Map<String, JsonNode> extras) throws IOException {
        g.setPrettyPrinter(prettyPrinter());
        Architecture arch = network.architecture();
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeArrayFieldStart("layers");
        for (int units : arch.layers()) {
            g.writeNumber(units);
        }
        g.writeEndArray();
        g.writeStringField("hidden_activation", arch.hidden().id());
        g.writeStringField("output_activation", arch.output().id());
        g.writeStringField("loss", arch.loss().id());
        g.writeArrayFieldStart("weights");
        for (int l = 0; l < arch.depth(); l++) {
            g.writeStartArray();
            for (int i = 0; i < arch.width(l); i++) {
                g.writeStartArray();
                for (int j = 0; j < arch.width(l + 1); j++) {
                    g.writeNumber(network.weight(l, i, j));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("biases");
        for (int l = 0; l < arch.depth(); l++) {
            g.writeStartArray();
            for (int j = 0; j < arch.width(l + 1); j++) {
                g.writeNumber(network.bias(l, j));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        for (Map.Entry<String, JsonNode> e : extras.entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeTree(e.getValue());
        }
        g.writeEndObject();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        return printer;
    }

    /** Stops a save that would make a model file larger than a reader takes. */
    private static final class CappedOutput extends FilterOutputStream {
        private long written;

        CappedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) throws IOException {
            written += n;
            if (written > MAX_FILE_BYTES) {
                throw new IOException("the model would take more than " + InputFiles.size(MAX_FILE_BYTES)
                        + ", more than a model file may hold");
            }
        }
    }

    public static ModelFile fromJson(String json) throws ModelFormatException {
        return fromJson(json, "model");
    }

    /** Parses and checks a model; {@code sourceName} starts every error message. A leading byte order mark is skipped. */
    public static ModelFile fromJson(String json, String sourceName) throws ModelFormatException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try (JsonParser p = READING.createParser(text)) {
            return parse(p, sourceName);
        } catch (IOException e) {
            throw new ModelFormatException(sourceName + ": " + Excerpt.line(e.getMessage(), 120), e);
        }
    }

    /**
     * Streams through a model: the weights and biases into arrays of numbers, the other keys into
     * small trees; then checks the whole in the order a reader expects (format, layers, ...).
     */
    private static ModelFile parse(JsonParser p, String source) throws ModelFormatException, IOException {
        ObjectNode root = MAPPER.createObjectNode();
        Raw weights = null;
        Raw biases = null;
        Counter numbers = new Counter();
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ModelFormatException(source + ": the file is empty");
            }
            if (t != JsonToken.START_OBJECT) {
                String found = describeAndSkip(p);
                JsonInput.endOfDocument(p);
                throw new ModelFormatException(source + ": expected a JSON object {...} at the top, found " + found);
            }
            JsonInput.Budget others = new JsonInput.Budget(MAX_OTHER_VALUES);
            boolean checkedEarly = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                t = p.nextToken();
                if (!checkedEarly && (key.equals("weights") || key.equals("biases"))) {
                    new Reader(source).early(root);
                    checkedEarly = true;
                }
                if (key.equals("weights") && t != JsonToken.VALUE_NULL) {
                    weights = readNested(p, 3, numbers);
                } else if (key.equals("biases") && t != JsonToken.VALUE_NULL) {
                    biases = readNested(p, 2, numbers);
                } else {
                    root.set(key, JsonInput.readValue(p, others));
                }
            }
            JsonInput.endOfDocument(p);
        } catch (JsonInput.Budget.Exceeded e) {
            throw new ModelFormatException(source + ": " + e.getMessage() + " besides the weights and biases by line "
                    + p.currentLocation().getLineNr() + ", far more than a model file holds");
        } catch (Counter.Exceeded e) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: the weights and biases hold more than %,d"
                            + " numbers by line %d; a network may have at most %,d parameters", source,
                    (long) Architecture.MAX_PARAMETERS, p.currentLocation().getLineNr(), Architecture.MAX_PARAMETERS));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(source + ": not valid JSON" + JsonInput.problem(e, p), e);
        }
        return new Reader(source).model(root, weights, biases);
    }

    /** What the streaming pass keeps of "weights" and "biases": arrays of arrays, down to rows of numbers. */
    private sealed interface Raw permits Scalar, Rows, Numbers {
    }

    /** A value that is not an array, kept as its description. */
    private record Scalar(String description) implements Raw {
    }

    /** An array where arrays are expected. */
    private record Rows(List<Raw> items) implements Raw {
    }

    /** An array where numbers are expected: every entry's value (NaN for a non-number) and the first non-number. */
    private static final class Numbers implements Raw {
        double[] values = new double[4];
        int size;
        int bad = -1;
        String badDescription;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    /** Counts the numbers and arrays of the weights and biases, refusing far more than the largest network has. */
    private static final class Counter {
        private long numbers;
        private long arrays;

        void number() {
            if (++numbers > Architecture.MAX_PARAMETERS) {
                throw new Exceeded();
            }
        }

        void array() {
            if (++arrays > 4L * Architecture.MAX_UNITS) {
                throw new Exceeded();
            }
        }

        static final class Exceeded extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exceeded() {
                super(null, null, false, false);
            }
        }
    }

    /** The array at the parser's current token, {@code levels} deep down to the numbers. */
    private static Raw readNested(JsonParser p, int levels, Counter counter) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return new Scalar(describeAndSkip(p));
        }
        counter.array();
        if (levels == 1) {
            Numbers n = new Numbers();
            JsonToken t;
            while ((t = next(p)) != JsonToken.END_ARRAY) {
                counter.number();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    n.add(p.getDoubleValue());
                } else {
                    String d = describeAndSkip(p);
                    if (n.bad < 0) {
                        n.bad = n.size;
                        n.badDescription = d;
                    }
                    n.add(Double.NaN);
                }
            }
            return n;
        }
        List<Raw> items = new ArrayList<>();
        while (next(p) != JsonToken.END_ARRAY) {
            items.add(readNested(p, levels - 1, counter));
        }
        return new Rows(items);
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "Unexpected end-of-input");
        }
        return t;
    }

    /** A short description of the value at the parser's current token, which it then skips. */
    private static String describeAndSkip(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> "the string \"" + Excerpt.of(p.getText()) + "\"";
            case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
            case VALUE_NUMBER_INT -> Excerpt.of(p.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_OBJECT -> {
                p.skipChildren();
                yield "an object";
            }
            case START_ARRAY -> {
                long count = 0;
                JsonToken t;
                while ((t = next(p)) != JsonToken.END_ARRAY) {
                    count++;
                    if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                        p.skipChildren();
                    }
                }
                yield "an array of " + count;
            }
            default -> "unexpected " + p.currentToken();
        };
    }

    /** Walks the parts read, checking each and naming it in errors. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        /**
         * The checks model() starts with, made as soon as "format" and "layers" have passed by, so a
         * file that asks for a network beyond the size bound is refused before its weights are read.
         */
        void early(JsonNode root) throws ModelFormatException {
            if (root.has("format") && root.has("layers")) {
                model(root, null, null, true);
            }
        }

        ModelFile model(JsonNode root, Raw weightsRead, Raw biasesRead) throws ModelFormatException {
            return model(root, weightsRead, biasesRead, false);
        }

        private ModelFile model(JsonNode root, Raw weightsRead, Raw biasesRead, boolean layersOnly)
                throws ModelFormatException {
            JsonNode format = root.get("format");
            if (format == null) {
                throw fail("no \"format\" key; a model file starts with \"format\": \"" + FORMAT + "\"");
            }
            if (!format.isTextual() || !format.asText().equals(FORMAT)) {
                throw fail("format is " + (format.isTextual() ? "\"" + Excerpt.of(format.asText()) + "\""
                        : describe(format)) + ", expected \"" + FORMAT + "\"");
            }
            int[] layers = layers(required(root, "layers"));
            if (layersOnly) {
                try {
                    Architecture.checkSize(layers);
                } catch (IllegalArgumentException e) {
                    throw fail("invalid network: " + e.getMessage());
                }
                return null;
            }
            Activation hidden = activation(root, "hidden_activation");
            Activation output = activation(root, "output_activation");
            Loss loss;
            String lossText = text(required(root, "loss"), "loss");
            try {
                loss = Loss.parse(lossText);
            } catch (IllegalArgumentException e) {
                throw fail("loss: " + e.getMessage());
            }
            Architecture arch;
            try {
                arch = new Architecture(layers, hidden, output, loss);
            } catch (IllegalArgumentException e) {
                throw fail("invalid network: " + e.getMessage());
            }
            double[][][] weights = weights(required(weightsRead, "weights"), layers);
            double[][] biases = biases(required(biasesRead, "biases"), layers);
            Network network = Network.of(arch, weights, biases);

            Map<String, Object> extras = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!CORE_KEYS.contains(field.getKey())) {
                    extras.put(field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
                }
            }
            features(root, arch);
            return new ModelFile(network, extras);
        }

        /** The optional "features" list must name known features, once each, as many as the inputs. */
        private void features(JsonNode root, Architecture arch) throws ModelFormatException {
            JsonNode node = root.get(FEATURES_KEY);
            if (node == null || node.isNull()) {
                if (arch.inputs() != 2) {
                    throw fail("layers[0] is " + arch.inputs() + " but there is no \"features\" list; "
                            + "without one the inputs are x1, x2 (2 units)");
                }
                return;
            }
            ArrayNode array = array(node, FEATURES_KEY);
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (int k = 0; k < array.size(); k++) {
                ids.add(text(array.get(k), FEATURES_KEY + "[" + k + "]"));
            }
            Features features;
            try {
                features = Features.fromIds(ids);
            } catch (IllegalArgumentException e) {
                throw fail(FEATURES_KEY + ": " + e.getMessage());
            }
            if (features.count() != arch.inputs()) {
                throw fail(FEATURES_KEY + " lists " + features.count() + " inputs (" + features + ") but layers[0] is "
                        + arch.inputs());
            }
        }

        private JsonNode required(JsonNode root, String key) throws ModelFormatException {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                throw fail("\"" + key + "\" is missing");
            }
            return node;
        }

        private Raw required(Raw node, String key) throws ModelFormatException {
            if (node == null) {
                throw fail("\"" + key + "\" is missing");
            }
            return node;
        }

        private String text(JsonNode node, String where) throws ModelFormatException {
            if (!node.isTextual()) {
                throw fail(where + " is " + describe(node) + ", expected a string");
            }
            return node.asText();
        }

        private Activation activation(JsonNode root, String key) throws ModelFormatException {
            String name = text(required(root, key), key);
            try {
                return Activation.parse(name);
            } catch (IllegalArgumentException e) {
                throw fail(key + ": " + e.getMessage());
            }
        }

        private int[] layers(JsonNode node) throws ModelFormatException {
            ArrayNode array = array(node, "layers");
            if (array.size() < 2) {
                throw fail("layers has " + array.size()
                        + " entries; a network needs at least an input and an output layer");
            }
            if (array.size() > Architecture.MAX_UNITS) {
                throw fail(String.format(Locale.ROOT, "layers has %,d entries; a network may have at most %,d units"
                        + " in all", array.size(), Architecture.MAX_UNITS));
            }
            int[] layers = new int[array.size()];
            for (int l = 0; l < layers.length; l++) {
                JsonNode n = array.get(l);
                if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
                    throw fail("layers[" + l + "] is " + describe(n) + ", expected a whole number of units >= 1");
                }
                layers[l] = n.intValue();
            }
            return layers;
        }

        private double[][][] weights(Raw node, int[] layers) throws ModelFormatException {
            List<Raw> all = rows(node, "weights");
            int depth = layers.length - 1;
            if (all.size() != depth) {
                throw fail("weights has " + all.size() + " matrices, expected " + depth + " for layers "
                        + layersText(layers));
            }
            double[][][] w = new double[depth][][];
            for (int l = 0; l < depth; l++) {
                String where = "weights[" + l + "]";
                List<Raw> matrix = rows(all.get(l), where);
                if (matrix.size() != layers[l]) {
                    throw fail(where + " has " + matrix.size() + " rows, expected " + layers[l]
                            + " (one per unit of layer " + l + ")");
                }
                w[l] = new double[layers[l]][];
                for (int i = 0; i < layers[l]; i++) {
                    w[l][i] = numbers(matrix.get(i), where + "[" + i + "]", layers[l + 1]);
                }
            }
            return w;
        }

        private double[][] biases(Raw node, int[] layers) throws ModelFormatException {
            List<Raw> all = rows(node, "biases");
            int depth = layers.length - 1;
            if (all.size() != depth) {
                throw fail("biases has " + all.size() + " vectors, expected " + depth + " for layers "
                        + layersText(layers));
            }
            double[][] b = new double[depth][];
            for (int l = 0; l < depth; l++) {
                b[l] = numbers(all.get(l), "biases[" + l + "]", layers[l + 1]);
            }
            return b;
        }

        private List<Raw> rows(Raw node, String where) throws ModelFormatException {
            if (node instanceof Rows r) {
                return r.items();
            }
            throw fail(where + " is " + ((Scalar) node).description() + ", expected an array [...]");
        }

        private double[] numbers(Raw node, String where, int expected) throws ModelFormatException {
            if (!(node instanceof Numbers n)) {
                throw fail(where + " is " + ((Scalar) node).description() + ", expected an array [...]");
            }
            if (n.size != expected) {
                throw fail(where + " has " + n.size + " values, expected " + expected);
            }
            for (int k = 0; k < expected; k++) {
                String at = where + "[" + k + "]";
                if (k == n.bad) {
                    throw fail(at + " is " + n.badDescription + ", expected a number");
                }
                if (!Double.isFinite(n.values[k])) {
                    throw fail(at + " is " + n.values[k] + "; parameters must be finite numbers");
                }
            }
            return n.values.length == expected ? n.values : Arrays.copyOf(n.values, expected);
        }

        private ArrayNode array(JsonNode node, String where) throws ModelFormatException {
            if (node == null || !node.isArray()) {
                throw fail(where + " is " + describe(node) + ", expected an array [...]");
            }
            return (ArrayNode) node;
        }

        /** The layer list for a message, shortened when long: "[2, 5, 1]". */
        private static String layersText(int[] layers) {
            if (layers.length <= 12) {
                return Arrays.toString(layers);
            }
            return Arrays.toString(Arrays.copyOf(layers, 10)).replace("]", ", ... (" + layers.length + " layers)]");
        }

        private ModelFormatException fail(String what) {
            return new ModelFormatException(source + ": " + what);
        }
    }

    /** A short description of a JSON value for error messages. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string \"" + Excerpt.of(node.asText()) + "\"";
        }
        if (node.isNumber()) {
            return node.isFloatingPointNumber() ? Double.toString(node.doubleValue()) : Excerpt.of(node.asText());
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
