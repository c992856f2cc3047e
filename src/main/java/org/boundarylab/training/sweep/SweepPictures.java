package org.boundarylab.training.sweep;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.boundarylab.data.Dataset;
import org.boundarylab.nn.Features;
import org.boundarylab.render.BoundaryImage;
import org.boundarylab.render.Viewport;

/**
 * The small multiples of a sweep drawn without a window: one decision-boundary thumbnail per
 * setting (its first seed's network) captioned with that run's train and test accuracy. The
 * viewport covers train and test points so every thumbnail shows the same region.
 */
public final class SweepPictures {
    public static final int THUMBNAIL = 200;
    private static final int GAP = 8;

    private SweepPictures() {
    }

    /** Short name of a setting for captions: "h=5", "h=5x2" (two layers of 5), "L2=0.001", "n=100". */
    public static String settingName(SweepSpec spec, int setting) {
        String v = spec.label(setting);
        return switch (spec.kind()) {
            case HIDDEN_WIDTH -> "h=" + v + (spec.layersPerSetting() > 1 ? "x" + spec.layersPerSetting() : "");
            case L2 -> "L2=" + v;
            case TRAIN_SIZE -> "n=" + v;
        };
    }

    /** "h=5  train 0.97  test 0.95" (test left out when there is no test set). */
    public static String caption(SweepSpec spec, SweepResult r) {
        return caption(spec, r, false);
    }

    /** With {@code compact}, "h=5 train .97 test .95": fits a 160-pixel thumbnail. A run that diverged says so: "h=5  diverged". */
    public static String caption(SweepSpec spec, SweepResult r, boolean compact) {
        String gap = compact ? " " : "  ";
        if (r.diverged()) {
            return settingName(spec, r.settingIndex()) + gap + "diverged";
        }
        String s = settingName(spec, r.settingIndex()) + gap + "train " + accuracy(r.trainAccuracy(), compact);
        return Double.isNaN(r.testAccuracy()) ? s : s + gap + "test " + accuracy(r.testAccuracy(), compact);
    }

    private static String accuracy(double a, boolean compact) {
        if (Double.isNaN(a)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.2f", a);
        return compact && s.startsWith("0.") ? s.substring(1) : s;
    }

    /** The view every thumbnail shares: train and test points with a margin. */
    public static Viewport viewport(Dataset train, Dataset test) {
        List<double[]> all = new ArrayList<>(List.of(train.x()));
        if (test != null) {
            all.addAll(List.of(test.x()));
        }
        return Viewport.around(all.toArray(new double[0][]), 0.1);
    }

    public static BufferedImage thumbnail(SweepSpec spec, SweepResult r, Dataset train, Dataset test,
                                          Viewport view, int size) {
        return thumbnail(spec, r, train, view, size, caption(spec, r, size < THUMBNAIL));
    }

    public static BufferedImage thumbnail(SweepSpec spec, SweepResult r, Dataset train, Viewport view, int size,
                                          String caption) {
        return thumbnail(spec, r, train, view, size, caption, Features.DEFAULT);
    }

    /** A thumbnail of a run whose network is fed {@code features} of each point. */
    public static BufferedImage thumbnail(SweepSpec spec, SweepResult r, Dataset train, Viewport view, int size,
                                          String caption, Features features) {
        if (r.network() == null) {
            throw new IllegalArgumentException("run " + r.settingLabel() + "/" + r.seed()
                    + " kept no network; only the first seed of each setting does");
        }
        // training points only, as the tutorials plot them: at thumbnail size a test set's outlines hide the boundary
        BoundaryImage.Scene scene = new BoundaryImage.Scene(r.network(), view, train.x(), train.y(),
                new double[0][], new int[0], features);
        return BoundaryImage.render(scene, BoundaryImage.Style.thumbnail(size, caption));
    }

    /** All first-seed thumbnails in setting order, laid out in rows of up to four. */
    public static BufferedImage grid(SweepSpec spec, List<SweepResult> results, Dataset train, Dataset test) {
        return grid(spec, results, train, test, Features.DEFAULT);
    }

    /** As above, for runs whose networks are fed {@code features} of each point. */
    public static BufferedImage grid(SweepSpec spec, List<SweepResult> results, Dataset train, Dataset test,
                                     Features features) {
        Viewport view = viewport(train, test);
        List<BufferedImage> tiles = new ArrayList<>();
        results.stream()
                .filter(SweepResult::hasNetwork)
                .sorted((a, b) -> Integer.compare(a.settingIndex(), b.settingIndex()))
                .forEach(r -> tiles.add(thumbnail(spec, r, train, view, THUMBNAIL,
                        caption(spec, r, false), features)));
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no finished run to draw");
        }
        int columns = tiles.size() <= 4 ? tiles.size() : (int) Math.ceil(tiles.size() / 2.0);
        return BoundaryImage.grid(tiles, Math.min(columns, 4), GAP);
    }
}
