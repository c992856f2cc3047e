package org.boundarylab.training.sweep;

/**
 * Mean and standard deviation over the finished seeds of one setting. The deviation is the
 * sample one (n - 1), 0 for a single seed. Runs that diverged count with their NaN losses, so a
 * setting that diverges shows NaN rather than hiding it.
 */
public record SettingStats(int settingIndex, double setting, String label, int runs,
                           double meanTrainLoss, double stdTrainLoss, double meanTestLoss, double stdTestLoss,
                           double meanTrainAccuracy, double stdTrainAccuracy,
                           double meanTestAccuracy, double stdTestAccuracy) {

    public double mean(Metric m, boolean testSet) {
        return switch (m) {
            case ACCURACY -> testSet ? meanTestAccuracy : meanTrainAccuracy;
            case LOSS -> testSet ? meanTestLoss : meanTrainLoss;
        };
    }

    public double std(Metric m, boolean testSet) {
        return switch (m) {
            case ACCURACY -> testSet ? stdTestAccuracy : stdTrainAccuracy;
            case LOSS -> testSet ? stdTestLoss : stdTrainLoss;
        };
    }

    /** What a sweep chart or table shows. */
    public enum Metric {
        ACCURACY("Accuracy"), LOSS("Loss");

        private final String displayName;

        Metric(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String toString() {
            return displayName;
        }
    }
}
