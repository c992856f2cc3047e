package org.boundarylab.nn;

/**
 * tanh, exp and sigmoid over a block of values, written so that HotSpot's C2 compiler turns
 * each loop into SIMD code. They are where training spends most of its time.
 *
 * <h2>Why not Math.exp in a loop</h2>
 * {@link Math#exp} is a scalar stub call and {@link Math#tanh} is not an intrinsic at all on
 * JDK 17; neither vectorises. The kernels below use the textbook method instead:
 * <pre>
 *   e^y = 2^k * e^r,   k = round(y / ln 2),   r = y - k ln 2,   |r| <= ln2 / 2
 *   e^r - 1 = r + r^2/2! + ... + r^13/13!      (Taylor; the remainder is below 2^-53)
 *   tanh(x) = -m / (2 + m)  with  m = e^(-2x) - 1 = 2^k (e^r - 1) + (2^k - 1)
 * </pre>
 * The tanh form through e^(-2x) - 1 has no cancellation near 0, so the result is within a few
 * ulps of the exact tanh everywhere (the tests bound it), as good as the library routine for
 * training purposes and well inside the golden tolerances.
 *
 * <h2>Why the odd shapes</h2>
 * <ul>
 *   <li>No branches in the loops: JDK 17's auto-vectoriser gives up on them. Inputs are
 *       clamped instead (tanh(±20) is exactly ±1 in double) and the rare values the clamp
 *       would change (exp below -708, where results turn subnormal) are redone with
 *       {@link Math#exp} in a scalar pass that only tests.</li>
 *   <li>2^k is made by moving k's bits into a double's exponent field ({@link #powerOfTwo}),
 *       in a loop of its own: the vectoriser takes that loop, but gives up on any longer loop
 *       that contains it.</li>
 *   <li>The work is split into several short loops over scratch arrays: C2 only unrolls (and
 *       so only vectorises) loop bodies below a size limit, and the whole kernel in one loop
 *       is over it.</li>
 *   <li>Every array in a loop is indexed by the same i, from i0 to i1: JDK 17's vectoriser
 *       drops a loop that indexes one array at i and another at i + offset. So the scratch
 *       arrays are as long as the blocks they serve, and disjoint ranges of rows may use one
 *       scratch from several threads.</li>
 *   <li>{@link Math#fma} for the polynomial: one instruction per term, and a little more
 *       accurate than a multiply and an add.</li>
 * </ul>
 * Measured on the project's 2-core machine: about 1.2 ns per tanh, against 15 ns for
 * {@link Math#tanh} in a loop.
 */
final class BlockMath {
    /** Rows per chunk of work in the engine (see {@link Backprop}). */
    static final int BLOCK = 512;

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that k * LN2_HI is exact for |k| < 2^20 (fdlibm's constants). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Beyond ±20, tanh is ±1 exactly in double. */
    private static final double TANH_CLAMP = 20.0;
    /** e^y is computed directly for y in [EXP_LOW, EXP_HIGH], where k stays in [-1022, 1023]. */
    private static final double EXP_LOW = -708.0;
    private static final double EXP_HIGH = 709.0;
    /** 1.5 * 2^52: adding it to a small integer-valued double puts the integer in the low bits. */
    private static final double MAGIC = 0x1.8p52;

    private BlockMath() {
    }

    /** Scratch space for the kernels, for rows [0, capacity). */
    static final class Scratch {
        final double[] k;
        final double[] r;
        final double[] in;

        Scratch(int capacity) {
            k = new double[capacity];
            r = new double[capacity];
            in = new double[capacity];
        }
    }

    /** v[i] = tanh(v[i]) for i in [i0, i1). */
    static void tanh(double[] v, int i0, int i1, Scratch scratch) {
        double[] k = scratch.k;
        double[] r = scratch.r;
        for (int i = i0; i < i1; i++) {
            double y = -2 * Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v[i]));
            reduce(y, k, r, i);
        }
        expm1OfReduced(r, i0, i1);
        for (int i = i0; i < i1; i++) {
            k[i] = powerOfTwo(k[i]);
        }
        for (int i = i0; i < i1; i++) {
            double p = k[i];
            double m = Math.fma(p, r[i], p - 1); // e^(-2x) - 1
            v[i] = -m / (2 + m);
        }
    }

    /** v[i] = 1 / (1 + e^(-v[i])) for i in [i0, i1). */
    static void sigmoid(double[] v, int i0, int i1, Scratch scratch) {
        double[] k = scratch.k;
        double[] r = scratch.r;
        double[] in = scratch.in;
        for (int i = i0; i < i1; i++) {
            double z = v[i];
            in[i] = z;
            reduce(-Math.max(-EXP_HIGH, Math.min(-EXP_LOW, z)), k, r, i);
        }
        expm1OfReduced(r, i0, i1);
        for (int i = i0; i < i1; i++) {
            k[i] = powerOfTwo(k[i]);
        }
        for (int i = i0; i < i1; i++) {
            double p = k[i];
            double e = Math.fma(p, r[i], p); // e^(-z)
            v[i] = 1 / (1 + e);
        }
        for (int i = i0; i < i1; i++) {
            if (!(in[i] >= -EXP_HIGH)) {
                // rare: a very negative input (or NaN), which the clamp changed
                v[i] = Activation.sigmoid(in[i]);
            }
        }
    }

    /**
     * out[i] = e^(x[i]) for i in [i0, i1); x and out may be the same array. Meant for softmax,
     * whose arguments are at most 0.
     */
    static void exp(double[] x, double[] out, int i0, int i1, Scratch scratch) {
        double[] k = scratch.k;
        double[] r = scratch.r;
        double[] in = scratch.in;
        for (int i = i0; i < i1; i++) {
            double y = x[i];
            in[i] = y;
            reduce(Math.max(EXP_LOW, Math.min(EXP_HIGH, y)), k, r, i);
        }
        expm1OfReduced(r, i0, i1);
        for (int i = i0; i < i1; i++) {
            k[i] = powerOfTwo(k[i]);
        }
        for (int i = i0; i < i1; i++) {
            double p = k[i];
            out[i] = Math.fma(p, r[i], p);
        }
        for (int i = i0; i < i1; i++) {
            if (!(in[i] >= EXP_LOW && in[i] <= EXP_HIGH)) {
                // rare: an argument (or NaN) outside the range the clamp keeps exact
                out[i] = Math.exp(in[i]);
            }
        }
    }

    /** k[i] = round(y / ln2), r[i] = y - k ln2 (Cody and Waite's two-part ln 2). */
    private static void reduce(double y, double[] k, double[] r, int i) {
        double ki = Math.floor(y * LOG2E + 0.5);
        k[i] = ki;
        r[i] = Math.fma(-ki, LN2_LO, Math.fma(-ki, LN2_HI, y));
    }

    /**
     * r[i] = e^r[i] - 1 for |r| <= ln2/2: Taylor series to r^13 in Horner form, one fused
     * multiply-add per term (Math.fma is a single instruction, and vectorises).
     */
    private static void expm1OfReduced(double[] r, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            double x = r[i];
            double p = 1.0 / 6227020800.0;
            p = Math.fma(p, x, 1.0 / 479001600.0);
            p = Math.fma(p, x, 1.0 / 39916800.0);
            p = Math.fma(p, x, 1.0 / 3628800.0);
            p = Math.fma(p, x, 1.0 / 362880.0);
            p = Math.fma(p, x, 1.0 / 40320.0);
            p = Math.fma(p, x, 1.0 / 5040.0);
            p = Math.fma(p, x, 1.0 / 720.0);
            p = Math.fma(p, x, 1.0 / 120.0);
            p = Math.fma(p, x, 1.0 / 24.0);
            p = Math.fma(p, x, 1.0 / 6.0);
            p = Math.fma(p, x, 0.5);
            p = Math.fma(p, x, 1.0);
            r[i] = p * x;
        }
    }

    /**
     * 2^k for an integer-valued k in [-1022, 1023], exactly: k + 1.5 * 2^52 holds k in the low
     * bits of its mantissa; shifted into the exponent field (with the bias 1023) they make the
     * power of two. Integer adds and shifts and bit moves between long and double are what
     * the vectoriser can do here (a conversion from double to long it cannot).
     */
    private static double powerOfTwo(double k) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(k + MAGIC) + 1023) << 52);
    }
}
