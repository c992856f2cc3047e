package org.boundarylab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;
import org.boundarylab.text.Excerpt;

/**
 * Reading the JSON files of the lab (models, lessons, workspaces) within bounds, with messages fit
 * for the user. What every reader shares: at most so many bytes ({@link InputFiles}), a UTF-8 byte
 * order mark accepted, strict duplicate keys, nothing after the top value, at most so many values,
 * nesting, string and number lengths ({@link Limits}), and Jackson's errors turned into one short
 * line that names the file and the place and quotes at most a short, printable excerpt:
 * {@code m.json: not valid JSON (line 4, column 2): Unexpected character ('b' (code 98))}.
 */
public final class JsonInput {
    private static final Pattern SOURCE = Pattern.compile("\\s*\\((start marker at|for root starting at) \\[Source:[^\\]]*\\]\\)"
            + "|\\s*\\[Source:[^\\]]*\\]|\\s*\\(from `[^`]*`\\)|`[^`]*`");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*)': was expecting.*", Pattern.DOTALL);

    /**
     * How much one file may hold.
     *
     * @param maxBytes       the file's size
     * @param maxDepth       arrays and objects inside each other
     * @param maxStringChars one string's length
     * @param maxNumberChars one number's length in characters
     * @param maxValues      values in the tree built (numbers, strings, arrays, objects, ...)
     */
    public record Limits(long maxBytes, int maxDepth, int maxStringChars, int maxNumberChars, long maxValues) {
    }

    private JsonInput() {
    }

    /** A parser factory that enforces {@code limits}; NaN and Infinity read as numbers when {@code nonNumeric}. */
    public static JsonFactory factory(Limits limits, boolean nonNumeric) {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringChars())
                        .maxNumberLength(limits.maxNumberChars())
                        .build())
                .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, nonNumeric)
                .build();
        f.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return f;
    }

    /**
     * Reads the JSON tree of {@code file}; null when the file holds only white space. Every
     * problem is refused through {@code refusal} with a message that names the file.
     *
     * @param kind what the file should be, for messages: "a lesson file"
     */
    public static <E extends Exception> JsonNode readTree(Path file, String kind, Limits limits, boolean nonNumeric,
                                                          InputFiles.Refusal<E> refusal) throws E, IOException {
        String name = file.toString();
        try (InputStream in = InputFiles.open(file, limits.maxBytes(), kind, refusal);
             JsonParser p = factory(limits, nonNumeric).createParser(in)) {
            return tree(p, name, kind, limits, refusal);
        } catch (InputFiles.TextException e) {
            throw refusal.refuse(e.getMessage());
        }
    }

    /** Reads the JSON tree of {@code text}; null when it is only white space. {@code name} starts every message. */
    public static <E extends Exception> JsonNode parseTree(String text, String name, String kind, Limits limits,
                                                           boolean nonNumeric, InputFiles.Refusal<E> refusal) throws E {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser p = factory(limits, nonNumeric).createParser(json)) {
            return tree(p, name, kind, limits, refusal);
        } catch (IOException e) {
            throw refusal.refuse(name + ": " + Excerpt.line(e.getMessage(), 120));
        }
    }

    private static <E extends Exception> JsonNode tree(JsonParser p, String name, String kind, Limits limits,
                                                       InputFiles.Refusal<E> refusal) throws E, IOException {
        try {
            if (p.nextToken() == null) {
                return null;
            }
            JsonNode root = readValue(p, new Budget(limits.maxValues()));
            endOfDocument(p);
            return root;
        } catch (Budget.Exceeded e) {
            throw refusal.refuse(name + ": " + e.getMessage() + " by line " + p.currentLocation().getLineNr()
                    + ", far more than " + kind + " holds");
        } catch (JsonProcessingException e) {
            throw refusal.refuse(name + ": not valid JSON" + problem(e, p));
        }
    }

    /** Refuses anything but white space after the top value. */
    public static void endOfDocument(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p,
                    "more after the end of the JSON value (one file holds one value)");
        }
    }

    /** How many values a reader may still build; {@link #spend} throws once they run out. */
    public static final class Budget {
        private final long limit;
        private long left;

        public Budget(long limit) {
            this.limit = limit;
            this.left = limit;
        }

        public void spend() {
            if (--left < 0) {
                throw new Exceeded(String.format(Locale.ROOT, "more than %,d values", limit));
            }
        }

        /** The budget ran out; the message says how many values were allowed. */
        public static final class Exceeded extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exceeded(String message) {
                super(message, null, false, false);
            }
        }
    }

    /**
     * The value starting at the parser's current token as a tree, spending one unit of
     * {@code budget} per value. Iterative, so nesting depth costs no stack.
     */
    public static JsonNode readValue(JsonParser p, Budget budget) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Deque<JsonNode> open = new ArrayDeque<>();
        String field = null;
        JsonToken t = p.currentToken();
        while (true) {
            JsonNode value;
            boolean container = false;
            switch (t) {
                case START_OBJECT -> {
                    value = nodes.objectNode();
                    container = true;
                }
                case START_ARRAY -> {
                    value = nodes.arrayNode();
                    container = true;
                }
                case END_OBJECT, END_ARRAY -> {
                    JsonNode done = open.pop();
                    if (open.isEmpty()) {
                        return done;
                    }
                    t = p.nextToken();
                    if (t == JsonToken.FIELD_NAME) {
                        field = p.currentName();
                        t = p.nextToken();
                    }
                    continue;
                }
                case VALUE_STRING -> value = nodes.textNode(p.getText());
                case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
                    case INT -> nodes.numberNode(p.getIntValue());
                    case LONG -> nodes.numberNode(p.getLongValue());
                    default -> nodes.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> value = nodes.numberNode(p.getDoubleValue());
                case VALUE_TRUE -> value = nodes.booleanNode(true);
                case VALUE_FALSE -> value = nodes.booleanNode(false);
                case VALUE_NULL -> value = nodes.nullNode();
                default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
            }
            budget.spend();
            if (open.isEmpty()) {
                if (!container) {
                    return value;
                }
            } else if (open.peek() instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) open.peek()).add(value);
            }
            if (container) {
                open.push(value);
            }
            t = p.nextToken();
            if (t == JsonToken.FIELD_NAME) {
                field = p.currentName();
                t = p.nextToken();
            }
            if (t == null) {
                throw new JsonEOFException(p, null, "Unexpected end-of-input");
            }
        }
    }

    /**
     * Where and what, for "not valid JSON": {@code " (line 4, column 2): Unexpected character ('b' (code 98))"}.
     * Jackson's own wording is kept where it helps and cleaned of its internals (source
     * descriptions, configuration names), quoted input is cut to a short printable excerpt.
     */
    public static String problem(JsonProcessingException e, JsonParser p) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + (at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "") + ")";
        return where + ": " + clean(e);
    }

    /** Jackson's message as one short line without its internals. */
    static String clean(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            String limit = m.replaceAll("(?s).*maximum allowed \\((\\d+).*", "$1");
            if (m.contains("nesting depth")) {
                return "nested more than " + limit + " levels deep";
            }
            if (m.contains("Number")) {
                return "a number of more than " + limit + " characters";
            }
            if (m.contains("String")) {
                return "a string of more than " + limit + " characters";
            }
            return "too large";
        }
        if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON value is complete";
        }
        var token = TOKEN.matcher(m);
        if (token.matches()) {
            return "Unrecognized token " + Excerpt.quoted(token.group(1))
                    + ": expected a string, number, array, object, true, false or null";
        }
        m = SOURCE.matcher(m).replaceAll("");
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return Excerpt.line(m, 120);
    }
}
