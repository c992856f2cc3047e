package org.boundarylab.data;


import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.io.InputFiles;
import org.boundarylab.text.Excerpt;

/**
 * Dataset files: UTF-8 CSV with the header {@code x1,x2,label} and one point per line.
 *
 * <p>Reading is all or nothing: the first problem stops it with a {@link DataFormatException}
 * naming the line and the reason, and no partial dataset is ever returned. Tolerated: CRLF or
 * LF line ends, a UTF-8 byte order mark, spaces around values, blank lines at the end. Refused:
 * a missing or different header, a row with too few or too many values, a value that is not a
 * plain decimal number (NaN and infinity included), a label that is not a whole number from 0 to
 * {@value #MAX_LABEL}, a blank line followed by more data, an empty file, a header without data,
 * a single class, more than {@value #MAX_ROWS} rows, a coordinate beyond
 * &plusmn;{@value #MAX_COORDINATE} (the lab's features square them; far larger values only
 * overflow the training), a line longer than {@value #MAX_LINE} characters, a file larger than
 * {@link #MAX_FILE_BYTES} bytes, bytes that are not UTF-8 (named by their line). The class count
 * is the largest label plus one, so a test file may lack a class in the middle.
 *
 * <p>Reading stays within bounds whatever the file is: a regular file is refused by its size, a
 * device or a pipe is read with the byte cap, no line is held beyond {@value #MAX_LINE}
 * characters, and a message quotes at most a short printable excerpt of the input.
 *
 * <p>Writing goes to a temporary file in the target's folder that is forced to disk and then
 * moved over the target in one atomic step, so a crash leaves either the old file or the new
 * one. Coordinates are written with {@link Double#toString(double)}, which reads back to the
 * same double exactly.
 */
public final class CsvDatasets {
    public static final String HEADER = "x1,x2,label";
    public static final int MAX_ROWS = 1_000_000;
    public static final int MAX_LABEL = 99;
    /** The largest |x1| or |x2| a data file may hold. */
    public static final double MAX_COORDINATE = 1e6;
    /** The longest line, in characters; a data row needs a few dozen. */
    public static final int MAX_LINE = 1000;
    /** The largest data file: a million rows of long lines, and blank lines after them. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private static final String[] COLUMNS = {"x1", "x2", "label"};

    private CsvDatasets() {
    }

    /** Reads a dataset file; the file name in error messages is the path as given. */
    public static Dataset read(Path file) throws DataFormatException, IOException {
        String name = file.toString();
        try (InputStream in = InputFiles.open(file, MAX_FILE_BYTES, "a data file",
                message -> new DataFormatException(name, 0, message.substring(name.length() + 2)));
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (InputFiles.TextException e) {
            throw textProblem(name, e.getMessage());
        }
    }

    /** "data.csv:1501: not UTF-8 text (...)" from the checked stream, as the reader's own refusal. */
    private static DataFormatException textProblem(String name, String message) {
        String rest = message.startsWith(name + ":") ? message.substring(name.length() + 1) : message;
        int colon = rest.indexOf(": ");
        int line = 0;
        if (colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
            line = Integer.parseInt(rest.substring(0, colon));
            rest = rest.substring(colon + 2);
        } else if (rest.startsWith(" ")) {
            rest = rest.substring(1);
        }
        return new DataFormatException(name, line, rest);
    }

    /** Reads dataset CSV text; {@code sourceName} names it in error messages. Does not close the reader. */
    public static Dataset read(Reader reader, String sourceName) throws DataFormatException, IOException {
        return new Parser(sourceName).parse(reader);
    }

    /**
     * Writes {@code data} to {@code file} atomically, replacing any existing file. Refuses (before
     * writing) coordinates beyond &plusmn;{@value #MAX_COORDINATE}, which the reader would refuse.
     */
    public static void write(Dataset data, Path file) throws IOException {
        AtomicFiles.write(file, content(data));
    }

    /** The CSV of {@code data} for a batch of files ({@link AtomicFiles.Batch}); checks the coordinates now. */
    public static AtomicFiles.ContentWriter content(Dataset data) {
        checkWritable(data);
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(data, writer);
            writer.flush();
        };
    }

    private static void checkWritable(Dataset data) {
        for (int r = 0; r < data.size(); r++) {
            for (int c = 0; c < 2; c++) {
                double v = c == 0 ? data.x1(r) : data.x2(r);
                if (Math.abs(v) > MAX_COORDINATE) {
                    throw new IllegalArgumentException("row " + (r + 1) + " has x" + (c + 1) + " = " + v
                            + ", outside the range -1e6 to 1e6 a data file may hold");
                }
            }
        }
    }

    /** Writes the CSV text of {@code data} (header first, LF line ends). Does not close the writer. */
    public static void write(Dataset data, Writer out) throws IOException {
        checkWritable(data);
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(64);
        for (int r = 0; r < data.size(); r++) {
            line.setLength(0);
            line.append(Double.toString(data.x1(r))).append(',')
                    .append(Double.toString(data.x2(r))).append(',')
                    .append(data.label(r)).append('\n');
            out.append(line);
        }
    }

    /**
     * Lines as BufferedReader.readLine splits them (LF, CRLF or a lone CR ends one), but never more
     * than {@value #MAX_LINE} + 1 characters of a line: a longer one comes back cut there, for the
     * parser to refuse, and the rest of it is never read.
     */
    private static final class LineReader {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int pos;
        private int end;
        private boolean skipLf;

        LineReader(Reader in) {
            this.in = in;
        }

        String next() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (pos == end) {
                    end = in.read(buffer, 0, buffer.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return line == null ? null : line.toString();
                    }
                }
                if (skipLf) {
                    skipLf = false;
                    if (buffer[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                int start = pos;
                while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') {
                    pos++;
                }
                if (line == null) {
                    line = new StringBuilder(Math.min(pos - start + 16, MAX_LINE + 1));
                }
                line.append(buffer, start, Math.min(pos - start, MAX_LINE + 1 - line.length()));
                if (pos < end) {
                    skipLf = buffer[pos] == '\r';
                    pos++;
                    return line.toString();
                }
                if (line.length() > MAX_LINE) {
                    return line.toString();
                }
            }
        }
    }

    /** One pass over the lines; keeps the rows in flat arrays until the whole file has passed. */
    private static final class Parser {
        private final String source;
        private double[] x1 = new double[1024];
        private double[] x2 = new double[1024];
        private int[] labels = new int[1024];
        private int rows;

        Parser(String source) {
            this.source = source;
        }

        Dataset parse(Reader reader) throws DataFormatException, IOException {
            LineReader lines = new LineReader(reader);
            int lineNo = 0;
            int firstBlank = 0;
            boolean headerSeen = false;
            String line;
            while (true) {
                line = lines.next();
                if (line == null) {
                    break;
                }
                lineNo++;
                if (line.length() > MAX_LINE) {
                    throw fail(lineNo, String.format(Locale.ROOT, "line longer than %,d characters (a data row is"
                            + " x1,x2,label); it starts '%s'", MAX_LINE, Excerpt.start(line, Excerpt.DEFAULT)));
                }
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    if (firstBlank == 0) {
                        firstBlank = lineNo;
                    }
                    continue;
                }
                if (firstBlank != 0) {
                    throw fail(firstBlank, headerSeen
                            ? "blank line inside the data (only blank lines at the end are allowed)"
                            : "blank line before the header (the first line must be " + HEADER + ")");
                }
                if (!headerSeen) {
                    checkHeader(line, lineNo);
                    headerSeen = true;
                } else {
                    if (rows == MAX_ROWS) {
                        throw fail(lineNo, "more than " + String.format(Locale.ROOT, "%,d", MAX_ROWS) + " data rows");
                    }
                    parseRow(line, lineNo);
                }
            }
            if (!headerSeen) {
                throw fail(0, "empty file (expected the header " + HEADER + " and data rows)");
            }
            if (rows == 0) {
                throw fail(0, "no data rows after the header");
            }
            return toDataset();
        }

        private void checkHeader(String line, int lineNo) throws DataFormatException {
            String[] fields = split(line);
            boolean matches = fields.length == COLUMNS.length;
            for (int k = 0; matches && k < COLUMNS.length; k++) {
                matches = fields[k].equalsIgnoreCase(COLUMNS[k]);
            }
            if (matches) {
                return;
            }
            boolean looksLikeData = fields.length > 0;
            for (String f : fields) {
                looksLikeData &= isPlainNumber(f);
            }
            if (looksLikeData) {
                throw fail(lineNo, "missing header: the first line must be " + HEADER + ", found a data row");
            }
            throw fail(lineNo, "wrong header: expected " + HEADER + ", found " + Excerpt.quoted(line.strip()));
        }

        private void parseRow(String line, int lineNo) throws DataFormatException {
            String[] fields = split(line);
            if (fields.length < COLUMNS.length) {
                throw fail(lineNo, "missing column: expected 3 values (x1,x2,label), found " + fields.length);
            }
            if (fields.length > COLUMNS.length) {
                throw fail(lineNo, "too many columns: expected 3 values (x1,x2,label), found " + fields.length);
            }
            double a = coordinate(fields[0], "x1", lineNo);
            double b = coordinate(fields[1], "x2", lineNo);
            int label = label(fields[2], lineNo);
            if (rows == labels.length) {
                int grown = Math.min(MAX_ROWS, rows * 2);
                x1 = Arrays.copyOf(x1, grown);
                x2 = Arrays.copyOf(x2, grown);
                labels = Arrays.copyOf(labels, grown);
            }
            x1[rows] = a;
            x2[rows] = b;
            labels[rows] = label;
            rows++;
        }

        private double coordinate(String text, String column, int lineNo) throws DataFormatException {
            if (text.isEmpty()) {
                throw fail(lineNo, column + " is empty");
            }
            if (!isPlainNumber(text)) {
                String unsigned = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
                if (unsigned.equalsIgnoreCase("nan")) {
                    throw fail(lineNo, column + " is NaN (every coordinate must be a finite number)");
                }
                if (unsigned.regionMatches(true, 0, "inf", 0, 3)) {
                    throw fail(lineNo, column + " is infinite (every coordinate must be a finite number)");
                }
                throw fail(lineNo, column + " is not a number: " + Excerpt.quoted(text));
            }
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw fail(lineNo, column + " is too large to be a finite number: " + Excerpt.quoted(text));
            }
            if (Math.abs(value) > MAX_COORDINATE) {
                throw fail(lineNo, column + " is " + Excerpt.of(text, 24) + ", outside the range -1e6 to 1e6"
                        + " a coordinate may have (rescale the data)");
            }
            return value;
        }

        private int label(String text, int lineNo) throws DataFormatException {
            if (text.isEmpty()) {
                throw fail(lineNo, "label is empty");
            }
            if (text.length() <= 2 && isDigit(text.charAt(0)) && isDigit(text.charAt(text.length() - 1))) {
                return Integer.parseInt(text); // the usual case, 0..99 written as an integer
            }
            if (!isPlainNumber(text)) {
                throw fail(lineNo, "label is not a class number: " + Excerpt.quoted(text) + " (expected 0, 1, 2, ...)");
            }
            double value = Double.parseDouble(text);
            if (text.startsWith("-")) {
                throw fail(lineNo, "label is negative: " + Excerpt.quoted(text) + " (expected 0, 1, 2, ...)");
            }
            if (value != Math.rint(value)) {
                throw fail(lineNo, "label is not a whole number: " + Excerpt.quoted(text));
            }
            if (value > MAX_LABEL) {
                throw fail(lineNo, "label is too large: " + Excerpt.quoted(text) + " (at most " + MAX_LABEL + ")");
            }
            return (int) value;
        }

        private Dataset toDataset() throws DataFormatException {
            int classes = 0;
            boolean[] seen = new boolean[MAX_LABEL + 1];
            int distinct = 0;
            for (int r = 0; r < rows; r++) {
                int label = labels[r];
                classes = Math.max(classes, label + 1);
                if (!seen[label]) {
                    seen[label] = true;
                    distinct++;
                }
            }
            if (distinct < 2) {
                throw fail(0, "only one class (label " + labels[0] + ") in " + rows
                        + " rows: a classifier needs at least two");
            }
            double[][] x = new double[rows][];
            for (int r = 0; r < rows; r++) {
                x[r] = new double[] {x1[r], x2[r]};
            }
            return new Dataset(x, Arrays.copyOf(labels, rows), classes);
        }

        private DataFormatException fail(int line, String reason) {
            return new DataFormatException(source, line, reason);
        }

        /**
         * Plain decimal numbers only: optional sign, digits with an optional point (at least one
         * digit), optional exponent. Refuses what Double.parseDouble would also take but a CSV
         * should not hold: hex, a trailing d or f, NaN, Infinity. Hand-written because it runs
         * three times per row.
         */
        static boolean isPlainNumber(String s) {
            int n = s.length();
            int i = 0;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                    digits++;
                }
            }
            if (digits == 0) {
                return false;
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                int exponentDigits = 0;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                    exponentDigits++;
                }
                if (exponentDigits == 0) {
                    return false;
                }
            }
            return i == n;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static String[] split(String line) {
            String[] fields = line.split(",", -1);
            for (int k = 0; k < fields.length; k++) {
                fields[k] = fields[k].strip();
            }
            return fields;
        }
    }
}
