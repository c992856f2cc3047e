package org.boundarylab.ui.diagram;

import java.util.Locale;
import javafx.scene.control.Label;
import org.boundarylab.nn.Network;
import org.boundarylab.ui.ExplainedPoint;

/**
 * The line under the diagram, where the panel talks to the user: what the unit or link under
 * the pointer is (a unit's bias, activation and range, a link's weight) and what to do with
 * it, what a feature switch or a typed value just did, and why something was refused. One
 * line for all of it, so the panel has one place to look at.
 */
final class InfoLine {
    static final String GREETING = "Point at a unit to see its map on the canvas; click to pin it.";
    private final Label label;
    private final ShownNetwork shown;
    private final ExplainedPoint explained;

    InfoLine(Label label, ShownNetwork shown, ExplainedPoint explained) {
        this.label = label;
        this.shown = shown;
        this.explained = explained;
        greet();
    }

    /** The line as the panel opens: what pointing and clicking do. */
    void greet() {
        say(GREETING);
    }

    void say(String text) {
        label.setText(text);
    }

    /** Says what a unit is and that its bias can be set. */
    void describeUnit(DiagramFrames.Focus f) {
        String numbers = ExplainedPoint.unitLine(explainedFits(), f.layer(), f.unit());
        say(unitText(f) + (f.layer() > 0 ? ". Double-click to set the bias." : ".")
                + (numbers.isEmpty() ? "" : " " + numbers));
    }

    /** The explained point's numbers when they are of the network laid out, else null. */
    private ExplainedPoint.Numbers explainedFits() {
        ExplainedPoint.Numbers n = explained.numbersProperty().get();
        Network net = shown.networkAsLaidOut();
        return n != null && net != null && n.network().architecture().equals(net.architecture()) ? n : null;
    }

    /** Says a link's weight; nothing while the last picture is of a network of another shape. */
    void describeLink(int[] link) {
        Network net = shown.networkAsLaidOut();
        if (net == null) {
            return;
        }
        String numbers = ExplainedPoint.linkLine(explainedFits(), link[0], link[1], link[2]);
        if (!numbers.isEmpty()) {
            say(numbers);
            return;
        }
        say(String.format(Locale.ROOT, "Weight %s: %s. Double-click to change it.", shown.linkName(link),
                ParameterInput.format(net.weight(link[0], link[1], link[2]))));
    }

    /**
     * A unit's name and, once a picture has its map, its bias, activation and the range of its
     * map over the plane; also the unit's tooltip.
     */
    String unitText(DiagramFrames.Focus f) {
        StringBuilder t = new StringBuilder(shown.unitName(f.layer(), f.unit()));
        DiagramFrames.Result last = shown.latest();
        if (last != null && last.maps().has(f.layer())) {
            double[] range = last.maps().range(f.layer(), f.unit());
            if (f.layer() > 0) {
                Network net = last.request().snapshot().network();
                t.append(String.format(Locale.ROOT, ": bias %s, %s", ParameterInput.format(net.bias(f.layer() - 1,
                        f.unit())), net.architecture().activationOf(f.layer()).id()));
            }
            t.append(String.format(Locale.ROOT, ", from %.3f to %.3f over the plane", range[0], range[1]));
        }
        return t.toString();
    }
}
