package org.boundarylab.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.render.AxisTicks;
import org.boundarylab.render.MarchingSquares.Segment;
import org.boundarylab.render.Palette;
import org.boundarylab.render.Viewport;

/**
 * Draws the decision boundary on a canvas that fills its pane: the heat map of a finished
 * {@link BoundaryFrames.Frame} (pixels put as they are), the decision lines, the points and
 * the axes. Everything slow happened on the pool; this class only puts pixels and strokes.
 *
 * <p>The picture keeps x1 and x2 at the same scale, so a circle in the data looks round, and
 * the heat map has one cell per {@value #DEVICE_PIXELS_PER_CELL} device pixels, so it is as
 * sharp on a hi-DPI screen as on any other.
 */
public final class BoundaryCanvasView {
    static final int DEVICE_PIXELS_PER_CELL = 2;
    private static final double LEFT = 52;
    private static final double BOTTOM = 40;
    private static final double TOP = 14;
    private static final double RIGHT = 14;
    private static final double POINT_RADIUS = 4.5;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color AXIS = Color.rgb(60, 60, 60);
    private static final Color BOUNDARY = Color.rgb(30, 30, 30);

    private final Pane pane;
    private final Canvas canvas;
    private final Canvas overlay;
    private final Consumer<BoundaryFrames.View> viewListener;
    private Split data;
    private Viewport dataView = new Viewport(-1, 1, -1, 1);
    private Viewport shownView = dataView;
    private BoundaryFrames.Frame lastFrame;
    private WritableImage image;

    /**
     * @param viewListener told (on the FX thread) what to evaluate whenever the size or data changes
     */
    public BoundaryCanvasView(Pane pane, Canvas canvas, Consumer<BoundaryFrames.View> viewListener) {
        this.pane = pane;
        this.canvas = canvas;
        this.viewListener = viewListener;
        // points, axes and legend change only with the data or the size: they live on a layer of
        // their own, so a new training frame repaints only the heat map and the boundary lines
        this.overlay = new Canvas();
        overlay.setId("boundaryOverlay");
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        pane.getChildren().add(overlay);
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        overlay.widthProperty().bind(pane.widthProperty());
        overlay.heightProperty().bind(pane.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> layoutChanged());
        canvas.heightProperty().addListener((o, a, b) -> layoutChanged());
        canvas.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, w0, w) -> {
                    if (w != null) {
                        w.renderScaleXProperty().addListener((o3, s0, s1) -> layoutChanged());
                    }
                });
            }
        });
    }

    public void setData(Split split) {
        this.data = split;
        double[][] all = concat(split.train().x(), split.test().x());
        dataView = Viewport.around(all, LabViewModel.VIEW_MARGIN);
        layoutChanged();
    }

    /** Draws a newly finished frame. */
    public void show(BoundaryFrames.Frame frame) {
        lastFrame = frame;
        paintField();
    }

    /** Where a point of the plane lands on the canvas, in the canvas's own coordinates. */
    public double[] canvasPoint(double x1, double x2) {
        double w = plotWidth();
        double h = plotHeight();
        return new double[] {LEFT + shownView.toPixelX(x1, w), TOP + shownView.toPixelY(x2, h)};
    }

    public Viewport shownView() {
        return shownView;
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    private double plotHeight() {
        return Math.max(1, canvas.getHeight() - TOP - BOTTOM);
    }

    private double renderScale() {
        if (canvas.getScene() == null || canvas.getScene().getWindow() == null) {
            return 1;
        }
        return Math.max(1, canvas.getScene().getWindow().getRenderScaleX());
    }

    private void layoutChanged() {
        double w = plotWidth();
        double h = plotHeight();
        shownView = sameScale(dataView, w / h);
        double scale = renderScale();
        int gw = Math.max(2, (int) Math.round(w * scale / DEVICE_PIXELS_PER_CELL));
        int gh = Math.max(2, (int) Math.round(h * scale / DEVICE_PIXELS_PER_CELL));
        viewListener.accept(new BoundaryFrames.View(shownView, gw, gh));
        paintField();
        paintOverlay();
    }

    /** Grows the viewport in one direction until its shape matches the plot's, centred on the data. */
    static Viewport sameScale(Viewport v, double aspect) {
        double w = v.width();
        double h = v.height();
        if (w / h < aspect) {
            double grow = (h * aspect - w) / 2;
            return new Viewport(v.xMin() - grow, v.xMax() + grow, v.yMin(), v.yMax());
        }
        double grow = (w / aspect - h) / 2;
        return new Viewport(v.xMin(), v.xMax(), v.yMin() - grow, v.yMax() + grow);
    }

    /** The layer that follows training: heat map and decision lines. */
    private void paintField() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double w = plotWidth();
        double h = plotHeight();
        BoundaryFrames.Frame f = lastFrame;
        if (f != null) {
            putPixels(g, f, w, h);
            if (f.viewport().equals(shownView)) {
                strokeBoundaries(g, f.segments(), f.gridWidth(), f.gridHeight(), w, h);
            }
            // otherwise the window is being resized: the old picture stretches until the new one is ready
        }
    }

    /** The layer that follows the data and the size: points, axes, legend. */
    private void paintOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        double w = plotWidth();
        double h = plotHeight();
        if (data != null) {
            drawPoints(g, data.train(), true, w, h);
            drawPoints(g, data.test(), false, w, h);
        }
        drawAxes(g, w, h);
        drawLegend(g);
    }

    /** Which mark is which: filled = training point, ring = test point, line = decision boundary. */
    private void drawLegend(GraphicsContext g) {
        double x = LEFT + 8;
        double y = TOP + 8;
        double r = POINT_RADIUS;
        g.setFont(Font.font("System", 13));
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(x, y, 236, 26, 8, 8);
        g.setStroke(Color.rgb(150, 150, 150));
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, 236, 26, 8, 8);
        double cy = y + 13;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.rgb(90, 90, 90));
        g.fillOval(x + 10 - r, cy - r, 2 * r, 2 * r);
        g.setFill(AXIS);
        g.fillText("train", x + 18, cy);
        g.setFill(Color.WHITE);
        g.fillOval(x + 66 - r, cy - r, 2 * r, 2 * r);
        g.setStroke(Color.rgb(60, 60, 60));
        g.setLineWidth(2);
        g.strokeOval(x + 66 - r, cy - r, 2 * r, 2 * r);
        g.setFill(AXIS);
        g.fillText("test", x + 74, cy);
        g.setStroke(BOUNDARY);
        g.setLineWidth(2.5);
        g.strokeLine(x + 112, cy, x + 134, cy);
        g.fillText("boundary", x + 140, cy);
    }

    private void putPixels(GraphicsContext g, BoundaryFrames.Frame f, double w, double h) {
        if (image == null || image.getWidth() != f.gridWidth() || image.getHeight() != f.gridHeight()) {
            image = new WritableImage(f.gridWidth(), f.gridHeight());
        }
        image.getPixelWriter().setPixels(0, 0, f.gridWidth(), f.gridHeight(), PixelFormat.getIntArgbInstance(),
                f.argb(), 0, f.gridWidth());
        g.setImageSmoothing(true);
        g.drawImage(image, LEFT, TOP, w, h);
    }

    private static void strokeBoundaries(GraphicsContext g, List<Segment> segments, int gw, int gh,
                                         double w, double h) {
        double sx = w / gw;
        double sy = h / gh;
        g.setStroke(BOUNDARY);
        g.setLineWidth(2.5);
        g.setLineCap(StrokeLineCap.ROUND);
        g.beginPath();
        for (Segment s : segments) {
            g.moveTo(LEFT + s.x1() * sx, TOP + s.y1() * sy);
            g.lineTo(LEFT + s.x2() * sx, TOP + s.y2() * sy);
        }
        g.stroke();
    }

    private void drawPoints(GraphicsContext g, Dataset d, boolean filled, double w, double h) {
        double r = POINT_RADIUS;
        g.setLineWidth(filled ? 1 : 2);
        int n = d.size();
        for (int i = 0; i < n; i++) {
            double px = LEFT + shownView.toPixelX(d.x1(i), w);
            double py = TOP + shownView.toPixelY(d.x2(i), h);
            if (px < LEFT || px > LEFT + w || py < TOP || py > TOP + h) {
                continue;
            }
            int c = d.label(i);
            if (filled) {
                g.setFill(argb(Palette.classArgb(c)));
                g.fillOval(px - r, py - r, 2 * r, 2 * r);
                g.setStroke(Color.WHITE);
                g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            } else {
                // test points: a ring in the class colour with a light core, so they read as "held out"
                g.setFill(Color.WHITE);
                g.fillOval(px - r, py - r, 2 * r, 2 * r);
                g.setStroke(argb(Palette.darkArgb(c)));
                g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            }
        }
    }

    private void drawAxes(GraphicsContext g, double w, double h) {
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, w - 1, h - 1);
        g.setFill(AXIS);
        g.setFont(Font.font("System", 13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : AxisTicks.nice(shownView.xMin(), shownView.xMax(), Math.max(2, (int) (w / 90)))) {
            double px = LEFT + shownView.toPixelX(t, w);
            g.strokeLine(px, TOP + h, px, TOP + h + 5);
            g.fillText(AxisTicks.label(t), px, TOP + h + 7);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : AxisTicks.nice(shownView.yMin(), shownView.yMax(), Math.max(2, (int) (h / 70)))) {
            double py = TOP + shownView.toPixelY(t, h);
            g.strokeLine(LEFT - 5, py, LEFT, py);
            g.fillText(AxisTicks.label(t), LEFT - 8, py);
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("x1", LEFT + w, TOP + h + BOTTOM - 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("x2", 6, TOP);
    }

    private static Color argb(int v) {
        return Color.rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, ((v >>> 24) & 0xFF) / 255.0);
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
