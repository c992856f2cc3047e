package org.boundarylab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Data set CSV files with the header x1,x2,label. (Smallest version of the shared data
 * contract, kept until the data package is merged.)
 */
public final class CsvDatasets {
    private static final int MAX_ROWS = 1_000_000;

    private CsvDatasets() {
    }

    public static Dataset read(Path file) throws DataFormatException, IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    public static Dataset read(Reader reader, String source) throws DataFormatException, IOException {
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) {
            throw new DataFormatException(source, 0, "the file is empty");
        }
        if (!header.trim().replace(" ", "").equalsIgnoreCase("x1,x2,label")) {
            throw new DataFormatException(source, 1, "expected the header x1,x2,label, got '" + header + "'");
        }
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        int maxLabel = -1;
        int lineNo = 1;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 3) {
                throw new DataFormatException(source, lineNo, "expected 3 columns x1,x2,label, got " + parts.length);
            }
            double x1 = number(parts[0], "x1", source, lineNo);
            double x2 = number(parts[1], "x2", source, lineNo);
            int label;
            try {
                label = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                throw new DataFormatException(source, lineNo, "label '" + parts[2].trim() + "' is not an integer");
            }
            if (label < 0 || label > 1000) {
                throw new DataFormatException(source, lineNo, "label " + label + " must be a small non-negative integer");
            }
            if (xs.size() >= MAX_ROWS) {
                throw new DataFormatException(source, lineNo, "more than " + MAX_ROWS + " rows");
            }
            xs.add(new double[] {x1, x2});
            ys.add(label);
            maxLabel = Math.max(maxLabel, label);
        }
        if (xs.isEmpty()) {
            throw new DataFormatException(source, 0, "no data rows after the header");
        }
        if (ys.stream().distinct().count() < 2) {
            throw new DataFormatException(source, 0, "all rows have the same label; at least 2 classes are needed");
        }
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(xs.toArray(new double[0][]), y, maxLabel + 1);
    }

    private static double number(String text, String column, String source, int line) throws DataFormatException {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new DataFormatException(source, line, column + " is " + text.trim() + "; values must be finite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, column + " '" + text.trim() + "' is not a number");
        }
    }

    public static void write(Dataset data, Path file) throws IOException {
        StringBuilder s = new StringBuilder("x1,x2,label\n");
        for (int r = 0; r < data.size(); r++) {
            s.append(data.x()[r][0]).append(',').append(data.x()[r][1]).append(',').append(data.y()[r]).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".dataset", ".tmp");
        try {
            Files.writeString(tmp, s, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
