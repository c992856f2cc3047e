package org.boundarylab.metrics;

/** The checks every metric makes on a pair of label arrays before counting. */
final class Labels {
    private Labels() {
    }

    static void check(int[] actual, int[] predicted, int classes) {
        checkPair(actual, predicted);
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes) {
                throw new IllegalArgumentException("actual label " + actual[i] + " at row " + i
                        + " is outside 0.." + (classes - 1));
            }
            if (predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("predicted label " + predicted[i] + " at row " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
    }

    static void checkPair(int[] actual, int[] predicted) {
        if (actual == null || predicted == null) {
            throw new IllegalArgumentException("actual and predicted labels must not be null");
        }
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual labels but " + predicted.length + " predictions");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no labels to score");
        }
    }
}
