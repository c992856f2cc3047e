package org.boundarylab.data;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.boundarylab.io.AtomicFiles;

/**
 * Dataset files: UTF-8 CSV with the header {@code x1,x2,label} and one point per line.
 *
 * <p>Reading is all or nothing: the first problem stops it with a {@link DataFormatException}
 * naming the line and the reason, and no partial dataset is ever returned. Tolerated: CRLF or
 * LF line ends, a UTF-8 byte order mark, spaces around values, blank lines at the end. Refused:
 * a missing or different header, a row with too few or too many values, a value that is not a
 * plain decimal number (NaN and infinity included), a label that is not a whole number from 0 to
 * {@value #MAX_LABEL}, a blank line followed by more data, an empty file, a header without data,
 * a single class, more than {@value #MAX_ROWS} rows. The class count is the largest label plus
 * one, so a test file may lack a class in the middle.
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

    private static final String[] COLUMNS = {"x1", "x2", "label"};

    private CsvDatasets() {
    }

    /** Reads a dataset file; the file name in error messages is the path as given. */
    public static Dataset read(Path file) throws DataFormatException, IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /** Reads dataset CSV text; {@code sourceName} names it in error messages. Does not close the reader. */
    public static Dataset read(Reader reader, String sourceName) throws DataFormatException, IOException {
        return new Parser(sourceName).parse(reader);
    }

    /** Writes {@code data} to {@code file} atomically, replacing any existing file. */
    public static void write(Dataset data, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(data, writer);
            writer.flush();
        });
    }

    /** Writes the CSV text of {@code data} (header first, LF line ends). Does not close the writer. */
    public static void write(Dataset data, Writer out) throws IOException {
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
            BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            int lineNo = 0;
            int firstBlank = 0;
            boolean headerSeen = false;
            String line;
            while (true) {
                try {
                    line = lines.readLine();
                } catch (CharacterCodingException e) {
                    throw fail(lineNo + 1, "not UTF-8 text");
                }
                if (line == null) {
                    break;
                }
                lineNo++;
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
            throw fail(lineNo, "wrong header: expected " + HEADER + ", found '" + line.strip() + "'");
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
                throw fail(lineNo, column + " is not a number: '" + text + "'");
            }
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw fail(lineNo, column + " is too large to be a finite number: '" + text + "'");
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
                throw fail(lineNo, "label is not a class number: '" + text + "' (expected 0, 1, 2, ...)");
            }
            double value = Double.parseDouble(text);
            if (text.startsWith("-")) {
                throw fail(lineNo, "label is negative: '" + text + "' (expected 0, 1, 2, ...)");
            }
            if (value != Math.rint(value)) {
                throw fail(lineNo, "label is not a whole number: '" + text + "'");
            }
            if (value > MAX_LABEL) {
                throw fail(lineNo, "label is too large: '" + text + "' (at most " + MAX_LABEL + ")");
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
