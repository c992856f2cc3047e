package org.boundarylab.render;

import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Network;

/**
 * What every unit of a network computes over a grid of the input plane: one forward pass over
 * the grid's cell centres that keeps each layer's activations, the input features included
 * (layer 0). Built only from the network's public parameters and {@link Activation}, so it
 * shows exactly what the engine computes without reaching into its internals.
 *
 * <p>Colours follow the main canvas: the output of a single sigmoid is painted exactly as the
 * boundary heat map (orange below 0.5, blue above); any other unit is painted orange where it
 * is negative and blue where it is positive, scaled by its natural range (tanh: [-1, 1],
 * sigmoid: [0, 1] centred on 0.5, softmax: its class colour by probability) or, for unbounded
 * units (ReLU, linear, the input features), by the largest magnitude on the grid.
 */
public final class UnitMaps {
    private final Architecture arch;
    private final Viewport viewport;
    private final int width;
    private final int height;
    /** values[layer][unit][cell], row 0 of the grid at the top. */
    private final double[][][] values;

    private UnitMaps(Architecture arch, Viewport viewport, int width, int height, double[][][] values) {
        this.arch = arch;
        this.viewport = viewport;
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** Every layer's activations over a width x height grid of the viewport. */
    public static UnitMaps compute(FeaturedModel model, Viewport view, int width, int height) {
        return compute(model, view, width, height, model.network().architecture().depth());
    }

    /** The activations of layers 0..lastLayer only (the later ones are not computed and stay null). */
    public static UnitMaps compute(FeaturedModel model, Viewport view, int width, int height, int lastLayer) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1, got " + width + "x" + height);
        }
        Network net = model.network();
        Architecture arch = net.architecture();
        if (lastLayer < 0 || lastLayer > arch.depth()) {
            throw new IllegalArgumentException("layer " + lastLayer + " does not exist; the network has layers 0.."
                    + arch.depth());
        }
        int n = width * height;
        double[][][] values = new double[arch.depth() + 1][][];
        double[] a = model.features().mapFlat(BoundaryGrid.cellCentres(view, width, height), n);
        values[0] = columns(a, n, arch.width(0));
        double[][][] w = net.weightMatrices();
        double[][] b = net.biasVectors();
        for (int l = 0; l < lastLayer; l++) {
            int in = arch.width(l);
            int out = arch.width(l + 1);
            double[] z = new double[n * out];
            for (int r = 0; r < n; r++) {
                int zo = r * out;
                System.arraycopy(b[l], 0, z, zo, out);
                int ao = r * in;
                for (int i = 0; i < in; i++) {
                    double ai = a[ao + i];
                    if (ai == 0) {
                        continue;
                    }
                    double[] wi = w[l][i];
                    for (int j = 0; j < out; j++) {
                        z[zo + j] += ai * wi[j];
                    }
                }
            }
            arch.activationOf(l + 1).applyInPlace(z, n, out);
            values[l + 1] = columns(z, n, out);
            a = z;
        }
        return new UnitMaps(arch, view, width, height, values);
    }

    private static double[][] columns(double[] block, int rows, int cols) {
        double[][] out = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c][r] = block[r * cols + c];
            }
        }
        return out;
    }

    public Architecture architecture() {
        return arch;
    }

    public Viewport viewport() {
        return viewport;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean has(int layer) {
        return layer >= 0 && layer < values.length && values[layer] != null;
    }

    /** The activation of one unit at every cell (a live array: do not change it). */
    public double[] values(int layer, int unit) {
        if (!has(layer)) {
            throw new IllegalArgumentException("layer " + layer + " was not computed");
        }
        return values[layer][unit];
    }

    /** Smallest and largest activation of the unit on the grid: {min, max}. */
    public double[] range(int layer, int unit) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values(layer, unit)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    /** The unit's map as opaque ARGB pixels, one per cell, in the main canvas's palette. */
    public int[] argb(int layer, int unit) {
        double[] v = values(layer, unit);
        int[] out = new int[v.length];
        Activation f = layer == 0 ? Activation.LINEAR : arch.activationOf(layer);
        boolean output = layer == arch.depth();
        if (f == Activation.SIGMOID) {
            for (int k = 0; k < v.length; k++) {
                out[k] = Palette.binaryArgb(v[k]);
            }
        } else if (f == Activation.SOFTMAX) {
            for (int k = 0; k < v.length; k++) {
                out[k] = Palette.heatArgb(unit, v[k]);
            }
        } else {
            double scale = f == Activation.TANH ? 1 : largestMagnitude(v);
            double inv = scale > 0 ? 1 / scale : 0;
            for (int k = 0; k < v.length; k++) {
                // orange for negative, blue for positive, as links are coloured by sign
                out[k] = Palette.binaryArgb(0.5 + 0.5 * v[k] * inv);
            }
        }
        if (output && f == Activation.LINEAR && arch.outputs() == 1) {
            // a single linear output is read like a probability around 0.5 by the canvas
            for (int k = 0; k < v.length; k++) {
                out[k] = Palette.binaryArgb(v[k]);
            }
        }
        return out;
    }

    /**
     * Where the unit changes sign (or, for a sigmoid, crosses 0.5): line segments in grid units,
     * for units whose range has a natural middle; empty for the others.
     */
    public java.util.List<MarchingSquares.Segment> middleLine(int layer, int unit) {
        Activation f = layer == 0 ? Activation.LINEAR : arch.activationOf(layer);
        double level;
        if (f == Activation.TANH || (f == Activation.LINEAR && layer > 0 && layer < arch.depth())) {
            level = 0;
        } else if (f == Activation.SIGMOID || f == Activation.SOFTMAX
                || (f == Activation.LINEAR && layer == arch.depth())) {
            level = 0.5;
        } else {
            return java.util.List.of();
        }
        return MarchingSquares.isoLines(values(layer, unit), width, height, level);
    }

    private static double largestMagnitude(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
