package org.boundarylab.nn;

/**
 * How to train: the update rule, its learning rate, the weight penalties, the batch size
 * (0 = the whole training set, one step per epoch, as the tutorials do) and the seed of the
 * per-epoch shuffle used by mini-batches.
 */
public record TrainingOptions(Optimizer.Kind optimizer, double learningRate, Regularization regularization,
                              int batchSize, long shuffleSeed) {

    /** Mini-batch size used by sgd when none is given. */
    public static final int DEFAULT_SGD_BATCH = 32;

    public TrainingOptions {
        if (optimizer == null) {
            throw new IllegalArgumentException("an optimizer must be given");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (regularization == null) {
            regularization = Regularization.NONE;
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got " + batchSize);
        }
    }

    /** Full-batch gradient descent, the tutorials' loop. */
    public static TrainingOptions gradientDescent(double learningRate, double l2) {
        return new TrainingOptions(Optimizer.Kind.GD, learningRate, Regularization.l2(l2), 0, 0);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(optimizer, lr, regularization, batchSize, shuffleSeed);
    }

    public TrainingOptions withRegularization(Regularization reg) {
        return new TrainingOptions(optimizer, learningRate, reg, batchSize, shuffleSeed);
    }

    /** The batch size actually used for n examples. */
    public int effectiveBatch(int n) {
        int b = batchSize == 0 && optimizer == Optimizer.Kind.SGD ? DEFAULT_SGD_BATCH : batchSize;
        return b == 0 || b >= n ? n : b;
    }
}
