package org.boundarylab.ui;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.boundarylab.render.LossPlot;

/**
 * The train and test loss curves, painted on a canvas. A new {@link LossPlot} is a repaint of
 * this region alone: no axis nodes are made or laid out, so the window's layout pass does not
 * grow with every point of a running chart (a LineChart's axes re-measured their labels on
 * each update, which stalled the window for tens of milliseconds while a large network trained).
 *
 * <p>Train loss is a solid blue line, test loss a dashed vermillion one (Okabe-Ito, and
 * telling apart without colour); the legend sits inside the plot's top right corner.
 */
public final class LossChart extends Region {
    private static final Color TRAIN_LIGHT = Color.web("#0072B2");
    private static final Color TRAIN_DARK = Color.web("#56B4E9");
    private static final Color TEST = Color.web("#D55E00");
    private static final double PAD = 6;

    private final Canvas canvas = new Canvas();
    /** Measures tick labels; never shown. */
    private final Text measure = new Text();
    private LossPlot plot = LossPlot.empty(false);
    /** The epoch being looked at on the timeline; NaN while following the live run. */
    private double cursorEpoch = Double.NaN;
    /** Where the last paint put the plot, for turning a pointer position into an epoch. */
    private double paintedLeft = Double.NaN;
    private double paintedWidth = Double.NaN;
    private double scale = 1;
    private boolean dark;

    public LossChart() {
        getStyleClass().add("loss-chart");
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(320, 200);
    }

    /** Shows {@code next} (on the FX thread). */
    public void setPlot(LossPlot next) {
        plot = next;
        paint();
    }

    public LossPlot plot() {
        return plot;
    }

    /** Marks the epoch the timeline shows (NaN: none, the run is followed live). */
    public void setCursor(double epoch) {
        if (Double.compare(epoch, cursorEpoch) != 0) {
            cursorEpoch = epoch;
            paint();
        }
    }

    public double cursor() {
        return cursorEpoch;
    }

    /**
     * The epoch under {@code x} (in this region's coordinates) on the epoch axis as last painted,
     * clamped to the plotted range; NaN before the first paint.
     */
    public double epochAt(double x) {
        if (Double.isNaN(paintedLeft) || !(paintedWidth > 0)) {
            return Double.NaN;
        }
        double u = Math.max(0, Math.min(1, (x - paintedLeft) / paintedWidth)) * plot.xMax();
        return plot.logEpochs() ? Math.pow(10, u) - 1 : u;
    }

    /** Larger type and lines for presentation mode ({@code scale} 1 to 3), light or dark colours. */
    public void setAppearance(double scale, boolean dark) {
        if (!(scale >= 1 && scale <= 3)) {
            throw new IllegalArgumentException("chart scale must be from 1 to 3, got " + scale);
        }
        this.scale = scale;
        this.dark = dark;
        paint();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 40 || h < 40) {
            return;
        }
        Color text = dark ? Color.rgb(225, 225, 225) : Color.rgb(51, 51, 51);
        Color grid = dark ? Color.web("#44484f") : Color.rgb(230, 230, 230);
        Font tickFont = Font.font("System", 13 * scale);
        Font titleFont = Font.font("System", 14 * scale);
        double lineHeight = 17 * scale;

        // the left margin fits the widest y label and the vertical axis title beside it
        double plotTop = PAD + lineHeight / 2;
        double plotBottom = h - PAD - 2 * lineHeight - 4;
        int yCount = Math.max(2, (int) ((plotBottom - plotTop) / (32 * scale)));
        List<LossPlot.Tick> yTicks = plot.yTicks(yCount);
        double labelWidth = 0;
        measure.setFont(tickFont);
        for (LossPlot.Tick t : yTicks) {
            measure.setText(t.label());
            labelWidth = Math.max(labelWidth, measure.getLayoutBounds().getWidth());
        }
        double plotLeft = PAD + lineHeight + 4 + labelWidth + 6;
        double plotRight = w - PAD - 8 * scale; // room for the last x label's overhang
        double pw = plotRight - plotLeft;
        double ph = plotBottom - plotTop;
        if (pw < 20 || ph < 20) {
            return;
        }
        double yLo = Math.min(plot.yMin(), yTicks.isEmpty() ? plot.yMin() : yTicks.get(0).value());
        double yHi = Math.max(plot.yMax(), yTicks.isEmpty() ? plot.yMax() : yTicks.get(yTicks.size() - 1).value());
        double xHi = plot.xMax();
        int xCount = Math.max(2, (int) (pw / (62 * scale)));
        List<LossPlot.Tick> xTicks = plot.xTicks(xCount);

        paintedLeft = plotLeft;
        paintedWidth = pw;
        g.setFill(dark ? Color.web("#2b2f35") : Color.WHITE);
        g.fillRect(plotLeft, plotTop, pw, ph);

        // grid and tick labels
        g.setLineWidth(1);
        g.setStroke(grid); // solid: the software renderer draws a dashed line dash by dash
        g.setFont(tickFont);
        g.setFill(text);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (LossPlot.Tick t : yTicks) {
            double y = Math.round(plotBottom - (t.value() - yLo) / (yHi - yLo) * ph) + 0.5;
            g.strokeLine(plotLeft, y, plotRight, y);
            g.fillText(t.label(), plotLeft - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (LossPlot.Tick t : xTicks) {
            double x = Math.round(plotLeft + t.value() / xHi * pw) + 0.5;
            g.strokeLine(x, plotTop, x, plotBottom);
            g.fillText(t.label(), x, plotBottom + 4);
        }
        g.setStroke(text);
        g.strokeRect(Math.round(plotLeft) + 0.5, Math.round(plotTop) + 0.5, Math.round(pw) - 1, Math.round(ph) - 1);

        // axis titles
        g.setFont(titleFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(plot.xAxisLabel(), plotLeft + pw / 2, h - PAD);
        g.save();
        g.translate(PAD + lineHeight / 2 + 2, plotTop + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(plot.yAxisLabel(), 0, 0);
        g.restore();

        // the curves; the plot's ranges hold every point, so nothing needs a clip (a canvas clip
        // is a mask drawn on every repaint, the slowest thing a software renderer does here)
        double sx = pw / xHi;
        double sy = ph / (yHi - yLo);
        Color trainColor = dark ? TRAIN_DARK : TRAIN_LIGHT;
        fillBand(g, true, trainColor, plotLeft, plotBottom, sx, sy, yLo);
        fillBand(g, false, TEST, plotLeft, plotBottom, sx, sy, yLo);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double lineWidth = 2.5 * Math.min(scale, 1.6);
        g.setLineWidth(lineWidth);
        g.setStroke(trainColor);
        strokeCurve(g, true, plotLeft, plotBottom, sx, sy, yLo);
        g.setStroke(TEST);
        g.setLineDashes(8 * scale, 5 * scale);
        g.setLineCap(StrokeLineCap.BUTT);
        strokeCurve(g, false, plotLeft, plotBottom, sx, sy, yLo);
        g.setLineDashes();

        drawBest(g, plotLeft, plotTop, plotBottom, pw, sx, text);
        if (!Double.isNaN(cursorEpoch)) {
            double cx = Math.round(plotLeft + plot.xOf(cursorEpoch) * sx) + 0.5;
            g.setLineWidth(2 * Math.min(scale, 1.6));
            g.setStroke(text);
            g.strokeLine(cx, plotTop, cx, plotBottom);
        }
        drawLegend(g, plotRight, plotTop, lineWidth, tickFont, text);
    }

    /**
     * Marks the epoch of the lowest test loss with a thin vertical line and, where there is room,
     * says what stopping there would have given.
     */
    private void drawBest(GraphicsContext g, double left, double top, double bottom, double pw, double sx,
                          Color text) {
        LossPlot.Best best = plot.best();
        if (best == null || plot.size() < 3) {
            return;
        }
        double bx = Math.round(left + best.x() * sx) + 0.5;
        g.setLineWidth(1.5);
        g.setStroke(TEST);
        g.setLineDashes(3 * scale, 3 * scale);
        g.strokeLine(bx, top, bx, bottom);
        g.setLineDashes();
        String[] lines = bestLabel(best).split("\n");
        Font small = Font.font("System", 12 * scale);
        measure.setFont(small);
        double tw = 0;
        for (String line : lines) {
            measure.setText(line);
            tw = Math.max(tw, measure.getLayoutBounds().getWidth());
        }
        double lh = measure.getLayoutBounds().getHeight();
        double th = lh * lines.length;
        if (tw + 12 > pw) {
            return; // the line alone, when the words do not fit
        }
        // beside the line, on the side with more room, low in the plot where losses have fallen
        double tx = bx + 6 + tw + 4 <= left + pw ? bx + 6 : Math.max(left + 4, bx - 6 - tw);
        double ty = bottom - th - 6;
        g.setFill(dark ? Color.rgb(43, 47, 53, 0.85) : Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(tx - 3, ty - 2, tw + 6, th + 4, 6, 6);
        g.setFill(text);
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], tx, ty + i * lh);
        }
    }

    /** Two lines: "early stop: epoch 1.2k" and "train 0.95, test 0.93". */
    static String bestLabel(LossPlot.Best best) {
        String accuracies = Double.isNaN(best.trainAccuracy()) ? ""
                : String.format(java.util.Locale.ROOT, "\ntrain %.2f, test %.2f", best.trainAccuracy(),
                        best.testAccuracy());
        return "early stop: epoch " + LossPlot.epochLabel(best.epoch()) + accuracies;
    }

    /** A curve's column ranges as a translucent band; a smooth curve's band hides under its line. */
    private void fillBand(GraphicsContext g, boolean train, Color color, double left, double bottom,
                          double sx, double sy, double yLo) {
        g.setFill(color.deriveColor(0, 1, 1, 0.35));
        int n = plot.size();
        int i = 0;
        while (i < n) {
            // one polygon per stretch without missing values
            while (i < n && Double.isNaN(low(train, i))) {
                i++;
            }
            int start = i;
            while (i < n && !Double.isNaN(low(train, i))) {
                i++;
            }
            int count = i - start;
            if (count == 0) {
                continue;
            }
            double[] xs = new double[2 * count];
            double[] ys = new double[2 * count];
            for (int k = 0; k < count; k++) {
                int c = start + k;
                double x = left + plot.x(c) * sx;
                xs[k] = x;
                ys[k] = bottom - (high(train, c) - yLo) * sy;
                xs[2 * count - 1 - k] = x;
                ys[2 * count - 1 - k] = bottom - (low(train, c) - yLo) * sy;
            }
            if (count == 1) { // a lone column: a bar a pixel wide
                g.fillRect(xs[0] - 0.5, ys[0], 1, ys[1] - ys[0]);
            } else {
                g.fillPolygon(xs, ys, 2 * count);
            }
        }
    }

    private double low(boolean train, int i) {
        return train ? plot.trainLow(i) : plot.testLow(i);
    }

    private double high(boolean train, int i) {
        return train ? plot.trainHigh(i) : plot.testHigh(i);
    }

    /** One curve through the middle of its columns' ranges; the pen lifts over missing values (NaN). */
    private void strokeCurve(GraphicsContext g, boolean train, double left, double bottom,
                             double sx, double sy, double yLo) {
        g.beginPath();
        boolean penDown = false;
        for (int i = 0; i < plot.size(); i++) {
            double lo = low(train, i);
            if (Double.isNaN(lo)) {
                penDown = false;
                continue;
            }
            double v = (lo + high(train, i)) / 2;
            double x = left + plot.x(i) * sx;
            double y = bottom - (v - yLo) * sy;
            if (penDown) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                penDown = true;
            }
        }
        g.stroke();
    }

    private void drawLegend(GraphicsContext g, double plotRight, double plotTop, double lineWidth,
                            Font font, Color text) {
        String[] names = {"train", "test"}; // the axis already says "loss"
        double sample = 18 * scale;
        double row = 17 * scale;
        measure.setFont(font);
        double textWidth = 0;
        for (String n : names) {
            measure.setText(n);
            textWidth = Math.max(textWidth, measure.getLayoutBounds().getWidth());
        }
        double bw = 6 + sample + 6 + textWidth + 8;
        double bh = 2 * row + 8;
        double bx = plotRight - bw - 6;
        double by = plotTop + 6;
        g.setFill(dark ? Color.rgb(43, 47, 53, 0.9) : Color.rgb(255, 255, 255, 0.9));
        g.fillRoundRect(bx, by, bw, bh, 6, 6);
        g.setLineWidth(1);
        g.setStroke(dark ? Color.web("#5a5f66") : Color.rgb(170, 170, 170));
        g.strokeRoundRect(bx + 0.5, by + 0.5, bw - 1, bh - 1, 6, 6);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(lineWidth);
        for (int k = 0; k < 2; k++) {
            double cy = by + 4 + row * k + row / 2;
            g.setStroke(k == 0 ? (dark ? TRAIN_DARK : TRAIN_LIGHT) : TEST);
            if (k == 1) {
                g.setLineDashes(6 * scale, 4 * scale);
            }
            g.strokeLine(bx + 6, cy, bx + 6 + sample, cy);
            g.setLineDashes();
            g.setFill(text);
            g.fillText(names[k], bx + 6 + sample + 6, cy);
        }
    }
}
