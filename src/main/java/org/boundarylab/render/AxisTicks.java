package org.boundarylab.render;

import java.util.ArrayList;
import java.util.List;

/** "Nice" tick positions (1, 2, 5 times a power of ten) for an axis range. */
public final class AxisTicks {
    private AxisTicks() {
    }

    public static List<Double> nice(double min, double max, int approximateCount) {
        List<Double> ticks = new ArrayList<>();
        double range = max - min;
        if (!(range > 0) || !Double.isFinite(range)) {
            return ticks;
        }
        double rough = range / Math.max(1, approximateCount);
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = power;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * power;
            if (step >= rough) {
                break;
            }
        }
        double first = Math.ceil(min / step) * step;
        for (double v = first; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** A short label: no trailing zeros, at most 3 decimals. */
    public static String label(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        int end = s.length(); // "%.3f" always has a point, so the zeros cut here are decimals
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }
}
