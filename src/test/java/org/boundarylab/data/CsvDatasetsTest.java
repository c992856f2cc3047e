package org.boundarylab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDatasetsTest {

    @TempDir
    Path folder;

    private static Dataset parse(String text) throws Exception {
        return CsvDatasets.read(new StringReader(text), "data.csv");
    }

    private static DataFormatException refusal(String text) {
        return assertThrows(DataFormatException.class, () -> parse(text));
    }

    @Test
    void readsAPlainFile() throws Exception {
        Dataset d = parse("x1,x2,label\n0.5,-1.25,0\n2,3e-2,1\n-.5,+4.,2\n");
        assertEquals(3, d.size());
        assertEquals(3, d.classes());
        assertArrayEquals(new double[][] {{0.5, -1.25}, {2, 0.03}, {-0.5, 4}}, d.x());
        assertArrayEquals(new int[] {0, 1, 2}, d.y());
    }

    @Test
    void toleratesCrlfSpacesByteOrderMarkAndTrailingBlankLines() throws Exception {
        Dataset d = parse("\uFEFF x1 , x2 ,label \r\n 1.5 , 2 , 0\r\n3,4,1 \r\n\r\n   \n\n");
        assertArrayEquals(new double[][] {{1.5, 2}, {3, 4}}, d.x());
        assertArrayEquals(new int[] {0, 1}, d.y());
    }

    @Test
    void labelsWrittenAsWholeDecimalsAreAccepted() throws Exception {
        Dataset d = parse("x1,x2,label\n0,0,0.0\n1,1,1.000\n2,2,2e0\n");
        assertArrayEquals(new int[] {0, 1, 2}, d.y());
    }

    @Test
    void theClassCountIsTheLargestLabelPlusOne() throws Exception {
        Dataset d = parse("x1,x2,label\n0,0,0\n1,1,2\n");
        assertEquals(3, d.classes());
        assertArrayEquals(new int[] {1, 0, 1}, d.classCounts());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            a,b,c\\n1,2,0\\n3,4,1                 | 1 | wrong header: expected x1,x2,label, found 'a,b,c'
            x1,x2\\n1,2\\n3,4                      | 1 | wrong header: expected x1,x2,label, found 'x1,x2'
            1,2,0\\n3,4,1                          | 1 | missing header: the first line must be x1,x2,label, found a data row
            \\nx1,x2,label\\n1,2,0\\n3,4,1         | 1 | blank line before the header (the first line must be x1,x2,label)
            x1,x2,label\\n1,2,0\\n3,4              | 3 | missing column: expected 3 values (x1,x2,label), found 2
            x1,x2,label\\n1,2,0,7\\n3,4,1          | 2 | too many columns: expected 3 values (x1,x2,label), found 4
            x1,x2,label\\n1,2,0\\n3,4,1,           | 3 | too many columns: expected 3 values (x1,x2,label), found 4
            x1,x2,label\\n1,abc,0\\n3,4,1          | 2 | x2 is not a number: 'abc'
            x1,x2,label\\n1,2,0\\n0x10,4,1         | 3 | x1 is not a number: '0x10'
            x1,x2,label\\n1,2,0\\n3,4f,1           | 3 | x2 is not a number: '4f'
            x1,x2,label\\n1,2,0\\n,4,1             | 3 | x1 is empty
            x1,x2,label\\n1,2,0\\n1e,4,1           | 3 | x1 is not a number: '1e'
            x1,x2,label\\n1,2,0\\n.,4,1            | 3 | x1 is not a number: '.'
            x1,x2,label\\n1,2,0\\n1.2.3,4,1        | 3 | x1 is not a number: '1.2.3'
            x1,x2,label\\n1,2,0\\n3,4,1 0          | 3 | label is not a class number: '1 0' (expected 0, 1, 2, ...)
            x1,x2,label\\n1,NaN,0\\n3,4,1          | 2 | x2 is NaN (every coordinate must be a finite number)
            x1,x2,label\\n1,2,0\\n-Infinity,4,1    | 3 | x1 is infinite (every coordinate must be a finite number)
            x1,x2,label\\n1,2,0\\ninf,4,1          | 3 | x1 is infinite (every coordinate must be a finite number)
            x1,x2,label\\n1,2,0\\n3,1e400,1        | 3 | x2 is too large to be a finite number: '1e400'
            x1,x2,label\\n1,2,0\\n3,4,-1           | 3 | label is negative: '-1' (expected 0, 1, 2, ...)
            x1,x2,label\\n1,2,0\\n3,4,0.5          | 3 | label is not a whole number: '0.5'
            x1,x2,label\\n1,2,0\\n3,4,100          | 3 | label is too large: '100' (at most 99)
            x1,x2,label\\n1,2,0\\n3,4,cat          | 3 | label is not a class number: 'cat' (expected 0, 1, 2, ...)
            x1,x2,label\\n1,2,0\\n3,4,             | 3 | label is empty
            x1,x2,label\\n1,2,0\\n\\n3,4,1         | 3 | blank line inside the data (only blank lines at the end are allowed)
            """)
    void eachMalformedLineIsRefusedWithItsNumberAndReason(String text, int line, String reason) {
        DataFormatException e = refusal(text.replace("\\n", "\n"));
        assertEquals(line, e.line());
        assertEquals(reason, e.reason());
        assertEquals("data.csv:" + line + ": " + reason, e.getMessage());
    }

    @Test
    void lineNumbersCountCrlfLinesAndSkipNothing() {
        DataFormatException e = refusal("x1,x2,label\r\n1,2,0\r\n3,4,1\r\n5,6,x\r\n");
        assertEquals("data.csv:4: label is not a class number: 'x' (expected 0, 1, 2, ...)", e.getMessage());
    }

    @Test
    void wholeFileProblemsHaveLineZero() {
        DataFormatException empty = refusal("");
        assertEquals(0, empty.line());
        assertEquals("data.csv: empty file (expected the header x1,x2,label and data rows)", empty.getMessage());
        assertEquals("empty file (expected the header x1,x2,label and data rows)", refusal("\n \r\n").reason());

        DataFormatException noRows = refusal("x1,x2,label\n\n");
        assertEquals(0, noRows.line());
        assertEquals("data.csv: no data rows after the header", noRows.getMessage());

        DataFormatException oneClass = refusal("x1,x2,label\n1,2,1\n3,4,1\n5,6,1\n");
        assertEquals(0, oneClass.line());
        assertEquals("data.csv: only one class (label 1) in 3 rows: a classifier needs at least two", oneClass.getMessage());
    }

    @Test
    void moreThanAMillionRowsIsRefusedAtTheFirstExtraRow() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvDatasets.read(new GeneratedRows(CsvDatasets.MAX_ROWS + 5), "big.csv"));
        // header on line 1, row 1,000,000 on line 1,000,001, the first row too many on 1,000,002
        assertEquals(1_000_002, e.line());
        assertEquals("big.csv:1000002: more than 1,000,000 data rows", e.getMessage());
    }

    @Test
    void exactlyAMillionRowsIsAccepted() throws Exception {
        Dataset d = CsvDatasets.read(new GeneratedRows(CsvDatasets.MAX_ROWS), "big.csv");
        assertEquals(CsvDatasets.MAX_ROWS, d.size());
        assertEquals(999_999.0, d.x1(999_999));
        assertEquals(1, d.label(999_999));
    }

    @Test
    void writeThenReadKeepsEveryDoubleExactly() throws Exception {
        Random random = new Random(11);
        double[][] x = new double[200][];
        int[] y = new int[200];
        double[] awkward = {0.1 + 0.2, -0.0, Double.MIN_VALUE, -CsvDatasets.MAX_COORDINATE, 1e-300, 123456.789123456789,
            Math.PI, Math.nextUp(1.0), CsvDatasets.MAX_COORDINATE, 1e-7};
        for (int i = 0; i < x.length; i++) {
            x[i] = i < awkward.length
                    ? new double[] {awkward[i], -awkward[awkward.length - 1 - i]}
                    : new double[] {random.nextGaussian() * Math.pow(10, random.nextInt(15) - 10), random.nextDouble()};
            y[i] = i % 3;
        }
        Dataset original = new Dataset(x, y, 3);
        Path file = folder.resolve("points.csv");
        CsvDatasets.write(original, file);
        Dataset back = CsvDatasets.read(file);
        assertEquals(original, back, "Dataset.equals compares the doubles bit for bit");
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(x[i][0]), Double.doubleToRawLongBits(back.x1(i)), "row " + i);
            assertEquals(Double.doubleToRawLongBits(x[i][1]), Double.doubleToRawLongBits(back.x2(i)), "row " + i);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("x1,x2,label", lines.get(0));
        assertEquals("0.30000000000000004,-1.0E-7,0", lines.get(1));
        assertEquals("-0.0,-1000000.0,1", lines.get(2));
    }

    @Test
    void coordinatesTheReaderWouldRefuseAreNotWritten() throws Exception {
        Path file = folder.resolve("huge.csv");
        Dataset huge = new Dataset(new double[][] {{0, 0}, {2e6, 1}}, new int[] {0, 1}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvDatasets.write(huge, file));
        assertEquals("row 2 has x1 = 2000000.0, outside the range -1e6 to 1e6 a data file may hold", e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void writeReplacesTheOldFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = folder.resolve("moons.csv");
        Files.writeString(file, "old content");
        Dataset d = Generators.moons(50, 0.1, 3);
        CsvDatasets.write(d, file);
        assertEquals(d, CsvDatasets.read(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAndTheFolderAsTheyWere() throws Exception {
        Path target = folder.resolve("busy");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "keep");
        assertThrows(IOException.class, () -> CsvDatasets.write(Generators.moons(10, 0, 0), target));
        assertEquals("keep", Files.readString(target.resolve("inside.txt")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(target), files.toList(), "the temporary file is removed");
        }
    }

    @Test
    void readingAPathNamesTheFileAsGiven() throws Exception {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "x1,x2,label\n1,2,0\n1,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvDatasets.read(file));
        assertEquals(file + ":3: missing column: expected 3 values (x1,x2,label), found 2", e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        Path file = folder.resolve("binary.csv");
        Files.write(file, new byte[] {'x', '1', ',', 'x', '2', ',', 'l', 'a', 'b', 'e', 'l', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvDatasets.read(file));
        assertEquals(file + ":2: not UTF-8 text (byte 0xff), so not a data file", e.getMessage());
    }

    @Test
    void aBadByteIsReportedOnItsOwnLineFarIntoTheFile() throws Exception {
        Path file = folder.resolve("latin1.csv");
        StringBuilder text = new StringBuilder("x1,x2,label\n");
        for (int r = 2; r <= 1500; r++) {
            text.append(r).append(".25,-").append(r).append(".5,").append(r % 2).append("\r\n");
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "0.5,0.5,1\n1,1,0\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = '1';
        all[head.length + 1] = (byte) 0xe9; // a Latin-1 é on line 1501
        all[head.length + 2] = ',';
        System.arraycopy(tail, 0, all, head.length + 3, tail.length);
        Files.write(file, all);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvDatasets.read(file));
        assertEquals(1501, e.line(), e.getMessage());
        assertEquals(file + ":1501: not UTF-8 text (byte 0xe9), so not a data file", e.getMessage());
    }

    @Test
    void anEndlessLineIsRefusedAfterAFewThousandCharactersQuotingOnlyItsStart() throws Exception {
        DataFormatException e = refusal("x1,x2,label\n" + "1234567890".repeat(30_000_000 / 10) + ",0\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("data.csv:2: line longer than 1,000 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 200, e.getMessage());

        DataFormatException nul = refusal("\0".repeat(5000));
        assertEquals("data.csv:1: line longer than 1,000 characters (a data row is x1,x2,label); it starts "
                + "'" + "\\x00".repeat(10) + "...'", nul.getMessage());
    }

    @Test
    void aDeviceIsReadWithACap() throws Exception {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        long t0 = System.nanoTime();
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvDatasets.read(zero));
        assertTrue(e.getMessage().startsWith("/dev/zero:1: line longer than 1,000 characters"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        assertThrows(IOException.class, () -> CsvDatasets.read(folder));
    }

    @Test
    void coordinatesBeyondTheBoundAreRefusedNamingTheLine() {
        assertEquals("data.csv:3: x1 is -1e300, outside the range -1e6 to 1e6 a coordinate may have (rescale the data)",
                refusal("x1,x2,label\n1,2,0\n-1e300,4,1\n").getMessage());
        assertEquals("data.csv:2: x2 is 1000000.5, outside the range -1e6 to 1e6 a coordinate may have (rescale the data)",
                refusal("x1,x2,label\n1,1000000.5,0\n3,4,1\n").getMessage());
        String digits = "9".repeat(900);
        String m = refusal("x1,x2,label\n1," + digits + ",0\n3,4,1\n").getMessage();
        assertTrue(m.length() < 200 && m.startsWith("data.csv:2: x2 is too large to be a finite number: '999999"), m);
    }

    @Test
    void theLargestCoordinatesAreAccepted() throws Exception {
        Dataset d = parse("x1,x2,label\n1e6,-1e6,0\n-1000000,1000000,1\n");
        assertEquals(1e6, d.x1(0));
    }

    /** A header and {@code rows} lines "i,0,i%2", produced on demand so no huge string is held. */
    private static final class GeneratedRows extends Reader {
        private final int rows;
        private int next = -1;
        private String pending = "";
        private int pos;

        GeneratedRows(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos == pending.length()) {
                if (next == rows) {
                    return -1;
                }
                pending = next < 0 ? "x1,x2,label\n" : next + ",0," + (next % 2) + "\n";
                next++;
                pos = 0;
            }
            int n = Math.min(len, pending.length() - pos);
            pending.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
