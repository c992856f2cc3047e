package org.boundarylab.data;

import java.util.Arrays;
import java.util.Random;

/** A dataset divided into a training part and a held-out test part with the same classes. */
public record Split(Dataset train, Dataset test) {

    public Split {
        if (train == null || test == null) {
            throw new IllegalArgumentException("both parts of a split must be given");
        }
        if (train.classes() != test.classes()) {
            throw new IllegalArgumentException("train has " + train.classes() + " classes but test has " + test.classes());
        }
    }

    /**
     * Divides {@code data} so that both parts keep its class balance.
     *
     * <p>The test part gets {@code round(testRatio * size)} rows in total, shared among the
     * classes in proportion to their size (largest remainders get the rounding leftovers, ties to
     * the lower class), but never a class's last row: every class present in {@code data} stays
     * in the training part. Within each class the rows are drawn by a shuffle seeded by
     * {@code seed}; each part is then shuffled once more so classes are interleaved. The same
     * data, ratio and seed always give the same split.
     *
     * @param testRatio in [0, 1); 0 gives an empty test part (training on everything)
     */
    public static Split stratified(Dataset data, double testRatio, long seed) {
        if (data == null) {
            throw new IllegalArgumentException("dataset must not be null");
        }
        if (!(testRatio >= 0 && testRatio < 1)) {
            throw new IllegalArgumentException("test ratio must be at least 0 and below 1, got " + testRatio);
        }
        int classes = data.classes();
        int[] counts = data.classCounts();
        int[] testCounts = testShares(counts, (int) Math.round(testRatio * data.size()));

        int[][] rowsOfClass = new int[classes][];
        int[] filled = new int[classes];
        for (int c = 0; c < classes; c++) {
            rowsOfClass[c] = new int[counts[c]];
        }
        for (int r = 0; r < data.size(); r++) {
            int c = data.label(r);
            rowsOfClass[c][filled[c]++] = r;
        }

        Random random = new Random(seed);
        int testSize = Arrays.stream(testCounts).sum();
        int[] testRows = new int[testSize];
        int[] trainRows = new int[data.size() - testSize];
        int t = 0;
        int n = 0;
        for (int c = 0; c < classes; c++) {
            int[] rows = rowsOfClass[c];
            shuffle(rows, random);
            for (int k = 0; k < rows.length; k++) {
                if (k < testCounts[c]) {
                    testRows[t++] = rows[k];
                } else {
                    trainRows[n++] = rows[k];
                }
            }
        }
        shuffle(trainRows, random);
        shuffle(testRows, random);
        return new Split(data.subset(trainRows), data.subset(testRows));
    }

    /** Test rows per class: proportional shares of {@code total} by largest remainder, each below its class size. */
    static int[] testShares(int[] counts, int total) {
        int size = Arrays.stream(counts).sum();
        int[] shares = new int[counts.length];
        if (size == 0 || total == 0) {
            return shares;
        }
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) total * counts[c] / size;
            shares[c] = (int) Math.floor(exact);
            remainder[c] = exact - shares[c];
            given += shares[c];
        }
        while (given < total) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (remainder[c] >= 0 && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            shares[best]++;
            remainder[best] = -1;
            given++;
        }
        for (int c = 0; c < counts.length; c++) {
            shares[c] = Math.min(shares[c], Math.max(0, counts[c] - 1));
        }
        return shares;
    }

    /** Fisher-Yates, drawing from {@code random} so the order depends only on the seed. */
    private static void shuffle(int[] rows, Random random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
        }
    }
}
