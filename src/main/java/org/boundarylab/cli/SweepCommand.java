package org.boundarylab.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: trains one network per (setting, seed) on all cores and writes one CSV row per
 * run, optionally with the grid of decision-boundary thumbnails as PNG. Errors follow the rest of
 * the command line: bad options are parameter errors, bad files propagate to {@link Cli}'s handler
 * (one line, status 2).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {"Train the same network at several hidden widths (or L2 strengths, or training-set sizes),",
            "several seeds each, all cores at once; write one CSV row per run:",
            "setting,seed,train_loss,test_loss,train_accuracy,test_accuracy,epochs,seconds,diverged.",
            "Losses are mean per-example losses without the weight penalty, so train and test compare.",
            "Run k of every setting starts from weight seed --seed + k."})
public final class SweepCommand implements Callable<Integer> {
    static final int MAX_THREADS = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv", description = "Training data, header x1,x2,label.")
    Path data;

    @Option(names = "--test", required = true, paramLabel = "TEST.csv", description = "Test data, header x1,x2,label.")
    Path test;

    @Option(names = "--hidden", required = true, paramLabel = "W[,W...]",
            description = "Hidden widths to sweep, e.g. 1,2,3,4,5,20,50; with --l2-values or --sizes one width.")
    String hidden;

    @Option(names = "--layers-per-setting", defaultValue = "1", paramLabel = "1..3",
            description = "Hidden layers of that width (default: ${DEFAULT-VALUE}).")
    int layersPerSetting;

    @Option(names = "--l2-values", paramLabel = "X[,X...]", description = "Sweep the L2 strength over these instead.")
    String l2Values;

    @Option(names = "--sizes", paramLabel = "N[,N...]",
            description = "Sweep the training-set size (stratified subsets of TRAIN.csv) instead.")
    String sizes;

    @Option(names = "--seeds", defaultValue = "" + SweepSpec.DEFAULT_SEEDS, paramLabel = "K",
            description = "Runs per setting, weight seeds S..S+K-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "First weight seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "Epochs per run.")
    int epochs;

    @Option(names = "--features", paramLabel = "F,F,...",
            description = "Input features: x1, x2, x1^2, x2^2, x1*x2, sin_x1, sin_x2 (default: x1,x2).")
    String featuresText;

    @Option(names = "--hidden-activation", defaultValue = "tanh", converter = Converters.ActivationConverter.class,
            description = "tanh, sigmoid, relu, leaky_relu or linear (default: ${DEFAULT-VALUE}).")
    Activation hiddenActivation;

    @Option(names = "--output", defaultValue = "softmax", converter = Converters.ActivationConverter.class,
            description = "softmax, sigmoid or linear (default: ${DEFAULT-VALUE}).")
    Activation output;

    @Option(names = "--loss", defaultValue = "cross_entropy", converter = Converters.LossConverter.class,
            description = "cross_entropy, binary_cross_entropy or mean_squared_error (default: ${DEFAULT-VALUE}).")
    Loss loss;

    @Option(names = "--init", defaultValue = "lecun", converter = Converters.InitializerConverter.class,
            description = "uniform, lecun, glorot or he (default: ${DEFAULT-VALUE}).")
    Initializer init;

    @Mixin
    TrainingFlags training;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "RESULTS.csv", description = "Where to write the table.")
    Path out;

    @Option(names = "--png", paramLabel = "GRID.png",
            description = "Also draw the first seed's decision boundary of every setting, in a grid.")
    Path png;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, not a line per finished run.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Checks checks = new Checks(spec);
        checks.atLeast("--epochs", epochs, 1);
        training.check(checks);
        checks.atLeast("--seeds", seeds, 1);
        checks.atMost("--seeds", seeds, 100);
        checks.atLeast("--layers-per-setting", layersPerSetting, 1);
        checks.atMost("--layers-per-setting", layersPerSetting, 3);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        checks.atLeast("--threads", threadCount, 1);
        checks.atMost("--threads", threadCount, MAX_THREADS);
        checks.writableTarget("--out", out);
        checks.notOverwriting("--out", out, "--data", data);
        checks.notOverwriting("--out", out, "--test", test);
        if (png != null) {
            checks.writableTarget("--png", png);
            checks.notOverwriting("--png", png, "--out", out);
            checks.notOverwriting("--png", png, "--data", data);
            checks.notOverwriting("--png", png, "--test", test);
        }
        SweepSpec sweep;
        try {
            sweep = buildSpec();
        } catch (IllegalArgumentException e) {
            throw checks.error(e.getMessage());
        }

        Features features = Features.DEFAULT;
        if (featuresText != null) {
            try {
                features = Features.parse(featuresText);
            } catch (IllegalArgumentException e) {
                throw checks.error("--features: " + e.getMessage());
            }
        }

        Dataset train = CsvDatasets.read(data);
        Dataset testSet = CsvDatasets.read(test);
        int classes = Math.max(train.classes(), testSet.classes());
        Architecture widest = sweep.architectureFor(0, features.count(), classes);
        try {
            widest.checkRows(Math.max(train.size(), testSet.size()));
        } catch (IllegalArgumentException e) {
            throw new UserError((train.size() >= testSet.size() ? data : test) + ": " + e.getMessage());
        }
        List<SweepResult> results = run(sweep, train, testSet, threadCount, features);

        // the table and the picture together or neither: a full disk while writing one leaves both as they were
        try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
            batch.add(out, SweepCsv.content(results));
            if (png != null) {
                BufferedImage grid = SweepPictures.grid(sweep, results, train, testSet, features);
                batch.add(png, BoundaryImage.pngContent(grid));
            }
            batch.commit();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        printSummary(stdout, sweep, results);
        stdout.flush();
        return Cli.OK;
    }

    private List<SweepResult> run(SweepSpec sweep, Dataset train, Dataset testSet, int threadCount,
                                  Features features) throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        ExecutorService pool = SweepRunner.newPool(threadCount);
        try {
            SweepRunner runner = new SweepRunner(sweep, train, testSet, pool, features);
            runner.start((r, p) -> {
                if (!quiet) {
                    stdout.println(runLine(sweep, r, p));
                    stdout.flush();
                }
            });
            return runner.completion().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }

    SweepSpec buildSpec() {
        double[] widths = parse("--hidden", hidden);
        SweepKind kind = SweepKind.HIDDEN_WIDTH;
        double[] values = widths;
        if (l2Values != null && sizes != null) {
            throw new IllegalArgumentException("give --l2-values or --sizes, not both");
        }
        int[] baseHidden = new int[0];
        if (l2Values != null || sizes != null) {
            String swept = l2Values != null ? "--l2-values" : "--sizes";
            if (widths.length != 1) {
                throw new IllegalArgumentException("--hidden must be a single width when sweeping " + swept
                        + ", got '" + hidden + "'");
            }
            double w = widths[0];
            if (w != Math.rint(w) || w < 1 || w > SweepSpec.MAX_WIDTH) {
                throw new IllegalArgumentException("--hidden: a width must be a whole number from 1 to "
                        + SweepSpec.MAX_WIDTH + ", got '" + hidden + "'");
            }
            kind = l2Values != null ? SweepKind.L2 : SweepKind.TRAIN_SIZE;
            values = parse(swept, l2Values != null ? l2Values : sizes);
            baseHidden = new int[layersPerSetting];
            Arrays.fill(baseHidden, (int) w);
        }
        RunSettings base = new RunSettings(baseHidden, hiddenActivation, output, loss, init, training.options(seed),
                seed);
        SweepSpec s;
        try {
            s = new SweepSpec(kind, values, layersPerSetting, seeds, epochs, base);
        } catch (IllegalArgumentException e) {
            String option = kind == SweepKind.HIDDEN_WIDTH ? "--hidden" : kind == SweepKind.L2 ? "--l2-values" : "--sizes";
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
        // refuse a bad activation/loss pair before reading any data
        try {
            s.architectureFor(0, 2, 2);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((hiddenActivation == Activation.SOFTMAX ? "--hidden-activation"
                    : "--output/--loss") + ": " + e.getMessage(), e);
        }
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
        String left = p.remainingText().isEmpty() ? "" : "  (" + p.remainingText() + ")";
        if (r.diverged()) {
            return String.format(Locale.ROOT, "[%d/%d] %-8s seed %-3d diverged after %d epochs (a loss or weight is no"
                            + " longer a finite number)  %.1f s%s", p.finishedRuns(), p.totalRuns(),
                    SweepPictures.settingName(spec, r.settingIndex()), r.seed(), r.epochs(), r.seconds(), left);
        }
        return String.format(Locale.ROOT, "[%d/%d] %-8s seed %-3d train acc %.3f  test acc %.3f  train loss %.4f"
                        + "  test loss %.4f  %.1f s%s",
                p.finishedRuns(), p.totalRuns(), SweepPictures.settingName(spec, r.settingIndex()), r.seed(),
                r.trainAccuracy(), r.testAccuracy(), r.trainLoss(), r.testLoss(), r.seconds(), left);
    }

    private static void printSummary(PrintWriter out, SweepSpec spec, List<SweepResult> results) {
        SweepSummary summary = SweepSummary.of(results);
        out.println();
        out.printf(Locale.ROOT, "%-8s %4s  %-15s  %-15s  %-17s  %-17s%n", "setting", "runs",
                "train acc", "test acc", "train loss", "test loss");
        for (SettingStats s : summary.settings()) {
            String name = SweepPictures.settingName(spec, s.settingIndex());
            if (s.allDiverged()) {
                out.printf(Locale.ROOT, "%-8s %4d  diverged (all %d runs)%n", name, s.runs(), s.runs());
                continue;
            }
            out.printf(Locale.ROOT, "%-8s %4d  %.3f +- %.3f  %.3f +- %.3f  %.4f +- %.4f  %.4f +- %.4f%s%n",
                    name, s.runs(),
                    s.meanTrainAccuracy(), s.stdTrainAccuracy(), s.meanTestAccuracy(), s.stdTestAccuracy(),
                    s.meanTrainLoss(), s.stdTrainLoss(), s.meanTestLoss(), s.stdTestLoss(),
                    s.diverged() == 0 ? "" : "  (" + s.diverged() + " of " + s.runs() + " diverged, left out)");
        }
        summary.bestTest().ifPresentOrElse(b -> out.printf(Locale.ROOT, "best test accuracy: %s (%.3f)%n",
                SweepPictures.settingName(spec, b.settingIndex()), b.meanTestAccuracy()),
                () -> out.println("best test accuracy: none (every setting had a run that diverged;"
                        + " try a smaller --learning-rate)"));
    }
}
