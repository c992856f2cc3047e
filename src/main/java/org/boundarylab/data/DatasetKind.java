package org.boundarylab.data;

import java.util.Locale;
import org.boundarylab.text.Excerpt;

/** The built-in point patterns {@link Generators} can draw. */
public enum DatasetKind {
    MOONS("moons", "Moons"),
    CIRCLES("circles", "Circles"),
    XOR("xor", "XOR"),
    GAUSSIAN("gaussian", "Gaussian blobs"),
    SPIRAL("spiral", "Spiral");

    private final String id;
    private final String displayName;

    DatasetKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The name used on the command line and in files. */
    public String id() {
        return id;
    }

    /** The name shown to a person. */
    public String displayName() {
        return displayName;
    }

    /** Reads an id (any case, surrounding spaces ignored); also takes the plurals people type. */
    public static DatasetKind parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (DatasetKind kind : values()) {
            if (kind.id.equals(key) || kind.displayName.toLowerCase(Locale.ROOT).equals(key)) {
                return kind;
            }
        }
        return switch (key) {
            case "moon" -> MOONS;
            case "circle" -> CIRCLES;
            case "blobs", "gaussians" -> GAUSSIAN;
            case "spirals" -> SPIRAL;
            default -> throw new IllegalArgumentException("unknown dataset kind " + Excerpt.quoted(text)
                    + " (expected one of moons, circles, xor, gaussian, spiral)");
        };
    }
}
