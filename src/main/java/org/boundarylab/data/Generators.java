package org.boundarylab.data;

import java.util.Random;

/**
 * Draws the classic two-dimensional toy datasets.
 *
 * <p>Every generator takes a sample count, a noise level and a seed. The noise is Gaussian with
 * standard deviation {@code noise}, added independently to x1 and x2 of every point after the
 * shape is drawn, exactly where scikit-learn adds it. Randomness comes from
 * {@link java.util.Random}, whose algorithm is fixed by its specification, so the same seed gives
 * the same points bit for bit on any JVM.
 *
 * <p>Nothing is shuffled: moons and circles keep scikit-learn's order (outer shape first, labels 0
 * then 1), the other shapes list class 0 first too (XOR alternates quadrants). {@link Split}
 * shuffles when it divides a dataset.
 */
public final class Generators {
    /** The largest dataset a generator draws; the CSV reader has the same limit. */
    public static final int MAX_SAMPLES = 1_000_000;
    /**
     * The most noise a generator adds (standard deviation): shapes a few units across, blurred by
     * at most this, stay far inside the coordinates a data file may hold (CsvDatasets.MAX_COORDINATE).
     */
    public static final double MAX_NOISE = 1000;
    /** The most classes (blobs) or arms (spirals) a generator draws. */
    public static final int MAX_CLASSES = 10;

    public static final double DEFAULT_CIRCLES_FACTOR = 0.5;
    public static final int DEFAULT_GAUSSIAN_CLASSES = 2;
    public static final int DEFAULT_SPIRAL_ARMS = 2;

    /** Standard deviation of each Gaussian blob before the common noise is added. */
    public static final double BLOB_SPREAD = 0.3;
    /** XOR points keep this far from the axes before noise, so the quadrant labels are clean. */
    public static final double XOR_MARGIN = 0.05;
    /** How many full turns each spiral arm makes from the centre to radius 1. */
    public static final double SPIRAL_TURNS = 1.75;
    /** Outer radius of a spiral arm, and the radius it starts from. */
    public static final double SPIRAL_RADIUS = 4.0;
    static final double SPIRAL_START = 0.1;

    private Generators() {
    }

    /**
     * The seed of a fresh test set drawn beside the data of {@code dataSeed}: the same generator,
     * other draws (a fixed odd offset, so no two data seeds share a test seed and a test set is
     * never the next data seed's training set).
     */
    public static long freshTestSeed(long dataSeed) {
        return dataSeed + 0x9E3779B97F4A7C15L;
    }

    /** The generator for {@code kind} with its default shape parameters. */
    public static Dataset generate(DatasetKind kind, int samples, double noise, long seed) {
        if (kind == null) {
            throw new IllegalArgumentException("dataset kind must not be null");
        }
        return switch (kind) {
            case MOONS -> moons(samples, noise, seed);
            case CIRCLES -> circles(samples, noise, DEFAULT_CIRCLES_FACTOR, seed);
            case XOR -> xor(samples, noise, seed);
            case GAUSSIAN -> gaussian(samples, DEFAULT_GAUSSIAN_CLASSES, noise, seed);
            case SPIRAL -> spirals(samples, DEFAULT_SPIRAL_ARMS, noise, seed);
        };
    }

    /**
     * Two interleaving half circles, scikit-learn's {@code make_moons(n, shuffle=False)}: the upper
     * moon {@code (cos t, sin t)} for {@code n/2} angles t from 0 to pi (label 0), then the lower
     * moon {@code (1 - cos t, 1 - sin t - 0.5)} for the remaining points (label 1).
     */
    public static Dataset moons(int samples, double noise, long seed) {
        checkSamples(samples, 2);
        checkNoise(noise);
        int outer = samples / 2;
        int inner = samples - outer;
        double[][] x = new double[samples][];
        int[] y = new int[samples];
        double[] tOuter = linspace(Math.PI, outer, true);
        double[] tInner = linspace(Math.PI, inner, true);
        for (int i = 0; i < outer; i++) {
            x[i] = new double[] {Math.cos(tOuter[i]), Math.sin(tOuter[i])};
        }
        for (int i = 0; i < inner; i++) {
            x[outer + i] = new double[] {1 - Math.cos(tInner[i]), 1 - Math.sin(tInner[i]) - 0.5};
            y[outer + i] = 1;
        }
        addNoise(x, noise, new Random(seed));
        return new Dataset(x, y, 2);
    }

    /**
     * A small circle inside a large one, scikit-learn's {@code make_circles(n, shuffle=False,
     * factor=f)}: {@code n/2} points evenly around the unit circle (label 0), then the rest evenly
     * around the circle of radius {@code factor} (label 1). The factor lies in [0, 1).
     */
    public static Dataset circles(int samples, double noise, double factor, long seed) {
        checkSamples(samples, 2);
        checkNoise(noise);
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("circles factor must be at least 0 and below 1, got " + factor);
        }
        int outer = samples / 2;
        int inner = samples - outer;
        double[][] x = new double[samples][];
        int[] y = new int[samples];
        double[] tOuter = linspace(2 * Math.PI, outer, false);
        double[] tInner = linspace(2 * Math.PI, inner, false);
        for (int i = 0; i < outer; i++) {
            x[i] = new double[] {Math.cos(tOuter[i]), Math.sin(tOuter[i])};
        }
        for (int i = 0; i < inner; i++) {
            x[outer + i] = new double[] {Math.cos(tInner[i]) * factor, Math.sin(tInner[i]) * factor};
            y[outer + i] = 1;
        }
        addNoise(x, noise, new Random(seed));
        return new Dataset(x, y, 2);
    }

    /**
     * Points in the square [-1, 1]^2, labelled by the sign of x1*x2: 0 where both coordinates share
     * a sign, 1 where they differ. The points cycle through the four quadrants so the classes stay
     * balanced; each keeps {@link #XOR_MARGIN} away from the axes and then gets the noise.
     */
    public static Dataset xor(int samples, double noise, long seed) {
        checkSamples(samples, 2);
        checkNoise(noise);
        Random random = new Random(seed);
        double[][] x = new double[samples][];
        int[] y = new int[samples];
        // quadrants in the order (+,+) (-,+) (-,-) (+,-): labels 0, 1, 0, 1
        int[] signX1 = {1, -1, -1, 1};
        int[] signX2 = {1, 1, -1, -1};
        for (int i = 0; i < samples; i++) {
            int q = i % 4;
            double a = XOR_MARGIN + (1 - XOR_MARGIN) * random.nextDouble();
            double b = XOR_MARGIN + (1 - XOR_MARGIN) * random.nextDouble();
            x[i] = new double[] {signX1[q] * a, signX2[q] * b};
            y[i] = signX1[q] * signX2[q] > 0 ? 0 : 1;
        }
        addNoise(x, noise, random);
        return new Dataset(x, y, 2);
    }

    /**
     * One round Gaussian blob per class (standard deviation {@link #BLOB_SPREAD}), centres evenly
     * around a circle wide enough that neighbouring centres stay at least 1.4 apart; then the
     * noise. Class c gets {@code samples/classes} points (the first {@code samples % classes}
     * classes one more), class 0 first.
     */
    public static Dataset gaussian(int samples, int classes, double noise, long seed) {
        checkClasses(classes, "classes");
        checkSamples(samples, classes);
        checkNoise(noise);
        Random random = new Random(seed);
        double radius = Math.max(1.0, 0.7 / Math.sin(Math.PI / classes));
        double[][] x = new double[samples][];
        int[] y = new int[samples];
        int row = 0;
        for (int c = 0; c < classes; c++) {
            // the quarter-turn offset puts two blobs on the diagonal, like the classic picture
            double angle = Math.PI / 4 + 2 * Math.PI * c / classes;
            double cx = radius * Math.cos(angle);
            double cy = radius * Math.sin(angle);
            for (int k = 0; k < share(samples, classes, c); k++) {
                x[row] = new double[] {cx + BLOB_SPREAD * random.nextGaussian(), cy + BLOB_SPREAD * random.nextGaussian()};
                y[row] = c;
                row++;
            }
        }
        addNoise(x, noise, random);
        return new Dataset(x, y, classes);
    }

    /**
     * Interleaved spiral arms, one class per arm: arm c starts near the centre at angle
     * {@code 2 pi c / arms} and winds {@link #SPIRAL_TURNS} turns outwards to radius
     * {@link #SPIRAL_RADIUS}: wide enough that arms stay about 1.1 apart, so the lab's usual noise
     * of 0.2 blurs them without hiding them (at radius 1 it turned the arms into one cloud). Points are
     * evenly spaced along each arm (shares as in {@link #gaussian}); then the noise.
     */
    public static Dataset spirals(int samples, int arms, double noise, long seed) {
        checkClasses(arms, "arms");
        checkSamples(samples, arms);
        checkNoise(noise);
        double[][] x = new double[samples][];
        int[] y = new int[samples];
        int row = 0;
        for (int c = 0; c < arms; c++) {
            int n = share(samples, arms, c);
            for (int k = 0; k < n; k++) {
                double t = n == 1 ? 0 : (double) k / (n - 1);
                // start slightly off the centre so the arms do not all meet in one point
                double r = SPIRAL_START + (SPIRAL_RADIUS - SPIRAL_START) * t;
                double angle = 2 * Math.PI * c / arms + 2 * Math.PI * SPIRAL_TURNS * t;
                x[row] = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
                y[row] = c;
                row++;
            }
        }
        addNoise(x, noise, new Random(seed));
        return new Dataset(x, y, arms);
    }

    /** numpy.linspace(0, stop, num, endpoint): i * step, with the end point set exactly. */
    static double[] linspace(double stop, int num, boolean endpoint) {
        double[] t = new double[num];
        int div = endpoint ? num - 1 : num;
        if (div <= 0) {
            return t;
        }
        double step = stop / div;
        for (int i = 0; i < num; i++) {
            t[i] = i * step;
        }
        if (endpoint) {
            t[num - 1] = stop;
        }
        return t;
    }

    private static int share(int samples, int parts, int part) {
        return samples / parts + (part < samples % parts ? 1 : 0);
    }

    /** Row by row, x1 then x2, as numpy fills its (n, 2) noise array. */
    private static void addNoise(double[][] x, double noise, Random random) {
        if (noise == 0) {
            return;
        }
        for (double[] row : x) {
            row[0] += noise * random.nextGaussian();
            row[1] += noise * random.nextGaussian();
        }
    }

    private static void checkSamples(int samples, int minimum) {
        if (samples < minimum || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("sample count must be between " + minimum + " and "
                    + MAX_SAMPLES + ", got " + samples);
        }
    }

    private static void checkNoise(double noise) {
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be a number from 0 to " + MAX_NOISE + ", got " + noise);
        }
    }

    private static void checkClasses(int count, String what) {
        if (count < 2 || count > MAX_CLASSES) {
            throw new IllegalArgumentException("number of " + what + " must be between 2 and "
                    + MAX_CLASSES + ", got " + count);
        }
    }
}
