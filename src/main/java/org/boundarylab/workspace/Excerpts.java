package org.boundarylab.workspace;

/**
 * Short, printable pieces of what a file held, for messages: a file's text can be a megabyte
 * on one line, hold control characters or a number of two thousand digits, none of which a
 * message should repeat.
 */
final class Excerpts {
    static final int MAX_CHARS = 120;

    private Excerpts() {
    }

    /** The text with control characters shown as '?' and cut to {@value #MAX_CHARS} characters. */
    static String of(String text) {
        return of(text, MAX_CHARS);
    }

    /** One of the readers' own messages (already short), kept whole up to {@value #MAX_MESSAGE} characters. */
    static String message(String text) {
        return of(text, MAX_MESSAGE);
    }

    static final int MAX_MESSAGE = 300;

    /** A run of characters without a space longer than this is a value poured out, not words. */
    static final int MAX_TOKEN = 48;

    private static String of(String text, int max) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        // Jackson appends where it was reading ("at [Source: ...]"): the message names the file already
        int source = line.indexOf(" at [Source:");
        if (source >= 0) {
            line = line.substring(0, source);
        }
        StringBuilder out = new StringBuilder(Math.min(line.length(), max + 3));
        int token = 0;
        int i = 0;
        for (; i < line.length() && out.length() < max; i++) {
            char c = line.charAt(i);
            token = c == ' ' ? 0 : token + 1;
            if (token == MAX_TOKEN + 1) {
                out.append("...");
            }
            if (token <= MAX_TOKEN) {
                out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
            }
        }
        if (i < line.length()) {
            out.append("...");
        }
        return out.toString();
    }
}
