package org.boundarylab.ui.diagram;

import java.util.Locale;

/**
 * Checks a weight or bias typed by hand. A value must be a plain finite number no larger in
 * size than {@link #LIMIT}: beyond that every tanh or sigmoid it feeds is saturated and the
 * picture only turns into a step, which teaches nothing and can push training into overflow.
 */
public final class ParameterInput {
    public static final double LIMIT = 100;

    private ParameterInput() {
    }

    /** The typed value; an IllegalArgumentException says what is wrong with the text. */
    public static double parse(String text) {
        String t = text == null ? "" : text.trim().replace('−', '-');
        if (t.isEmpty()) {
            throw new IllegalArgumentException("type a number, e.g. 0.5 or -1.2");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a number; type e.g. 0.5 or -1.2");
        }
        if (!Double.isFinite(v) || t.toLowerCase(Locale.ROOT).contains("n")) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a finite number");
        }
        if (Math.abs(v) > LIMIT) {
            throw new IllegalArgumentException("keep the value between -" + (int) LIMIT + " and " + (int) LIMIT
                    + "; " + t + " would saturate every unit it feeds");
        }
        return v;
    }

    /** A value as the editor first shows it: short but exact enough to edit. */
    public static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
