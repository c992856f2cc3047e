package org.boundarylab.training.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.TrainingOptions;

/**
 * A sweep: which setting varies and over which values, how many seeds each value gets, how many
 * epochs each run trains, and the settings every run shares.
 *
 * @param layersPerSetting for a width sweep, how many hidden layers of that width (1 to 3)
 */
public record SweepSpec(SweepKind kind, double[] values, int layersPerSetting, int seeds, int epochs,
                        RunSettings base) {

    public static final int DEFAULT_SEEDS = 5;
    public static final double[] TUTORIAL_WIDTHS = {1, 2, 3, 4, 5, 20, 50};
    /** Widths above this make thumbnails and runs too slow to be useful in a classroom sweep. */
    public static final int MAX_WIDTH = 1000;
    /** Settings one sweep compares at most (each trains several networks and draws a thumbnail). */
    public static final int MAX_VALUES = 100;

    public SweepSpec {
        if (kind == null || base == null) {
            throw new IllegalArgumentException("the sweep kind and the base settings must be given");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one value");
        }
        if (values.length > MAX_VALUES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%,d values are more than the %d one sweep compares", values.length, MAX_VALUES));
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            String where = "value " + (i + 1) + " (" + v + ")";
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where + " is not a finite number");
            }
            switch (kind) {
                case HIDDEN_WIDTH -> {
                    if (v != Math.rint(v) || v < 1 || v > MAX_WIDTH) {
                        throw new IllegalArgumentException(where + ": a hidden width must be a whole number from 1 to "
                                + MAX_WIDTH);
                    }
                }
                case TRAIN_SIZE -> {
                    if (v != Math.rint(v) || v < 2) {
                        throw new IllegalArgumentException(where + ": a training-set size must be a whole number >= 2");
                    }
                }
                case L2 -> {
                    if (v < 0) {
                        throw new IllegalArgumentException(where + ": an L2 strength must be >= 0");
                    }
                }
            }
            for (int j = 0; j < i; j++) {
                if (values[j] == v) {
                    throw new IllegalArgumentException(where + " appears twice");
                }
            }
        }
        if (layersPerSetting < 1 || layersPerSetting > 3) {
            throw new IllegalArgumentException("layers per setting must be 1, 2 or 3, got " + layersPerSetting);
        }
        if (seeds < 1 || seeds > 100) {
            throw new IllegalArgumentException("seeds per setting must be from 1 to 100, got " + seeds);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }

    /** The tutorials' width sweep 1,2,3,4,5,20,50 with one hidden layer. */
    public static SweepSpec widths(double[] widths, int seeds, int epochs, RunSettings base) {
        return new SweepSpec(SweepKind.HIDDEN_WIDTH, widths, 1, seeds, epochs, base);
    }

    /** Parses "1,2,3" (blanks allowed around the commas) into values, naming the bad entry. */
    public static double[] parseValues(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("give at least one value, e.g. 1,2,3,4,5,20,50");
        }
        String[] parts = text.split(",", -1);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("value " + (i + 1) + " of '" + text + "' is empty");
            }
            try {
                out.add(Double.parseDouble(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value " + (i + 1) + " of '" + text + "' ('" + p + "') is not a number");
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int settings() {
        return values.length;
    }

    public double value(int setting) {
        return values[setting];
    }

    public int runs() {
        return values.length * seeds;
    }

    /** The value as written in the CSV and captions: "5", "0.00005", "100". */
    public String label(int setting) {
        return format(values[setting]);
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /**
     * The weight seed (and mini-batch shuffle seed) of run {@code seed} of a setting: the base seed
     * plus the seed's index. It does not depend on the setting on purpose: every setting starts from
     * the same draws, as the tutorials reuse one seed for every width, so differences between
     * settings come from the setting and not from luck. It depends on nothing else (not the thread
     * or the order runs finish in), which makes results the same at any thread count.
     */
    public long seedFor(int setting, int seed) {
        if (setting < 0 || setting >= values.length || seed < 0 || seed >= seeds) {
            throw new IndexOutOfBoundsException("run (" + setting + ", " + seed + ") is outside the sweep");
        }
        return base.baseSeed() + seed;
    }

    public int[] hiddenWidthsFor(int setting) {
        if (kind != SweepKind.HIDDEN_WIDTH) {
            return base.hiddenWidths();
        }
        int[] w = new int[layersPerSetting];
        Arrays.fill(w, (int) values[setting]);
        return w;
    }

    public Architecture architectureFor(int setting, int inputs, int classes) {
        return base.architecture(inputs, hiddenWidthsFor(setting), classes);
    }

    public TrainingOptions trainingFor(int setting, int seed) {
        TrainingOptions t = base.training();
        if (kind == SweepKind.L2) {
            t = t.withRegularization(new Regularization(values[setting], t.regularization().l1()));
        }
        return new TrainingOptions(t.optimizer(), t.learningRate(), t.regularization(), t.batchSize(),
                seedFor(setting, seed));
    }

    /** Training examples for a setting, or -1 for the whole training set. */
    public int trainSizeFor(int setting) {
        return kind == SweepKind.TRAIN_SIZE ? (int) values[setting] : -1;
    }

    public SweepSpec withEpochs(int n) {
        return new SweepSpec(kind, values, layersPerSetting, seeds, n, base);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepSpec s && kind == s.kind && Arrays.equals(values, s.values)
                && layersPerSetting == s.layersPerSetting && seeds == s.seeds && epochs == s.epochs
                && base.equals(s.base);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + kind.hashCode() + epochs + seeds * 7;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.id()).append(" [");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(label(i));
        }
        return s.append("] x ").append(seeds).append(" seeds, ").append(epochs).append(" epochs").toString();
    }
}
