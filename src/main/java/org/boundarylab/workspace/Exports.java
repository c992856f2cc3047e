package org.boundarylab.workspace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.boundarylab.data.Dataset;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.metrics.ClassificationReport;
import org.boundarylab.metrics.ConfusionMatrix;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Network;
import org.boundarylab.render.BoundaryImage;
import org.boundarylab.render.Palette;
import org.boundarylab.render.Viewport;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.lessons.SettingsJson;

/**
 * What a student hands in, written without any window: the loss history as CSV, the
 * classification report as text, the decision boundary as PNG and the model as JSON. Every file
 * is written atomically.
 */
public final class Exports {
    public static final String LOSS_HEADER = "epoch,train_loss,test_loss,train_accuracy,test_accuracy";

    /** Margin around the data, as the lab's canvas shows it. */
    public static final double VIEW_MARGIN = 0.1;

    /** Picture options: size in pixels at scale 1, axes on or off, a legend, and the scale (2 for slides). */
    public record PngOptions(int width, int height, boolean axes, boolean legend, double scale) {
        public PngOptions {
            if (width < 16 || height < 16 || width > 4096 || height > 4096) {
                throw new IllegalArgumentException("picture size must be 16 to 4096 pixels a side, got " + width
                        + "x" + height);
            }
            if (!(scale >= 1 && scale <= 4)) {
                throw new IllegalArgumentException("picture scale must be from 1 to 4, got " + scale);
            }
        }

        public static PngOptions screen() {
            return new PngOptions(640, 480, true, true, 1);
        }

        /** Twice the pixels and twice the lines, points and letters, for a projector slide. */
        public static PngOptions slides() {
            return new PngOptions(640, 480, true, true, 2);
        }

        public PngOptions withAxes(boolean on) {
            return new PngOptions(width, height, on, legend, scale);
        }

        public PngOptions withLegend(boolean on) {
            return new PngOptions(width, height, axes, on, scale);
        }
    }

    private Exports() {
    }

    // ---- loss history --------------------------------------------------------------------------

    /** The rows as CSV with {@link #LOSS_HEADER}; unknown figures (no test data) are left empty. */
    public static String lossHistoryCsv(List<TrainingHistory.Row> rows) {
        StringBuilder s = new StringBuilder(LOSS_HEADER).append('\n');
        for (TrainingHistory.Row r : rows) {
            s.append(r.epoch()).append(',').append(figure(r.trainLoss())).append(',').append(figure(r.testLoss()))
                    .append(',').append(figure(r.trainAccuracy())).append(',').append(figure(r.testAccuracy()))
                    .append('\n');
        }
        return s.toString();
    }

    public static void lossHistoryCsv(TrainingHistory history, Path file) throws IOException {
        AtomicFiles.writeString(file, lossHistoryCsv(history.rows()));
    }

    private static String figure(double v) {
        // Java's shortest round-trip form, so a spreadsheet or a script reads back the same double
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    // ---- classification report ------------------------------------------------------------------

    /** Report and confusion matrix for train and test, laid out as tutorial 000 prints them. */
    public static String classificationReport(Network network, Dataset train, Dataset test) {
        StringBuilder s = new StringBuilder();
        s.append("Network ").append(network.architecture()).append("\n\n");
        section(s, "Training data", network, train);
        section(s, "Test data", network, test);
        return s.toString();
    }

    public static void classificationReport(Network network, Dataset train, Dataset test, Path file)
            throws IOException {
        AtomicFiles.writeString(file, classificationReport(network, train, test));
    }

    private static void section(StringBuilder s, String title, Network network, Dataset data) {
        s.append(title).append(" (").append(data.size()).append(" points)\n");
        if (data.isEmpty()) {
            s.append("  no points\n\n");
            return;
        }
        int classes = Math.max(data.classes(), network.architecture().classes());
        int[] predicted = network.predictClasses(data.x());
        ConfusionMatrix matrix = ConfusionMatrix.of(data.y(), predicted, classes);
        s.append(ClassificationReport.of(matrix).format()).append('\n');
        s.append("Confusion matrix (rows: actual, columns: predicted)\n");
        s.append(matrix.format()).append('\n');
        s.append(String.format(Locale.ROOT, "Accuracy: %.4f%n%n", matrix.accuracy()));
    }

    // ---- boundary picture -----------------------------------------------------------------------

    /** The view the lab shows for this data: all points with a margin. */
    public static Viewport viewportOf(Dataset train, Dataset test) {
        double[][] all = new double[train.size() + test.size()][];
        double[][] tx = train.x();
        double[][] sx = test.x();
        System.arraycopy(tx, 0, all, 0, tx.length);
        System.arraycopy(sx, 0, all, tx.length, sx.length);
        return Viewport.around(all, VIEW_MARGIN);
    }

    /** The boundary picture: heat map, decision lines, points, optionally axes and a legend. */
    public static BufferedImage boundaryImage(Network network, Dataset train, Dataset test, Viewport view,
                                              PngOptions o) {
        int w = (int) Math.round(o.width() * o.scale());
        int h = (int) Math.round(o.height() * o.scale());
        int legendH = o.legend() ? (int) Math.round(24 * o.scale()) : 0;
        BufferedImage plot = BoundaryImage.render(
                new BoundaryImage.Scene(network, view, train.x(), train.y(), test.x(), test.y()),
                new BoundaryImage.Style(w, h - legendH, o.axes(), null, o.scale()));
        if (!o.legend()) {
            return plot;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(plot, 0, 0, null);
            drawLegend(g, Math.max(train.classes(), network.architecture().classes()), h - legendH, w, legendH,
                    o.scale());
        } finally {
            g.dispose();
        }
        return out;
    }

    /** One swatch per class, then a filled dot for training points and a ring for test points. */
    private static void drawLegend(Graphics2D g, int classes, int top, int width, int height, double s) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * s)));
        FontMetrics fm = g.getFontMetrics();
        double r = 5 * s;
        double cy = top + height / 2.0;
        double x = 8 * s;
        int baseline = (int) Math.round(cy + fm.getAscent() / 2.0 - 1);
        for (int c = 0; c < classes; c++) {
            g.setColor(new Color(Palette.classArgb(c), true));
            g.fill(new Ellipse2D.Double(x, cy - r, 2 * r, 2 * r));
            x += 2 * r + 4 * s;
            g.setColor(Color.DARK_GRAY);
            String label = "class " + c;
            g.drawString(label, (int) Math.round(x), baseline);
            x += fm.stringWidth(label) + 12 * s;
        }
        g.setColor(Color.DARK_GRAY);
        g.fill(new Ellipse2D.Double(x, cy - r, 2 * r, 2 * r));
        x += 2 * r + 4 * s;
        g.drawString("train", (int) Math.round(x), baseline);
        x += fm.stringWidth("train") + 12 * s;
        g.setStroke(new BasicStroke((float) (1.5 * s)));
        g.draw(new Ellipse2D.Double(x, cy - r, 2 * r, 2 * r));
        x += 2 * r + 4 * s;
        if (x < width) {
            g.drawString("test", (int) Math.round(x), baseline);
        }
    }

    public static void boundaryPng(Network network, Dataset train, Dataset test, PngOptions options, Path file)
            throws IOException {
        BufferedImage image = boundaryImage(network, train, test, viewportOf(train, test), options);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    // ---- model ----------------------------------------------------------------------------------

    /** The model file, with the lab settings beside it as an extra key (readers that do not need them ignore it). */
    public static void modelJson(Network network, LabSettings settings, Path file) throws IOException {
        ModelFiles.write(file, network, settings == null ? java.util.Map.of()
                : java.util.Map.of("lab_settings", SettingsJson.toJson(settings)));
    }
}
