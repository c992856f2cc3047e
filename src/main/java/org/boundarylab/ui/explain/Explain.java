package org.boundarylab.ui.explain;

import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.render.Viewport;
import org.boundarylab.training.SharedPool;
import org.boundarylab.ui.BoundaryCanvasView;
import org.boundarylab.ui.CanvasHost;
import org.boundarylab.ui.ControlsHost;
import org.boundarylab.ui.ExplainedPoint;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.MenuSlots;

/**
 * "Explain a point" (View menu, Ctrl+E): the Explain panel takes the settings' column, a click on
 * the canvas chooses a point (a data point within a few pixels, else that spot of the plane as
 * the class chosen for spots), and the panel shows that point's forward and backward pass
 * through the network on screen, in the tutorials' notation, and one gradient-descent step on
 * the whole training set with Apply and Undo. The numbers go to {@link ExplainedPoint}, where
 * the network diagram reads them too.
 */
public final class Explain {
    /** The built-in lesson that is read in this panel ("One gradient step by hand"). */
    public static final String LESSON_ID = "gradient-step-by-hand";

    /** A click this close to a data point (in pixels) chooses that point. */
    static final double PICK_RADIUS_PX = 8;

    private final ExplainModel model;
    private final ExplainPanel panel;
    private final CheckMenuItem menuItem = new CheckMenuItem("Explain a point");
    private final BoundaryCanvasView canvasView;
    private final ControlsHost controls;
    private final LabViewModel vm;

    private Explain(LabViewModel vm, ExplainedPoint shared, CanvasHost canvas, ControlsHost controls) {
        this.vm = vm;
        this.canvasView = canvas.canvasView();
        this.controls = controls;
        this.model = new ExplainModel(vm.run(), shared, SharedPool.get(), Platform::runLater);
        this.panel = new ExplainPanel(model);
    }

    /** Adds the View menu item, the canvas's clicks and the panel (shown while the item is ticked). */
    public static Explain install(LabViewModel vm, ExplainedPoint shared, CanvasHost canvas, ControlsHost controls,
                                  MenuSlots menus) {
        Explain e = new Explain(vm, shared, canvas, controls);
        e.menuItem.setId("explainItem");
        e.menuItem.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        e.menuItem.selectedProperty().bindBidirectional(e.model.activeProperty());
        menus.view().getItems().add(e.menuItem);
        e.model.activeProperty().addListener((o, was, on) -> e.shown(on));
        e.panel.closeButton().setOnAction(ev -> e.close());
        vm.data().dataProperty().addListener((o, a, split) -> e.panel.setData(split));
        e.panel.setData(vm.data().dataProperty().get());
        shared.numbersProperty().addListener((o, a, n) -> canvas.canvasView().setMarker(
                n == null ? null : new double[] {n.x1(), n.x2()}));
        canvas.canvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e::clicked);
        return e;
    }

    private void shown(boolean on) {
        controls.showInPlaceOfControls(on ? panel.root() : null);
        if (!on) {
            canvasView.setMarker(null);
        }
    }

    /** Opens the panel. */
    public void open() {
        model.activeProperty().set(true);
    }

    /** Closes the panel; the settings come back. */
    public void close() {
        model.activeProperty().set(false);
    }

    public ExplainModel model() {
        return model;
    }

    /** The data table of the panel, for the tests. */
    public javafx.scene.control.TableView<?> table() {
        return panel.table();
    }

    /** The focus box's equations as text, for the tests. */
    public java.util.List<String> focusLines() {
        return panel.focusLines();
    }

    private void clicked(MouseEvent e) {
        if (!model.activeProperty().get() || e.isConsumed() || e.getButton() != MouseButton.PRIMARY
                || !e.isStillSincePress()) {
            return;
        }
        double[] p = canvasView.planePoint(e.getX(), e.getY());
        Viewport v = canvasView.shownView();
        if (p[0] < v.xMin() || p[0] > v.xMax() || p[1] < v.yMin() || p[1] > v.yMax()) {
            return;
        }
        choose(p[0], p[1]);
    }

    /** Chooses the data point nearest to (x1, x2) if it lies within a few pixels, else that spot. */
    public void choose(double x1, double x2) {
        Split split = vm.data().dataProperty().get();
        double reach = PICK_RADIUS_PX * canvasView.unitsPerPixel();
        double best = reach * reach;
        String where = null;
        double[] at = null;
        int label = 0;
        if (split != null) {
            for (int s = 0; s < 2; s++) {
                Dataset d = s == 0 ? split.train() : split.test();
                for (int r = 0; r < d.size(); r++) {
                    double dx = d.x1(r) - x1;
                    double dy = d.x2(r) - x2;
                    if (dx * dx + dy * dy <= best) {
                        best = dx * dx + dy * dy;
                        at = new double[] {d.x1(r), d.x2(r)};
                        label = d.label(r);
                        where = (s == 0 ? "train" : "test") + " point " + (r + 1);
                    }
                }
            }
        }
        if (at != null) {
            model.choosePoint(at[0], at[1], label, where);
        } else {
            model.chooseSpot(x1, x2);
        }
    }
}
