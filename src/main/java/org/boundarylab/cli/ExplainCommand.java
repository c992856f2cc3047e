package org.boundarylab.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.BatchStep;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.PointTrace;
import org.boundarylab.nn.Regularization;
import org.boundarylab.text.Excerpt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes every number of one point's forward and backward pass (z, a and delta of every unit,
 * the gradient of every weight and bias) and, with data, the full-batch gradient and the
 * weights after one step of gradient descent, as JSON in the format
 * {@value #FORMAT}, so that anyone can check the lab's arithmetic.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {"Write one point's forward and backward pass through a model, number by number, as JSON;",
            "with --data, also the whole training loss's gradient and the weights after one gradient-descent step",
            "(the same, bit for bit, as 'train --epochs 1 --optimizer gd' with the same options writes)."})
final class ExplainCommand implements Callable<Integer> {
    static final String FORMAT = "boundary-lab-explain/1";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.json", description = "The model (see 'init', 'train').")
    Path model;

    @Option(names = "--x", required = true, paramLabel = "X1,X2", description = "The point, e.g. 0.5,-0.25.")
    String point;

    @Option(names = "--label", required = true, paramLabel = "Y", description = "The point's class: 0, 1, ...")
    int label;

    @Option(names = "--data", paramLabel = "D.csv",
            description = "Training data, header x1,x2,label: adds the full-batch gradient and one step (needs --learning-rate).")
    Path data;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Step size of the update, > 0 (with --data).")
    Double learningRate;

    @Option(names = "--l2", defaultValue = "0", paramLabel = "X",
            description = "L2 penalty (X/2)*sum(W^2) on the weights, with --data (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--l1", defaultValue = "0", paramLabel = "X",
            description = "L1 penalty X*sum|W| on the weights, with --data (default: ${DEFAULT-VALUE}).")
    double l1;

    @Option(names = "--out", paramLabel = "E.json", description = "Where to write the JSON (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Checks checks = new Checks(spec);
        double[] raw = parsePoint(checks);
        checks.atLeast("--label", label, 0);
        if (data == null) {
            if (learningRate != null) {
                throw checks.error("--learning-rate needs --data (the step is taken on the whole training set)");
            }
            if (l2 != 0 || l1 != 0) {
                throw checks.error((l2 != 0 ? "--l2" : "--l1") + " needs --data (the penalty belongs to the training"
                        + " loss; a point's own loss has none)");
            }
        } else {
            if (learningRate == null) {
                throw checks.error("--data needs --learning-rate (the size of the step to show)");
            }
            checks.positive("--learning-rate", learningRate);
        }
        checks.nonNegative("--l2", l2);
        checks.nonNegative("--l1", l1);
        if (out != null) {
            checks.writableTarget("--out", out);
            checks.notOverwriting("--out", out, "--model", model);
            checks.notOverwriting("--out", out, "--data", data);
        }

        ModelFile file = ModelFiles.readFull(model);
        Network net = file.network();
        Architecture arch = net.architecture();
        Features features = file.features();
        if (arch.inputs() != features.count()) {
            throw new UserError(model + ": the model has " + arch.inputs() + " inputs but its features " + features
                    + " make " + features.count());
        }
        if (label >= arch.classes()) {
            throw new UserError("--label " + label + " is not a class of " + model + " (" + arch.outputs() + " "
                    + arch.output() + " output" + (arch.outputs() == 1 ? "" : "s") + ": labels 0.."
                    + (arch.classes() - 1) + ")");
        }
        BatchStep step = null;
        if (data != null) {
            Dataset train = CsvDatasets.read(data);
            ModelDataFit.check(arch, features, model, train, data);
            step = BatchStep.of(net, features.map(train.x()), train.y(), learningRate, new Regularization(l2, l1));
            if (!Double.isFinite(step.loss()) || !step.after().isFinite()) {
                throw new UserError("the training loss of " + model + " on " + data + " or the weights after the step"
                        + " are not finite numbers: the network's outputs overflow; nothing written");
            }
        }
        double[] input = features.map(new double[][] {raw})[0];
        PointTrace trace = PointTrace.of(net, input, label);
        if (!trace.isFinite()) {
            throw new UserError("the pass of the point through " + model + " gives numbers that are not finite (the"
                    + " network's outputs overflow there); nothing written");
        }

        byte[] json = json(raw, features, trace, step);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(new String(json, StandardCharsets.UTF_8));
            stdout.flush();
        } else {
            AtomicFiles.write(out, json);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("wrote %s: the point (%s, %s), label %d, loss %s%s%n", out, raw[0], raw[1], label,
                    trace.loss(), step == null ? "" : ", and one step on " + step.rows() + " rows of " + data);
        }
        return Cli.OK;
    }

    /** Two finite numbers within the data's bounds, "X1,X2". */
    private double[] parsePoint(Checks checks) {
        String[] parts = point.split(",", -1);
        if (parts.length != 2) {
            throw checks.error("--x must be two numbers X1,X2, got " + Excerpt.quoted(point));
        }
        double[] p = new double[2];
        for (int k = 0; k < 2; k++) {
            try {
                p[k] = Double.parseDouble(parts[k].strip());
            } catch (NumberFormatException e) {
                throw checks.error("--x: x" + (k + 1) + " " + Excerpt.quoted(parts[k]) + " is not a number");
            }
            if (!Double.isFinite(p[k]) || Math.abs(p[k]) > CsvDatasets.MAX_COORDINATE) {
                throw checks.error("--x: x" + (k + 1) + " is " + Excerpt.quoted(parts[k])
                        + ", outside the range -1e6 to 1e6 a coordinate may have");
            }
        }
        return p;
    }

    static byte[] json(double[] raw, Features features, PointTrace t, BatchStep step) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
            printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
            printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeFieldName("input");
            numbers(g, raw);
            g.writeArrayFieldStart("feature_names");
            for (String id : features.ids()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeFieldName("features");
            numbers(g, t.input());
            g.writeNumberField("label", t.label());
            g.writeArrayFieldStart("layers");
            for (int l = 0; l < t.depth(); l++) {
                g.writeStartObject();
                g.writeFieldName("z");
                numbers(g, t.zs(l));
                g.writeFieldName("a");
                numbers(g, t.as(l));
                g.writeFieldName("delta");
                numbers(g, t.deltas(l));
                g.writeFieldName("grad_weights");
                matrix(g, t.gradWeights(l));
                g.writeFieldName("grad_biases");
                numbers(g, t.gradBiases(l));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("predicted", t.predicted());
            g.writeNumberField("loss", t.loss());
            if (step != null) {
                Architecture arch = t.architecture();
                Network after = step.after();
                g.writeObjectFieldStart("batch");
                g.writeNumberField("rows", step.rows());
                g.writeNumberField("learning_rate", step.learningRate());
                g.writeNumberField("l2", step.regularization().l2());
                g.writeNumberField("l1", step.regularization().l1());
                g.writeNumberField("loss", step.loss());
                g.writeArrayFieldStart("grad_weights");
                for (int l = 0; l < arch.depth(); l++) {
                    double[][] w = new double[arch.width(l)][arch.width(l + 1)];
                    for (int i = 0; i < w.length; i++) {
                        for (int j = 0; j < w[i].length; j++) {
                            w[i][j] = step.gradWeight(l, i, j);
                        }
                    }
                    matrix(g, w);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("grad_biases");
                for (int l = 0; l < arch.depth(); l++) {
                    double[] b = new double[arch.width(l + 1)];
                    for (int j = 0; j < b.length; j++) {
                        b[j] = step.gradBias(l, j);
                    }
                    numbers(g, b);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("updated_weights");
                for (double[][] w : after.weightMatrices()) {
                    matrix(g, w);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("updated_biases");
                for (double[] b : after.biasVectors()) {
                    numbers(g, b);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void numbers(JsonGenerator g, double[] values) throws IOException {
        g.writeStartArray();
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static void matrix(JsonGenerator g, double[][] rows) throws IOException {
        g.writeStartArray();
        for (double[] row : rows) {
            numbers(g, row);
        }
        g.writeEndArray();
    }
}
