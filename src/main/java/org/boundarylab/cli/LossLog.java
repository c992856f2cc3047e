package org.boundarylab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a training run's loss log: {@code epoch,train_loss} and, with a test set,
 * {@code test_loss,train_accuracy,test_accuracy}; all for the weights before that epoch's
 * update. Numbers are printed in Java's shortest round-trip form so nothing is lost.
 */
final class LossLog {
    private final boolean withTest;
    private final List<Long> epochs = new ArrayList<>();
    private final List<Double> trainLoss = new ArrayList<>();
    private final List<Double> testLoss = new ArrayList<>();
    private final List<Double> trainAccuracy = new ArrayList<>();
    private final List<Double> testAccuracy = new ArrayList<>();

    LossLog(boolean withTest) {
        this.withTest = withTest;
    }

    String header() {
        return withTest ? "epoch,train_loss,test_loss,train_accuracy,test_accuracy" : "epoch,train_loss";
    }

    void add(long epoch, double train) {
        if (withTest) {
            throw new IllegalStateException("this log has test columns");
        }
        epochs.add(epoch);
        trainLoss.add(train);
    }

    void add(long epoch, double train, double test, double trainAcc, double testAcc) {
        if (!withTest) {
            throw new IllegalStateException("this log has no test columns");
        }
        epochs.add(epoch);
        trainLoss.add(train);
        testLoss.add(test);
        trainAccuracy.add(trainAcc);
        testAccuracy.add(testAcc);
    }

    int size() {
        return epochs.size();
    }

    String toCsv() {
        StringBuilder s = new StringBuilder(header()).append('\n');
        for (int r = 0; r < epochs.size(); r++) {
            s.append(epochs.get(r)).append(',').append(trainLoss.get(r));
            if (withTest) {
                s.append(',').append(testLoss.get(r))
                        .append(',').append(trainAccuracy.get(r))
                        .append(',').append(testAccuracy.get(r));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** The same columns for the model file's "history" key. Non-finite values become null to stay valid JSON. */
    Map<String, Object> toJson() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("epoch", List.copyOf(epochs));
        h.put("train_loss", finiteOrNull(trainLoss));
        if (withTest) {
            h.put("test_loss", finiteOrNull(testLoss));
            h.put("train_accuracy", finiteOrNull(trainAccuracy));
            h.put("test_accuracy", finiteOrNull(testAccuracy));
        }
        return h;
    }

    private static List<Double> finiteOrNull(List<Double> values) {
        List<Double> out = new ArrayList<>(values.size());
        for (Double v : values) {
            out.add(Double.isFinite(v) ? v : null);
        }
        return out;
    }
}
