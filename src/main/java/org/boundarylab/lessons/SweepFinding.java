package org.boundarylab.lessons;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.boundarylab.training.sweep.SettingStats;

/**
 * A width sweep's finding in one sentence with its numbers, as a teacher would say it: "test
 * accuracy peaked at width 3 (0.86) and fell to 0.79 at width 100, while training accuracy
 * reached 1.00". Read from the per-width means over the seeds.
 */
public final class SweepFinding {
    private SweepFinding() {
    }

    /** The sentence for a hidden-width sweep's table (setting order), or empty when it has no usable means. */
    public static Optional<String> of(List<SettingStats> table) {
        List<SettingStats> usable = table.stream().filter(s -> !s.allDiverged()
                && Double.isFinite(s.meanTestAccuracy()) && Double.isFinite(s.meanTrainAccuracy())).toList();
        if (usable.size() < 2) {
            return Optional.empty();
        }
        SettingStats narrow = usable.get(0);
        SettingStats wide = usable.get(0);
        SettingStats peak = usable.get(0);
        for (SettingStats s : usable) {
            if (s.setting() < narrow.setting()) {
                narrow = s;
            }
            if (s.setting() > wide.setting()) {
                wide = s;
            }
            if (s.meanTestAccuracy() > peak.meanTestAccuracy()) {
                peak = s;
            }
        }
        String test;
        if (peak == wide) {
            test = String.format(Locale.ROOT, "test accuracy rose to %.2f at width %s, the widest", wide.meanTestAccuracy(),
                    width(wide));
        } else if (peak == narrow) {
            test = String.format(Locale.ROOT, "test accuracy was highest at width %s, the narrowest (%.2f), and was "
                    + "%.2f at width %s", width(narrow), narrow.meanTestAccuracy(), wide.meanTestAccuracy(), width(wide));
        } else {
            test = String.format(Locale.ROOT, "test accuracy peaked at width %s (%.2f) and %s %.2f at width %s",
                    width(peak), peak.meanTestAccuracy(),
                    wide.meanTestAccuracy() < peak.meanTestAccuracy() - 0.005 ? "fell to" : "stayed near",
                    wide.meanTestAccuracy(), width(wide));
        }
        String train = String.format(Locale.ROOT, "training accuracy %s %.2f", wide.meanTrainAccuracy()
                >= narrow.meanTrainAccuracy() ? "reached" : "was", wide.meanTrainAccuracy());
        return Optional.of(test + ", while " + train + " (means over the seeds)");
    }

    private static String width(SettingStats s) {
        return s.label();
    }
}
