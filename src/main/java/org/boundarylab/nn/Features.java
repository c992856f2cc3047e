package org.boundarylab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The inputs a network is given: a non-empty choice among the {@link Feature}s, always in the
 * enum's order (x1, x2, x1², x2², x1·x2, sin x1, sin x2), so the same choice always means the
 * same input columns. Maps raw points (x1, x2) to the network's input rows; the network's
 * input width is {@link #count()}.
 */
public final class Features {
    /** The plain plane: x1 and x2, what every model without a features entry uses. */
    public static final Features DEFAULT = new Features(EnumSet.of(Feature.X1, Feature.X2));

    private final Feature[] chosen;

    private Features(Set<Feature> set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("choose at least one input feature");
        }
        this.chosen = EnumSet.copyOf(set).toArray(new Feature[0]);
    }

    public static Features of(Feature... features) {
        return of(Arrays.asList(features));
    }

    public static Features of(Collection<Feature> features) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("choose at least one input feature");
        }
        EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
        for (Feature f : features) {
            if (!set.add(f)) {
                throw new IllegalArgumentException("feature " + f.id() + " is listed twice");
            }
        }
        return new Features(set);
    }

    /** Reads ids such as {@code ["x1", "x2", "x1^2"]}; the message names the bad entry. */
    public static Features fromIds(List<String> ids) {
        List<Feature> list = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            try {
                list.add(Feature.parse(ids.get(k)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + (k + 1) + ": " + e.getMessage(), e);
            }
        }
        return of(list);
    }

    /** Reads a comma-separated list such as {@code x1,x2,x1^2}. */
    public static Features parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("choose at least one input feature, e.g. x1,x2");
        }
        return fromIds(Arrays.asList(text.split(",", -1)));
    }

    public int count() {
        return chosen.length;
    }

    public Feature get(int input) {
        return chosen[input];
    }

    public boolean contains(Feature f) {
        for (Feature c : chosen) {
            if (c == f) {
                return true;
            }
        }
        return false;
    }

    /** The input column of a feature, or -1 when it is not chosen. */
    public int indexOf(Feature f) {
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k] == f) {
                return k;
            }
        }
        return -1;
    }

    public List<Feature> list() {
        return List.of(chosen);
    }

    /** A copy with one feature switched on or off; refuses to switch off the last one. */
    public Features with(Feature f, boolean on) {
        EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
        set.addAll(Arrays.asList(chosen));
        if (on) {
            set.add(f);
        } else {
            set.remove(f);
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("the network needs at least one input; " + f.label()
                    + " is the only one left");
        }
        return new Features(set);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The ids in input order, as model files store them. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(chosen.length);
        for (Feature f : chosen) {
            ids.add(f.id());
        }
        return ids;
    }

    /** Input rows for raw points {x1, x2}. */
    public double[][] map(double[][] raw) {
        double[][] out = new double[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            double[] row = new double[chosen.length];
            for (int k = 0; k < chosen.length; k++) {
                row[k] = chosen[k].of(raw[r][0], raw[r][1]);
            }
            out[r] = row;
        }
        return out;
    }

    /** A flat row-major block of inputs ({@code rows x count()}) for a flat block of raw points ({@code rows x 2}). */
    public double[] mapFlat(double[] raw, int rows) {
        if (raw.length < 2 * rows) {
            throw new IllegalArgumentException(rows + " points need " + 2 * rows + " values, got " + raw.length);
        }
        if (isDefault()) {
            return Arrays.copyOf(raw, 2 * rows);
        }
        int n = chosen.length;
        double[] out = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            double x1 = raw[2 * r];
            double x2 = raw[2 * r + 1];
            for (int k = 0; k < n; k++) {
                out[r * n + k] = chosen[k].of(x1, x2);
            }
        }
        return out;
    }

    /** Refuses a network whose input layer does not match these features, saying both widths. */
    public void checkFits(Architecture arch) {
        if (arch.inputs() != chosen.length) {
            throw new IllegalArgumentException("the network has " + arch.inputs() + " inputs but the features "
                    + String.join(",", ids()) + " make " + chosen.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Features f && Arrays.equals(chosen, f.chosen);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chosen);
    }

    @Override
    public String toString() {
        return String.join(",", ids());
    }
}
