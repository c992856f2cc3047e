package org.boundarylab.nn;

/**
 * Cheaper tanh, sigmoid and exp for drawing only: the heatmap of a network's output, where a
 * probability off by 1e-6 is invisible (the tests hold it under 1e-3 of the exact value on
 * random networks). Training never uses these; it uses {@link BlockMath}.
 *
 * <p>e^y is taken as (e^(y/2^s))^(2^s): a short Taylor polynomial for the small argument,
 * then s squarings. No range reduction by ln 2, no powers of two: each function is two short
 * loops that the JIT vectorises (a grid costs about 0.6 of its time with the exact kernels).
 * The squarings multiply the polynomial's relative error (below 1e-9) by 2^s, which leaves
 * about 1e-8 for tanh, far below a pixel's colour step.
 */
final class ApproxMath {
    /** tanh(±9) is within 3e-8 of ±1; inputs are clamped there. */
    private static final double TANH_CLAMP = 9.0;
    /** e^±40 is past any visible difference in a probability; exponents are clamped there. */
    private static final double EXP_CLAMP = 40.0;

    private ApproxMath() {
    }

    /** v[i] = tanh(v[i]) (approximately) for i in [i0, i1): 1 - 2 / (1 + e^(2x)). */
    static void tanh(double[] v, int i0, int i1) {
        // two loops: one would be over the JIT's unrolling limit and not vectorise
        for (int i = i0; i < i1; i++) {
            v[i] = expSmall(Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v[i])) * (2.0 / 32)); // e^(2x / 2^5)
        }
        for (int i = i0; i < i1; i++) {
            double e = v[i];
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            v[i] = 1 - 2 / (1 + e);
        }
    }

    /** v[i] = 1 / (1 + e^(-v[i])) (approximately) for i in [i0, i1). */
    static void sigmoid(double[] v, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            v[i] = expSmall(Math.max(-EXP_CLAMP, Math.min(EXP_CLAMP, v[i])) * (-1.0 / 64)); // e^(-z / 2^6)
        }
        for (int i = i0; i < i1; i++) {
            v[i] = 1 / (1 + toThe64th(v[i]));
        }
    }

    /** out[i] = e^(x[i]) (approximately) for i in [i0, i1), for arguments at most 0 (softmax). */
    static void exp(double[] x, double[] out, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            out[i] = expSmall(Math.max(-EXP_CLAMP, x[i]) * (1.0 / 64));
        }
        for (int i = i0; i < i1; i++) {
            out[i] = toThe64th(out[i]);
        }
    }

    private static double toThe64th(double e) {
        e *= e;
        e *= e;
        e *= e;
        e *= e;
        e *= e;
        return e * e;
    }

    /** e^t for |t| <= 0.625 by Taylor to t^9 (relative error below 3e-9). */
    private static double expSmall(double t) {
        double p = 1.0 / 362880.0;
        p = Math.fma(p, t, 1.0 / 40320.0);
        p = Math.fma(p, t, 1.0 / 5040.0);
        p = Math.fma(p, t, 1.0 / 720.0);
        p = Math.fma(p, t, 1.0 / 120.0);
        p = Math.fma(p, t, 1.0 / 24.0);
        p = Math.fma(p, t, 1.0 / 6.0);
        p = Math.fma(p, t, 0.5);
        p = Math.fma(p, t, 1.0);
        return Math.fma(p, t, 1.0);
    }
}
