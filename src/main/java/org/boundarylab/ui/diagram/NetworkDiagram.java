package org.boundarylab.ui.diagram;

import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.boundarylab.training.SharedPool;
import org.boundarylab.ui.BoundaryCanvasView;
import org.boundarylab.ui.CanvasHost;
import org.boundarylab.ui.ExplainedPoint;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.MenuSlots;
import org.boundarylab.ui.PulseShare;

/**
 * "Inside the network": a panel beside the boundary canvas with the input features (each with
 * a switch), every hidden unit and the outputs, each drawn as a small live map of its own
 * activation over the plane, joined by links whose thickness is |weight| and colour its sign
 * (orange negative, blue positive).
 *
 * <p>Pointing at a unit shows its map on the main canvas in place of the output (click to pin
 * it, click again to let go); pointing at a link shows its weight. While training is paused a
 * double-click on a link or a unit opens a small field to type a new weight or bias.
 *
 * <p>It draws from the snapshot the window already shows: the maps, and one picture of all the
 * links and maps ({@link DiagramPicture}), are made on the pool ({@link DiagramFrames}); the FX
 * thread only copies that picture's pixels into one image, once per finished picture, and the
 * unit boxes over it are there for pointing, names and the hover and pin frames.
 * {@link #frameCosts()} keeps what putting a picture on screen cost.
 *
 * <p>This class puts the parts together and runs the frame loop: {@link DiagramPanel} (the
 * nodes), {@link FeatureSwitches}, {@link UnitBoxes}, {@link PointerFocus} (hover and pin),
 * {@link LinkHighlight}, {@link ParameterEditor}, {@link InfoLine}, {@link PanelFolding} and
 * {@link PictureHandOff} (the pictures from the pool, pulse by pulse), all sharing one
 * {@link ShownNetwork}.
 */
public final class NetworkDiagram {
    private final BoundaryCanvasView canvasView;
    private final DiagramPanel panel = new DiagramPanel();
    private final ShownNetwork shown = new ShownNetwork();
    private final PointerFocus focus;
    private final UnitBoxes boxes;
    private final ParameterEditor editor;
    private final PanelFolding folding;
    private final PictureHandOff handOff;

    private NetworkDiagram(LabViewModel vm, BoundaryCanvasView canvasView, PulseShare pulseShare,
                           ExplainedPoint explained) {
        this.canvasView = canvasView;
        InfoLine info = new InfoLine(panel.info(), shown, explained);
        new FeatureSwitches(vm, panel.featureSwitches(), info);
        focus = new PointerFocus(canvasView, shown, info, new LinkHighlight(panel.links(), shown), explained);
        explained.numbersProperty().addListener((o, a, b) -> focus.describeAgain());
        editor = new ParameterEditor(vm, panel, shown, info);
        boxes = new UnitBoxes(panel.units(), shown, focus, info, new UnitBoxes.Clicks() {
            @Override
            public void clicked(DiagramFrames.Focus unit) {
                if (unit.equals(focus.pinnedProperty().get())) {
                    unpin();
                } else {
                    pin(unit.layer(), unit.unit());
                }
            }

            @Override
            public void doubleClicked(DiagramFrames.Focus unit, double x, double y) {
                editor.openForBias(unit, x, y);
            }
        });
        folding = new PanelFolding(panel, focus::clear);
        handOff = new PictureHandOff(vm, canvasView, pulseShare, SharedPool.get());

        Pane body = panel.body();
        body.widthProperty().addListener((o, a, b) -> layOut());
        body.heightProperty().addListener((o, a, b) -> layOut());
        body.setOnMouseMoved(e -> {
            if (panel.isBackground(e.getTarget())) {
                focus.pointerOnBackground(e.getX(), e.getY());
            }
        });
        body.setOnMouseExited(e -> focus.pointAtLink(null));
        body.setOnMouseClicked(e -> {
            int[] link = focus.hoveredLink();
            if (e.getClickCount() == 2 && link != null) {
                editor.openForWeight(link, e.getX(), e.getY());
            }
        });
    }

    /** Puts the diagram beside the lab's canvas, adds its View menu item and starts following the run. */
    public static NetworkDiagram install(LabViewModel vm, CanvasHost canvas, MenuSlots menus) {
        return install(vm, canvas, menus, new ExplainedPoint());
    }

    /**
     * As {@link #install(LabViewModel, CanvasHost, MenuSlots)}, showing the explained point's
     * numbers on the unit or link under the pointer and telling {@code explained} what that is.
     */
    public static NetworkDiagram install(LabViewModel vm, CanvasHost canvas, MenuSlots menus,
                                         ExplainedPoint explained) {
        NetworkDiagram d = new NetworkDiagram(vm, canvas.canvasView(), canvas.pulseShare(), explained);
        canvas.sideSlot().getChildren().setAll(d.panel.root());
        menus.view().getItems().add(d.folding.menuItem());
        d.start();
        return d;
    }

    /**
     * Runs the frame loop only while the panel is in a window that is showing. The toolkit holds
     * a started timer until it is stopped, so one left running after its window closed (or after
     * the panel left the scene) would keep the whole diagram alive and go on sending pictures to
     * the shared pool for a window no one sees; every window opened and closed would add one more.
     */
    private void start() {
        AnimationTimer loop = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        panel.root().sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .subscribe(showing -> {
                    if (showing) {
                        loop.start();
                    } else {
                        loop.stop();
                    }
                });
    }

    private void pulse(long now) {
        folding.fitWindow();
        if (folding.isFolded()) {
            return; // nothing of it shows, so nothing is worth a forward pass
        }
        Pane body = panel.body();
        handOff.pulse(now, focus.current(), body.getWidth(), body.getHeight(), panel.outputScale(), this::show);
    }

    /** Puts a finished picture on screen, first building the unit boxes again if its network has another shape. */
    private void show(DiagramFrames.Result r) {
        if (shown.take(r)) {
            focus.clear();
            editor.close();
            layOut();
        }
        panel.showPicture(r.picture(), r.layout().width(), r.layout().height());
        focus.pictureShown(r);
    }

    /** Places the unit boxes again for a new network or a new panel size. */
    private void layOut() {
        Pane body = panel.body();
        if (!shown.layOut(body.getWidth(), body.getHeight())) {
            return;
        }
        boxes.rebuild();
        // the picture keeps its place until the next pulse asks for one of the new size
        focus.redrawLink();
    }

    // ---- what the user can do and see, for the lab, the tests and the probes ----

    /** Whether the panel is folded away (by the user, or because the window is too narrow). */
    public boolean isCollapsed() {
        return folding.isFolded();
    }

    /**
     * Pins unit {@code unit} of layer {@code layer}, as clicking it does: its map stays on the
     * main canvas in place of the output while the pointer is elsewhere, until {@link #unpin()} or
     * another unit is pinned.
     *
     * @throws IllegalArgumentException if the diagram does not show that unit
     * @throws IllegalStateException while the panel is folded away
     */
    public void pin(int layer, int unit) {
        if (folding.isFolded()) {
            throw new IllegalStateException("the network diagram is folded away");
        }
        StackPane[][] nodes = boxes.boxes();
        if (layer < 0 || layer >= nodes.length || unit < 0 || unit >= nodes[layer].length) {
            throw new IllegalArgumentException("the diagram shows no unit " + unit + " in layer " + layer);
        }
        focus.pin(new DiagramFrames.Focus(layer, unit));
    }

    /** Lets go of the pinned unit, as clicking it again does; the canvas shows the output unless a unit is pointed at. */
    public void unpin() {
        focus.unpin();
    }

    /** The unit boxes now on screen, [layer][unit] (shown units only). */
    public StackPane[][] unitNodes() {
        return boxes.boxes();
    }

    /** The middle of the link from unit {@code from} of layer {@code layer} to unit {@code to} of the next, on screen. */
    public Point2D linkMiddleOnScreen(int layer, int from, int to) {
        double[] m = shown.layout().linkMiddle(layer, from, to);
        return panel.body().localToScreen(m[0], m[1]);
    }

    /** FX-thread nanoseconds of each picture put on screen so far (the most recent ones). */
    public long[] frameCosts() {
        return handOff.costs();
    }
}
