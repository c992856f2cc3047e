package org.boundarylab.cli;

import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.TrainingOptions;
import picocli.CommandLine.Option;

/** The options every training command shares: the update rule, its rate, the penalties, the batch. */
final class TrainingFlags {

    @Option(names = "--learning-rate", required = true, paramLabel = "LR", description = "Step size, > 0.")
    double learningRate;

    @Option(names = "--l2", defaultValue = "0", paramLabel = "X",
            description = "L2 penalty (X/2)*sum(W^2) on the weights (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--l1", defaultValue = "0", paramLabel = "X",
            description = "L1 penalty X*sum|W| on the weights (default: ${DEFAULT-VALUE}).")
    double l1;

    @Option(names = "--optimizer", defaultValue = "gd", paramLabel = "gd|sgd|momentum|adam",
            converter = Converters.OptimizerConverter.class,
            description = "Update rule (default: ${DEFAULT-VALUE}, full-batch gradient descent).")
    Optimizer.Kind optimizer;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "Mini-batch size (default: the whole training set; " + TrainingOptions.DEFAULT_SGD_BATCH
                    + " for sgd).")
    Integer batchSize;

    /** Refuses, naming the option, a rate, penalty or batch size out of range. */
    void check(Checks checks) {
        checks.positive("--learning-rate", learningRate);
        checks.nonNegative("--l2", l2);
        checks.nonNegative("--l1", l1);
        if (batchSize != null) {
            checks.atLeast("--batch-size", batchSize, 1);
        }
    }

    Regularization regularization() {
        return new Regularization(l2, l1);
    }

    /** The engine's options; {@code seed} also drives the mini-batch shuffle. */
    TrainingOptions options(long seed) {
        return new TrainingOptions(optimizer, learningRate, regularization(), batchSize == null ? 0 : batchSize, seed);
    }
}
