package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.metrics.ClassificationReport;
import org.boundarylab.metrics.ConfusionMatrix;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    /** Logistic regression that says class 1 exactly when x1 > 0. */
    private Network signOfX1() {
        Architecture arch = new Architecture(new int[] {2, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        return Network.of(arch, new double[][][] {{{4.0}, {0.0}}}, new double[][] {{0.0}});
    }

    @Test
    void printsLossAccuracyReportAndConfusionMatrix() throws Exception {
        Path model = dir.resolve("m.json");
        Path data = dir.resolve("d.csv");
        ModelFiles.write(model, signOfX1(), Map.of());
        // three right, one wrong (the last point lies at x1 > 0 but is labelled 0)
        Files.writeString(data, "x1,x2,label\n-1,0,0\n-2,1,0\n1,0,1\n0.5,3,0\n");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString()).ok();

        Dataset set = CsvDatasets.read(data);
        double loss = signOfX1().loss(set.x(), set.y(), Regularization.NONE);
        int[] predicted = {0, 0, 1, 1};
        String out = run.out();
        assertTrue(out.contains(String.format(Locale.ROOT, "loss:     %.6f", loss)), out);
        assertTrue(out.contains("accuracy: 0.7500"), out);
        assertTrue(out.contains(ClassificationReport.of(set.y(), predicted, 2).format().stripTrailing()), out);
        assertTrue(out.contains(ConfusionMatrix.of(set.y(), predicted, 2).format().stripTrailing()), out);
    }

    @Test
    void badFilesAreOneLine() throws Exception {
        Path model = dir.resolve("m.json");
        ModelFiles.write(model, signOfX1(), Map.of());
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "x1,x2,label\n1,2\n");
        CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString())
                .refused(data + ":2: missing column");
        Path corrupt = dir.resolve("c.json");
        Files.writeString(corrupt, Files.readString(model).replace("[ 4.0 ]", "[ 4.0, 1.0 ]"));
        Files.writeString(data, "x1,x2,label\n1,2,0\n3,1,1\n");
        CliRun.of("evaluate", "--model", corrupt.toString(), "--data", data.toString())
                .refused(corrupt + ": weights[0][0] has 2 values, expected 1");
        CliRun.of("evaluate", "--model", dir.resolve("none.json").toString(), "--data", data.toString())
                .refused("none.json: no such file");
    }
}
