package org.boundarylab.ui.diagram;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.boundarylab.data.Split;
import org.boundarylab.render.Viewport;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.BoundaryCanvasView;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.PulseShare;

/**
 * The diagram's part of each pulse. It asks the pool ({@link DiagramFrames}) for a new picture
 * only when something the picture shows has changed (the snapshot, the unit in focus, the
 * canvas's view of that unit, the body's size or pixel scale), since each costs a forward pass
 * over the thumbnail grid; and it puts a finished picture on screen only in a pulse the
 * {@link PulseShare} gives it, so the diagram, the canvas and the chart do not all update in one
 * pulse. It keeps what each picture cost the FX thread, for the probes. FX thread only.
 */
final class PictureHandOff {
    private final LabViewModel vm;
    private final BoundaryCanvasView canvasView;
    private final PulseShare pulseShare;
    private final DiagramFrames frames;
    private final FrameCosts costs = new FrameCosts(4096);
    /** The square part of the plane the unit maps show: the data's, with the lab's margin. */
    private Viewport thumbView = new Viewport(-1, 1, -1, 1);
    private TrainingSnapshot submitted;
    private DiagramFrames.Focus submittedFocus;
    private Viewport submittedCanvasView;
    private double submittedWidth;
    private double submittedHeight;
    private double submittedScale;

    PictureHandOff(LabViewModel vm, BoundaryCanvasView canvasView, PulseShare pulseShare, Executor pool) {
        this.vm = vm;
        this.canvasView = canvasView;
        this.pulseShare = pulseShare;
        this.frames = new DiagramFrames(pool);
        vm.data().dataProperty().addListener((o, a, split) -> dataChanged(split));
        dataChanged(vm.data().dataProperty().get());
    }

    private void dataChanged(Split split) {
        if (split == null) {
            return;
        }
        double[][] a = split.train().x();
        double[][] b = split.test().x();
        double[][] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Viewport v = Viewport.around(all, LabViewModel.VIEW_MARGIN);
        // square, so a unit's map has the plane's proportions
        double side = Math.max(v.width(), v.height()) / 2;
        double cx = (v.xMin() + v.xMax()) / 2;
        double cy = (v.yMin() + v.yMax()) / 2;
        thumbView = new Viewport(cx - side, cx + side, cy - side, cy + side);
        submitted = null; // ask again for the new view
    }

    /**
     * One pulse at time {@code now}: asks for a picture of the current snapshot with
     * {@code focus} for a body of {@code width x height} ({@code scale} device pixels to one) if
     * that is not the last one asked for, and hands a finished picture to {@code show} if this
     * pulse is the diagram's.
     */
    void pulse(long now, DiagramFrames.Focus focus, double width, double height, double scale,
               Consumer<DiagramFrames.Result> show) {
        TrainingSnapshot s = vm.run().snapshotProperty().get();
        Viewport canvas = canvasView.shownView();
        if (s != null && (s != submitted || !Objects.equals(focus, submittedFocus)
                || (focus != null && !canvas.equals(submittedCanvasView))
                || width != submittedWidth || height != submittedHeight || scale != submittedScale)) {
            submitted = s;
            submittedFocus = focus;
            submittedCanvasView = canvas;
            submittedWidth = width;
            submittedHeight = height;
            submittedScale = scale;
            frames.submit(new DiagramFrames.Request(s, vm.run().shownFeaturesProperty().get(), thumbView, focus, canvas,
                    width, height, scale));
        }
        DiagramFrames.Result r = frames.hasResult() && pulseShare.claim(this, now) ? frames.take() : null;
        if (r != null) {
            long t0 = System.nanoTime();
            show.accept(r);
            costs.add(System.nanoTime() - t0);
        }
    }

    /** FX-thread nanoseconds of each picture put on screen so far (the most recent ones). */
    long[] costs() {
        return costs.values();
    }

    /** A ring of the most recent durations; synchronized, as a probe may read it from its own thread. */
    static final class FrameCosts {
        private final long[] ring;
        private int count;

        FrameCosts(int capacity) {
            ring = new long[capacity];
        }

        synchronized void add(long nanos) {
            ring[count % ring.length] = nanos;
            count++;
        }

        synchronized long[] values() {
            return Arrays.copyOf(ring, Math.min(count, ring.length));
        }
    }
}
