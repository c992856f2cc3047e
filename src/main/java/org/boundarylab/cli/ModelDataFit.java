package org.boundarylab.cli;

import java.nio.file.Path;
import org.boundarylab.data.Dataset;
import org.boundarylab.nn.Architecture;

/** Checks that a model can be used on a data set, before any work is done, with a message that says how to fix it. */
final class ModelDataFit {
    private ModelDataFit() {
    }

    static void check(Architecture arch, Path modelFile, Dataset data, Path dataFile) {
        if (arch.inputs() != 2) {
            throw new UserError(modelFile + ": the model has " + arch.inputs() + " inputs but " + dataFile
                    + " has 2 columns (x1, x2); make a model whose first layer has 2 units");
        }
        int maxLabel = 0;
        for (int label : data.y()) {
            maxLabel = Math.max(maxLabel, label);
        }
        if (maxLabel >= arch.classes()) {
            String output = arch.outputs() == 1
                    ? "1 " + arch.output() + " unit, which tells only labels 0 and 1 apart"
                    : arch.outputs() + " " + arch.output() + " units, for labels 0.." + (arch.outputs() - 1);
            throw new UserError(dataFile + " has labels up to " + maxLabel + " but the model in " + modelFile
                    + " has " + output + "; make a model with " + (maxLabel + 1) + " softmax outputs");
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
