package org.boundarylab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.metrics.ClassificationReport;
import org.boundarylab.metrics.ConfusionMatrix;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Matrices;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints how well a model does on a data set: loss, accuracy, per-class report and confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = "Print a model's loss, accuracy, classification report and confusion matrix on a data set.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "The model to evaluate.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DATA.csv", description = "Data with header x1,x2,label.")
    Path data;

    @Override
    public Integer call() throws Exception {
        ModelFile file = ModelFiles.readFull(model);
        Network net = file.network();
        Architecture arch = net.architecture();
        Features features = file.features();
        Dataset set = CsvDatasets.read(data);
        ModelDataFit.check(arch, features, model, set, data);
        double[][] x = features.map(set.x());

        // the loss of the data alone: a model file does not say which penalty trained it
        double loss = net.loss(x, set.y(), Regularization.NONE);
        if (!Double.isFinite(loss)) {
            throw new UserError("the loss of " + model + " on " + data + " is " + loss + ", not a finite number: the"
                    + " network's outputs overflow on these points; nothing to report");
        }
        int[] predicted = net.predictClasses(x);
        int classes = arch.classes();
        ClassificationReport report = ClassificationReport.of(set.y(), predicted, classes);
        ConfusionMatrix confusion = ConfusionMatrix.of(set.y(), predicted, classes);

        PrintWriter out = spec.commandLine().getOut();
        out.printf("model:    %s (%s%s)%n", model, arch, features.isDefault() ? "" : ", inputs " + features);
        out.printf("data:     %s (%s)%n", data, ModelDataFit.describe(set));
        out.printf(Locale.ROOT, "loss:     %.6f (%s, mean over the examples, no weight penalty)%n", loss, arch.loss());
        out.printf(Locale.ROOT, "accuracy: %.4f%n", Matrices.accuracy(predicted, set.y()));
        out.println();
        out.println("classification report:");
        out.println(report.format().stripTrailing());
        out.println();
        out.println("confusion matrix (rows: actual class, columns: predicted class):");
        out.println(confusion.format().stripTrailing());
        return Cli.OK;
    }
}
