package org.boundarylab.data;

/** A data file that cannot be used, with the file and 1-based line (0 = the whole file). */
public class DataFormatException extends Exception {
    private final int line;

    public DataFormatException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
