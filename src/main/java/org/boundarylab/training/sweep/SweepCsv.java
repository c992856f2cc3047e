package org.boundarylab.training.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.boundarylab.io.AtomicFiles;

/**
 * The sweep table: one row per run, in setting/seed order whatever order the runs finished in. The
 * last column says whether the run diverged ({@code true}: its weights or a loss stopped being
 * finite numbers; its losses are then {@code nan} or {@code inf}).
 */
public final class SweepCsv {
    public static final String HEADER = "setting,seed,train_loss,test_loss,train_accuracy,test_accuracy,epochs,seconds,diverged";

    private SweepCsv() {
    }

    public static String format(List<SweepResult> results) {
        List<SweepResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(SweepResult::settingIndex).thenComparingInt(SweepResult::seedIndex));
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (SweepResult r : sorted) {
            s.append(r.settingLabel()).append(',')
                    .append(r.seed()).append(',')
                    .append(number(r.trainLoss())).append(',')
                    .append(number(r.testLoss())).append(',')
                    .append(number(r.trainAccuracy())).append(',')
                    .append(number(r.testAccuracy())).append(',')
                    .append(r.epochs()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.seconds())).append(',')
                    .append(r.diverged()).append('\n');
        }
        return s.toString();
    }

    /** Writes the table atomically, so a crash never leaves half a table. */
    public static void write(List<SweepResult> results, Path file) throws IOException {
        AtomicFiles.writeString(file, format(results));
    }

    /** The table for a batch of files ({@link AtomicFiles.Batch}). */
    public static AtomicFiles.ContentWriter content(List<SweepResult> results) {
        byte[] bytes = format(results).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return out -> out.write(bytes);
    }

    /** Full precision (Double.toString round-trips), "nan" for a missing test set or a diverged run. */
    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }
}
