package org.boundarylab.training.sweep;

/**
 * Mean and standard deviation over the finished seeds of one setting that did not diverge. The
 * deviation is the sample one (n - 1), 0 for a single seed. Runs that diverged are counted apart
 * ({@code diverged}, included in {@code runs}) and left out of the figures, so a setting shows how
 * many diverged instead of NaN or infinity; when all diverged the figures are NaN.
 */
public record SettingStats(int settingIndex, double setting, String label, int runs, int diverged,
                           double meanTrainLoss, double stdTrainLoss, double meanTestLoss, double stdTestLoss,
                           double meanTrainAccuracy, double stdTrainAccuracy,
                           double meanTestAccuracy, double stdTestAccuracy) {

    /** Whether every finished run of this setting diverged (its figures are then NaN). */
    public boolean allDiverged() {
        return runs > 0 && diverged == runs;
    }

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
