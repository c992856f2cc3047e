package org.boundarylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reproduces the numpy reference runs in src/test/resources/golden (see their README). */
class GoldenTrainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"seed000-moons-2-5-3-1", "seed001-moons-2-3-2-softmax-l2",
            "seed003-moons-2-3-2-sigmoid-mse"})
    void reproducesReferenceRun(String name) throws IOException {
        JsonNode g = read(name);
        int[] layers = ints(g.get("layers"));
        Architecture arch = new Architecture(layers, Activation.parse(g.get("hidden_activation").asText()),
                Activation.parse(g.get("output_activation").asText()), Loss.parse(g.get("loss").asText()));
        Network net = Network.of(arch, tensor3(g.get("initial").get("weights")), matrix(g.get("initial").get("biases")));
        double[][] trainX = matrix(g.get("train").get("x"));
        int[] trainY = ints(g.get("train").get("y"));
        double[][] testX = matrix(g.get("test").get("x"));
        int[] testY = ints(g.get("test").get("y"));

        TrainingOptions options = TrainingOptions.gradientDescent(g.get("learning_rate").asDouble(),
                g.get("l2").asDouble());
        Trainer trainer = new Trainer(net, trainX, trainY, options);

        Map<Integer, Double> history = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = g.get("loss_history").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            history.put(Integer.parseInt(e.getKey()), e.getValue().asDouble());
        }
        Map<Integer, JsonNode> checkpoints = new TreeMap<>();
        for (JsonNode c : g.get("checkpoints")) {
            checkpoints.put(c.get("epoch").asInt(), c);
        }

        int epochs = g.get("epochs").asInt();
        int lossesChecked = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            boolean logged = history.containsKey(epoch);
            double loss = trainer.epoch(logged);
            if (logged && epoch <= 1000) {
                double expected = history.get(epoch);
                assertEquals(expected, loss, 1e-9 * Math.abs(expected), name + ": loss at epoch " + epoch);
                lossesChecked++;
            }
            JsonNode c = checkpoints.get(epoch + 1);
            if (c != null) {
                Network expected = Network.of(arch, tensor3(c.get("weights")), matrix(c.get("biases")));
                double diff = net.maxAbsDifference(expected);
                double tol = c.get("tolerance").asDouble();
                assertTrue(diff <= tol, name + ": parameters after " + (epoch + 1) + " updates differ by "
                        + diff + " > " + tol);
            }
        }
        assertTrue(lossesChecked >= 10, "too few loss entries checked: " + lossesChecked);
        double trainAcc = Matrices.accuracy(net.predictClasses(trainX), trainY);
        double testAcc = Matrices.accuracy(net.predictClasses(testX), testY);
        assertEquals(g.get("train_accuracy").asDouble(), trainAcc, 0.01, name + ": train accuracy");
        assertEquals(g.get("test_accuracy").asDouble(), testAcc, 0.01, name + ": test accuracy");
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = GoldenTrainingTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static int[] ints(JsonNode n) {
        int[] v = new int[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asInt();
        }
        return v;
    }

    static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = n.get(i);
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = row.get(j).asDouble();
            }
        }
        return m;
    }

    static double[][][] tensor3(JsonNode n) {
        double[][][] t = new double[n.size()][][];
        for (int i = 0; i < t.length; i++) {
            t[i] = matrix(n.get(i));
        }
        return t;
    }
}
