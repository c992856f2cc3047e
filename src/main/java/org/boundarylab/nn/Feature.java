package org.boundarylab.nn;

import java.util.Locale;
import org.boundarylab.text.Excerpt;

/**
 * One input the network can be given, computed from a point (x1, x2) of the plane. With
 * x1² and x2² a model without hidden layers can draw a circle; with x1·x2 it can draw the
 * xor pattern's saddle; sin x1 and sin x2 give it waves.
 */
public enum Feature {
    X1("x1", "x1"),
    X2("x2", "x2"),
    X1_SQUARED("x1^2", "x1²"),
    X2_SQUARED("x2^2", "x2²"),
    X1_TIMES_X2("x1*x2", "x1·x2"),
    SIN_X1("sin_x1", "sin x1"),
    SIN_X2("sin_x2", "sin x2");

    private final String id;
    private final String label;

    Feature(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name used in model files and on the command line. */
    public String id() {
        return id;
    }

    /** The name shown to a reader: x1², x1·x2, sin x1. */
    public String label() {
        return label;
    }

    /** The feature's value at the point (x1, x2). */
    public double of(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_TIMES_X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(x1);
            case SIN_X2 -> Math.sin(x2);
        };
    }

    /** Reads an id; also takes the shown label and a few spellings people type (x1², x1x2, sin(x1)). */
    public static Feature parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        for (Feature f : values()) {
            if (f.id.equals(key) || f.label.replace(" ", "").equals(key)) {
                return f;
            }
        }
        switch (key) {
            case "x1x2", "x1_x2", "x1.x2" -> {
                return X1_TIMES_X2;
            }
            case "sin(x1)", "sinx1" -> {
                return SIN_X1;
            }
            case "sin(x2)", "sinx2" -> {
                return SIN_X2;
            }
            case "x1**2", "x1_squared" -> {
                return X1_SQUARED;
            }
            case "x2**2", "x2_squared" -> {
                return X2_SQUARED;
            }
            default -> {
                StringBuilder known = new StringBuilder();
                for (Feature f : values()) {
                    known.append(known.length() == 0 ? "" : ", ").append(f.id);
                }
                throw new IllegalArgumentException("unknown feature " + Excerpt.quoted(text) + " (expected one of " + known + ")");
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
