package org.boundarylab.nn;

import java.util.Locale;
import java.util.Random;
import org.boundarylab.text.Excerpt;

/**
 * Starting weights, each from a seed so the same seed gives the same network bit for bit.
 * Weights are drawn layer by layer in input-major order; biases start at zero.
 */
public enum Initializer {
    /** U[0, 1), tutorial 000's np.random.rand. */
    UNIFORM("uniform"),
    /** N(0, 1) / sqrt(fan_in), tutorials 001/004's np.random.randn(...) / np.sqrt(fan_in). */
    LECUN("lecun"),
    /** U(-r, r) with r = sqrt(6) / sqrt(fan_in + fan_out + 1), tutorial 002's range. */
    GLOROT("glorot"),
    /** N(0, 1) * sqrt(2 / fan_in), for ReLU layers. */
    HE("he");

    private final String id;

    Initializer(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Initializer parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Initializer i : values()) {
            if (i.id.equals(key)) {
                return i;
            }
        }
        if (key.equals("normal") || key.equals("xavier_normal")) {
            return LECUN;
        }
        if (key.equals("xavier")) {
            return GLOROT;
        }
        throw new IllegalArgumentException("unknown initialiser " + Excerpt.quoted(text) + " (expected uniform, lecun, glorot or he)");
    }

    public Network create(Architecture arch, long seed) {
        Network net = new Network(arch);
        Random rng = new Random(seed);
        for (int l = 0; l < arch.depth(); l++) {
            int in = arch.width(l);
            int out = arch.width(l + 1);
            double[] w = net.weights[l];
            for (int k = 0; k < w.length; k++) {
                w[k] = draw(rng, in, out);
            }
        }
        return net;
    }

    private double draw(Random rng, int fanIn, int fanOut) {
        return switch (this) {
            case UNIFORM -> rng.nextDouble();
            case LECUN -> rng.nextGaussian() / Math.sqrt(fanIn);
            case GLOROT -> {
                double r = Math.sqrt(6.0) / Math.sqrt(fanIn + fanOut + 1.0);
                yield (2 * rng.nextDouble() - 1) * r;
            }
            case HE -> rng.nextGaussian() * Math.sqrt(2.0 / fanIn);
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
