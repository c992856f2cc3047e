package org.boundarylab.cli;

import java.nio.file.Path;
import org.boundarylab.data.Dataset;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;

/** Checks that a model can be used on a data set, before any work is done, with a message that says how to fix it. */
final class ModelDataFit {
    private ModelDataFit() {
    }

    static void check(Architecture arch, Path modelFile, Dataset data, Path dataFile) {
        check(arch, Features.DEFAULT, modelFile, data, dataFile);
    }

    /** The model's input layer must match its features (model files check that) and its outputs the labels. */
    static void check(Architecture arch, Features features, Path modelFile, Dataset data, Path dataFile) {
        if (arch.inputs() != features.count()) {
            throw new UserError(modelFile + ": the model has " + arch.inputs() + " inputs but its features "
                    + features + " make " + features.count() + " from the columns x1, x2 of " + dataFile
                    + "; make a model whose first layer has " + features.count() + " units");
        }
        int maxLabel = 0;
        for (int label : data.y()) {
            maxLabel = Math.max(maxLabel, label);
        }
        if (maxLabel >= arch.classes()) {
            String output = arch.outputs() == 1
                    ? "1 " + arch.output() + " output (labels 0 and 1 only)"
                    : arch.outputs() + " " + arch.output() + " outputs (labels 0.." + (arch.outputs() - 1) + ")";
            throw new UserError(dataFile + " has labels 0.." + maxLabel + " but " + modelFile
                    + " has " + output + "; make a model with " + (maxLabel + 1) + " softmax outputs");
        }
        try {
            arch.checkRows(data.size());
        } catch (IllegalArgumentException e) {
            throw new UserError(dataFile + " with the model in " + modelFile + ": " + e.getMessage());
        }
    }

    /** "200 examples, 2 classes". */
    static String describe(Dataset data) {
        int maxLabel = -1;
        for (int label : data.y()) {
            maxLabel = Math.max(maxLabel, label);
        }
        return data.size() + " examples, labels 0.." + maxLabel;
    }
}
