package org.boundarylab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object by name, checking each value's kind and naming its path in
 * every error. Keys it is not asked about are ignored, so newer files stay readable.
 */
public final class JsonFields {
    private final JsonNode object;
    private final String path;

    private JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The object at {@code path}; refuses anything else. */
    public static JsonFields of(JsonNode node, String path) throws JsonFieldException {
        if (node == null || !node.isObject()) {
            throw new JsonFieldException(path.isEmpty()
                    ? "expected a JSON object {...} at the top, found " + ModelFiles.describe(node)
                    : path + ": expected an object {...}, found " + ModelFiles.describe(node));
        }
        return new JsonFields(node, path);
    }

    public String path() {
        return path;
    }

    /** The full path of one key of this object, for messages. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        JsonNode n = object.get(key);
        return n != null && !n.isNull();
    }

    /** The raw value, or an error naming the missing key. */
    public JsonNode required(String key) throws JsonFieldException {
        if (!has(key)) {
            throw new JsonFieldException(path(key) + ": missing");
        }
        return object.get(key);
    }

    public JsonFields object(String key) throws JsonFieldException {
        return of(required(key), path(key));
    }

    public String text(String key) throws JsonFieldException {
        JsonNode n = required(key);
        if (!n.isTextual()) {
            throw new JsonFieldException(path(key) + ": expected a string, found " + ModelFiles.describe(n));
        }
        return n.asText();
    }

    public String text(String key, String fallback) throws JsonFieldException {
        return has(key) ? text(key) : fallback;
    }

    /** A string turned into a value by {@code parse}, whose IllegalArgumentException becomes the message. */
    public <T> T parsed(String key, Function<String, T> parse, T fallback) throws JsonFieldException {
        if (!has(key)) {
            return fallback;
        }
        String s = text(key);
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(path(key) + ": " + e.getMessage());
        }
    }

    public long integer(String key) throws JsonFieldException {
        return integer(required(key), path(key));
    }

    public long integer(String key, long fallback) throws JsonFieldException {
        return has(key) ? integer(key) : fallback;
    }

    public int int32(String key, int fallback) throws JsonFieldException {
        long v = integer(key, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new JsonFieldException(path(key) + ": " + v + " is out of range");
        }
        return (int) v;
    }

    public double number(String key) throws JsonFieldException {
        return number(required(key), path(key));
    }

    public double number(String key, double fallback) throws JsonFieldException {
        return has(key) ? number(key) : fallback;
    }

    public int[] intArray(String key) throws JsonFieldException {
        JsonNode n = required(key);
        String where = path(key);
        if (!n.isArray()) {
            throw new JsonFieldException(where + ": expected an array of whole numbers, found " + ModelFiles.describe(n));
        }
        int[] values = new int[n.size()];
        for (int k = 0; k < values.length; k++) {
            long v = integer(n.get(k), where + "[" + k + "]");
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new JsonFieldException(where + "[" + k + "]: " + v + " is out of range");
            }
            values[k] = (int) v;
        }
        return values;
    }

    public List<String> textArray(String key) throws JsonFieldException {
        JsonNode n = required(key);
        String where = path(key);
        if (!n.isArray()) {
            throw new JsonFieldException(where + ": expected an array of strings, found " + ModelFiles.describe(n));
        }
        List<String> values = new ArrayList<>();
        for (int k = 0; k < n.size(); k++) {
            JsonNode e = n.get(k);
            if (!e.isTextual()) {
                throw new JsonFieldException(where + "[" + k + "]: expected a string, found " + ModelFiles.describe(e));
            }
            values.add(e.asText());
        }
        return values;
    }

    /** The array at {@code key}, for callers that walk rows themselves. */
    public JsonNode array(String key) throws JsonFieldException {
        JsonNode n = required(key);
        if (!n.isArray()) {
            throw new JsonFieldException(path(key) + ": expected an array [...], found " + ModelFiles.describe(n));
        }
        return n;
    }

    public static long integer(JsonNode n, String where) throws JsonFieldException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new JsonFieldException(where + ": expected a whole number, found " + ModelFiles.describe(n));
        }
        return n.longValue();
    }

    public static double number(JsonNode n, String where) throws JsonFieldException {
        if (n == null || !n.isNumber()) {
            throw new JsonFieldException(where + ": expected a number, found " + ModelFiles.describe(n));
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new JsonFieldException(where + ": expected a finite number, found " + ModelFiles.describe(n));
        }
        return v;
    }
}
