package org.boundarylab.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;

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
 */
public final class ModelFiles {
    public static final String FORMAT = "boundary-lab-model/1";

    /** The keys that describe the network itself; every other key is an extra. */
    static final Set<String> CORE_KEYS = Set.of("format", "layers", "hidden_activation", "output_activation",
            "loss", "weights", "biases");

    /** Model files hold a few thousand numbers; anything vastly bigger is not one of ours. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // read NaN/Infinity tokens so the error can say which parameter is not finite
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ModelFiles() {
    }

    /** The network of a model file; extra keys are checked to be JSON but otherwise ignored. */
    public static Network read(Path file) throws ModelFormatException, IOException {
        return readFull(file).network();
    }

    /** The network and the extra keys of a model file. */
    public static ModelFile readFull(Path file) throws ModelFormatException, IOException {
        long size = Files.size(file);
        String name = file.toString();
        if (size > MAX_FILE_BYTES) {
            throw new ModelFormatException(name + ": " + size + " bytes is far too large for a model file");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(name + ": not a text file (invalid UTF-8), so not a model file");
        }
        return fromJson(text, name);
    }

    /** Saves atomically: the old file, if any, stays whole until the new one is complete. */
    public static void write(Path file, Network network, Map<String, Object> extras) throws IOException {
        String json = toJson(network, extras);
        AtomicFiles.writeString(file, json);
    }

    public static String toJson(Network network) {
        return toJson(network, Map.of());
    }

    /**
     * The JSON text of a model. Refuses a network with non-finite parameters (a diverged run)
     * and extras that would shadow the network's own keys.
     */
    public static String toJson(Network network, Map<String, Object> extras) {
        if (!network.isFinite()) {
            throw new IllegalArgumentException("the network has non-finite parameters (NaN or infinity); "
                    + "refusing to save it");
        }
        Architecture arch = network.architecture();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode layers = root.putArray("layers");
        for (int units : arch.layers()) {
            layers.add(units);
        }
        root.put("hidden_activation", arch.hidden().id());
        root.put("output_activation", arch.output().id());
        root.put("loss", arch.loss().id());
        ArrayNode weights = root.putArray("weights");
        for (double[][] matrix : network.weightMatrices()) {
            ArrayNode m = weights.addArray();
            for (double[] row : matrix) {
                ArrayNode r = m.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
        }
        ArrayNode biases = root.putArray("biases");
        for (double[] vector : network.biasVectors()) {
            ArrayNode b = biases.addArray();
            for (double v : vector) {
                b.add(v);
            }
        }
        if (extras != null) {
            for (Map.Entry<String, Object> e : extras.entrySet()) {
                if (CORE_KEYS.contains(e.getKey())) {
                    throw new IllegalArgumentException("extra key '" + e.getKey()
                            + "' would overwrite the model's own key of that name");
                }
                root.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
            }
        }
        try {
            return MAPPER.writer(prettyPrinter()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("extras cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Objects one key per line; arrays of numbers stay on one line so a matrix reads as rows. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        return printer;
    }

    public static ModelFile fromJson(String json) throws ModelFormatException {
        return fromJson(json, "model");
    }

    /** Parses and checks a model; {@code sourceName} starts every error message. */
    public static ModelFile fromJson(String json, String sourceName) throws ModelFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ModelFormatException(sourceName + ": not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()), e);
        }
        return new Reader(sourceName).model(root);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Walks the JSON tree, checking each part and naming it in errors. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        ModelFile model(JsonNode root) throws ModelFormatException {
            if (root == null || root.isMissingNode()) {
                throw fail("the file is empty");
            }
            if (!root.isObject()) {
                throw fail("expected a JSON object {...} at the top, found " + describe(root));
            }
            JsonNode format = root.get("format");
            if (format == null) {
                throw fail("no \"format\" key; a model file starts with \"format\": \"" + FORMAT + "\"");
            }
            if (!format.isTextual() || !format.asText().equals(FORMAT)) {
                throw fail("format is " + format + ", expected \"" + FORMAT + "\"");
            }
            int[] layers = layers(required(root, "layers"));
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
            double[][][] weights = weights(required(root, "weights"), layers);
            double[][] biases = biases(required(root, "biases"), layers);
            Network network = Network.of(arch, weights, biases);

            Map<String, Object> extras = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!CORE_KEYS.contains(field.getKey())) {
                    extras.put(field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
                }
            }
            return new ModelFile(network, extras);
        }

        private JsonNode required(JsonNode root, String key) throws ModelFormatException {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
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

        private double[][][] weights(JsonNode node, int[] layers) throws ModelFormatException {
            ArrayNode all = array(node, "weights");
            int depth = layers.length - 1;
            if (all.size() != depth) {
                throw fail("weights has " + all.size() + " matrices, expected " + depth + " for layers "
                        + Arrays.toString(layers));
            }
            double[][][] w = new double[depth][][];
            for (int l = 0; l < depth; l++) {
                String where = "weights[" + l + "]";
                ArrayNode matrix = array(all.get(l), where);
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

        private double[][] biases(JsonNode node, int[] layers) throws ModelFormatException {
            ArrayNode all = array(node, "biases");
            int depth = layers.length - 1;
            if (all.size() != depth) {
                throw fail("biases has " + all.size() + " vectors, expected " + depth + " for layers "
                        + Arrays.toString(layers));
            }
            double[][] b = new double[depth][];
            for (int l = 0; l < depth; l++) {
                b[l] = numbers(all.get(l), "biases[" + l + "]", layers[l + 1]);
            }
            return b;
        }

        private double[] numbers(JsonNode node, String where, int expected) throws ModelFormatException {
            ArrayNode array = array(node, where);
            if (array.size() != expected) {
                throw fail(where + " has " + array.size() + " values, expected " + expected);
            }
            double[] values = new double[expected];
            for (int k = 0; k < expected; k++) {
                JsonNode n = array.get(k);
                String at = where + "[" + k + "]";
                if (!n.isNumber()) {
                    throw fail(at + " is " + describe(n) + ", expected a number");
                }
                double v = n.doubleValue();
                if (!Double.isFinite(v)) {
                    throw fail(at + " is " + describe(n) + "; parameters must be finite numbers");
                }
                values[k] = v;
            }
            return values;
        }

        private ArrayNode array(JsonNode node, String where) throws ModelFormatException {
            if (node == null || !node.isArray()) {
                throw fail(where + " is " + describe(node) + ", expected an array [...]");
            }
            return (ArrayNode) node;
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
            String s = node.asText();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (node.isNumber()) {
            return node.isFloatingPointNumber() ? Double.toString(node.doubleValue()) : node.asText();
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
