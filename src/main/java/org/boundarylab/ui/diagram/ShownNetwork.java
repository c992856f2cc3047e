package org.boundarylab.ui.diagram;

import java.util.Arrays;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;

/**
 * The network the panel shows: the layer widths and inputs its unit boxes were built for, where
 * they are in the body, and the last picture put on screen, whose network gives the weights and
 * biases the panel names. Kept in one place because pictures come from the pool a little behind
 * the run: a picture can be of a network with another shape than the boxes on screen, and the
 * parts that read a weight at a place in the body must see the same answer to "which network is
 * this". FX thread only.
 */
final class ShownNetwork {
    /** Units per layer, inputs first; null until the first picture. */
    private int[] layers;
    private Features features;
    private DiagramLayout layout;
    private DiagramFrames.Result latest;

    /**
     * Takes a picture that is going on screen. True when its network has another shape or other
     * inputs than the shown one, which it then becomes: the unit boxes must be built again.
     */
    boolean take(DiagramFrames.Result r) {
        latest = r;
        int[] widths = r.request().snapshot().network().architecture().layers();
        if (Arrays.equals(widths, layers) && r.request().features().equals(features)) {
            return false;
        }
        layers = widths;
        features = r.request().features();
        return true;
    }

    /** Lays the shown network out in a body of this size; false (and nothing changes) before the first picture. */
    boolean layOut(double width, double height) {
        if (layers == null) {
            return false;
        }
        layout = new DiagramLayout(layers, width, height);
        return true;
    }

    /** Where the units are; null before the first layout. */
    DiagramLayout layout() {
        return layout;
    }

    /** The last picture put on screen; null before the first. */
    DiagramFrames.Result latest() {
        return latest;
    }

    int layerCount() {
        return layers.length;
    }

    boolean isOutput(int layer) {
        return layer == layers.length - 1;
    }

    /**
     * The last picture's network if it has the shape the units are laid out in, else null: a
     * link's place in the body only means that weight while the two agree.
     */
    Network networkAsLaidOut() {
        if (latest == null) {
            return null;
        }
        Network net = latest.request().snapshot().network();
        return Arrays.equals(net.architecture().layers(), layers) ? net : null;
    }

    /** The link {layer, from, to} within 4 pixels of (x, y) in the body, or null. */
    int[] linkAt(double x, double y) {
        for (int l = 0; l + 1 < layers.length; l++) {
            int[] ij = layout.linkAt(l, x, y, 4);
            if (ij != null) {
                return new int[] {l, ij[0], ij[1]};
            }
        }
        return null;
    }

    /** A unit's name as the panel writes it: the input's feature, "h2.3" (counted from 1) or "output". */
    String unitName(int layer, int unit) {
        if (layer == 0) {
            return features.get(unit).label();
        }
        if (isOutput(layer)) {
            return layers[layer] == 1 ? "output" : "output " + unit;
        }
        return "h" + layer + "." + (unit + 1);
    }

    /** A link's name, "x1 → h1.2". */
    String linkName(int[] link) {
        return unitName(link[0], link[1]) + " → " + unitName(link[0] + 1, link[2]);
    }
}
