package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The explain command: its numbers against central differences of the model's own loss, its
 * step against what 'train --epochs 1 --optimizer gd' writes (to the bit), and its refusals.
 */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path data() throws Exception {
        Path train = dir.resolve("train.csv");
        CliRun.of("datasets", "--kind", "moons", "--samples", "120", "--noise", "0.2", "--seed", "4",
                "--out", train.toString()).ok();
        return train;
    }

    private Path blobs() throws Exception {
        Path train = dir.resolve("blobs.csv");
        CsvDatasets.write(org.boundarylab.data.Generators.gaussian(90, 3, 0.2, 2), train);
        return train;
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
        "tanh, sigmoid, binary_cross_entropy, x1;x2",
        "sigmoid, sigmoid, binary_cross_entropy, x1;x2;x1^2;x2^2",
        "relu, sigmoid, mean_squared_error, x1;x2",
        "leaky_relu, linear, mean_squared_error, x1;x2;x1*x2",
        "linear, sigmoid, binary_cross_entropy, x1;x2;sin_x1;sin_x2",
        "tanh, softmax, cross_entropy, x1;x2",
        "sigmoid, softmax, mean_squared_error, x1;x2;x2^2",
    })
    void numbersAreTheGradientAndTheStepIsOneTrainEpoch(String hidden, String output, String loss, String feats)
            throws Exception {
        boolean multi = output.equals("softmax");
        Path train = multi ? blobs() : data();
        Features features = Features.parse(feats.replace(';', ','));
        Path model = dir.resolve("m.json");
        CliRun.of("init", "--layers", "_,5,3," + (multi ? 3 : 1), "--features", features.toString(),
                "--hidden", hidden, "--output", output, "--loss", loss, "--seed", "3", "--out", model.toString()).ok();

        Path e = dir.resolve("e.json");
        CliRun.of("explain", "--model", model.toString(), "--x", "0.4,-0.3", "--label", "1", "--data",
                train.toString(), "--learning-rate", "0.5", "--l2", "0.01", "--l1", "0.002", "--out", e.toString()).ok();
        JsonNode ex = JSON.readTree(Files.readString(e));
        assertEquals("boundary-lab-explain/1", ex.get("format").asText());
        assertEquals(0.4, ex.get("input").get(0).asDouble());
        assertEquals(1, ex.get("label").asInt());

        ModelFile file = ModelFiles.readFull(model);
        Network net = file.network();
        Architecture arch = net.architecture();
        double[] x = features.map(new double[][] {{0.4, -0.3}})[0];
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], ex.get("features").get(i).asDouble());
        }
        assertEquals(arch.depth(), ex.get("layers").size());
        double[][] xs = {x};
        int[] ys = {1};
        assertEquals(net.loss(xs, ys, Regularization.NONE), ex.get("loss").asDouble());

        // every gradient of the point against central differences of its loss
        double h = 1e-6;
        for (int l = 0; l < arch.depth(); l++) {
            JsonNode layer = ex.get("layers").get(l);
            assertEquals(arch.width(l + 1), layer.get("z").size());
            for (int j = 0; j < arch.width(l + 1); j++) {
                assertEquals(layer.get("delta").get(j).asDouble(), layer.get("grad_biases").get(j).asDouble(), 0.0);
                for (int i = 0; i < arch.width(l); i++) {
                    double w = net.weight(l, i, j);
                    net.setWeight(l, i, j, w + h);
                    double up = net.loss(xs, ys, Regularization.NONE);
                    net.setWeight(l, i, j, w - h);
                    double down = net.loss(xs, ys, Regularization.NONE);
                    net.setWeight(l, i, j, w);
                    double numeric = (up - down) / (2 * h);
                    double analytic = layer.get("grad_weights").get(i).get(j).asDouble();
                    if (!hidden.contains("relu") || Math.abs(layer.get("z").get(j).asDouble()) > 1e-4) {
                        assertEquals(numeric, analytic, 2e-6 * Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic)),
                                "dW[" + l + "][" + i + "][" + j + "]");
                    }
                }
            }
        }
        double[] out = net.predict(xs)[0];
        JsonNode last = ex.get("layers").get(arch.depth() - 1).get("a");
        for (int j = 0; j < out.length; j++) {
            assertEquals(out[j], last.get(j).asDouble());
        }

        // the batch: the full training loss with its penalty, and one train epoch to the bit
        Dataset set = CsvDatasets.read(train);
        Regularization reg = new Regularization(0.01, 0.002);
        JsonNode batch = ex.get("batch");
        assertEquals(net.loss(features.map(set.x()), set.y(), reg), batch.get("loss").asDouble());
        Path trained = dir.resolve("t.json");
        CliRun.of("train", "--model", model.toString(), "--data", train.toString(), "--epochs", "1",
                "--optimizer", "gd", "--learning-rate", "0.5", "--l2", "0.01", "--l1", "0.002",
                "--out", trained.toString()).ok();
        JsonNode t = JSON.readTree(Files.readString(trained));
        assertEquals(t.get("weights"), batch.get("updated_weights"));
        assertEquals(t.get("biases"), batch.get("updated_biases"));
        assertEquals(t.get("history").get("train_loss").get(0), batch.get("loss"));
        var g = net.gradients(features.map(set.x()), set.y(), reg);
        for (int l = 0; l < arch.depth(); l++) {
            for (int j = 0; j < arch.width(l + 1); j++) {
                assertEquals(g.bias(l, j), batch.get("grad_biases").get(l).get(j).asDouble());
                for (int i = 0; i < arch.width(l); i++) {
                    assertEquals(g.weight(l, i, j), batch.get("grad_weights").get(l).get(i).get(j).asDouble());
                }
            }
        }
    }

    @Test
    void withoutDataOrOutItPrintsThePointAlone() throws Exception {
        Architecture arch = new Architecture(new int[] {2, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Path model = dir.resolve("m.json");
        ModelFiles.write(model, Network.of(arch, new double[][][] {{{2.0}, {-1.0}}}, new double[][] {{0.5}}), Map.of());
        CliRun run = CliRun.of("explain", "--model", model.toString(), "--x", "1,1", "--label", "0").ok();
        JsonNode ex = JSON.readTree(run.out());
        assertFalse(ex.has("batch"));
        JsonNode layer = ex.get("layers").get(0);
        assertEquals(1.5, layer.get("z").get(0).asDouble()); // 1*2 + 1*(-1) + 0.5
        double a = 1 / (1 + Math.exp(-1.5));
        assertEquals(a, layer.get("a").get(0).asDouble(), 1e-15);
        assertEquals(a, layer.get("delta").get(0).asDouble(), 1e-15); // a - t, t = 0
        assertEquals(List.of("x1", "x2"), List.of(ex.get("feature_names").get(0).asText(),
                ex.get("feature_names").get(1).asText()));
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path train = data();
        Path model = dir.resolve("m.json");
        ModelFiles.write(model, Initializer.GLOROT.create(new Architecture(new int[] {2, 3, 1}, Activation.TANH,
                Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 1), Map.of());
        String m = model.toString();
        CliRun.of("explain", "--model", m, "--x", "1", "--label", "0").refused("--x must be two numbers");
        CliRun.of("explain", "--model", m, "--x", "1,abc", "--label", "0").refused("--x: x2 'abc' is not a number");
        CliRun.of("explain", "--model", m, "--x", "1,1e300", "--label", "0").refused("outside the range");
        CliRun.of("explain", "--model", m, "--x", "1,NaN", "--label", "0").refused("outside the range");
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "2").refused("--label 2 is not a class");
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "-1").refused("--label must be at least 0");
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "0", "--learning-rate", "1")
                .refused("--learning-rate needs --data");
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "0", "--l2", "0.1").refused("--l2 needs --data");
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "0", "--data", train.toString())
                .refused("--data needs --learning-rate");
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "0", "--data", train.toString(),
                "--learning-rate", "-1").refused("--learning-rate must be a finite number > 0");
        Path out = dir.resolve("e.json");
        CliRun.of("explain", "--model", dir.resolve("none.json").toString(), "--x", "1,1", "--label", "0",
                "--out", out.toString()).refused("none.json");
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "0", "--out", m)
                .refused("--out and --model are the same file");
        Path blobs = blobs();
        CliRun.of("explain", "--model", m, "--x", "1,1", "--label", "0", "--data", blobs.toString(),
                "--learning-rate", "1", "--out", out.toString()).refused("labels 0..2");
        assertFalse(Files.exists(out), "nothing written");
        assertTrue(CliRun.of("--help").ok().out().contains("explain"));
    }
}
