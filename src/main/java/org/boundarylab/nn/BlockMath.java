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
 *   <li>No branches, no {@code long} bit tricks in the loops: JDK 17's auto-vectoriser gives up
 *       on both. 2^k is therefore built from the bits of k with exact multiplications by
 *       2^1, 2^2, 2^4, ..., 2^64 ({@link Math#floor} does vectorise).</li>
 *   <li>Inputs are clamped so k stays within [-64, 63]: tanh(±20) and 1/(1+e^-44) are exactly
 *       ±1 and 1 in double; the few values the clamp would change (sigmoid below -43, exp
 *       below -44) are redone with {@link Math#exp} in a scalar fix-up pass.</li>
 *   <li>The work is split into several short loops over a block held in scratch arrays:
 *       C2 only unrolls (and so only vectorises) loop bodies below a size limit, and the
 *       whole kernel in one loop is over it.</li>
 *   <li>Every array in a loop is indexed by the same i, from r0 to r1: JDK 17's vectoriser
 *       drops a loop that indexes one array at i and another at i + offset. So the scratch
 *       arrays are as long as the blocks they serve, and disjoint ranges of rows may use one
 *       scratch from several threads.</li>
 * </ul>
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
    /** e^y is computed directly for y in [EXP_LOW, EXP_HIGH]; k stays in [-64, 63]. */
    private static final double EXP_LOW = -44.0;
    private static final double EXP_HIGH = 43.0;
    private static final double TWO_TO_MINUS_64 = 0x1p-64;

    private BlockMath() {
    }

    /** Scratch space for the kernels, for rows [0, capacity). */
    static final class Scratch {
        final double[] k;
        final double[] r;
        final double[] s;
        final double[] in;

        Scratch(int capacity) {
            k = new double[capacity];
            r = new double[capacity];
            s = new double[capacity];
            in = new double[capacity];
        }
    }

    /** v[i] = tanh(v[i]) for i in [i0, i1). */
    static void tanh(double[] v, int i0, int i1, Scratch scratch) {
        double[] k = scratch.k;
        double[] r = scratch.r;
        double[] s = scratch.s;
        for (int i = i0; i < i1; i++) {
            double y = -2 * Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v[i]));
            double ki = Math.floor(y * LOG2E + 0.5);
            k[i] = ki;
            r[i] = (y - ki * LN2_HI) - ki * LN2_LO;
        }
        expm1OfReduced(r, i0, i1);
        powersOfTwo(k, s, i0, i1);
        for (int i = i0; i < i1; i++) {
            double m = s[i] * r[i] + (s[i] - 1); // e^(-2x) - 1
            v[i] = -m / (2 + m);
        }
    }

    /** v[i] = 1 / (1 + e^(-v[i])) for i in [i0, i1). */
    static void sigmoid(double[] v, int i0, int i1, Scratch scratch) {
        double[] k = scratch.k;
        double[] r = scratch.r;
        double[] s = scratch.s;
        double[] in = scratch.in;
        double low = Double.POSITIVE_INFINITY;
        for (int i = i0; i < i1; i++) {
            double z = v[i];
            in[i] = z;
            low = Math.min(low, z);
            reduce(-Math.max(-EXP_HIGH, Math.min(-EXP_LOW, z)), k, r, i);
        }
        expm1OfReduced(r, i0, i1);
        powersOfTwo(k, s, i0, i1);
        for (int i = i0; i < i1; i++) {
            double e = s[i] * r[i] + s[i]; // e^(-z)
            v[i] = 1 / (1 + e);
        }
        if (!(low >= -EXP_HIGH)) {
            // rare: very negative inputs (or NaN), which the clamp changed
            for (int i = i0; i < i1; i++) {
                if (!(in[i] >= -EXP_HIGH)) {
                    v[i] = Activation.sigmoid(in[i]);
                }
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
        double[] s = scratch.s;
        double[] in = scratch.in;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = i0; i < i1; i++) {
            double y = x[i];
            in[i] = y;
            low = Math.min(low, y);
            high = Math.max(high, y);
            reduce(Math.max(EXP_LOW, Math.min(EXP_HIGH, y)), k, r, i);
        }
        expm1OfReduced(r, i0, i1);
        powersOfTwo(k, s, i0, i1);
        for (int i = i0; i < i1; i++) {
            out[i] = s[i] * r[i] + s[i];
        }
        if (!(low >= EXP_LOW && high <= EXP_HIGH)) {
            // rare: arguments (or NaN) outside the range the clamp keeps exact
            for (int i = i0; i < i1; i++) {
                if (!(in[i] >= EXP_LOW && in[i] <= EXP_HIGH)) {
                    out[i] = Math.exp(in[i]);
                }
            }
        }
    }

    /** k[i] = round(y / ln2), r[i] = y - k ln2. */
    private static void reduce(double y, double[] k, double[] r, int i) {
        double ki = Math.floor(y * LOG2E + 0.5);
        k[i] = ki;
        r[i] = (y - ki * LN2_HI) - ki * LN2_LO;
    }

    /** r[i] = e^r[i] - 1 for |r| <= ln2/2: Taylor series to r^13 in Horner form. */
    private static void expm1OfReduced(double[] r, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            double x = r[i];
            double p = 1.0 / 6227020800.0;
            p = p * x + 1.0 / 479001600.0;
            p = p * x + 1.0 / 39916800.0;
            p = p * x + 1.0 / 3628800.0;
            p = p * x + 1.0 / 362880.0;
            p = p * x + 1.0 / 40320.0;
            p = p * x + 1.0 / 5040.0;
            p = p * x + 1.0 / 720.0;
            p = p * x + 1.0 / 120.0;
            p = p * x + 1.0 / 24.0;
            p = p * x + 1.0 / 6.0;
            p = p * x + 0.5;
            p = p * x + 1.0;
            r[i] = p * x;
        }
    }

    /**
     * s[i] = 2^k[i] for integer-valued k in [-64, 63], exactly: 2^-64 times the product of
     * 2^(2^b) over the set bits b of k + 64. k is overwritten. Two loops, to stay under C2's
     * unrolling limit.
     */
    private static void powersOfTwo(double[] k, double[] s, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            double m = k[i] + 64;
            double f = TWO_TO_MINUS_64;
            double h = Math.floor(m * 0.5);
            f *= 1 + (m - 2 * h);                // bit 0: 2^1
            m = h;
            h = Math.floor(m * 0.5);
            f *= 1 + (m - 2 * h) * 3.0;          // bit 1: 2^2
            m = h;
            h = Math.floor(m * 0.5);
            f *= 1 + (m - 2 * h) * 15.0;         // bit 2: 2^4
            s[i] = f;
            k[i] = h;
        }
        for (int i = i0; i < i1; i++) {
            double m = k[i];
            double f = s[i];
            double h = Math.floor(m * 0.5);
            f *= 1 + (m - 2 * h) * 255.0;        // bit 3: 2^8
            m = h;
            h = Math.floor(m * 0.5);
            f *= 1 + (m - 2 * h) * 65535.0;      // bit 4: 2^16
            m = h;
            h = Math.floor(m * 0.5);
            f *= 1 + (m - 2 * h) * 4294967295.0; // bit 5: 2^32
            s[i] = f * (1 + h * 18446744073709551615.0); // bit 6: 2^64
        }
    }
}
