package org.boundarylab.ui.diagram;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Window;
import javafx.util.Duration;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Feature;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.training.SharedPool;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.BoundaryCanvasView;
import org.boundarylab.ui.PulseShare;
import org.boundarylab.ui.CanvasHost;
import org.boundarylab.ui.MenuSlots;
import org.boundarylab.ui.LabViewModel;

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
 * unit nodes over it are there for pointing, names and the hover and pin frames.
 * {@link #frameCosts()} keeps what putting a picture on screen cost.
 */
public final class NetworkDiagram {
    /** The link colours of {@link DiagramPicture}, for the link under the pointer. */
    private static final Color NEGATIVE = fxColor(DiagramPicture.NEGATIVE_RGB);
    private static final Color POSITIVE = fxColor(DiagramPicture.POSITIVE_RGB);

    private static Color fxColor(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private final LabViewModel vm;
    private final BoundaryCanvasView canvasView;
    private final DiagramPanel panel = new DiagramPanel();
    private final PanelFolding folding;
    private final PictureHandOff handOff;
    private final Pane body;
    /** Only the link under the pointer, over the picture. */
    private final Canvas links;
    private final Pane units;
    private final Label info;
    private final List<CheckBox> switches;
    private final HBox editor;
    private final TextField editField;
    private final Label editError;

    private int[] shownLayers;
    private Features shownFeatures;
    private DiagramLayout layout;
    private volatile StackPane[][] unitNodes = new StackPane[0][];
    /** Whether the links canvas has something on it. */
    private boolean hotDrawn;
    private DiagramFrames.Result last;
    private DiagramFrames.Focus hovered;
    private DiagramFrames.Focus pinned;
    private int[] hoveredLink;

    private NetworkDiagram(LabViewModel vm, BoundaryCanvasView canvasView, PulseShare pulseShare) {
        this.vm = vm;
        this.canvasView = canvasView;
        body = panel.body();
        links = panel.links();
        units = panel.units();
        info = panel.info();
        switches = panel.featureSwitches();
        editor = panel.editor();
        editField = panel.editField();
        editError = panel.editNote();
        folding = new PanelFolding(panel, () -> {
            hovered = null;
            pinned = null;
            canvasView.showOverride(null);
        });
        handOff = new PictureHandOff(vm, canvasView, pulseShare, SharedPool.get());
        build();
    }

    /** Puts the diagram beside the lab's canvas, adds its View menu item and starts following the run. */
    public static NetworkDiagram install(LabViewModel vm, CanvasHost canvas, MenuSlots menus) {
        NetworkDiagram d = new NetworkDiagram(vm, canvas.canvasView(), canvas.pulseShare());
        canvas.sideSlot().getChildren().setAll(d.panel.root());
        menus.view().getItems().add(d.folding.menuItem());
        d.start();
        return d;
    }

    // ---- bringing the panel to life ----

    private void build() {
        for (CheckBox box : switches) {
            Feature f = (Feature) box.getUserData();
            box.setOnAction(e -> switchFeature(f, box));
        }
        body.widthProperty().addListener((o, a, b) -> relayout());
        body.heightProperty().addListener((o, a, b) -> relayout());
        body.setOnMouseMoved(this::pointerMoved);
        body.setOnMouseExited(e -> setHoveredLink(null));
        body.setOnMouseClicked(this::bodyClicked);
        editField.setOnAction(e -> commitEdit());
        editField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor();
            }
        });
        info.setText("Point at a unit to see its map on the canvas; click to pin it.");

        vm.featuresProperty().addListener((o, a, b) -> syncSwitches());
        vm.playingProperty().addListener((o, a, playing) -> {
            if (playing) {
                closeEditor();
            }
        });
        syncSwitches();
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

    private void syncSwitches() {
        Features f = vm.featuresProperty().get();
        for (CheckBox box : switches) {
            box.setSelected(f.contains((Feature) box.getUserData()));
        }
    }

    private void switchFeature(Feature f, CheckBox box) {
        try {
            vm.featuresProperty().set(vm.featuresProperty().get().with(f, box.isSelected()));
            info.setText(box.isSelected() ? f.label() + " is now an input; training starts again."
                    : f.label() + " is no longer an input; training starts again.");
        } catch (IllegalArgumentException e) {
            box.setSelected(true);
            info.setText(e.getMessage() + ".");
        }
    }

    // ---- the frame loop ----

    private void pulse(long now) {
        folding.fitWindow();
        if (folding.isFolded()) {
            return; // nothing of it shows, so nothing is worth a forward pass
        }
        handOff.pulse(now, focus(), body.getWidth(), body.getHeight(), panel.outputScale(), this::apply);
    }

    private DiagramFrames.Focus focus() {
        return hovered != null ? hovered : pinned;
    }

    /** Puts a finished picture on screen: its pixels into the one image, the link under the pointer, the canvas override. */
    private void apply(DiagramFrames.Result r) {
        last = r;
        Architecture arch = r.request().snapshot().network().architecture();
        if (!Arrays.equals(arch.layers(), shownLayers) || !r.request().features().equals(shownFeatures)) {
            shownLayers = arch.layers();
            shownFeatures = r.request().features();
            hovered = null;
            pinned = null;
            canvasView.showOverride(null);
            closeEditor();
            relayout();
        }
        panel.showPicture(r.picture(), r.layout().width(), r.layout().height());
        if (hoveredLink != null) {
            drawLinks(); // its thickness follows the new weight
        }
        DiagramFrames.Focus f = focus();
        if (f != null && f.equals(r.request().focus()) && r.focusFrame() != null) {
            canvasView.showOverride(r.focusFrame(), "Showing " + unitName(f.layer(), f.unit())
                    + (f.equals(pinned) ? " (pinned)" : ""));
            describeUnit(f);
        }
        if (hoveredLink != null) {
            describeLink(hoveredLink);
        }
    }

    /** Lays the unit nodes out again for a new architecture or a new panel size. */
    private void relayout() {
        if (shownLayers == null) {
            return;
        }
        layout = new DiagramLayout(shownLayers, body.getWidth(), body.getHeight());
        double s = layout.unitSize();
        units.getChildren().clear();
        // filled before they are published, so a reader never sees a half-built column
        StackPane[][] nodes = new StackPane[shownLayers.length][];
        for (int l = 0; l < shownLayers.length; l++) {
            int shown = layout.shown(l);
            nodes[l] = new StackPane[shown];
            for (int k = 0; k < shown; k++) {
                StackPane node = unitNode(l, k, s);
                double[] box = DiagramPicture.unitBox(layout, l, k); // where the picture has its map
                node.relocate(box[0], box[1]);
                nodes[l][k] = node;
                units.getChildren().add(node);
            }
            if (layout.summarised(l) > 0) {
                Label more = new Label("+" + layout.summarised(l) + " more");
                more.getStyleClass().add("diagram-more");
                more.setId("more-" + l);
                more.setMinWidth(Region.USE_PREF_SIZE);
                units.getChildren().add(more);
                more.applyCss();
                double w = more.prefWidth(-1);
                more.relocate(Math.max(0, Math.min(body.getWidth() - w, layout.columnX(l) - w / 2)),
                        layout.rowY(l, layout.shown(l)) - 9);
            }
        }
        unitNodes = nodes;
        // the picture keeps its place until the next pulse asks for one of the new size
        drawLinks();
    }

    private StackPane unitNode(int layer, int unit, double size) {
        // the map and its plain frame are in the picture below; this frame shows only on hover and pin
        Region frame = new Region();
        frame.getStyleClass().add("diagram-unit-frame");
        frame.setMouseTransparent(true);
        StackPane node = new StackPane(frame);
        node.getStyleClass().addAll("diagram-unit",
                layer == 0 ? "input" : layer == shownLayers.length - 1 ? "output" : "hidden");
        node.setId("unit-" + layer + "-" + unit);
        node.setUserData(new DiagramFrames.Focus(layer, unit));
        node.setPrefSize(size, size);
        node.setMinSize(size, size);
        node.setMaxSize(size, size);
        node.resize(size, size);
        if (layer == 0) {
            Label name = new Label(shownFeatures.get(unit).label());
            name.getStyleClass().add("diagram-unit-name");
            StackPane.setAlignment(name, Pos.BOTTOM_LEFT);
            name.setMouseTransparent(true);
            name.setMinWidth(Region.USE_PREF_SIZE); // a narrow unit lets its name run over the links
            node.getChildren().add(name);
        }
        DiagramFrames.Focus me = new DiagramFrames.Focus(layer, unit);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(300));
        Tooltip.install(node, tip);
        node.setOnMouseEntered(e -> {
            hovered = me;
            setHoveredLink(null);
            tip.setText(unitText(me));
            describeUnit(me);
        });
        node.setOnMouseExited(e -> {
            if (me.equals(hovered)) {
                hovered = null;
                if (pinned == null) {
                    canvasView.showOverride(null);
                }
            }
        });
        node.setOnMouseClicked(e -> {
            e.consume();
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                if (layer > 0) {
                    openEditor(me, null, node.getLayoutX() + size / 2, node.getLayoutY() + size);
                }
                return;
            }
            if (me.equals(pinned)) {
                unpin();
            } else {
                pin(layer, unit);
            }
        });
        return node;
    }

    private void updatePinStyle() {
        for (StackPane[] column : unitNodes) {
            for (StackPane n : column) {
                boolean on = n.getUserData().equals(pinned);
                n.getStyleClass().remove("pinned");
                if (on) {
                    n.getStyleClass().add("pinned");
                }
            }
        }
    }

    /** Draws the link under the pointer over the picture; the others are in the picture. */
    private void drawLinks() {
        GraphicsContext g = links.getGraphicsContext2D();
        if (hotDrawn) {
            g.clearRect(0, 0, links.getWidth(), links.getHeight());
            hotDrawn = false;
        }
        int[] hot = hoveredLink;
        if (layout == null || last == null || hot == null) {
            return;
        }
        Network net = last.request().snapshot().network();
        if (!Arrays.equals(net.architecture().layers(), shownLayers)) {
            return;
        }
        double half = layout.unitSize() / 2;
        double w = net.weight(hot[0], hot[1], hot[2]);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setStroke((w < 0 ? NEGATIVE : POSITIVE).darker());
        g.setLineWidth(DiagramLayout.thickness(w) + 2);
        g.strokeLine(layout.columnX(hot[0]) + half, layout.rowY(hot[0], hot[1]),
                layout.columnX(hot[0] + 1) - half, layout.rowY(hot[0] + 1, hot[2]));
        hotDrawn = true;
    }

    // ---- pointing, pinning, editing ----

    private void pointerMoved(MouseEvent e) {
        if (layout == null || e.getTarget() != body && e.getTarget() != links && e.getTarget() != units) {
            return;
        }
        int[] found = null;
        for (int l = 0; l + 1 < shownLayers.length && found == null; l++) {
            int[] ij = layout.linkAt(l, e.getX(), e.getY(), 4);
            if (ij != null) {
                found = new int[] {l, ij[0], ij[1]};
            }
        }
        setHoveredLink(found);
    }

    private void setHoveredLink(int[] link) {
        if (Arrays.equals(link, hoveredLink)) {
            return;
        }
        hoveredLink = link;
        drawLinks();
        if (link != null) {
            describeLink(link);
        }
    }

    private void bodyClicked(MouseEvent e) {
        if (e.getClickCount() == 2 && hoveredLink != null) {
            openEditor(null, hoveredLink.clone(), e.getX(), e.getY());
        }
    }

    private String unitName(int layer, int unit) {
        if (layer == 0) {
            return shownFeatures.get(unit).label();
        }
        if (layer == shownLayers.length - 1) {
            return shownLayers[layer] == 1 ? "output" : "output " + unit;
        }
        return "h" + layer + "." + (unit + 1);
    }

    private String unitText(DiagramFrames.Focus f) {
        StringBuilder t = new StringBuilder(unitName(f.layer(), f.unit()));
        if (last != null && last.maps().has(f.layer())) {
            double[] range = last.maps().range(f.layer(), f.unit());
            if (f.layer() > 0) {
                Network net = last.request().snapshot().network();
                t.append(String.format(Locale.ROOT, ": bias %s, %s", ParameterInput.format(net.bias(f.layer() - 1,
                        f.unit())), net.architecture().activationOf(f.layer()).id()));
            }
            t.append(String.format(Locale.ROOT, ", from %.3f to %.3f over the plane", range[0], range[1]));
        }
        return t.toString();
    }

    private void describeUnit(DiagramFrames.Focus f) {
        info.setText(unitText(f) + (f.layer() > 0 ? ". Double-click to set the bias." : "."));
    }

    private void describeLink(int[] link) {
        if (last == null) {
            return;
        }
        Network net = last.request().snapshot().network();
        if (!Arrays.equals(net.architecture().layers(), shownLayers)) {
            return;
        }
        info.setText(String.format(Locale.ROOT, "Weight %s → %s: %s. Double-click to change it.",
                unitName(link[0], link[1]), unitName(link[0] + 1, link[2]),
                ParameterInput.format(net.weight(link[0], link[1], link[2]))));
    }

    /** Opens the field for a bias (unit given) or a weight (link {layer, from, to} given). */
    private void openEditor(DiagramFrames.Focus unit, int[] link, double x, double y) {
        if (last == null) {
            return;
        }
        if (vm.playingProperty().get()) {
            info.setText("Pause training to change a weight or bias by hand.");
            return;
        }
        Network net = last.request().snapshot().network();
        double current = unit != null ? net.bias(unit.layer() - 1, unit.unit()) : net.weight(link[0], link[1], link[2]);
        editField.setText(ParameterInput.format(current));
        editError.setText(unit != null ? "bias of " + unitName(unit.layer(), unit.unit())
                : "weight " + unitName(link[0], link[1]) + " → " + unitName(link[0] + 1, link[2]));
        editError.getStyleClass().remove("invalid");
        editor.setUserData(unit != null ? new int[] {unit.layer() - 1, -1, unit.unit()} : new int[] {link[0], link[1],
            link[2]});
        editor.setVisible(true);
        editor.autosize();
        editor.relocate(Math.max(0, Math.min(body.getWidth() - 150, x - 60)), Math.max(0, Math.min(body.getHeight()
                - 60, y + 6)));
        editField.requestFocus();
        editField.selectAll();
    }

    private void closeEditor() {
        editor.setVisible(false);
        editor.setUserData(null);
    }

    private void commitEdit() {
        int[] target = (int[]) editor.getUserData();
        if (target == null) {
            return;
        }
        double value;
        try {
            value = ParameterInput.parse(editField.getText());
        } catch (IllegalArgumentException e) {
            showEditError(e.getMessage());
            return;
        }
        CompletableFuture<TrainingSnapshot> done = target[1] < 0 ? vm.editBias(target[0], target[2], value)
                : vm.editWeight(target[0], target[1], target[2], value);
        done.whenComplete((s, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                showEditError(cause.getMessage());
            } else {
                info.setText("Set to " + ParameterInput.format(value) + "; press Play to train on from here.");
            }
        }));
        closeEditor();
    }

    private void showEditError(String message) {
        editError.setText(message);
        if (!editError.getStyleClass().contains("invalid")) {
            editError.getStyleClass().add("invalid");
        }
        editor.setVisible(true);
        editor.autosize();
        info.setText(message);
    }

    // ---- what the user can do and see, for the lab, the tests and the probes ----

    /** Whether the panel is folded away (by the user, or because the window is too narrow). */
    public boolean isCollapsed() {
        return folding.isFolded();
    }

    /** The unit nodes now on screen, [layer][unit] (shown units only). */
    public StackPane[][] unitNodes() {
        return unitNodes;
    }

    /** The middle of the link from unit {@code from} of layer {@code layer} to unit {@code to} of the next, on screen. */
    public javafx.geometry.Point2D linkMiddleOnScreen(int layer, int from, int to) {
        double[] m = layout.linkMiddle(layer, from, to);
        return body.localToScreen(m[0], m[1]);
    }

    /** FX-thread nanoseconds of each picture put on screen so far (the most recent ones). */
    public long[] frameCosts() {
        return handOff.costs();
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
        StackPane[][] nodes = unitNodes;
        if (layer < 0 || layer >= nodes.length || unit < 0 || unit >= nodes[layer].length) {
            throw new IllegalArgumentException("the diagram shows no unit " + unit + " in layer " + layer);
        }
        pinned = new DiagramFrames.Focus(layer, unit);
        updatePinStyle();
    }

    /** Lets go of the pinned unit, as clicking it again does; the canvas shows the output unless a unit is pointed at. */
    public void unpin() {
        pinned = null;
        updatePinStyle();
        if (focus() == null) {
            canvasView.showOverride(null);
        }
    }
}
