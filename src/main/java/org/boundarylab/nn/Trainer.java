package org.boundarylab.nn;

/**
 * Trains one network on one data set, an epoch at a time. Not thread-safe: one thread drives
 * it; others see its progress only through copies (see {@link Network#copy()}).
 *
 * <p>The loss an epoch reports is the training loss with the weights before that epoch's
 * update, as the tutorials print it.
 */
public final class Trainer {
    private final Network net;
    private final double[][] x;
    private final double[][] t;
    private final int rows;
    private final int[] labels;
    private final int inputs;
    private final int outputs;
    private final Backprop backprop;
    private final Gradients gradients;
    private ShuffleRandom shuffle;
    private final int[] order;
    private final double[][] batchX;
    private final double[][] batchT;
    private Optimizer optimizer;
    private TrainingOptions options;
    private long epoch;

    public Trainer(Network net, double[][] x, int[] labels, TrainingOptions options) {
        if (x.length == 0) {
            throw new IllegalArgumentException("there are no training examples");
        }
        if (x.length != labels.length) {
            throw new IllegalArgumentException(x.length + " rows of inputs but " + labels.length + " labels");
        }
        Architecture arch = net.architecture();
        arch.checkRows(x.length);
        this.net = net;
        this.rows = x.length;
        this.labels = labels;
        this.inputs = arch.inputs();
        this.outputs = arch.outputs();
        // one array per column (see Forward): the engine's loops run along the examples
        this.x = Matrices.byColumn(x, inputs, rows);
        this.t = Matrices.targetsByColumn(labels, outputs, rows);
        this.options = options;
        this.optimizer = options.optimizer().create(arch, options.learningRate());
        int batch = options.effectiveBatch(rows);
        this.backprop = new Backprop(arch, batch);
        this.gradients = new Gradients(arch);
        this.shuffle = ShuffleRandom.seeded(options.shuffleSeed());
        this.order = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = r;
        }
        this.batchX = batch < rows ? new double[inputs][batch] : null;
        this.batchT = batch < rows ? new double[outputs][batch] : null;
    }

    public Network network() {
        return net;
    }

    public long epochsDone() {
        return epoch;
    }

    public TrainingOptions options() {
        return options;
    }

    /** Whether epochs go in shuffled mini-batches (full batch never shuffles). */
    private boolean shuffles() {
        return backprop.capacity() < rows;
    }

    /** A copy of what the next epochs depend on besides the weights (see {@link TrainerState}). */
    public TrainerState state() {
        return new TrainerState(options.optimizer(), optimizer.steps(), optimizer.moments(), shuffle.state(),
                shuffles() ? order : null);
    }

    /**
     * Continues from a state taken off a trainer of the same architecture, optimiser and batch
     * over the same number of examples: the next epochs are those that trainer would have run.
     *
     * @throws IllegalArgumentException when the state does not fit this trainer; nothing changes then
     */
    public void restore(TrainerState s) {
        if (s.optimizer() != options.optimizer()) {
            throw new IllegalArgumentException("the state is " + s.optimizer() + "'s but this run uses "
                    + options.optimizer());
        }
        int[] savedOrder = s.order();
        if (shuffles()) {
            if (savedOrder == null || !isPermutation(savedOrder, rows)) {
                throw new IllegalArgumentException("the saved shuffle order is not an order of the " + rows
                        + " training examples");
            }
        } else if (savedOrder != null) {
            throw new IllegalArgumentException("the state has a mini-batch order but this run trains full-batch");
        }
        ShuffleRandom random = ShuffleRandom.atState(s.shuffleState());
        optimizer.restore(s.steps(), s.moments()); // checks the moments before changing any
        shuffle = random;
        if (savedOrder != null) {
            System.arraycopy(savedOrder, 0, order, 0, rows);
        }
    }

    private static boolean isPermutation(int[] p, int n) {
        if (p.length != n) {
            return false;
        }
        boolean[] seen = new boolean[n];
        for (int v : p) {
            if (v < 0 || v >= n || seen[v]) {
                return false;
            }
            seen[v] = true;
        }
        return true;
    }

    /** Changes the learning rate and penalties for the next epochs, keeping the optimiser's state. */
    public void retune(double learningRate, Regularization reg) {
        optimizer.setLearningRate(learningRate);
        options = options.withLearningRate(learningRate).withRegularization(reg);
    }

    /**
     * One epoch: one full-batch step, or one pass of shuffled mini-batches.
     *
     * @param withLoss whether to compute the loss (it costs a little; the lab skips it
     *                 between redraws)
     * @return the training loss before this epoch's update, or NaN when not asked for
     */
    public double epoch(boolean withLoss) {
        Regularization reg = options.regularization();
        int batch = backprop.capacity();
        double loss;
        if (batch >= rows) {
            backprop.lossAndGradients(net, x, t, rows, reg, gradients, withLoss);
            loss = gradients.loss;
            optimizer.step(net, gradients);
        } else {
            loss = withLoss ? fullLoss(reg) : Double.NaN;
            shuffleOrder();
            for (int start = 0; start < rows; start += batch) {
                int n = Math.min(batch, rows - start);
                gather(start, n);
                backprop.lossAndGradients(net, batchX, batchT, n, reg, gradients, false);
                optimizer.step(net, gradients);
            }
        }
        epoch++;
        return loss;
    }

    /** Whether {@link #epochMeasured()} can measure the weights in the epoch's own forward pass (full batch). */
    public boolean measuresInEpoch() {
        return backprop.capacity() >= rows;
    }

    /**
     * One full-batch epoch that also reports the training loss and accuracy of the weights it
     * started from, read off the forward pass the step makes anyway: the same figures
     * {@link #fullBatchMeasurement} gives for those weights, to the last bit, without a forward
     * pass of their own (for a wide network that pass costs a third of an epoch).
     *
     * @throws IllegalStateException when training in mini-batches ({@link #measuresInEpoch()} is false)
     */
    public Evaluation.Result epochMeasured() {
        if (!measuresInEpoch()) {
            throw new IllegalStateException("a mini-batch epoch never sees all the rows in one pass");
        }
        Regularization reg = options.regularization();
        backprop.lossAndGradients(net, x, t, rows, reg, gradients, true);
        Evaluation.Result before = new Evaluation.Result(gradients.loss,
                Evaluation.accuracy(backprop.outputs(), labels, rows));
        optimizer.step(net, gradients);
        epoch++;
        return before;
    }

    /**
     * The training loss and accuracy of the current weights from one forward pass through the
     * trainer's own buffers, when it trains full-batch (the loss is then {@link Network#loss}'s
     * to the last bit); null for mini-batches, whose buffers hold only a batch.
     */
    public Evaluation.Result fullBatchMeasurement(Regularization reg) {
        if (backprop.capacity() < rows) {
            return null;
        }
        double loss = backprop.loss(net, x, t, rows, reg);
        return new Evaluation.Result(loss, Evaluation.accuracy(backprop.outputs(), labels, rows));
    }

    /** The training loss for the current weights. */
    public double currentLoss() {
        return fullLoss(options.regularization());
    }

    private double fullLoss(Regularization reg) {
        int batch = backprop.capacity();
        if (batch >= rows) {
            return backprop.loss(net, x, t, rows, reg);
        }
        // evaluate in buffer-sized chunks and weight each chunk's mean by its size
        double sum = 0;
        double penalty = net.penalty(reg);
        for (int start = 0; start < rows; start += batch) {
            int n = Math.min(batch, rows - start);
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(x[i], start, batchX[i], 0, n);
            }
            for (int j = 0; j < outputs; j++) {
                System.arraycopy(t[j], start, batchT[j], 0, n);
            }
            sum += (backprop.loss(net, batchX, batchT, n, Regularization.NONE)) * n;
        }
        return sum / rows + penalty;
    }

    private void shuffleOrder() {
        for (int i = rows - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    /** Copies the examples order[start, start + n) into the batch buffers. */
    private void gather(int start, int n) {
        for (int i = 0; i < inputs; i++) {
            for (int k = 0; k < n; k++) {
                batchX[i][k] = x[i][order[start + k]];
            }
        }
        for (int j = 0; j < outputs; j++) {
            for (int k = 0; k < n; k++) {
                batchT[j][k] = t[j][order[start + k]];
            }
        }
    }
}
