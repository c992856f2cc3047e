package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Features;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, train and evaluate carry a model's input features from end to end. */
class FeaturesCommandTest {
    @TempDir
    Path dir;
    Path train;
    Path test;

    @BeforeEach
    void circles() throws Exception {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        CsvDatasets.write(Generators.circles(200, 0.05, 0.5, 1), train);
        CsvDatasets.write(Generators.circles(100, 0.05, 0.5, 2), test);
    }

    @Test
    void aLinearModelWithSquaresLearnsCirclesFromTheCommandLine() throws Exception {
        Path start = dir.resolve("start.json");
        CliRun.of("init", "--layers", "_,1", "--features", "x1,x2,x1^2,x2^2", "--out", start.toString()).ok();
        ModelFile init = ModelFiles.readFull(start);
        assertEquals(Features.parse("x1,x2,x1^2,x2^2"), init.features());
        assertEquals(4, init.network().architecture().inputs());
        assertEquals(List.of("x1", "x2", "x1^2", "x2^2"), init.extras().get("features"));

        Path out = dir.resolve("out.json");
        CliRun.of("train", "--model", start.toString(), "--data", train.toString(), "--test", test.toString(),
                "--epochs", "1500", "--learning-rate", "1", "--out", out.toString()).ok();
        ModelFile trained = ModelFiles.readFull(out);
        assertEquals(init.features(), trained.features(), "the trained model keeps its features");
        Dataset testSet = CsvDatasets.read(test);
        double accuracy = org.boundarylab.nn.Matrices.accuracy(trained.model().predictClasses(testSet.x()),
                testSet.y());
        assertTrue(accuracy > 0.95, "test accuracy " + accuracy);

        CliRun eval = CliRun.of("evaluate", "--model", out.toString(), "--data", test.toString()).ok();
        assertTrue(eval.out().contains("inputs x1,x2,x1^2,x2^2"), eval.out());
        assertTrue(eval.out().contains("accuracy: 0.9") || eval.out().contains("accuracy: 1.0"), eval.out());
    }

    @Test
    void initRefusesAFirstLayerThatDoesNotMatchTheFeaturesAndUnknownFeatures() {
        CliRun.of("init", "--layers", "2,1", "--features", "x1,x2,x1*x2", "--out", dir.resolve("m.json").toString())
                .refused("--layers", "first layer has 2 units", "make 3 inputs");
        CliRun.of("init", "--layers", "2,1", "--features", "x1,cos_x1", "--out", dir.resolve("m.json").toString())
                .refused("--features", "unknown feature 'cos_x1'");
    }

    @Test
    void aModelFileWhoseFeaturesDoNotMatchItsInputsIsRefusedWithThePlace() throws Exception {
        Path start = dir.resolve("start.json");
        CliRun.of("init", "--layers", "3,1", "--features", "x1,x2,sin_x1", "--out", start.toString()).ok();
        String json = java.nio.file.Files.readString(start).replace("\"sin_x1\"", "\"sin_x1\", \"sin_x2\"");
        java.nio.file.Files.writeString(start, json);
        CliRun.of("train", "--model", start.toString(), "--data", train.toString(), "--epochs", "1",
                "--learning-rate", "1", "--out", dir.resolve("o.json").toString())
                .refused("start.json", "features lists 4 inputs", "layers[0] is 3");
    }

    @Test
    void aSweepFeedsItsNetworksTheChosenFeatures() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path squares = dir.resolve("squares.csv");
        Path png = dir.resolve("squares.png");
        String[] common = {"sweep", "--data", train.toString(), "--test", test.toString(), "--hidden", "1",
            "--seeds", "1", "--epochs", "800", "--learning-rate", "1", "--output", "sigmoid", "--loss",
            "binary_cross_entropy", "--threads", "1", "-q"};
        CliRun.of(concat(common, "--out", plain.toString())).ok();
        CliRun.of(concat(common, "--features", "x1^2,x2^2", "--out", squares.toString(), "--png", png.toString()))
                .ok();
        double plainAccuracy = testAccuracy(plain);
        double squaresAccuracy = testAccuracy(squares);
        assertTrue(plainAccuracy < 0.75, "one tanh unit of x1, x2 draws a line: " + plainAccuracy);
        assertTrue(squaresAccuracy > 0.95, "one tanh unit of x1^2, x2^2 draws the circle: " + squaresAccuracy);
        assertTrue(java.nio.file.Files.size(png) > 1000, "the picture is drawn through the features too");
        CliRun.of(concat(common, "--features", "x1,x1", "--out", squares.toString()))
                .refused("--features", "x1 is listed twice");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double testAccuracy(Path csv) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        return Double.parseDouble(lines.get(1).split(",")[header.indexOf("test_accuracy")]);
    }
}
