package org.boundarylab.nn;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the engine's pieces, for finer work than the {@code bench} command's
 * whole workloads: one tanh block, one epoch of the seed tutorial's network on one thread and
 * on the shared runner, and one heatmap grid exact and approximate. Run by hand (see
 * docs/PERFORMANCE.md, "Micro-benchmarks"); {@code EngineBenchmarksTest} only checks that each
 * body runs and computes what it should.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmarks {
    /** A chunk's worth of rows of the seed tutorial's data set split in two. */
    static final int ROWS = 400;

    double[] values;
    double[] work;
    BlockMath.Scratch scratch;

    Architecture seedArch;
    Network seedStart;
    Network seedNet;
    double[][] seedX;
    double[][] seedT;
    Backprop serial;
    Backprop shared;
    Gradients gradients;

    Network gridNet;
    double[] gridOut;

    @Setup(Level.Trial)
    public void setUp() {
        Random rng = new Random(0);
        values = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            values[i] = rng.nextGaussian() * 2;
        }
        work = new double[ROWS];
        scratch = new BlockMath.Scratch(ROWS);

        // seed000: 800 moons, 2-5-3-1 tanh/tanh/sigmoid, binary cross-entropy, U[0,1) weights
        Dataset moons = Generators.moons(800, 0.1, 0);
        seedArch = new Architecture(new int[] {2, 5, 3, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        seedStart = Initializer.UNIFORM.create(seedArch, 0);
        seedNet = seedStart.copy();
        seedX = Matrices.byColumn(moons.x(), 2, moons.size());
        seedT = Matrices.targetsByColumn(moons.y(), 1, moons.size());
        serial = new Backprop(seedArch, moons.size(), ChunkRunner.serial());
        shared = new Backprop(seedArch, moons.size(), ChunkRunner.shared());
        gradients = new Gradients(seedArch);

        // the boundary workload's network: 2-50-2 tanh/softmax with N(0,1) weights
        Architecture grid = new Architecture(new int[] {2, 50, 2}, Activation.TANH, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY);
        gridNet = Initializer.UNIFORM.create(grid, 0);
        for (int l = 0; l < gridNet.weights.length; l++) {
            for (int k = 0; k < gridNet.weights[l].length; k++) {
                gridNet.weights[l][k] = rng.nextGaussian();
            }
        }
        gridOut = new double[256 * 256 * 2];
    }

    /** 400 values through the block tanh (about 1 ns a value on the project's machine). */
    @Benchmark
    public double[] tanhBlock() {
        System.arraycopy(values, 0, work, 0, ROWS);
        BlockMath.tanh(work, 0, ROWS, scratch);
        return work;
    }

    /** The same 400 values through {@link Math#tanh}: what the block kernel replaces. */
    @Benchmark
    public double[] tanhLibrary() {
        for (int i = 0; i < ROWS; i++) {
            work[i] = Math.tanh(values[i]);
        }
        return work;
    }

    /** Forward and backward over the 800 rows on the calling thread alone. */
    @Benchmark
    public Gradients seedGradientsOneThread() {
        serial.lossAndGradients(seedNet, seedX, seedT, 800, Regularization.NONE, gradients, false);
        return gradients;
    }

    /** The same on the shared runner: the two chunks on both cores when they are free. */
    @Benchmark
    public Gradients seedGradientsSharedRunner() {
        shared.lossAndGradients(seedNet, seedX, seedT, 800, Regularization.NONE, gradients, false);
        return gradients;
    }

    /** One 256 x 256 heatmap grid through the 2-50-2 network, exact kernels. */
    @Benchmark
    public double[] gridExact() {
        GridEvaluator.probabilities(gridNet, -2, 3, -1.5, 2, 256, 256, gridOut, false);
        return gridOut;
    }

    /** The same grid with the drawing-only kernels. */
    @Benchmark
    public double[] gridApproximate() {
        GridEvaluator.probabilities(gridNet, -2, 3, -1.5, 2, 256, 256, gridOut, true);
        return gridOut;
    }
}
