package org.boundarylab.nn;

/**
 * A network together with the features its inputs are made of, so it can be asked about raw
 * points (x1, x2) of the plane.
 */
public record FeaturedModel(Features features, Network network) {

    public FeaturedModel {
        if (features == null || network == null) {
            throw new IllegalArgumentException("a featured model needs features and a network");
        }
        features.checkFits(network.architecture());
    }

    /** A network fed the plain plane x1, x2. */
    public static FeaturedModel plain(Network network) {
        return new FeaturedModel(Features.DEFAULT, network);
    }

    /** Output probabilities (or values) for raw points {x1, x2}. */
    public double[][] predict(double[][] raw) {
        return network.predict(features.map(raw));
    }

    /** Outputs for a flat block of raw points ({@code rows x 2}): {@code rows x outputs}. */
    public double[] predictFlat(double[] raw, int rows) {
        return network.predictFlat(features.mapFlat(raw, rows), rows);
    }

    public int[] predictClasses(double[][] raw) {
        return Matrices.classesOf(predict(raw));
    }

    public double loss(double[][] raw, int[] labels, Regularization reg) {
        return network.loss(features.map(raw), labels, reg);
    }
}
