package org.boundarylab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Callable;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.DataFormatException;
import org.boundarylab.data.Dataset;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.render.BoundaryImage;
import org.boundarylab.training.sweep.RunSettings;
import org.boundarylab.training.sweep.SettingStats;
import org.boundarylab.training.sweep.SweepCsv;
import org.boundarylab.training.sweep.SweepKind;
import org.boundarylab.training.sweep.SweepPictures;
import org.boundarylab.training.sweep.SweepProgress;
import org.boundarylab.training.sweep.SweepResult;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.training.sweep.SweepSpec;
import org.boundarylab.training.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: trains one network per (setting, seed) on all cores and writes one CSV row per
 * run, optionally with the grid of decision-boundary thumbnails as PNG.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Trains the same network at several hidden widths (or L2 strengths, or training-set sizes),",
                "several seeds each, in parallel; writes one CSV row per run:",
                "setting,seed,train_loss,test_loss,train_accuracy,test_accuracy,epochs,seconds.",
                "Losses are the mean loss without the weight penalty."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv", description = "training data (x1,x2,label)")
    Path data;

    @Option(names = "--test", required = true, paramLabel = "TEST.csv", description = "test data (x1,x2,label)")
    Path test;

    @Option(names = "--hidden", required = true, paramLabel = "W[,W...]",
            description = "hidden widths to sweep, e.g. 1,2,3,4,5,20,50; with --l2-values or --sizes a single width")
    String hidden;

    @Option(names = "--layers-per-setting", defaultValue = "1", paramLabel = "1..3",
            description = "hidden layers of that width (default ${DEFAULT-VALUE})")
    int layersPerSetting;

    @Option(names = "--l2-values", paramLabel = "X[,X...]", description = "sweep the L2 strength over these values instead")
    String l2Values;

    @Option(names = "--sizes", paramLabel = "N[,N...]",
            description = "sweep the training-set size (stratified subsets of TRAIN.csv) instead")
    String sizes;

    @Option(names = "--seeds", defaultValue = "5", description = "seeds per setting (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--seed", defaultValue = "0", description = "first weight seed; run k uses seed+k (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", required = true, description = "epochs per run")
    int epochs;

    @Option(names = "--learning-rate", required = true, paramLabel = "LR")
    double learningRate;

    @Option(names = "--l2", defaultValue = "0", paramLabel = "X", description = "L2 strength (default ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--l1", defaultValue = "0", paramLabel = "X", description = "L1 strength (default ${DEFAULT-VALUE})")
    double l1;

    @Option(names = "--hidden-activation", defaultValue = "tanh", description = "default ${DEFAULT-VALUE}")
    String hiddenActivation;

    @Option(names = "--output", defaultValue = "softmax", description = "default ${DEFAULT-VALUE}")
    String output;

    @Option(names = "--loss", defaultValue = "cross_entropy", description = "default ${DEFAULT-VALUE}")
    String loss;

    @Option(names = "--init", defaultValue = "lecun", description = "uniform, lecun, glorot or he (default ${DEFAULT-VALUE})")
    String init;

    @Option(names = "--optimizer", defaultValue = "gd", description = "gd, sgd, momentum or adam (default ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--batch-size", defaultValue = "0", description = "0 = full batch (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: one per core)")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "RESULTS.csv")
    Path out;

    @Option(names = "--png", paramLabel = "GRID.png", description = "small-multiples grid of the first seed's boundaries")
    Path png;

    @Option(names = "--quiet", description = "print only the summary, not a line per run")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        SweepSpec sweep;
        Dataset train;
        Dataset testSet;
        int threadCount;
        try {
            sweep = buildSpec();
            threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (threadCount < 1 || threadCount > 256) {
                throw new IllegalArgumentException("--threads must be from 1 to 256, got " + threadCount);
            }
            train = CsvDatasets.read(data);
            testSet = CsvDatasets.read(test);
        } catch (IllegalArgumentException e) {
            err.println("sweep: " + e.getMessage());
            err.flush();
            return 2;
        } catch (DataFormatException e) {
            err.println("sweep: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("sweep: cannot read " + e.getMessage());
            err.flush();
            return 2;
        }

        ExecutorService pool = SweepRunner.newPool(threadCount);
        List<SweepResult> results;
        try {
            SweepRunner runner = new SweepRunner(sweep, train, testSet, pool);
            SweepSpec s = sweep;
            runner.start((r, p) -> {
                if (!quiet) {
                    outWriter.println(runLine(s, r, p));
                    outWriter.flush();
                }
            });
            results = runner.completion().get();
        } catch (IllegalArgumentException e) {
            err.println("sweep: " + e.getMessage());
            err.flush();
            return 2;
        } catch (ExecutionException e) {
            err.println("sweep: a run failed: " + e.getCause().getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sweep: interrupted");
            err.flush();
            return 1;
        } finally {
            pool.shutdownNow();
        }

        try {
            SweepCsv.write(results, out);
            if (png != null) {
                BoundaryImage.writePng(SweepPictures.grid(sweep, results, train, testSet), png);
            }
        } catch (IOException e) {
            err.println("sweep: cannot write " + e.getMessage());
            err.flush();
            return 2;
        }
        printSummary(outWriter, sweep, results);
        outWriter.flush();
        return 0;
    }

    SweepSpec buildSpec() {
        double[] widths = parse("--hidden", hidden);
        SweepKind kind = SweepKind.HIDDEN_WIDTH;
        double[] values = widths;
        if (l2Values != null && sizes != null) {
            throw new IllegalArgumentException("give --l2-values or --sizes, not both");
        }
        if (l2Values != null || sizes != null) {
            if (widths.length != 1) {
                throw new IllegalArgumentException("--hidden must be a single width when sweeping "
                        + (l2Values != null ? "--l2-values" : "--sizes") + ", got '" + hidden + "'");
            }
            kind = l2Values != null ? SweepKind.L2 : SweepKind.TRAIN_SIZE;
            values = l2Values != null ? parse("--l2-values", l2Values) : parse("--sizes", sizes);
        }
        int[] baseHidden = new int[0];
        if (kind != SweepKind.HIDDEN_WIDTH) {
            double w = widths[0];
            if (w != Math.rint(w) || w < 1 || w > SweepSpec.MAX_WIDTH) {
                throw new IllegalArgumentException("--hidden: a width must be a whole number from 1 to "
                        + SweepSpec.MAX_WIDTH + ", got '" + hidden + "'");
            }
            baseHidden = new int[layersPerSetting < 1 ? 1 : layersPerSetting];
            java.util.Arrays.fill(baseHidden, (int) w);
        }
        TrainingOptions training = new TrainingOptions(Optimizer.Kind.parse(optimizer), learningRate,
                new Regularization(l2, l1), batchSize, seed);
        RunSettings base = new RunSettings(baseHidden, Activation.parse(hiddenActivation), Activation.parse(output),
                Loss.parse(loss), Initializer.parse(init), training, seed);
        SweepSpec s = new SweepSpec(kind, values, layersPerSetting, seeds, epochs, base);
        // refuse a bad activation/loss pair before reading any data
        s.architectureFor(0, 2, 2);
        return s;
    }

    private static double[] parse(String option, String text) {
        try {
            return SweepSpec.parseValues(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static String runLine(SweepSpec spec, SweepResult r, SweepProgress p) {
        return String.format(Locale.ROOT, "[%d/%d] %-10s seed %-3d train acc %.3f  test acc %.3f  train loss %.4f"
                        + "  test loss %.4f  %.1f s%s%s",
                p.finishedRuns(), p.totalRuns(), SweepPictures.settingName(spec, r.settingIndex()), r.seed(),
                r.trainAccuracy(), r.testAccuracy(), r.trainLoss(), r.testLoss(), r.seconds(),
                r.diverged() ? "  DIVERGED" : "", p.remainingText().isEmpty() ? "" : "  (" + p.remainingText() + ")");
    }

    private static void printSummary(PrintWriter out, SweepSpec spec, List<SweepResult> results) {
        SweepSummary summary = SweepSummary.of(results);
        out.println();
        out.printf(Locale.ROOT, "%-10s %5s  %-17s %-17s %-17s %-17s%n", "setting", "runs",
                "train acc", "test acc", "train loss", "test loss");
        for (SettingStats s : summary.settings()) {
            out.printf(Locale.ROOT, "%-10s %5d  %.3f +- %.3f     %.3f +- %.3f     %.4f +- %.4f   %.4f +- %.4f%n",
                    SweepPictures.settingName(spec, s.settingIndex()), s.runs(),
                    s.meanTrainAccuracy(), s.stdTrainAccuracy(), s.meanTestAccuracy(), s.stdTestAccuracy(),
                    s.meanTrainLoss(), s.stdTrainLoss(), s.meanTestLoss(), s.stdTestLoss());
        }
        summary.bestTest().ifPresent(b -> out.printf(Locale.ROOT, "best test accuracy: %s (%.3f)%n",
                SweepPictures.settingName(spec, b.settingIndex()), b.meanTestAccuracy()));
    }
}
