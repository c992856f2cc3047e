package org.boundarylab.text;

/**
 * Pieces of a user's input quoted in messages, made safe to print: control and other invisible
 * characters are shown as escapes ({@code \x00}, {@code \u202e}) and anything longer than asked is
 * cut, with its full length said, so an error line stays one short line whatever the input held.
 */
public final class Excerpt {
    /** How many characters of a value a message quotes by default. */
    public static final int DEFAULT = 40;
    /** The most characters of one message line; longer ones are cut with "...". */
    public static final int MAX_MESSAGE = 200;

    private Excerpt() {
    }

    /** {@code s} with unsafe characters escaped, at most {@code max} characters of it, e.g. {@code 1234567890... (2,000 characters)}. */
    public static String of(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 24);
        if (shown(s, max, b) < s.length()) {
            b.append(String.format(java.util.Locale.ROOT, "... (%,d characters)", s.length()));
        }
        return b.toString();
    }

    /** The first characters of {@code s} as {@link #of(String, int)} shows them, then "...": for input read only in part. */
    public static String start(String s, int max) {
        StringBuilder b = new StringBuilder(max + 3);
        shown(s == null ? "" : s, max, b);
        return b.append("...").toString();
    }

    /** Appends up to {@code max} characters of {@code s}, unsafe ones escaped; returns how much of s was used. */
    private static int shown(String s, int max, StringBuilder b) {
        int i = 0;
        while (i < s.length() && b.length() < max) {
            int cp = s.codePointAt(i);
            appendSafe(b, cp);
            i += Character.charCount(cp);
        }
        return i;
    }

    /** {@link #of(String, int)} with the {@link #DEFAULT} length. */
    public static String of(String s) {
        return of(s, DEFAULT);
    }

    /** {@code 'value'} quoted as {@link #of(String)} shows it. */
    public static String quoted(String s) {
        return "'" + of(s) + "'";
    }

    /**
     * A whole message as one printable line: line breaks become spaces, other unsafe characters
     * escapes, and a line longer than {@code max} is cut to {@code max} characters ending in "...".
     */
    public static String line(String message, int max) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), max + 8));
        boolean space = false;
        for (int i = 0; i < message.length() && b.length() <= max; ) {
            int cp = message.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
                space = b.length() > 0;
                continue;
            }
            if (space && cp != ' ') {
                b.append(' ');
            }
            space = false;
            appendSafe(b, cp);
        }
        if (b.length() > max) {
            b.setLength(max - 3);
            b.append("...");
        }
        return b.toString().strip();
    }

    /** Whether a character would be invisible, move the cursor or change the terminal if printed. */
    public static boolean unsafe(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || cp == 0xFFFD;
    }

    private static void appendSafe(StringBuilder b, int cp) {
        if (!unsafe(cp)) {
            b.appendCodePoint(cp);
        } else if (cp < 0x100) {
            b.append(String.format(java.util.Locale.ROOT, "\\x%02x", cp));
        } else {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
        }
    }
}
