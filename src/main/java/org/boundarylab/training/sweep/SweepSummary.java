package org.boundarylab.training.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Per-setting means and deviations over seeds, and the setting that did best on the test set. */
public final class SweepSummary {
    private final List<SettingStats> settings;

    private SweepSummary(List<SettingStats> settings) {
        this.settings = List.copyOf(settings);
    }

    /** Summarises any finished results (a cancelled sweep summarises what it has). */
    public static SweepSummary of(List<SweepResult> results) {
        TreeMap<Integer, List<SweepResult>> bySetting = new TreeMap<>();
        for (SweepResult r : results) {
            bySetting.computeIfAbsent(r.settingIndex(), k -> new ArrayList<>()).add(r);
        }
        List<SettingStats> stats = new ArrayList<>();
        for (List<SweepResult> rs : bySetting.values()) {
            SweepResult first = rs.get(0);
            List<SweepResult> fine = rs.stream().filter(r -> !r.diverged()).toList();
            double[] trainLoss = fine.stream().mapToDouble(SweepResult::trainLoss).toArray();
            double[] testLoss = fine.stream().mapToDouble(SweepResult::testLoss).toArray();
            double[] trainAcc = fine.stream().mapToDouble(SweepResult::trainAccuracy).toArray();
            double[] testAcc = fine.stream().mapToDouble(SweepResult::testAccuracy).toArray();
            stats.add(new SettingStats(first.settingIndex(), first.setting(), first.settingLabel(), rs.size(),
                    rs.size() - fine.size(),
                    mean(trainLoss), std(trainLoss), mean(testLoss), std(testLoss),
                    mean(trainAcc), std(trainAcc), mean(testAcc), std(testAcc)));
        }
        return new SweepSummary(stats);
    }

    /** In setting order; only settings with at least one finished run. */
    public List<SettingStats> settings() {
        return settings;
    }

    /**
     * The setting with the highest mean test accuracy; ties go to the lower mean test loss, then
     * to the earlier setting (for widths and sizes listed in order: the smaller model). A setting
     * with a run that diverged is never the best: its training is not to be trusted.
     */
    public Optional<SettingStats> bestTest() {
        SettingStats best = null;
        for (SettingStats s : settings) {
            if (s.diverged() > 0 || Double.isNaN(s.meanTestAccuracy())) {
                continue;
            }
            if (best == null || s.meanTestAccuracy() > best.meanTestAccuracy()
                    || (s.meanTestAccuracy() == best.meanTestAccuracy()
                    && s.meanTestLoss() < best.meanTestLoss())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    static double std(double[] v) {
        if (v.length < 2) {
            return v.length == 0 || Double.isNaN(v[0]) ? Double.NaN : 0;
        }
        double m = mean(v);
        double sq = 0;
        for (double x : v) {
            sq += (x - m) * (x - m);
        }
        return Math.sqrt(sq / (v.length - 1));
    }
}
