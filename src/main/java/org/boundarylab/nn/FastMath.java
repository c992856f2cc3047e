package org.boundarylab.nn;

/**
 * Transcendentals the engine spends most of its time in. {@link Math#tanh} is not an
 * intrinsic on JDK 17 and costs several times {@link Math#exp}, which is; written through
 * exp, tanh stays within a few ulps of the exact value, far inside the golden tolerances.
 */
final class FastMath {
    private FastMath() {
    }

    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0.0625) {
            // 1 - 2/(e^{2x}+1) cancels badly near zero; the library routine is exact there
            return Math.tanh(x);
        }
        if (ax > 22) {
            return Math.copySign(1.0, x);
        }
        double e = Math.exp(2 * ax);
        double t = 1.0 - 2.0 / (e + 1.0);
        return Math.copySign(t, x);
    }
}
