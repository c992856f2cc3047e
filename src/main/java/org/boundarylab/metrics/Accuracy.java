package org.boundarylab.metrics;

/** The share of predictions that equal the actual label. */
public final class Accuracy {
    private Accuracy() {
    }

    /** Correct predictions divided by the number of rows; refuses empty or mismatched arrays. */
    public static double of(int[] actual, int[] predicted) {
        Labels.checkPair(actual, predicted);
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == predicted[i]) {
                right++;
            }
        }
        return (double) right / actual.length;
    }
}
