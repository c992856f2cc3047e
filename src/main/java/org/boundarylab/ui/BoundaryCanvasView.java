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
import org.boundarylab.render.FieldPicture;
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
    private static final double BOUNDARY_WIDTH = 2.5;
    /** While drawing, a point this close to the edge (a fraction of the view) makes the view grow. */
    private static final double HOLD_INSET = 0.03;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color AXIS = Color.rgb(60, 60, 60);
    private static final Color BOUNDARY = argb(BoundaryFrames.BOUNDARY_ARGB);

    private final Pane pane;
    private final Canvas canvas;
    private final Canvas overlay;
    private final Consumer<BoundaryFrames.View> viewListener;
    private Split data;
    private Viewport dataView = new Viewport(-1, 1, -1, 1);
    private Viewport shownView = dataView;
    private boolean keepView;
    private BoundaryFrames.Frame lastFrame;
    /** A picture shown in place of the network's output (one unit's map), or null. */
    private BoundaryFrames.Frame override;
    private String overrideCaption = "";
    private WritableImage image;
    /** Presentation mode draws points, lines and labels this many times larger. */
    private double scale = 1;
    private boolean dark;
    /** A point of the plane marked with a ring and a cross (the Explain panel's point), or null. */
    private double[] marker;

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
        // while drawing, the picture holds still under the pen unless a point lands outside it
        boolean hold = keepView && (all.length == 0 || inside(all, inset(shownView, HOLD_INSET)));
        if (!hold && all.length > 0) {
            dataView = Viewport.around(all, LabViewModel.VIEW_MARGIN);
        }
        layoutChanged();
    }

    /** While on, new data keeps the current view as long as every point is inside it (drawing by hand). */
    public void setKeepView(boolean on) {
        keepView = on;
        if (on) {
            dataView = shownView;
        }
    }

    /** The view less a border of {@code fraction} of its size on each side. */
    private static Viewport inset(Viewport v, double fraction) {
        double dx = v.width() * fraction;
        double dy = v.height() * fraction;
        return new Viewport(v.xMin() + dx, v.xMax() - dx, v.yMin() + dy, v.yMax() - dy);
    }

    private static boolean inside(double[][] points, Viewport v) {
        for (double[] p : points) {
            if (p[0] < v.xMin() || p[0] > v.xMax() || p[1] < v.yMin() || p[1] > v.yMax()) {
                return false;
            }
        }
        return true;
    }

    /** Marks the point {x1, x2} of the plane with a ring and a cross over the data; null takes the mark away. */
    public void setMarker(double[] point) {
        marker = point == null ? null : point.clone();
        paintOverlay();
    }

    /** The point marked, or null. */
    public double[] marker() {
        return marker == null ? null : marker.clone();
    }

    /** The point of the plane under a canvas position (the inverse of {@link #canvasPoint}). */
    public double[] planePoint(double px, double py) {
        double w = plotWidth();
        double h = plotHeight();
        return new double[] {shownView.fromPixelX(px - LEFT, w), shownView.fromPixelY(py - TOP, h)};
    }

    /** Plane units per canvas pixel (the same on both axes). */
    public double unitsPerPixel() {
        return shownView.width() / plotWidth();
    }

    /** The epoch of the network the picture shows; -1 before the first frame. */
    public long shownEpoch() {
        return lastFrame == null ? -1 : lastFrame.snapshot().epoch();
    }

    /** Draws a newly finished frame. */
    public void show(BoundaryFrames.Frame frame) {
        lastFrame = frame;
        paintField();
    }

    /**
     * Shows {@code frame} in place of the output until called with null (the network diagram
     * shows one unit's map here while the pointer is on it); training frames keep arriving
     * underneath and reappear when the override is cleared.
     */
    public void showOverride(BoundaryFrames.Frame frame) {
        showOverride(frame, "");
    }

    /** As {@link #showOverride(BoundaryFrames.Frame)}, with a caption saying what is shown instead. */
    public void showOverride(BoundaryFrames.Frame frame, String caption) {
        override = frame;
        overrideCaption = frame == null || caption == null ? "" : caption;
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

    /**
     * How marks are drawn: {@code scale} enlarges points, lines and labels (presentation mode);
     * {@code dark} puts the axes on a dark surround. The heat map and the class colours stay
     * the same colour-blind-safe palette in both, with the boundary line dark on its light cells.
     */
    public void setAppearance(double scale, boolean dark) {
        if (!(scale >= 1 && scale <= 3)) {
            throw new IllegalArgumentException("canvas scale must be from 1 to 3, got " + scale);
        }
        this.scale = scale;
        this.dark = dark;
        layoutChanged(); // the pictures on the pool draw the boundary line at the new width
    }

    public double appearanceScale() {
        return scale;
    }

    private Color background() {
        return dark ? Color.rgb(30, 32, 36) : BACKGROUND;
    }

    private Color axis() {
        return dark ? Color.rgb(225, 225, 225) : AXIS;
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
        double device = renderScale();
        int gw = Math.max(2, (int) Math.round(w * device / DEVICE_PIXELS_PER_CELL));
        int gh = Math.max(2, (int) Math.round(h * device / DEVICE_PIXELS_PER_CELL));
        viewListener.accept(new BoundaryFrames.View(shownView, gw, gh, pixels(w), pixels(h),
                BOUNDARY_WIDTH * scale * device));
        paintField();
        paintOverlay();
    }

    /** Grows the viewport in one direction until its shape matches the plot's, centred on the data. */
    static Viewport sameScale(Viewport v, double aspect) {
        return v.withAspect(aspect);
    }

    /** The layer that follows training: heat map and decision lines. */
    private void paintField() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double w = plotWidth();
        double h = plotHeight();
        BoundaryFrames.Frame f = override != null ? override : lastFrame;
        if (f != null) {
            FieldPicture.Pixels p = f.picture();
            if (p != null && p.width() == pixels(w) && p.height() == pixels(h) && f.viewport().equals(shownView)) {
                // heat map and lines drawn on the pool at this very size: only a copy here
                putPixels(g, p.argb(), p.width(), p.height(), w, h, false);
            } else {
                putPixels(g, f.argb(), f.gridWidth(), f.gridHeight(), w, h, true);
                if (f.viewport().equals(shownView)) {
                    strokeBoundaries(g, f.segments(), f.gridWidth(), f.gridHeight(), w, h);
                }
                // otherwise the window is being resized: the old picture stretches until the new one is ready
            }
        }
        if (f != null && f == override && !overrideCaption.isEmpty()) {
            g.setFont(Font.font("System", FontWeight.BOLD, 13));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            double tw = 8 * overrideCaption.length() + 16;
            g.setFill(Color.rgb(31, 59, 87, 0.85));
            g.fillRoundRect(LEFT + w - tw - 8, TOP + 8, tw, 26, 8, 8);
            g.setFill(Color.WHITE);
            g.fillText(overrideCaption, LEFT + w - 16, TOP + 21);
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
        drawMarker(g, w, h);
    }

    private void drawMarker(GraphicsContext g, double w, double h) {
        if (marker == null) {
            return;
        }
        double px = LEFT + shownView.toPixelX(marker[0], w);
        double py = TOP + shownView.toPixelY(marker[1], h);
        if (px < LEFT || px > LEFT + w || py < TOP || py > TOP + h) {
            return;
        }
        double r = 3 * POINT_RADIUS * scale;
        for (Color c : new Color[] {Color.WHITE, Color.rgb(20, 20, 20)}) {
            boolean halo = c == Color.WHITE;
            g.setStroke(c);
            g.setLineWidth((halo ? 5 : 2) * scale);
            g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            g.strokeLine(px - 1.7 * r, py, px - 1.15 * r, py);
            g.strokeLine(px + 1.15 * r, py, px + 1.7 * r, py);
            g.strokeLine(px, py - 1.7 * r, px, py - 1.15 * r);
            g.strokeLine(px, py + 1.15 * r, px, py + 1.7 * r);
        }
    }

    /** Which mark is which: filled = training point, ring = test point, line = decision boundary. */
    private void drawLegend(GraphicsContext g) {
        double x = LEFT + 8;
        double y = TOP + 8;
        double r = POINT_RADIUS * scale;
        double k = scale;
        g.setFont(Font.font("System", 13 * k));
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(x, y, 236 * k, 26 * k, 8, 8);
        g.setStroke(Color.rgb(150, 150, 150));
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, 236 * k, 26 * k, 8, 8);
        double cy = y + 13 * k;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.rgb(90, 90, 90));
        g.fillOval(x + 10 * k - r, cy - r, 2 * r, 2 * r);
        g.setFill(AXIS); // the legend's box is light in both themes
        g.fillText("train", x + 18 * k, cy);
        g.setFill(Color.WHITE);
        g.fillOval(x + 66 * k - r, cy - r, 2 * r, 2 * r);
        g.setStroke(Color.rgb(60, 60, 60));
        g.setLineWidth(2 * k);
        g.strokeOval(x + 66 * k - r, cy - r, 2 * r, 2 * r);
        g.setFill(AXIS);
        g.fillText("test", x + 74 * k, cy);
        g.setStroke(BOUNDARY);
        g.setLineWidth(BOUNDARY_WIDTH * k);
        g.strokeLine(x + 112 * k, cy, x + 134 * k, cy);
        g.fillText("boundary", x + 140 * k, cy);
    }

    /** Puts {@code pw} x {@code ph} pixels over the plot, smoothed when they are scaled. */
    private void putPixels(GraphicsContext g, int[] argb, int pw, int ph, double w, double h, boolean smooth) {
        if (image == null || image.getWidth() != pw || image.getHeight() != ph) {
            image = new WritableImage(pw, ph);
        }
        image.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbInstance(), argb, 0, pw);
        g.setImageSmoothing(smooth);
        g.drawImage(image, LEFT, TOP, w, h);
    }

    /** A plot length in device pixels. */
    private int pixels(double length) {
        return Math.max(1, (int) Math.round(length * renderScale()));
    }

    private void strokeBoundaries(GraphicsContext g, List<Segment> segments, int gw, int gh,
                                  double w, double h) {
        double sx = w / gw;
        double sy = h / gh;
        g.setStroke(BOUNDARY);
        g.setLineWidth(BOUNDARY_WIDTH * scale);
        g.setLineCap(StrokeLineCap.ROUND);
        g.beginPath();
        for (Segment s : segments) {
            g.moveTo(LEFT + s.x1() * sx, TOP + s.y1() * sy);
            g.lineTo(LEFT + s.x2() * sx, TOP + s.y2() * sy);
        }
        g.stroke();
    }

    private void drawPoints(GraphicsContext g, Dataset d, boolean filled, double w, double h) {
        double r = POINT_RADIUS * scale;
        g.setLineWidth((filled ? 1 : 2) * scale);
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
        g.setStroke(axis());
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, w - 1, h - 1);
        g.setFill(axis());
        g.setFont(Font.font("System", 13 * scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : AxisTicks.nice(shownView.xMin(), shownView.xMax(), Math.max(scale > 1 ? 5 : 2, (int) (w / (90 * scale))))) {
            double px = LEFT + shownView.toPixelX(t, w);
            g.strokeLine(px, TOP + h, px, TOP + h + 5);
            g.fillText(AxisTicks.label(t), px, TOP + h + 7);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : AxisTicks.nice(shownView.yMin(), shownView.yMax(), Math.max(scale > 1 ? 4 : 2, (int) (h / (70 * scale))))) {
            double py = TOP + shownView.toPixelY(t, h);
            g.strokeLine(LEFT - 5, py, LEFT, py);
            g.fillText(AxisTicks.label(t), LEFT - 8, py);
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * scale));
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
