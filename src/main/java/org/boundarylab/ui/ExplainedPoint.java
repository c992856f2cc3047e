package org.boundarylab.ui;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.boundarylab.nn.BatchStep;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.PointTrace;

/**
 * The point being explained and what the pointer is on, shared by the Explain panel (which
 * computes the numbers) and the network diagram (which shows them where they live: on the unit
 * or the link under the pointer). Plain properties, FX thread only.
 *
 * <p>Layers are counted as the diagram counts them: 0 the inputs, l the units fed by weight
 * layer l - 1; a link {@code (l, i, j)} is weight {@code W[l][i][j]} of the network.
 */
public final class ExplainedPoint {
    /**
     * The numbers of one point through one network, and of one gradient-descent step on the
     * training set (null while that is still being worked out or there is no data).
     *
     * @param x1    the point's place in the plane
     * @param where where it came from ("training point 17", "a spot of the plane")
     */
    public record Numbers(Network network, double x1, double x2, String where, PointTrace point, BatchStep batch) {
    }

    /** A unit ({@code link == false}: layer, unit in {@code to}) or a link ({@code W[layer][from][to]}). */
    public record Pointer(boolean link, int layer, int from, int to) {
        public static Pointer unit(int layer, int unit) {
            return new Pointer(false, layer, 0, unit);
        }

        public static Pointer link(int layer, int from, int to) {
            return new Pointer(true, layer, from, to);
        }
    }

    private final ObjectProperty<Numbers> numbers = new SimpleObjectProperty<>(this, "numbers");
    private final ObjectProperty<Pointer> pointer = new SimpleObjectProperty<>(this, "pointer");

    /** The numbers on show; null while nothing is explained. */
    public ObjectProperty<Numbers> numbersProperty() {
        return numbers;
    }

    /** The unit or link under the pointer, in the diagram or in the panel; null for none. */
    public ObjectProperty<Pointer> pointerProperty() {
        return pointer;
    }

    // ---- the tutorials' notation as plain text (the diagram's line, tooltips) ----

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    public static String sup(int n) {
        return digits(n, SUPERSCRIPTS);
    }

    public static String sub(int n) {
        return digits(n, SUBSCRIPTS);
    }

    private static String digits(int n, String set) {
        String s = Integer.toString(n);
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c == '-' ? '₋' : set.charAt(c - '0'));
        }
        return b.toString();
    }

    /** Indices i, j as subscripts, with a comma between them when either has two digits. */
    public static String subPair(int i, int j) {
        return sub(i) + (i > 9 || j > 9 ? "," : "") + sub(j);
    }

    /** A number for reading: four significant digits, a true minus sign. */
    public static String num(double v) {
        if (v == 0) {
            return "0";
        }
        String s;
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        } else {
            s = String.format(Locale.ROOT, "%.3e", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        }
        return s.replace('-', '−');
    }

    /**
     * A unit's numbers for the point, one line: "for the point: z¹₃ = 0.4138, a¹₃ = 0.3917, δ¹₃ = −0.0433";
     * empty when the numbers are of a network of another shape or the layer is the inputs.
     */
    public static String unitLine(Numbers n, int layer, int unit) {
        if (n == null || layer < 1 || layer > n.point().depth()
                || unit >= n.point().architecture().width(layer)) {
            return "";
        }
        PointTrace t = n.point();
        String idx = sup(layer) + sub(unit + 1);
        return "For the point: z" + idx + " = " + num(t.z(layer - 1, unit)) + ", a" + idx + " = "
                + num(t.a(layer - 1, unit)) + ", δ" + idx + " = ∂L/∂z = " + num(t.delta(layer - 1, unit)) + ".";
    }

    /**
     * A link's numbers: its weight, dL/dw for the point and for the whole training set, and what
     * one step makes of it; empty when the numbers do not fit the link.
     */
    public static String linkLine(Numbers n, int layer, int from, int to) {
        if (n == null || layer >= n.point().depth() || from >= n.point().architecture().width(layer)
                || to >= n.point().architecture().width(layer + 1)) {
            return "";
        }
        String w = "W" + sup(layer + 1) + subPair(from + 1, to + 1);
        StringBuilder b = new StringBuilder();
        b.append(w).append(" = ").append(num(n.network().weight(layer, from, to)));
        b.append("; ∂L/∂w = ").append(num(n.point().gradWeight(layer, from, to))).append(" for the point");
        if (n.batch() != null) {
            BatchStep s = n.batch();
            b.append(", ").append(num(s.gradWeight(layer, from, to))).append(" for the batch; one step makes it ")
                    .append(num(s.after().weight(layer, from, to)));
        }
        return b.append('.').toString();
    }
}
