package org.boundarylab.nn;

/**
 * Cheaper tanh, sigmoid and exp in float for drawing only: the heatmap of a network's output
 * ({@link FloatForward}), where a probability off by 1e-5 is invisible (the tests hold it
 * under 1e-3 of the exact value on random networks). Training never uses these; it uses
 * {@link BlockMath} in double.
 *
 * <p>e^y is taken as (e^(y/2^s))^(2^s): a short Taylor polynomial for the small argument,
 * then s squarings. No range reduction by ln 2, no powers of two: each function is two short
 * loops that the JIT vectorises. The squarings multiply the polynomial's relative error and
 * float's rounding (about 6e-8) by 2^s, which leaves a few 1e-6 for tanh, far below a
 * pixel's colour step.
 */
final class ApproxMath {
    /** tanh(±9) is within 3e-8 of ±1; inputs are clamped there. */
    private static final float TANH_CLAMP = 9f;
    /** e^±40 is past any visible difference in a probability; exponents are clamped there. */
    private static final float EXP_CLAMP = 40f;

    private ApproxMath() {
    }

    /** v[i] = tanh(v[i]) (approximately) for i in [0, n): 1 - 2 / (1 + e^(2x)). */
    static void tanh(float[] v, int n) {
        // two loops: one would be over the JIT's unrolling limit and not vectorise
        for (int i = 0; i < n; i++) {
            v[i] = expSmall(Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v[i])) * (2f / 32)); // e^(2x / 2^5)
        }
        for (int i = 0; i < n; i++) {
            float e = v[i];
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            v[i] = 1 - 2 / (1 + e);
        }
    }

    /** v[i] = 1 / (1 + e^(-v[i])) (approximately) for i in [0, n). */
    static void sigmoid(float[] v, int n) {
        for (int i = 0; i < n; i++) {
            v[i] = expSmall(Math.max(-EXP_CLAMP, Math.min(EXP_CLAMP, v[i])) * (-1f / 64)); // e^(-z / 2^6)
        }
        for (int i = 0; i < n; i++) {
            v[i] = 1 / (1 + toThe64th(v[i]));
        }
    }

    /** v[i] = e^(v[i]) (approximately) for i in [0, n), for arguments at most 0 (softmax). */
    static void exp(float[] v, int n) {
        for (int i = 0; i < n; i++) {
            v[i] = expSmall(Math.max(-EXP_CLAMP, v[i]) * (1f / 64));
        }
        for (int i = 0; i < n; i++) {
            v[i] = toThe64th(v[i]);
        }
    }

    private static float toThe64th(float e) {
        e *= e;
        e *= e;
        e *= e;
        e *= e;
        e *= e;
        return e * e;
    }

    /** e^t for |t| <= 0.625 by Taylor to t^9 (relative error below 3e-9, before float's rounding). */
    private static float expSmall(float t) {
        float p = 1f / 362880f;
        p = Math.fma(p, t, 1f / 40320f);
        p = Math.fma(p, t, 1f / 5040f);
        p = Math.fma(p, t, 1f / 720f);
        p = Math.fma(p, t, 1f / 120f);
        p = Math.fma(p, t, 1f / 24f);
        p = Math.fma(p, t, 1f / 6f);
        p = Math.fma(p, t, 0.5f);
        p = Math.fma(p, t, 1f);
        return Math.fma(p, t, 1f);
    }
}
