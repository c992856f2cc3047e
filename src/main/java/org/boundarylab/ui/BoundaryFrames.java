package org.boundarylab.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.boundarylab.nn.Features;
import org.boundarylab.render.BoundaryGrid;
import org.boundarylab.render.FieldPicture;
import org.boundarylab.render.GridField;
import org.boundarylab.render.HeatmapRenderer;
import org.boundarylab.render.MarchingSquares;
import org.boundarylab.render.MarchingSquares.Segment;
import org.boundarylab.render.Viewport;
import org.boundarylab.training.TrainingSnapshot;

/**
 * Turns snapshots into ready-to-draw pictures on the pool: the network evaluated over a grid,
 * the heat-map pixels and the decision-boundary segments, drawn together at the screen's pixel
 * size. The FX thread only takes the newest finished frame and copies its pixels to the screen.
 *
 * <p>Requests overwrite each other: if training publishes faster than frames are built, the
 * stale ones are skipped, at most one build runs at a time, and the next frame is built only
 * after the window has taken the last one, so building never runs ahead of the screen and
 * never takes a core from training for pictures nobody sees. A large network is evaluated
 * on a coarser grid (the canvas smooths it when scaling), so one frame stays within about
 * {@value #WORK_PER_FRAME} multiply-adds.
 */
public final class BoundaryFrames {
    /**
     * A finished picture of one snapshot: grid pixels (row 0 at the top), boundary segments in
     * grid units, and, when the view asked for one, both drawn at the screen's pixel size
     * ({@code picture}, else null).
     */
    public record Frame(TrainingSnapshot snapshot, Viewport viewport, int gridWidth, int gridHeight,
                        int[] argb, List<Segment> segments, FieldPicture.Pixels picture) {
        /** A frame the window scales and strokes itself. */
        public Frame(TrainingSnapshot snapshot, Viewport viewport, int gridWidth, int gridHeight,
                     int[] argb, List<Segment> segments) {
            this(snapshot, viewport, gridWidth, gridHeight, argb, segments, null);
        }
    }

    /**
     * What the canvas currently shows: the plane's rectangle, the grid's size in cells and the
     * plot's size in device pixels with the boundary line's width there (0 x 0: no picture).
     */
    public record View(Viewport viewport, int gridWidth, int gridHeight, int pixelWidth, int pixelHeight,
                       double lineWidth) {
        /** A view that wants only the grid and the segments. */
        public View(Viewport viewport, int gridWidth, int gridHeight) {
            this(viewport, gridWidth, gridHeight, 0, 0, 0);
        }
    }

    /** The decision lines' colour: dark on the light heat map, in both themes. */
    public static final int BOUNDARY_ARGB = 0xFF1E1E1E;

    /** Multiply-adds one frame may cost: a few milliseconds of one core. */
    static final long WORK_PER_FRAME = 40_000_000L;
    static final int MIN_GRID_WIDTH = 64;
    private final Executor pool;
    private final AtomicReference<View> view = new AtomicReference<>();
    private final AtomicReference<Featured> wanted = new AtomicReference<>();
    private final AtomicReference<Featured> lastSnapshot = new AtomicReference<>();
    private final AtomicReference<Frame> ready = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();

    public BoundaryFrames(Executor pool) {
        this.pool = pool;
    }

    /** A snapshot with the input features its network was trained on. */
    private record Featured(TrainingSnapshot snapshot, Features features) {
    }

    /** A new snapshot of a network fed x1, x2 to draw; any thread. */
    public void submit(TrainingSnapshot s) {
        submit(s, Features.DEFAULT);
    }

    /** A new snapshot to draw, of a network whose inputs are {@code features}; any thread. */
    public void submit(TrainingSnapshot s, Features features) {
        if (s == null || s.network() == null || s.network().architecture().inputs() != features.count()) {
            return;
        }
        Featured f = new Featured(s, features);
        lastSnapshot.set(f);
        wanted.set(f);
        schedule();
    }

    /** The canvas changed size or the data moved: redraw the last snapshot for the new view. */
    public void setView(View v) {
        if (v.equals(view.getAndSet(v))) {
            return;
        }
        Featured s = lastSnapshot.get();
        if (s != null) {
            wanted.compareAndSet(null, s);
            schedule();
        }
    }

    /** Whether {@link #take()} would return a frame now. */
    public boolean hasFrame() {
        return ready.get() != null;
    }

    /** The newest finished frame, once; null when nothing new is ready. */
    public Frame take() {
        Frame f = ready.getAndSet(null);
        if (f != null && wanted.get() != null) {
            schedule();
        }
        return f;
    }

    private void schedule() {
        if (view.get() != null && ready.get() == null && building.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Featured s;
            while (ready.get() == null && (s = wanted.getAndSet(null)) != null) {
                View v = view.get();
                ready.set(build(s.snapshot(), s.features(), v));
            }
        } finally {
            building.set(false);
        }
        // a request that arrived between the last check and the flag's release
        if (wanted.get() != null && ready.get() == null) {
            schedule();
        }
    }

    /** Evaluates one snapshot for one view; pure, so tests and exports can call it directly. */
    public static Frame build(TrainingSnapshot s, View v) {
        return build(s, Features.DEFAULT, v);
    }

    /** Evaluates one snapshot of a network fed {@code features} for one view. */
    public static Frame build(TrainingSnapshot s, Features features, View v) {
        int gw = v.gridWidth();
        int gh = v.gridHeight();
        long perCell = Math.max(1, s.network().architecture().parameterCount());
        double shrink = Math.sqrt((double) gw * gh * perCell / WORK_PER_FRAME);
        if (shrink > 1) {
            // never coarser than MIN_GRID_WIDTH cells across; the height follows the shape
            int w = Math.max(Math.min(MIN_GRID_WIDTH, gw), (int) (gw / shrink));
            gh = Math.max(2, (int) Math.round((double) w * gh / gw));
            gw = w;
        }
        // drawing-only kernels: the picture may differ from the exact probabilities by < 1e-3
        GridField field = BoundaryGrid.evaluate(s.network(), features, v.viewport(), gw, gh, true);
        int[] argb = HeatmapRenderer.argb(field);
        List<Segment> lines = MarchingSquares.decisionBoundaries(field);
        FieldPicture.Pixels picture = v.pixelWidth() > 0 && v.pixelHeight() > 0
                ? FieldPicture.draw(argb, gw, gh, lines, v.pixelWidth(), v.pixelHeight(), v.lineWidth(), BOUNDARY_ARGB)
                : null;
        return new Frame(s, v.viewport(), gw, gh, argb, lines, picture);
    }
}
