package org.boundarylab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassificationReportTest {
    private static final double EPS = 1e-12;

    @Test
    void threeClassFiguresMatchTheHandComputation() {
        // actual    0 0 1 1 1 2
        // predicted 0 1 1 1 0 2
        // class 0: tp 1, fp 1 (a 1 called 0), fn 1 (a 0 called 1) -> P 1/2, R 1/2, F1 2/4 = 1/2, support 2
        // class 1: tp 2, fp 1, fn 1                                -> P 2/3, R 2/3, F1 4/6 = 2/3, support 3
        // class 2: tp 1, fp 0, fn 0                                -> P 1,   R 1,   F1 1,         support 1
        // accuracy 4/6; macro P = R = F1 = (1/2 + 2/3 + 1)/3 = 13/18;
        // weighted P = R = F1 = (2*1/2 + 3*2/3 + 1*1)/6 = 4/6
        ClassificationReport r = ClassificationReport.of(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 1, 1, 0, 2}, 3);
        double[] p = {0.5, 2.0 / 3, 1.0};
        int[] support = {2, 3, 1};
        for (int c = 0; c < 3; c++) {
            assertEquals(p[c], r.precision(c), EPS, "precision " + c);
            assertEquals(p[c], r.recall(c), EPS, "recall " + c);
            assertEquals(p[c], r.f1(c), EPS, "f1 " + c);
            assertEquals(support[c], r.support(c));
        }
        assertEquals(4.0 / 6, r.accuracy(), EPS);
        assertEquals(13.0 / 18, r.macroAvgPrecision(), EPS);
        assertEquals(13.0 / 18, r.macroAvgRecall(), EPS);
        assertEquals(13.0 / 18, r.macroAvgF1(), EPS);
        assertEquals(4.0 / 6, r.weightedAvgPrecision(), EPS);
        assertEquals(4.0 / 6, r.weightedAvgRecall(), EPS);
        assertEquals(4.0 / 6, r.weightedAvgF1(), EPS);
        assertEquals(6, r.totalSupport());
        assertEquals("""
                              precision    recall  f1-score   support

                           0       0.50      0.50      0.50         2
                           1       0.67      0.67      0.67         3
                           2       1.00      1.00      1.00         1

                    accuracy                           0.67         6
                   macro avg       0.72      0.72      0.72         6
                weighted avg       0.67      0.67      0.67         6
                """, r.format());
    }

    @Test
    void binaryReportIsPrintedExactlyAsScikitLearnPrintsIt() {
        // actual    0 0 0 1 1
        // predicted 0 1 0 1 1
        // class 0: tp 2, fp 0, fn 1 -> P 1, R 2/3, F1 4/5; class 1: tp 2, fp 1, fn 0 -> P 2/3, R 1, F1 4/5
        // macro P = R = 5/6 (0.83), F1 0.80; weighted P = (3*1 + 2*2/3)/5 = 13/15 (0.87), R = 4/5, F1 = 4/5
        ClassificationReport r = ClassificationReport.of(new int[] {0, 0, 0, 1, 1}, new int[] {0, 1, 0, 1, 1}, 2);
        assertEquals(13.0 / 15, r.weightedAvgPrecision(), EPS);
        assertEquals(5.0 / 6, r.macroAvgRecall(), EPS);
        assertEquals("              precision    recall  f1-score   support\n"
                + "\n"
                + "           0       1.00      0.67      0.80         3\n"
                + "           1       0.67      1.00      0.80         2\n"
                + "\n"
                + "    accuracy                           0.80         5\n"
                + "   macro avg       0.83      0.83      0.80         5\n"
                + "weighted avg       0.87      0.80      0.80         5\n", r.format());
    }

    @Test
    void scikitLearnDocumentationExampleGivesTheSameFigures() {
        // classification_report([0, 1, 2, 2, 2], [0, 0, 2, 2, 1]) from the scikit-learn docs:
        // class 0: P 1/2, R 1, F1 2/3; class 1: P 0, R 0, F1 0; class 2: P 1, R 2/3, F1 4/5
        ClassificationReport r = ClassificationReport.of(new int[] {0, 1, 2, 2, 2}, new int[] {0, 0, 2, 2, 1}, 3);
        assertEquals("""
                              precision    recall  f1-score   support

                           0       0.50      1.00      0.67         1
                           1       0.00      0.00      0.00         1
                           2       1.00      0.67      0.80         3

                    accuracy                           0.60         5
                   macro avg       0.50      0.56      0.49         5
                weighted avg       0.70      0.60      0.61         5
                """, r.format());
    }

    @Test
    void zeroDivisionGivesZeroLikeScikitLearnsDefault() {
        // actual 0 0 1 1, everything predicted 0, class 2 never seen:
        // class 0: P 2/4, R 1, F1 2*2/(4+2) = 2/3; class 1: nothing predicted -> P 0, R 0/2, F1 0;
        // class 2: no support and no predictions -> all 0
        // macro P = 0.5/3 = 1/6, R = 1/3, F1 = 2/9; weighted P = 2*0.5/4 = 1/4, R = 2/4, F1 = 2*(2/3)/4 = 1/3
        ClassificationReport r = ClassificationReport.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0}, 3);
        assertEquals(0.0, r.precision(1));
        assertEquals(0.0, r.recall(1));
        assertEquals(0.0, r.f1(1));
        assertEquals(0.0, r.precision(2));
        assertEquals(0.0, r.recall(2));
        assertEquals(0, r.support(2));
        assertEquals(1.0 / 6, r.macroAvgPrecision(), EPS);
        assertEquals(2.0 / 9, r.macroAvgF1(), EPS);
        assertEquals(0.25, r.weightedAvgPrecision(), EPS);
        assertEquals(1.0 / 3, r.weightedAvgF1(), EPS);
        assertEquals("""
                              precision    recall  f1-score   support

                           0       0.50      1.00      0.67         2
                           1       0.00      0.00      0.00         2
                           2       0.00      0.00      0.00         0

                    accuracy                           0.50         4
                   macro avg       0.17      0.33      0.22         4
                weighted avg       0.25      0.50      0.33         4
                """, r.format());
    }

    @Test
    void numbersRoundHalfToEvenOnTheirExactValueAsPythonDoes() {
        assertEquals("0.12", ClassificationReport.fixed(0.125, 2));  // exact tie, even neighbour
        assertEquals("0.38", ClassificationReport.fixed(0.375, 2));  // exact tie, even neighbour
        assertEquals("0.68", ClassificationReport.fixed(0.675, 2));  // stored as 0.67500000000000004...
        assertEquals("1.00", ClassificationReport.fixed(1.005, 2));  // stored as 1.00499999999999989...
        assertEquals("0.14", ClassificationReport.fixed(0.145, 2));  // stored as 0.14499999999999999...
        assertEquals("1.00", ClassificationReport.fixed(0.999, 2));
        assertEquals("0.667", ClassificationReport.fixed(2.0 / 3, 3));
    }

    @Test
    void moreDigitsWidenOnlyTheNumbers() {
        ClassificationReport r = ClassificationReport.of(new int[] {0, 0, 0, 1, 1}, new int[] {0, 1, 0, 1, 1}, 2);
        String four = r.format(4);
        assertEquals("           0     1.0000    0.6667    0.8000         3", four.lines().toList().get(2));
    }

    @Test
    void accuracyCountsMatches() {
        assertEquals(4.0 / 6, Accuracy.of(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 1, 1, 0, 2}), EPS);
        assertEquals(1.0, Accuracy.of(new int[] {3}, new int[] {3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[0], new int[0]));
        assertEquals("no labels to score", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[2], new int[3]));
        assertEquals("2 actual labels but 3 predictions", e.getMessage());
    }
}
