package org.boundarylab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.render.BoundaryGrid;
import org.boundarylab.render.GridField;
import org.boundarylab.render.Viewport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench [seed000|sweep|boundary|large ...]}: the four workloads of the performance
 * references (shared/reference: bench_numpy.py and limit.c), run with this project's engine
 * and printed as {@code <workload> <median seconds>} over 5 timed runs after 1 warm-up, so
 * the three programs can be run back to back and compared as ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times the engine on the reference workloads (seed000, sweep, boundary, large): "
                + "prints '<workload> <median seconds>' over 5 runs after 1 warm-up.")
public final class BenchCommand implements Callable<Integer> {

    /** The workloads, in the order the reference programs run them. */
    public static final List<String> WORKLOADS = List.of("seed000", "sweep", "boundary", "large");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORKLOAD",
            description = "any of seed000, sweep, boundary, large (default: all four)")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N",
            description = "timed runs per workload after the warm-up; the median is printed (default: 5, "
                    + "as the reference programs)")
    int repetitions;

    @Override
    public Integer call() {
        List<String> chosen = workloads.isEmpty() ? WORKLOADS : workloads;
        for (String w : chosen) {
            if (!WORKLOADS.contains(w)) {
                throw new ParameterException(spec.commandLine(), "unknown workload '" + w + "' (expected one of "
                        + String.join(", ", WORKLOADS) + ")");
            }
        }
        if (repetitions < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + repetitions);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String w : chosen) {
            Runnable run = workload(w);
            run.run(); // warm-up: lets the JIT compile the kernels before timing
            double[] seconds = new double[repetitions];
            for (int k = 0; k < repetitions; k++) {
                long t0 = System.nanoTime();
                run.run();
                seconds[k] = (System.nanoTime() - t0) * 1e-9;
            }
            Arrays.sort(seconds);
            out.printf(Locale.ROOT, "%s %.4f%n", w, seconds[repetitions / 2]);
            out.flush();
        }
        return 0;
    }

    /** One timed unit of work; set-up (data, initial weights) happens outside the timing. */
    static Runnable workload(String name) {
        return switch (name) {
            case "seed000" -> seed000();
            case "sweep" -> sweep();
            case "boundary" -> boundary();
            case "large" -> large();
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }

    /** 800 moons, 2-5-3-1 tanh/tanh/sigmoid, binary cross-entropy, U[0,1) weights, lr 0.1, 5000 epochs. */
    static Runnable seed000() {
        Moons data = Moons.make(800, 0.1, 0);
        Architecture arch = new Architecture(new int[] {2, 5, 3, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Network start = Initializer.UNIFORM.create(arch, 0);
        return () -> train(start, data, TrainingOptions.gradientDescent(0.1, 0), 5000);
    }

    /**
     * 200 moons, 2-h-2 tanh/softmax, cross-entropy with L2 (lr 2.0, l2 5e-5 in the mean convention),
     * 20000 epochs for each h in 1,2,3,4,5,20,50: the seven networks run side by side on the
     * cores, as the sweep feature runs them (widest first, so the two threads finish together).
     */
    static Runnable sweep() {
        Moons data = Moons.make(200, 0.2, 0);
        int[] widths = {50, 20, 5, 4, 3, 2, 1};
        return () -> {
            ExecutorService pool = Executors.newFixedThreadPool(
                    Math.min(widths.length, Runtime.getRuntime().availableProcessors()));
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int h : widths) {
                    runs.add(pool.submit(() -> {
                        Architecture arch = new Architecture(new int[] {2, h, 2}, Activation.TANH,
                                Activation.SOFTMAX, Loss.CROSS_ENTROPY);
                        Network net = Initializer.LECUN.create(arch, 0);
                        train(net, data, TrainingOptions.gradientDescent(2.0, 5e-5), 20000);
                    }));
                }
                for (Future<?> f : runs) {
                    f.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("sweep run failed", e);
            } finally {
                pool.shutdown();
            }
        };
    }

    /**
     * 60 evaluations of a 256x256 grid over [-2,3] x [-1.5,2] through a 2-50-2 tanh/softmax net with
     * N(0,1) weights, by the code that fills the window's heatmap (without drawing it).
     */
    static Runnable boundary() {
        Architecture arch = new Architecture(new int[] {2, 50, 2}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        Random rng = new Random(0);
        double[][][] w = {gaussian(rng, 2, 50, 1.0), gaussian(rng, 50, 2, 1.0)};
        Network net = Network.of(arch, w, new double[][] {new double[50], new double[2]});
        Viewport view = new Viewport(-2, 3, -1.5, 2);
        return () -> {
            for (int k = 0; k < 60; k++) {
                GridField field = BoundaryGrid.evaluate(net, view, 256, 256, true);
                if (field.values().length != 256 * 256 * 2) {
                    throw new IllegalStateException("grid of the wrong size");
                }
            }
        };
    }

    /** 10000 moons, 2-64-64-1 relu/relu/sigmoid, binary cross-entropy, He-style weights, lr 0.1, 100 epochs. */
    static Runnable large() {
        Moons data = Moons.make(10000, 0.2, 0);
        Architecture arch = new Architecture(new int[] {2, 64, 64, 1}, Activation.RELU, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        Random rng = new Random(0);
        double[][][] w = {gaussian(rng, 2, 64, 1.0), gaussian(rng, 64, 64, Math.sqrt(2 / 64.0)),
                gaussian(rng, 64, 1, Math.sqrt(2 / 64.0))};
        Network start = Network.of(arch, w, new double[][] {new double[64], new double[64], new double[1]});
        return () -> train(start, data, TrainingOptions.gradientDescent(0.1, 0), 100);
    }

    private static void train(Network start, Moons data, TrainingOptions options, int epochs) {
        Trainer trainer = new Trainer(start.copy(), data.x, data.y, options);
        for (int e = 0; e < epochs; e++) {
            trainer.epoch(false);
        }
        if (!trainer.network().isFinite()) {
            throw new IllegalStateException("training diverged");
        }
    }

    private static double[][] gaussian(Random rng, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian() * scale;
            }
        }
        return m;
    }

    /** The training set of a workload: scikit-learn's moons geometry with Gaussian noise. */
    record Moons(double[][] x, int[] y) {
        static Moons make(int n, double noise, long seed) {
            Dataset d = Generators.moons(n, noise, seed);
            return new Moons(d.x(), d.y());
        }
    }
}
