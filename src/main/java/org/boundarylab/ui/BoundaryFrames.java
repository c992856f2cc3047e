package org.boundarylab.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.boundarylab.render.BoundaryGrid;
import org.boundarylab.render.GridField;
import org.boundarylab.render.HeatmapRenderer;
import org.boundarylab.render.MarchingSquares;
import org.boundarylab.render.MarchingSquares.Segment;
import org.boundarylab.render.Viewport;
import org.boundarylab.training.TrainingSnapshot;

/**
 * Turns snapshots into ready-to-draw pictures on the pool: the network evaluated over a grid,
 * the heat-map pixels and the decision-boundary segments. The FX thread only takes the newest
 * finished frame and puts its pixels on screen.
 *
 * <p>Requests overwrite each other: if training publishes faster than frames are built, the
 * stale ones are skipped and at most one build runs at a time, so drawing never queues up
 * behind training or holds it back.
 */
public final class BoundaryFrames {
    /** A finished picture of one snapshot: grid pixels (row 0 at the top) and boundary segments in grid units. */
    public record Frame(TrainingSnapshot snapshot, Viewport viewport, int gridWidth, int gridHeight,
                        int[] argb, List<Segment> segments) {
    }

    /** What the canvas currently shows: the plane's rectangle and the grid's size in cells. */
    public record View(Viewport viewport, int gridWidth, int gridHeight) {
    }

    private final Executor pool;
    private final AtomicReference<View> view = new AtomicReference<>();
    private final AtomicReference<TrainingSnapshot> wanted = new AtomicReference<>();
    private final AtomicReference<TrainingSnapshot> lastSnapshot = new AtomicReference<>();
    private final AtomicReference<Frame> ready = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();

    public BoundaryFrames(Executor pool) {
        this.pool = pool;
    }

    /** A new snapshot to draw; any thread. */
    public void submit(TrainingSnapshot s) {
        if (s == null || s.network() == null) {
            return;
        }
        lastSnapshot.set(s);
        wanted.set(s);
        schedule();
    }

    /** The canvas changed size or the data moved: redraw the last snapshot for the new view. */
    public void setView(View v) {
        if (v.equals(view.getAndSet(v))) {
            return;
        }
        TrainingSnapshot s = lastSnapshot.get();
        if (s != null) {
            wanted.compareAndSet(null, s);
            schedule();
        }
    }

    /** The newest finished frame, once; null when nothing new is ready. */
    public Frame take() {
        return ready.getAndSet(null);
    }

    private void schedule() {
        if (view.get() != null && building.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        try {
            TrainingSnapshot s;
            while ((s = wanted.getAndSet(null)) != null) {
                View v = view.get();
                ready.set(build(s, v));
            }
        } finally {
            building.set(false);
        }
        // a request that arrived between the last check and the flag's release
        if (wanted.get() != null) {
            schedule();
        }
    }

    /** Evaluates one snapshot for one view; pure, so tests and exports can call it directly. */
    public static Frame build(TrainingSnapshot s, View v) {
        GridField field = BoundaryGrid.evaluate(s.network(), v.viewport(), v.gridWidth(), v.gridHeight());
        int[] pixels = HeatmapRenderer.argb(field);
        List<Segment> segments = MarchingSquares.decisionBoundaries(field);
        return new Frame(s, v.viewport(), v.gridWidth(), v.gridHeight(), pixels, segments);
    }
}
