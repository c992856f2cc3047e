package org.boundarylab.ui.diagram;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
import org.boundarylab.render.MarchingSquares.Segment;
import org.boundarylab.render.UnitMaps;
import org.boundarylab.render.Viewport;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.BoundaryFrames;

/**
 * Builds the diagram's pictures on the pool, from the same snapshots as the main canvas: one
 * forward pass over a small grid gives every unit's map; when a unit is in focus (pointer on it
 * or pinned), a second pass over the canvas's own view gives its map for the main canvas. Like
 * {@link BoundaryFrames}, requests overwrite each other, one build runs at a time and the next
 * starts only after the window took the last, so the FX thread never waits and never falls behind.
 */
final class DiagramFrames {
    /** The unit whose map replaces the output on the main canvas. */
    record Focus(int layer, int unit) {
    }

    /**
     * What to draw: a snapshot, its features, the thumbnails' square view, the canvas's view for
     * the focus, and the diagram body's size ({@code width x height}, {@code scale} device pixels
     * to one) for the picture of links and maps.
     */
    record Request(TrainingSnapshot snapshot, Features features, Viewport thumbView, Focus focus,
                   Viewport canvasView, double width, double height, double scale) {
    }

    /**
     * A finished picture: the maps, the layout they were placed by, the links and maps drawn as
     * one picture ({@link DiagramPicture}) and, with a focus, its frame for the main canvas.
     */
    record Result(Request request, UnitMaps maps, DiagramLayout layout, DiagramPicture.Pixels picture,
                  BoundaryFrames.Frame focusFrame) {
    }

    /** Thumbnail side in cells; fewer for very large networks so a frame stays cheap. */
    static final int THUMB_CELLS = 32;
    /** Multiply-adds one thumbnail pass may cost. */
    static final long THUMB_WORK = 4_000_000L;
    /** Cells across the focus map on the main canvas (the canvas smooths it when scaling). */
    static final int FOCUS_CELLS = 200;
    /** Multiply-adds the focus map may cost, as for the main canvas's frames. */
    static final double FOCUS_WORK = 40_000_000;

    private final Executor pool;
    private final AtomicReference<Request> wanted = new AtomicReference<>();
    private final AtomicReference<Result> ready = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();

    DiagramFrames(Executor pool) {
        this.pool = pool;
    }

    void submit(Request r) {
        if (r.snapshot() == null || r.snapshot().network() == null
                || r.snapshot().network().architecture().inputs() != r.features().count()) {
            return;
        }
        wanted.set(r);
        schedule();
    }

    /** Whether {@link #take()} would return a result now. */
    boolean hasResult() {
        return ready.get() != null;
    }

    /** The newest finished result, once; null when nothing new is ready. */
    Result take() {
        Result r = ready.getAndSet(null);
        if (r != null && wanted.get() != null) {
            schedule();
        }
        return r;
    }

    private void schedule() {
        if (ready.get() == null && building.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Request r;
            while (ready.get() == null && (r = wanted.getAndSet(null)) != null) {
                ready.set(build(r));
            }
        } finally {
            building.set(false);
        }
        if (wanted.get() != null && ready.get() == null) {
            schedule();
        }
    }

    /** The thumbnail grid side for a network of this many parameters. */
    static int thumbCells(long parameters) {
        int side = (int) Math.sqrt((double) THUMB_WORK / Math.max(1, parameters));
        return Math.max(8, Math.min(THUMB_CELLS, side));
    }

    static Result build(Request r) {
        FeaturedModel model = new FeaturedModel(r.features(), r.snapshot().network());
        var arch = model.network().architecture();
        int side = thumbCells(arch.parameterCount());
        UnitMaps maps = UnitMaps.compute(model, r.thumbView(), side, side);
        DiagramLayout layout = new DiagramLayout(arch.layers(), r.width(), r.height());
        DiagramPicture.Pixels picture = DiagramPicture.draw(layout, model.network(), maps, r.scale());
        BoundaryFrames.Frame focusFrame = null;
        Focus f = r.focus();
        if (f != null && r.canvasView() != null && f.layer() <= arch.depth() && f.unit() < arch.width(f.layer())) {
            Viewport v = r.canvasView();
            // a big network gets a coarser map, so a pinned unit never takes a core from training for long
            double aspect = v.height() / v.width();
            double affordable = Math.sqrt(FOCUS_WORK / (Math.max(1, arch.parameterCount()) * aspect));
            int gw = (int) Math.max(24, Math.min(FOCUS_CELLS, affordable));
            int gh = Math.max(2, (int) Math.round(gw * aspect));
            UnitMaps big = UnitMaps.compute(model, v, gw, gh, f.layer());
            List<Segment> line = big.middleLine(f.layer(), f.unit());
            focusFrame = new BoundaryFrames.Frame(r.snapshot(), v, gw, gh, big.argb(f.layer(), f.unit()), line);
        }
        return new Result(r, maps, layout, picture, focusFrame);
    }
}
