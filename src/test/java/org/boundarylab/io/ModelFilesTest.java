package org.boundarylab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelFilesTest {
    @TempDir
    Path dir;

    private static Network sample() {
        Architecture arch = new Architecture(new int[] {2, 3, 2}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        return Initializer.LECUN.create(arch, 42);
    }

    /** A tiny valid model text to corrupt, 2-3-1 tanh/sigmoid. */
    private static final String VALID = """
            {"format": "boundary-lab-model/1", "layers": [2, 3, 1],
             "hidden_activation": "tanh", "output_activation": "sigmoid", "loss": "binary_cross_entropy",
             "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[1.0], [2.0], [3.0]]],
             "biases": [[0.0, 0.0, 0.0], [0.5]]}
            """;

    @Test
    void roundTripKeepsEveryDoubleBitForBit() throws Exception {
        Network net = sample();
        // awkward values: negative zero, subnormals, extremes, decimals with no exact binary form
        double[] awkward = {-0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 0.1 + 0.2, 1e-300, 123456789.123456789,
                Math.PI, -1.0 / 3};
        int k = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                net.setWeight(0, i, j, awkward[k++ % awkward.length]);
            }
        }
        net.setBias(1, 1, Math.nextUp(1.0));
        Path file = dir.resolve("model.json");
        ModelFiles.write(file, net, Map.of());
        Network back = ModelFiles.read(file);

        assertEquals(net.architecture(), back.architecture());
        double[][][] w = net.weightMatrices();
        double[][][] wb = back.weightMatrices();
        for (int l = 0; l < w.length; l++) {
            for (int i = 0; i < w[l].length; i++) {
                for (int j = 0; j < w[l][i].length; j++) {
                    assertEquals(Double.doubleToRawLongBits(w[l][i][j]), Double.doubleToRawLongBits(wb[l][i][j]),
                            "weights[" + l + "][" + i + "][" + j + "]");
                }
            }
        }
        double[][] b = net.biasVectors();
        double[][] bb = back.biasVectors();
        for (int l = 0; l < b.length; l++) {
            for (int j = 0; j < b[l].length; j++) {
                assertEquals(Double.doubleToRawLongBits(b[l][j]), Double.doubleToRawLongBits(bb[l][j]));
            }
        }
    }

    @Test
    void fileFollowsTheDocumentedLayout() throws Exception {
        Network net = sample();
        String json = ModelFiles.toJson(net);
        assertTrue(json.contains("\"format\" : \"boundary-lab-model/1\""), json);
        assertTrue(json.contains("\"layers\" : [ 2, 3, 2 ]"), json);
        assertTrue(json.contains("\"hidden_activation\" : \"tanh\""), json);
        assertTrue(json.contains("\"output_activation\" : \"softmax\""), json);
        assertTrue(json.contains("\"loss\" : \"cross_entropy\""), json);
        // input-major: the first row of weights[0] holds the weights leaving input unit 0
        String firstRow = "[ [ [ " + net.weight(0, 0, 0) + ", " + net.weight(0, 0, 1) + ", " + net.weight(0, 0, 2) + " ]";
        assertTrue(json.contains(firstRow), json);
    }

    @Test
    void extrasArePreservedByReadFullAndIgnoredByRead() throws Exception {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("optimizer", "adam");
        training.put("learning_rate", 0.01);
        training.put("epochs", 500);
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("training", training);
        extras.put("history", Map.of("epoch", List.of(0, 100), "train_loss", List.of(0.7, 0.3)));
        extras.put("features", List.of("x1^2", "x1*x2"));
        extras.put("note", null);
        Path file = dir.resolve("m.json");
        ModelFiles.write(file, sample(), extras);

        ModelFile full = ModelFiles.readFull(file);
        assertEquals(extras, full.extras());
        assertEquals(List.of("training", "history", "features", "note"), List.copyOf(full.extras().keySet()));
        Network plain = ModelFiles.read(file);
        assertEquals(0.0, plain.maxAbsDifference(full.network()));
    }

    @Test
    void unknownKeysWrittenByOthersAreIgnored() throws Exception {
        String json = VALID.replace("\"biases\"", "\"author\": {\"name\": \"x\"}, \"biases\"");
        ModelFile m = ModelFiles.fromJson(json, "m.json");
        assertEquals(Map.of("name", "x"), m.extras().get("author"));
        assertEquals(2.0, m.network().weight(1, 1, 0));
    }

    @Test
    void extrasMayNotShadowTheModelKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.toJson(sample(), Map.of("layers", List.of(1))));
        assertTrue(e.getMessage().contains("'layers'"), e.getMessage());
    }

    @Test
    void aDivergedNetworkIsNotSaved() throws Exception {
        Architecture arch = new Architecture(new int[] {2, 4, 1}, Activation.LINEAR, Activation.LINEAR,
                Loss.MEAN_SQUARED_ERROR);
        Network net = Initializer.LECUN.create(arch, 1);
        Path file = dir.resolve("keep.json");
        ModelFiles.write(file, net, Map.of());
        String before = Files.readString(file);
        // a learning rate far too large makes the linear network blow up within a few steps
        Trainer trainer = new Trainer(net, new double[][] {{1, 2}, {3, -4}, {-5, 6}}, new int[] {0, 1, 1},
                TrainingOptions.gradientDescent(1e6, 0));
        for (int e = 0; e < 200 && net.isFinite(); e++) {
            trainer.epoch(false);
        }
        assertFalse(net.isFinite(), "the setup must actually diverge");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.write(file, net, Map.of()));
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
        assertEquals(before, Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong format              | "boundary-lab-model/1" ~ "boundary-lab-model/9"  | m.json: format is "boundary-lab-model/9", expected "boundary-lab-model/1"
            missing format            | "format": "boundary-lab-model/1", ~               | m.json: no "format" key
            missing layers            | "layers": [2, 3, 1], ~                            | m.json: "layers" is missing
            zero units                | [2, 3, 1] ~ [2, 0, 1]                             | m.json: layers[1] is 0, expected a whole number of units >= 1
            fractional units          | [2, 3, 1] ~ [2, 3.5, 1]                           | m.json: layers[1] is 3.5, expected a whole number of units >= 1
            unknown activation        | "tanh" ~ "tanhh"                                  | m.json: hidden_activation: unknown activation 'tanhh'
            activation not a string   | "tanh" ~ 3                                        | m.json: hidden_activation is 3, expected a string
            unknown loss              | "binary_cross_entropy" ~ "hinge"                  | m.json: loss: unknown loss 'hinge'
            invalid combination       | "binary_cross_entropy" ~ "cross_entropy"          | m.json: invalid network: cross_entropy needs a softmax output
            softmax hidden            | "tanh" ~ "softmax"                                | m.json: invalid network: softmax can only be the output activation
            short row                 | [0.4, 0.5, 0.6] ~ [0.4, 0.5]                      | m.json: weights[0][1] has 2 values, expected 3
            missing row               | [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]] ~ [[0.1, 0.2, 0.3]] | m.json: weights[0] has 1 rows, expected 2
            missing matrix            | , [[1.0], [2.0], [3.0]]] ~ ]                      | m.json: weights has 1 matrices, expected 2
            short bias                | [0.0, 0.0, 0.0] ~ [0.0, 0.0]                      | m.json: biases[0] has 2 values, expected 3
            string for number         | [2.0] ~ ["2.0"]                                   | m.json: weights[1][1][0] is the string "2.0", expected a number
            null for number           | 0.5] ~ null]                                      | m.json: biases[1][0] is null, expected a number
            NaN                       | 0.2, 0.3 ~ NaN, 0.3                               | m.json: weights[0][0][1] is NaN; parameters must be finite numbers
            infinity                  | [3.0] ~ [-Infinity]                               | m.json: weights[1][2][0] is -Infinity; parameters must be finite numbers
            overflow                  | [3.0] ~ [1e400]                                   | m.json: weights[1][2][0] is Infinity; parameters must be finite numbers
            row not an array          | [1.0], [2.0] ~ 1.0, [2.0]                         | m.json: weights[1][0] is 1.0, expected an array [...]
            not json                  | "biases" ~ biases                                 | m.json: not valid JSON (line 4, column 2): Unexpected character
            truncated                 | [0.5]]} ~ [0.5]                                   | m.json: not valid JSON
            duplicate key             | "loss": ~ "layers": [2, 3, 1], "loss":           | m.json: not valid JSON
            trailing garbage          | [0.5]]} ~ [0.5]]} {}                              | m.json: not valid JSON
            """)
    void corruptionIsRefusedWithWhatAndWhere(String name, String edit, String expected) {
        String[] parts = edit.split("~", -1);
        String from = parts[0].strip();
        String to = parts[1].strip();
        assertTrue(VALID.contains(from), "test edit does not apply: " + from);
        String json = VALID.replace(from, to);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.fromJson(json, "m.json"));
        assertTrue(e.getMessage().startsWith(expected), name + ": got '" + e.getMessage() + "'");
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }

    @Test
    void emptyAndNonObjectFilesAreRefused() throws Exception {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "  \n");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(empty));
        assertEquals(empty + ": the file is empty", e.getMessage());

        e = assertThrows(ModelFormatException.class, () -> ModelFiles.fromJson("[1, 2]", "a.json"));
        assertEquals("a.json: expected a JSON object {...} at the top, found an array of 2", e.getMessage());
    }

    @Test
    void binaryFilesAreRefusedAsNotText() throws Exception {
        Path bin = dir.resolve("image.json");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(bin));
        assertTrue(e.getMessage().contains(":1: not UTF-8 text (byte 0x89), so not a model file"), e.getMessage());
    }

    @Test
    void aValidHandWrittenFileReadsAsWritten() throws Exception {
        Network net = ModelFiles.fromJson(VALID, "m.json").network();
        assertArrayEquals(new int[] {2, 3, 1}, net.architecture().layers());
        assertEquals(0.6, net.weight(0, 1, 2));
        assertEquals(3.0, net.weight(1, 2, 0));
        assertEquals(0.5, net.bias(1, 0));
    }

    @Test
    void aFailedSaveLeavesTheOldModelIntact() throws Exception {
        Path file = dir.resolve("model.json");
        ModelFiles.write(file, sample(), Map.of());
        byte[] before = Files.readAllBytes(file);
        Object unwritable = new Object() {
            // Jackson finds no properties on this class and refuses it
        };
        assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.write(file, Initializer.GLOROT.create(sample().architecture(), 7),
                        Map.of("bad", unwritable)));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path file = dir.resolve("bom.json");
        byte[] json = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(file, withBom);
        assertEquals(3.0, ModelFiles.read(file).weight(1, 2, 0));
        assertEquals(3.0, ModelFiles.fromJson("\uFEFF" + VALID, "m.json").network().weight(1, 2, 0));
    }

    @Test
    void layersBeyondTheSizeBoundAreRefusedBeforeAnyNetworkIsBuilt() {
        String json = VALID.replace("[2, 3, 1]", "[2, 4000000, 1]");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.fromJson(json, "m.json"));
        assertEquals("m.json: invalid network: the layers have 4,000,003 units in all; a network may have at most 10,000",
                e.getMessage());
    }

    @Test
    void messagesQuoteOnlyShortPrintableExcerptsAndNoParserInternals() {
        String[] bad = {
            VALID.replace("[0.5]", "[5" + "1".repeat(2000) + "]"),
            VALID.replace("[0.5]", "[\"" + "x".repeat(3000) + "\\u0000\"]"),
            VALID.replace("[0.5]]}", "[0.5]"),
            VALID.replace("\"tanh\"", "tanhtanh".repeat(500)),
            VALID.replace("\"tanh\"", "\"" + "\\u0007".repeat(500) + "\""),
            "[".repeat(5000),
            VALID + "\u0000",
        };
        for (String json : bad) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.fromJson(json, "m.json"));
            String m = e.getMessage();
            assertTrue(m.startsWith("m.json: "), m);
            assertTrue(m.length() <= 200, m.length() + ": " + m);
            assertFalse(m.contains("[Source") || m.contains("`") || m.contains("StreamReadConstraints"), m);
            assertTrue(m.chars().noneMatch(c -> c < 0x20 || c == 0x7f), m);
        }
    }

    @Test
    void aDeviceOrAFolderIsRefusedQuicklyByName() throws Exception {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        long t0 = System.nanoTime();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(zero));
        assertTrue(e.getMessage().startsWith("/dev/zero: not valid JSON (line 1, column "), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused at the first byte");
        IOException folder = assertThrows(IOException.class, () -> ModelFiles.read(dir));
        assertEquals(dir + ": is a folder, not a model file", folder.getMessage());
    }

    @Test
    void readingAMissingFileIsAnIoError() {
        assertThrows(IOException.class, () -> ModelFiles.read(dir.resolve("nope.json")));
    }

    @Test
    void writesUtf8() throws Exception {
        Path file = dir.resolve("u.json");
        ModelFiles.write(file, sample(), Map.of("note", "Übung π"));
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertTrue(text.contains("Übung π"));
        assertEquals("Übung π", ModelFiles.readFull(file).extras().get("note"));
    }

    @Test
    void featuresSurviveARoundTripAndMustMatchTheInputs() throws Exception {
        org.boundarylab.nn.Features features = org.boundarylab.nn.Features.parse("x1,x2,x1*x2");
        Network net = Initializer.GLOROT.create(new Architecture(new int[] {3, 2, 1}, Activation.TANH,
                Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 5);
        Path file = dir.resolve("f.json");
        ModelFiles.write(file, net, ModelFile.withFeatures(Map.of("note", "n"), features));
        ModelFile back = ModelFiles.readFull(file);
        assertEquals(features, back.features());
        assertEquals(0.0, back.network().maxAbsDifference(net));
        double[][] raw = {{0.5, -1}, {2, 3}};
        assertEquals(net.predict(features.map(raw))[1][0], back.model().predict(raw)[1][0], 0);

        String json = ModelFiles.toJson(net, ModelFile.withFeatures(Map.of(), features));
        ModelFormatException wrongCount = assertThrows(ModelFormatException.class,
                () -> ModelFiles.fromJson(json.replace("\"x1*x2\"", "\"x1*x2\", \"sin_x1\""), "f.json"));
        assertTrue(wrongCount.getMessage().contains("f.json: features lists 4 inputs"), wrongCount.getMessage());
        ModelFormatException unknown = assertThrows(ModelFormatException.class,
                () -> ModelFiles.fromJson(json.replace("\"x1*x2\"", "\"x3\""), "f.json"));
        assertTrue(unknown.getMessage().contains("features: entry 3: unknown feature 'x3'"), unknown.getMessage());
        ModelFormatException missing = assertThrows(ModelFormatException.class,
                () -> ModelFiles.fromJson(ModelFiles.toJson(net), "f.json"));
        assertTrue(missing.getMessage().contains("no \"features\" list"), missing.getMessage());
        assertEquals(org.boundarylab.nn.Features.DEFAULT, ModelFiles.fromJson(VALID, "v.json").features());
    }
}
