package org.boundarylab.training.sweep;

import java.util.Locale;
import org.boundarylab.text.Excerpt;

/** What a sweep varies from one setting to the next. */
public enum SweepKind {
    /** Units per hidden layer (the tutorials' 1, 2, 3, 4, 5, 20, 50). */
    HIDDEN_WIDTH("width", "Hidden width", true, true),
    /** L2 strength on the weights. */
    L2("l2", "L2 strength", true, false),
    /** Number of training examples (a stratified subset of the training set). */
    TRAIN_SIZE("size", "Training-set size", false, true);

    private final String id;
    private final String displayName;
    private final boolean logAxis;
    private final boolean integerValues;

    SweepKind(String id, String displayName, boolean logAxis, boolean integerValues) {
        this.id = id;
        this.displayName = displayName;
        this.logAxis = logAxis;
        this.integerValues = integerValues;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the values span orders of magnitude and are best plotted on a log axis. */
    public boolean logAxis() {
        return logAxis;
    }

    public boolean integerValues() {
        return integerValues;
    }

    public static SweepKind parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SweepKind k : values()) {
            if (k.id.equals(key) || k.name().toLowerCase(Locale.ROOT).equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown sweep kind " + Excerpt.quoted(text) + " (expected width, l2 or size)");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
