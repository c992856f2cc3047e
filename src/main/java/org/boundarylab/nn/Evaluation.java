package org.boundarylab.nn;

/**
 * Loss and accuracy of a network on one fixed data set, with the buffers kept from call to
 * call and a single forward pass for both figures. The live window measures every snapshot
 * this way: {@link Network#loss} followed by {@link Network#predictClasses} would allocate
 * and fill a forward pass over the whole data twice, the second on one core only, which for
 * the largest networks the controls allow costs more than an epoch of training.
 *
 * <p>The loss is the one {@link Network#loss} gives, to the last bit (the same chunks summed
 * in the same order); the accuracy is the one {@link Network#predictClasses} gives. Not
 * thread-safe: one thread measures at a time.
 */
public final class Evaluation {
    private final Architecture arch;
    private final Backprop backprop;
    private final double[][] x;
    private final double[][] t;
    private final int[] labels;

    /** The loss (with the penalty) and the share of rows classified right, in [0, 1]. */
    public record Result(double loss, double accuracy) {
    }

    public Evaluation(Architecture arch, double[][] x, int[] labels) {
        if (x.length == 0) {
            throw new IllegalArgumentException("there are no examples to measure on");
        }
        if (x.length != labels.length) {
            throw new IllegalArgumentException(x.length + " rows of inputs but " + labels.length + " labels");
        }
        arch.checkRows(x.length);
        this.arch = arch;
        this.backprop = new Backprop(arch, x.length, ChunkRunner.shared(), false);
        this.x = Matrices.byColumn(x, arch.inputs(), x.length);
        this.t = Matrices.targetsByColumn(labels, arch.outputs(), x.length);
        this.labels = labels;
    }

    public Result measure(Network net, Regularization reg) {
        if (!net.architecture().equals(arch)) {
            throw new IllegalArgumentException("a " + net.architecture() + " network cannot be measured by an"
                    + " evaluation built for " + arch);
        }
        int rows = labels.length;
        double loss = backprop.loss(net, x, t, rows, reg);
        return new Result(loss, accuracy(backprop.outputs(), labels, rows));
    }

    /** Share of rows whose class (argmax, or p > 0.5 for one output) matches; outputs by column. */
    static double accuracy(double[][] out, int[] labels, int rows) {
        int k = out.length;
        int right = 0;
        for (int r = 0; r < rows; r++) {
            int best;
            if (k == 1) {
                best = out[0][r] > 0.5 ? 1 : 0;
            } else {
                best = 0;
                for (int j = 1; j < k; j++) {
                    if (out[j][r] > out[best][r]) {
                        best = j;
                    }
                }
            }
            if (best == labels[r]) {
                right++;
            }
        }
        return (double) right / rows;
    }
}
