package org.boundarylab.data;

/**
 * A dataset file that cannot be used, with where and why: the message reads
 * {@code "<file>:<line>: <reason>"} for a problem on one line (1-based), or
 * {@code "<file>: <reason>"} when the problem concerns the whole file ({@link #line()} is 0).
 */
public class DataFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    public DataFormatException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The file (or other source) name as given to the reader. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String reason() {
        return reason;
    }
}
