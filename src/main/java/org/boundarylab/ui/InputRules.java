package org.boundarylab.ui;

import java.util.Locale;

/**
 * What each text field of the lab accepts, and what to tell the user when it does not. Every
 * check returns "" for a good value and otherwise one sentence that names the field, the
 * problem and the allowed range. Pure functions, shared by the view-model (which decides
 * whether Play is allowed) and the field decorations (which show the message).
 */
public final class InputRules {
    public static final int MIN_SAMPLES = 10;
    public static final int MAX_SAMPLES = 20_000;
    public static final int MAX_HIDDEN_LAYERS = 6;
    public static final int MAX_LAYER_WIDTH = 256;
    public static final double MAX_LEARNING_RATE = 1000;
    public static final double MAX_PENALTY = 10;
    public static final int MAX_BATCH = MAX_SAMPLES;
    public static final int MAX_REDRAW_EVERY = 100_000;
    public static final int MAX_CLASSES = 6;
    public static final int MAX_STOP_AT = 1_000_000_000;

    /** The text fields of the lab. */
    public enum Field {
        SAMPLES("Samples"),
        CLASSES("Classes"),
        TEST_SHARE("Test share"),
        DATA_SEED("Data seed"),
        HIDDEN_LAYERS("Hidden layers"),
        WEIGHT_SEED("Weight seed"),
        LEARNING_RATE("Learning rate"),
        L2("L2"),
        L1("L1"),
        BATCH_SIZE("Batch size"),
        REDRAW_EVERY("Redraw every"),
        /** Play pauses by itself at this epoch; empty = runs until paused. */
        STOP_AT("Stop at epoch");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private InputRules() {
    }

    /** "" when the text is acceptable for the field, else the message to show. */
    public static String check(Field field, String text) {
        try {
            parse(field, text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The parsed value (Integer, Long, Double or int[]); throws with the message when invalid. */
    public static Object parse(Field field, String text) {
        return switch (field) {
            case SAMPLES, CLASSES, BATCH_SIZE, REDRAW_EVERY -> intValue(field, text);
            case DATA_SEED, WEIGHT_SEED, STOP_AT -> longValue(field, text);
            case TEST_SHARE -> testPoints(text) > 0 ? (Object) testPoints(text) : (Object) doubleValue(field, text);
            case LEARNING_RATE, L2, L1 -> doubleValue(field, text);
            case HIDDEN_LAYERS -> hiddenLayers(text);
        };
    }

    /** A whole-number field's value (samples, classes, batch size, redraw interval); throws when invalid. */
    public static int intValue(Field field, String text) {
        String t = text == null ? "" : text.trim();
        String name = field.label();
        return switch (field) {
            case SAMPLES -> wholeNumber(name, t, MIN_SAMPLES, MAX_SAMPLES);
            case CLASSES -> wholeNumber(name, t, 2, MAX_CLASSES);
            case BATCH_SIZE -> t.isEmpty() || t.equalsIgnoreCase("full") ? 0 : wholeNumber(name, t, 1, MAX_BATCH);
            case REDRAW_EVERY -> wholeNumber(name, t, 1, MAX_REDRAW_EVERY);
            default -> throw new IllegalArgumentException(name + " is not a whole-number field");
        };
    }

    /** A seed's value, or the epoch to stop at (0 = never); throws when invalid. */
    public static long longValue(Field field, String text) {
        String t = text == null ? "" : text.trim();
        String name = field.label();
        return switch (field) {
            case DATA_SEED, WEIGHT_SEED -> seed(name, t);
            case STOP_AT -> t.isEmpty() || t.equalsIgnoreCase("never") ? 0L : wholeNumber(name, t, 1, MAX_STOP_AT);
            default -> throw new IllegalArgumentException(name + " is not a seed or an epoch");
        };
    }

    /** A number field's value (test share, learning rate, L2, L1); throws when invalid. */
    public static double doubleValue(Field field, String text) {
        String t = text == null ? "" : text.trim();
        String name = field.label();
        return switch (field) {
            case TEST_SHARE -> testPoints(t) > 0 ? 0 : number(name, t, 0, false, 0.9, TEST_EXAMPLE);
            case LEARNING_RATE -> number(name, t, 0, false, MAX_LEARNING_RATE, "a number such as 0.1");
            case L2, L1 -> number(name, t, 0, true, MAX_PENALTY, "a number such as 0.001, or 0 for none");
            default -> throw new IllegalArgumentException(name + " is not a number field");
        };
    }

    private static final String TEST_EXAMPLE = "a share of the samples such as 0.2, or a number of fresh test "
            + "points such as 1000";
    /** Fresh test points the test field accepts ("1000" or "1000 fresh"). */
    public static final int MIN_TEST_POINTS = 10;

    /**
     * The test field's count of fresh test points: 0 for a share of the samples ("0.2"), N for a
     * whole number N ("1000" or "1000 fresh"), which the generator draws as a separate test set.
     *
     * @throws IllegalArgumentException for a whole number outside {@value #MIN_TEST_POINTS} to the samples' maximum
     */
    public static int testPoints(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("fresh")) {
            t = t.substring(0, t.length() - "fresh".length()).trim();
        } else if (!t.matches("\\d+") || t.matches("0*[01]")) {
            return 0; // a share ("0.2", "0", "1" read as shares and checked as such)
        }
        return wholeNumber(Field.TEST_SHARE.label() + " (fresh test points)", t, MIN_TEST_POINTS, MAX_SAMPLES);
    }

    /** The test field's text for a setup: "0.2", or "1000 fresh". */
    public static String testText(double share, int testPoints) {
        return testPoints > 0 ? testPoints + " fresh"
                : java.math.BigDecimal.valueOf(share).stripTrailingZeros().toPlainString();
    }

    public static int[] hiddenLayers(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return new int[0]; // no hidden layer: logistic or softmax regression
        }
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("Hidden layers: at most " + MAX_HIDDEN_LAYERS + " layers, got "
                    + parts.length);
        }
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            String where = "Hidden layers: layer " + (i + 1);
            if (p.isEmpty()) {
                throw new IllegalArgumentException(where + " is empty; write widths separated by commas, e.g. 5,3");
            }
            if (p.matches("-\\d+")) {
                throw new IllegalArgumentException(where + " has '" + p + "' units; it must be at least 1 (use 1 to "
                        + MAX_LAYER_WIDTH + ")");
            }
            if (!p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException(where + " is '" + p + "', not a whole number; e.g. 5,3");
            }
            int w = parseBounded(p, MAX_LAYER_WIDTH);
            if (w < 1 || w > MAX_LAYER_WIDTH) {
                throw new IllegalArgumentException(where + " has " + p + " units; use 1 to " + MAX_LAYER_WIDTH);
            }
            widths[i] = w;
        }
        return widths;
    }

    static int wholeNumber(String name, String t, int min, int max) {
        if (t.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty; enter a whole number from " + min + " to " + max);
        }
        String digits = t.startsWith("-") ? t.substring(1) : t;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a whole number; use " + min + " to " + max);
        }
        long v = t.startsWith("-") ? -parseBounded(digits, max) : parseBounded(digits, max);
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", got " + t);
        }
        return (int) v;
    }

    static long seed(String name, String t) {
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a whole number >= 0");
        }
        if (t.length() > 18) {
            throw new IllegalArgumentException(name + ": " + t + " is too long; use at most 18 digits");
        }
        return Long.parseLong(t);
    }

    static double number(String name, String t, double min, boolean minAllowed, double max, String example) {
        if (t.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty; enter " + example);
        }
        double v;
        try {
            // only plain decimal or scientific notation: Double.parseDouble would also take "NaN", "Infinity", "1d"
            if (!t.toLowerCase(Locale.ROOT).matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a number; enter " + example);
        }
        boolean tooSmall = minAllowed ? v < min : v <= min;
        if (tooSmall || v > max || !Double.isFinite(v)) {
            String range = (minAllowed ? "from " + fmt(min) + " to " : "above " + fmt(min) + " and at most ") + fmt(max);
            throw new IllegalArgumentException(name + " must be " + range + ", got " + t);
        }
        return v;
    }

    /** Parses digits, clamping anything longer than max's digits to max + 1 so overflow cannot pass. */
    private static int parseBounded(String digits, int max) {
        String stripped = digits.replaceFirst("^0+(?=\\d)", "");
        if (stripped.length() > String.valueOf(max).length()) {
            return max + 1;
        }
        return Integer.parseInt(stripped);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
