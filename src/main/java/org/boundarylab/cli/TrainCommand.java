package org.boundarylab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Matrices;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.render.Viewport;
import org.boundarylab.text.Excerpt;
import org.boundarylab.workspace.AnimationGif;
import org.boundarylab.workspace.Exports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a model file's network on a CSV data set and writes the trained model.
 *
 * <p>If training diverges (a loss or a parameter stops being a finite number) the run stops,
 * the output model is not written (an existing file there is left as it was) and the loss log,
 * if asked for, is written up to the epoch where it happened, so the blow-up can be seen.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {"Train a model on a data set and write the trained model.",
            "The loss logged for an epoch is computed with the weights before that epoch's update."})
final class TrainCommand implements Callable<Integer> {
    static final int DEFAULT_LOG_EVERY = 100;
    /** Rows of a loss log (and of the model's "history") at most: a model file must stay readable. */
    static final long MAX_LOG_ROWS = 100_000;
    static final int DEFAULT_GIF_FRAMES = 60;
    static final int MAX_GIF_FRAMES = 500;
    /** The networks an animation keeps until it is drawn: frames x parameters at most (160 MB of weights). */
    static final long MAX_GIF_NUMBERS = 20_000_000;
    /** About this many points of the loss curve beside the animation, besides the logged and the frames' epochs. */
    static final int GIF_CURVE_POINTS = 500;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "IN.json",
            description = "Starting model (see 'init'); its weights are where training starts.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv",
            description = "Training data, header x1,x2,label.")
    Path data;

    @Option(names = "--test", paramLabel = "TEST.csv", description = "Test data, logged beside the training loss.")
    Path test;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "Number of epochs.")
    int epochs;

    @Mixin
    TrainingFlags training;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the mini-batch shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "OUT.json",
            description = "Where to write the trained model.")
    Path out;

    @Option(names = "--loss-log", paramLabel = "LOG.csv",
            description = "Write epoch,train_loss[,test_loss,train_accuracy,test_accuracy] here.")
    Path lossLog;

    @Option(names = "--log-every", defaultValue = "" + DEFAULT_LOG_EVERY, paramLabel = "K",
            description = "Log every K epochs and the last one, at most 100,000 rows (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(names = "--gif", paramLabel = "RUN.gif",
            description = "Also write an animation of the run: the boundary and the loss curve at evenly spaced"
                    + " epochs from 0 to the end, looping.")
    Path gif;

    @Option(names = "--gif-frames", defaultValue = "" + DEFAULT_GIF_FRAMES, paramLabel = "N",
            description = "Frames of the animation, 2 to 500 (default: ${DEFAULT-VALUE}); at most one per epoch.")
    int gifFrames;

    @Option(names = "--gif-size", defaultValue = "480x360", paramLabel = "WxH",
            description = "Size of the animation in pixels, 64 to 4096 a side (default: ${DEFAULT-VALUE}).")
    String gifSize;

    @Option(names = "--gif-delay", defaultValue = "100", paramLabel = "MS",
            description = "Milliseconds each frame is shown, 10 to 10000 (default: ${DEFAULT-VALUE}); the last"
                    + " stays three times as long.")
    int gifDelay;

    @Option(names = {"-v", "--verbose"}, description = "Print each logged epoch as it happens.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Checks checks = new Checks(spec);
        checks.atLeast("--epochs", epochs, 1);
        training.check(checks);
        checks.atLeast("--log-every", logEvery, 1);
        long logRows = (epochs - 1L) / logEvery + 2;
        if (logRows > MAX_LOG_ROWS) {
            throw checks.error(String.format(Locale.ROOT, "--log-every %d would log %,d rows over %,d epochs; at most"
                    + " %,d: give --log-every %d or more", logEvery, logRows, epochs, MAX_LOG_ROWS,
                    (epochs - 1L) / (MAX_LOG_ROWS - 2) + 1));
        }
        checks.writableTarget("--out", out);
        checks.notOverwriting("--out", out, "--data", data);
        checks.notOverwriting("--out", out, "--test", test);
        if (lossLog != null) {
            checks.writableTarget("--loss-log", lossLog);
            checks.notOverwriting("--loss-log", lossLog, "--out", out);
            checks.notOverwriting("--loss-log", lossLog, "--model", model);
            checks.notOverwriting("--loss-log", lossLog, "--data", data);
            checks.notOverwriting("--loss-log", lossLog, "--test", test);
        }
        AnimationGif.Options gifOptions = gifOptions(checks);

        ModelFile start = ModelFiles.readFull(model);
        Network net = start.network();
        Architecture arch = net.architecture();
        long[] frameEpochs = gif == null ? new long[0] : frameEpochs(Math.min(gifFrames, epochs + 1L), epochs);
        if ((long) frameEpochs.length * arch.parameterCount() > MAX_GIF_NUMBERS) {
            long most = Math.max(2, MAX_GIF_NUMBERS / arch.parameterCount());
            throw checks.error(String.format(Locale.ROOT, "--gif-frames %d would keep %d copies of a network of %,d"
                    + " parameters; at most %,d numbers in all: give --gif-frames %d or fewer", gifFrames,
                    frameEpochs.length, arch.parameterCount(), MAX_GIF_NUMBERS, most));
        }

        // the network sees the model's features of each point, not the raw x1, x2
        Features features = start.features();
        Dataset train = CsvDatasets.read(data);
        ModelDataFit.check(arch, features, model, train, data);
        double[][] trainX = features.map(train.x());
        Dataset testSet = null;
        double[][] testX = null;
        if (test != null) {
            testSet = CsvDatasets.read(test);
            ModelDataFit.check(arch, features, model, testSet, test);
            testX = features.map(testSet.x());
        }

        Regularization reg = training.regularization();
        TrainingOptions options = training.options(seed);
        Trainer trainer = new Trainer(net, trainX, train.y(), options);
        LossLog log = new LossLog(testSet != null);
        PrintWriter stdout = spec.commandLine().getOut();

        double firstLoss = Double.NaN;
        // with --gif: the networks at the frames' epochs, and the losses the curve beside them is drawn from
        List<AnimationGif.Frame> frames = new ArrayList<>();
        CurvePoints curve = new CurvePoints();
        long curveEvery = Math.max(1, epochs / GIF_CURVE_POINTS);
        int nextFrame = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            boolean logged = epoch % logEvery == 0 || epoch == epochs - 1;
            boolean framed = nextFrame < frameEpochs.length && frameEpochs[nextFrame] == epoch;
            boolean curved = gif != null && epoch % curveEvery == 0;
            if (!logged && !framed && !curved) {
                trainer.epoch(false);
            } else {
                // everything logged (or drawn) for this epoch uses the weights before its update
                double testLoss = Double.NaN;
                double trainAcc = Double.NaN;
                double testAcc = Double.NaN;
                if (testSet != null) {
                    testLoss = net.loss(testX, testSet.y(), reg);
                }
                if ((logged && testSet != null) || framed) {
                    trainAcc = Matrices.accuracy(net.predictClasses(trainX), train.y());
                    if (testSet != null) {
                        testAcc = Matrices.accuracy(net.predictClasses(testX), testSet.y());
                    }
                }
                Network before = framed ? net.copy() : null;
                double loss = trainer.epoch(true);
                if (epoch == 0) {
                    firstLoss = loss;
                }
                if (gif != null) {
                    curve.add(epoch, loss, testLoss);
                }
                if (framed) {
                    frames.add(new AnimationGif.Frame(epoch, before, loss, testLoss, trainAcc, testAcc));
                    nextFrame++;
                }
                if (logged) {
                    if (testSet == null) {
                        log.add(epoch, loss);
                    } else {
                        log.add(epoch, loss, testLoss, trainAcc, testAcc);
                    }
                    progress(stdout, epoch, loss, testSet == null ? null : testLoss);
                    stopIfDiverged(epoch, loss, log);
                }
            }
            // a step can blow the weights up between logged epochs; catch it where it happens
            if (!net.isFinite()) {
                stopIfDiverged(epoch, Double.NaN, log);
            }
        }
        double finalLoss = trainer.currentLoss();
        stopIfDiverged(epochs, finalLoss, log);

        double trainAcc = Matrices.accuracy(net.predictClasses(trainX), train.y());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("initial_model", model.toString());
        settings.put("data", data.toString());
        settings.put("test", test == null ? null : test.toString());
        settings.put("epochs", epochs);
        settings.put("optimizer", training.optimizer.id());
        settings.put("learning_rate", training.learningRate);
        settings.put("l2", training.l2);
        settings.put("l1", training.l1);
        settings.put("batch_size", options.effectiveBatch(train.size()));
        settings.put("seed", seed);
        settings.put("final_train_loss", finalLoss);
        settings.put("final_train_accuracy", trainAcc);
        String testSummary = "";
        double finalTestLoss = Double.NaN;
        double finalTestAcc = Double.NaN;
        if (testSet != null) {
            finalTestLoss = net.loss(testX, testSet.y(), reg);
            finalTestAcc = Matrices.accuracy(net.predictClasses(testX), testSet.y());
            settings.put("final_test_loss", finalTestLoss);
            settings.put("final_test_accuracy", finalTestAcc);
            testSummary = String.format(Locale.ROOT, ", test loss %.6f, test accuracy %.2f%%", finalTestLoss,
                    100 * finalTestAcc);
        }
        Map<String, Object> extras = new LinkedHashMap<>(start.extras());
        extras.remove("training");
        extras.remove("history");
        extras.put("training", settings);
        extras.put("history", log.toJson());

        // the model and its log together or neither: a full disk while writing one leaves both as they were
        try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
            batch.add(out, ModelFiles.content(net, extras));
            if (lossLog != null) {
                String csv = log.toCsv();
                batch.add(lossLog, o -> o.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            if (gif != null) {
                // the last frame is the trained network, with the figures the model file records
                frames.add(new AnimationGif.Frame(epochs, net, finalLoss, finalTestLoss, trainAcc, finalTestAcc));
                curve.add(epochs, finalLoss, finalTestLoss);
                Dataset shownTest = testSet == null ? new Dataset(new double[0][], new int[0], 1) : testSet;
                Viewport view = Exports.viewportOf(train, shownTest);
                batch.add(gif, AnimationGif.content(frames, features, train, shownTest, view, curve.toCurve(),
                        gifOptions, AnimationGif.Progress.NONE));
            }
            batch.commit();
        }

        stdout.printf(Locale.ROOT, "trained %s for %d epochs (%s, learning rate %s): train loss %.6f -> %.6f, "
                        + "train accuracy %.2f%%%s%n",
                arch, epochs, training.optimizer.id(), training.learningRate, firstLoss, finalLoss, 100 * trainAcc, testSummary);
        List<String> written = new ArrayList<>(List.of(out.toString()));
        if (lossLog != null) {
            written.add(lossLog.toString());
        }
        if (gif != null) {
            written.add(gif + String.format(Locale.ROOT, " (%d frames, epochs 0 to %d)", frames.size(), epochs));
        }
        String last = written.remove(written.size() - 1);
        stdout.printf("wrote %s%n", written.isEmpty() ? last : String.join(", ", written) + " and " + last);
        if (finalLoss > firstLoss) {
            // finite but worse than the start: the steps overshoot; the model is written, the user warned
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "warning: the training loss rose from %.6g to %.6g; the learning rate %s is "
                    + "probably too large, try a smaller --learning-rate%n", firstLoss, finalLoss, training.learningRate);
            err.flush();
        }
        return Cli.OK;
    }

    private void progress(PrintWriter stdout, long epoch, double loss, Double testLoss) {
        if (verbose) {
            stdout.printf(Locale.ROOT, "epoch %d: train loss %.6f%s%n", epoch, loss,
                    testLoss == null ? "" : String.format(Locale.ROOT, ", test loss %.6f", testLoss));
            stdout.flush();
        }
    }

    /**
     * Ends the run when the loss is not a finite number: the model is not written (a NaN model
     * is of no use and would overwrite a good one), the log up to here is, to show the blow-up.
     */
    private void stopIfDiverged(long epoch, double loss, LossLog log) throws IOException {
        if (Double.isFinite(loss)) {
            return;
        }
        String logNote = "";
        if (lossLog != null) {
            AtomicFiles.writeString(lossLog, log.toCsv());
            logNote = " (the loss log is)";
        }
        throw new UserError("training diverged at epoch " + epoch + " (loss NaN or infinite): try a"
                + " --learning-rate below " + training.learningRate + ", e.g. " + training.learningRate / 10
                + "; not written: " + out + (gif == null ? "" : " and " + gif) + logNote);
    }

    /** The animation's options, checked (and its target) before any work; null without --gif. */
    private AnimationGif.Options gifOptions(Checks checks) {
        if (gif == null) {
            for (String option : new String[] {"--gif-frames", "--gif-size", "--gif-delay"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw checks.error(option + " needs --gif RUN.gif, the file to write the animation to");
                }
            }
            return null;
        }
        checks.atLeast("--gif-frames", gifFrames, 2);
        checks.atMost("--gif-frames", gifFrames, MAX_GIF_FRAMES);
        Matcher m = SIZE.matcher(gifSize);
        if (!m.matches()) {
            throw checks.error("--gif-size must be WIDTHxHEIGHT in pixels, e.g. 480x360, got " + Excerpt.quoted(gifSize));
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (Math.min(w, h) < AnimationGif.MIN_SIZE || Math.max(w, h) > AnimationGif.MAX_SIZE) {
            throw checks.error("--gif-size must be " + AnimationGif.MIN_SIZE + " to " + AnimationGif.MAX_SIZE
                    + " pixels a side, got " + w + "x" + h);
        }
        checks.atLeast("--gif-delay", gifDelay, AnimationGif.MIN_DELAY_MILLIS);
        checks.atMost("--gif-delay", gifDelay, AnimationGif.MAX_DELAY_MILLIS);
        checks.writableTarget("--gif", gif);
        checks.notOverwriting("--gif", gif, "--out", out);
        checks.notOverwriting("--gif", gif, "--loss-log", lossLog);
        checks.notOverwriting("--gif", gif, "--model", model);
        checks.notOverwriting("--gif", gif, "--data", data);
        checks.notOverwriting("--gif", gif, "--test", test);
        return new AnimationGif.Options(w, h, gifDelay, true);
    }

    /**
     * {@code frames} epochs evenly spaced from 0 to {@code epochs} (rounded to whole epochs), the
     * last the end of the run; all different as long as there are at most {@code epochs + 1}.
     */
    static long[] frameEpochs(long frames, long epochs) {
        long[] at = new long[(int) frames];
        for (int k = 0; k < frames; k++) {
            at[k] = (k * epochs * 2 + (frames - 1)) / (2 * (frames - 1));
        }
        return at;
    }

    /** The losses the animation's curve is drawn from, oldest first. */
    private static final class CurvePoints {
        private final List<Long> epochs = new ArrayList<>();
        private final List<Double> train = new ArrayList<>();
        private final List<Double> test = new ArrayList<>();

        void add(long epoch, double trainLoss, double testLoss) {
            epochs.add(epoch);
            train.add(trainLoss);
            test.add(testLoss);
        }

        AnimationGif.LossCurve toCurve() {
            return new AnimationGif.LossCurve(epochs.stream().mapToLong(Long::longValue).toArray(),
                    train.stream().mapToDouble(Double::doubleValue).toArray(),
                    test.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
