package org.boundarylab.ui.sweep;

import java.util.Arrays;
import org.boundarylab.training.sweep.SweepKind;
import org.boundarylab.training.sweep.SweepSpec;

/**
 * Where a swept value sits on the chart's x axis. Widths and L2 strengths span decades, so they
 * are plotted as log10 of the value with ticks relabelled back to values ("1", "10", "100");
 * an L2 of 0 has no logarithm and is put one decade left of the smallest positive value,
 * labelled "0".
 */
final class SweepAxis {
    private final boolean log;
    private final double zeroAt;

    private SweepAxis(boolean log, double zeroAt) {
        this.log = log;
        this.zeroAt = zeroAt;
    }

    static SweepAxis of(SweepKind kind, double[] values) {
        if (!kind.logAxis()) {
            return new SweepAxis(false, 0);
        }
        double minPositive = Arrays.stream(values).filter(v -> v > 0).min().orElse(1);
        return new SweepAxis(true, Math.floor(Math.log10(minPositive)) - 1);
    }

    boolean isLog() {
        return log;
    }

    double toAxis(double value) {
        if (!log) {
            return value;
        }
        return value > 0 ? Math.log10(value) : zeroAt;
    }

    /** The label of a tick at axis position x; log axes label whole decades only. */
    String tickLabel(double x) {
        if (!log) {
            return SweepSpec.format(Math.round(x * 1e6) / 1e6);
        }
        double r = Math.rint(x);
        if (Math.abs(x - r) > 1e-9) {
            return "";
        }
        if (r == zeroAt) {
            return "0";
        }
        return SweepSpec.format(Math.pow(10, r));
    }
}
