package org.boundarylab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** Row identity by coordinates: every generated point here is distinct. */
    private static List<String> rows(Dataset d) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            keys.add(d.x1(i) + "," + d.x2(i) + "," + d.label(i));
        }
        return keys;
    }

    @Test
    void bothPartsKeepTheClassBalanceAndTogetherHoldEveryRowOnce() {
        // 3 classes of 50, 30 and 20 rows; 25% test = 25 rows shared 12.5 / 7.5 / 5
        double[][] x = new double[100][];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            x[i] = new double[] {i, -i};
            y[i] = i < 50 ? 0 : i < 80 ? 1 : 2;
        }
        Dataset d = new Dataset(x, y, 3);
        Split s = Split.stratified(d, 0.25, 4);
        // largest remainders: 12.5 and 7.5 tie at 0.5, the lower class gets the leftover row
        assertArrayEquals(new int[] {13, 7, 5}, s.test().classCounts());
        assertArrayEquals(new int[] {37, 23, 15}, s.train().classCounts());
        List<String> all = new ArrayList<>(rows(s.train()));
        all.addAll(rows(s.test()));
        all.sort(null);
        List<String> expected = new ArrayList<>(rows(d));
        expected.sort(null);
        assertEquals(expected, all);
    }

    @Test
    void theSplitIsDeterministicAndDependsOnTheSeed() {
        Dataset d = Generators.moons(200, 0.2, 1);
        Split a = Split.stratified(d, 0.3, 9);
        Split b = Split.stratified(d, 0.3, 9);
        Split c = Split.stratified(d, 0.3, 10);
        assertEquals(a, b);
        assertNotEquals(a.test(), c.test());
        assertArrayEquals(new int[] {30, 30}, a.test().classCounts());
        assertArrayEquals(new int[] {70, 70}, a.train().classCounts());
    }

    @Test
    void partsAreShuffledSoClassesInterleave() {
        Dataset d = Generators.moons(200, 0.0, 1); // generated as 100 zeros then 100 ones
        Dataset train = Split.stratified(d, 0.2, 3).train();
        int changes = 0;
        for (int i = 1; i < train.size(); i++) {
            if (train.label(i) != train.label(i - 1)) {
                changes++;
            }
        }
        assertTrue(changes > 40, "labels change " + changes + " times along the training part");
    }

    @Test
    void ratioZeroKeepsEverythingForTraining() {
        Dataset d = Generators.gaussian(90, 3, 0.1, 2);
        Split s = Split.stratified(d, 0.0, 1);
        assertEquals(0, s.test().size());
        assertEquals(3, s.test().classes());
        assertEquals(90, s.train().size());
    }

    @Test
    void everyClassKeepsAtLeastOneTrainingRow() {
        // class 1 has a single row; even a 90% test share leaves it in training
        Dataset d = new Dataset(new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}}, new int[] {0, 0, 0, 0, 1}, 2);
        Split s = Split.stratified(d, 0.9, 0);
        assertArrayEquals(new int[] {1, 1}, s.train().classCounts());
        assertArrayEquals(new int[] {3, 0}, s.test().classCounts());
    }

    @Test
    void testSharesFollowTheLargestRemainders() {
        assertArrayEquals(new int[] {1, 1, 1}, Split.testShares(new int[] {10, 10, 10}, 3));
        // exact shares 2.0, 0.9, 0.1: the one leftover row goes to the 0.9
        assertArrayEquals(new int[] {2, 1, 0}, Split.testShares(new int[] {20, 9, 1}, 3));
        assertArrayEquals(new int[] {0, 0}, Split.testShares(new int[] {5, 5}, 0));
    }

    @Test
    void badRatiosAreRefused() {
        Dataset d = Generators.moons(20, 0, 0);
        for (double ratio : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
            GeneratorsTest.assertMessage("test ratio must be at least 0 and below 1, got " + ratio,
                    () -> Split.stratified(d, ratio, 0));
        }
    }

    @Test
    void datasetSubsetsCopyAndValidate() {
        Dataset d = new Dataset(new double[][] {{0, 1}, {2, 3}, {4, 5}}, new int[] {0, 1, 1}, 2);
        Dataset s = d.subset(new int[] {2, 0});
        assertArrayEquals(new double[][] {{4, 5}, {0, 1}}, s.x());
        assertArrayEquals(new int[] {1, 0}, s.y());
        double[][] leaked = d.x();
        leaked[0][0] = 99;
        assertEquals(0.0, d.x1(0), "accessors hand out copies");
        assertArrayEquals(new double[] {0, 4, 1, 5}, d.bounds());
        GeneratorsTest.assertMessage("there are 2 points but 1 labels", () -> new Dataset(new double[2][2], new int[1], 2));
        GeneratorsTest.assertMessage("row 1 has label 2, expected 0..1",
                () -> new Dataset(new double[][] {{0, 0}, {1, 1}}, new int[] {0, 2}, 2));
        GeneratorsTest.assertMessage("row 0 has a non-finite coordinate: [NaN, 0.0]",
                () -> new Dataset(new double[][] {{Double.NaN, 0}}, new int[] {0}, 2));
        GeneratorsTest.assertMessage("row 0 must hold exactly 2 coordinates, got 3",
                () -> new Dataset(new double[][] {{0, 0, 0}}, new int[] {0}, 2));
    }
}
