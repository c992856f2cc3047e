package org.boundarylab.ui.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Window;
import javafx.util.Duration;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Feature;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.render.Viewport;
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
    static final double PANEL_WIDTH = 300;
    /** The link colours of {@link DiagramPicture}, for the link under the pointer. */
    private static final Color NEGATIVE = fxColor(DiagramPicture.NEGATIVE_RGB);
    private static final Color POSITIVE = fxColor(DiagramPicture.POSITIVE_RGB);

    private static Color fxColor(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private final LabViewModel vm;
    private final BoundaryCanvasView canvasView;
    /** Takes turns with the canvas and the chart: at most one of them updates per pulse. */
    private final PulseShare pulseShare;
    private final DiagramFrames frames;
    private final VBox root = new VBox();
    private final Pane body = new Pane();
    /** The links and maps of the last snapshot, drawn on the pool. */
    private final ImageView picture = new ImageView();
    /** Only the link under the pointer, over the picture. */
    private final Canvas links = new Canvas();
    private final Pane units = new Pane();
    private final Label info = new Label();
    private final FlowPane featureSwitches = new FlowPane(4, 4);
    private final List<CheckBox> switches = new ArrayList<>();
    private final Button collapse = new Button("⟩");
    private final HBox editor = new HBox(4);
    private final TextField editField = new TextField();
    private final Label editError = new Label();
    private final FrameCosts costs = new FrameCosts(4096);

    private int[] shownLayers;
    private Features shownFeatures;
    private DiagramLayout layout;
    private volatile StackPane[][] unitNodes = new StackPane[0][];
    private WritableImage pictureImage;
    /** Whether the links canvas has something on it. */
    private boolean hotDrawn;
    private DiagramFrames.Result last;
    private TrainingSnapshot submitted;
    private Viewport submittedCanvasView;
    private double submittedWidth;
    private double submittedHeight;
    private double submittedScale;
    private DiagramFrames.Focus hovered;
    private DiagramFrames.Focus pinned;
    private DiagramFrames.Focus submittedFocus;
    private int[] hoveredLink;
    private Viewport thumbView = new Viewport(-1, 1, -1, 1);
    private boolean collapsed;
    /** Folded by {@link #fitWindow}, not by the user. */
    private boolean foldedToFit;
    /** The window width at which the panel folded by {@link #fitWindow} fits again. */
    private double roomNeeded;
    private javafx.scene.control.CheckMenuItem menuItem;

    private NetworkDiagram(LabViewModel vm, BoundaryCanvasView canvasView, PulseShare pulseShare) {
        this.vm = vm;
        this.canvasView = canvasView;
        this.pulseShare = pulseShare;
        this.frames = new DiagramFrames(SharedPool.get());
        build();
    }

    /** Puts the diagram beside the lab's canvas, adds its View menu item and starts following the run. */
    public static NetworkDiagram install(LabViewModel vm, CanvasHost canvas, MenuSlots menus) {
        NetworkDiagram d = new NetworkDiagram(vm, canvas.canvasView(), canvas.pulseShare());
        StackPane place = canvas.sideSlot();
        place.getChildren().setAll(d.root);
        javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem("Network diagram");
        item.setId("diagramMenuItem");
        item.setSelected(true);
        item.setOnAction(e -> d.choose(!item.isSelected()));
        d.menuItem = item;
        menus.view().getItems().add(item);
        d.start();
        return d;
    }

    // ---- building the panel ----

    private void build() {
        root.getStyleClass().add("diagram");
        root.getStylesheets().add(NetworkDiagram.class.getResource("diagram.css").toExternalForm());
        root.setId("networkDiagram");
        root.setPrefWidth(PANEL_WIDTH);
        root.setMinWidth(Region.USE_PREF_SIZE);
        root.setMaxWidth(Region.USE_PREF_SIZE);

        Label title = new Label("Inside the network");
        title.getStyleClass().add("section");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        collapse.setId("diagramCollapse");
        collapse.setTooltip(new Tooltip("Hide or show the network diagram"));
        collapse.setOnAction(e -> choose(!collapsed));
        HBox header = new HBox(6, title, collapse);
        header.setAlignment(Pos.CENTER_LEFT);

        Label inputs = new Label("Inputs");
        inputs.getStyleClass().add("diagram-caption");
        for (Feature f : Feature.values()) {
            CheckBox box = new CheckBox(f.label());
            box.setId("feature-" + f.name().toLowerCase(Locale.ROOT));
            box.setUserData(f);
            box.setOnAction(e -> switchFeature(f, box));
            switches.add(box);
        }
        featureSwitches.getChildren().addAll(switches);
        featureSwitches.getStyleClass().add("diagram-features");

        links.setId("diagramLinks");
        links.widthProperty().bind(body.widthProperty());
        links.heightProperty().bind(body.heightProperty());
        links.setManaged(false);
        picture.setId("diagramPicture");
        picture.setManaged(false);
        picture.setMouseTransparent(true);
        picture.setSmooth(true);
        units.setManaged(false);
        units.setPickOnBounds(false);
        body.getChildren().addAll(picture, links, units, editor);
        body.setId("diagramBody");
        body.getStyleClass().add("diagram-body");
        body.setMinHeight(120);
        VBox.setVgrow(body, Priority.ALWAYS);
        body.widthProperty().addListener((o, a, b) -> relayout());
        body.heightProperty().addListener((o, a, b) -> relayout());
        body.setOnMouseMoved(this::pointerMoved);
        body.setOnMouseExited(e -> setHoveredLink(null));
        body.setOnMouseClicked(this::bodyClicked);

        editField.setId("diagramEditField");
        editField.setPrefColumnCount(7);
        editError.setId("diagramEditError");
        editError.getStyleClass().add("diagram-edit-error");
        editError.setWrapText(true);
        editError.setMaxWidth(PANEL_WIDTH - 40);
        VBox editBox = new VBox(2, editField, editError);
        editor.getChildren().setAll(editBox);
        editor.getStyleClass().add("diagram-editor");
        editor.setVisible(false);
        editor.setManaged(false);
        editField.setOnAction(e -> commitEdit());
        editField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor();
            }
        });

        info.setId("diagramInfo");
        info.getStyleClass().add("diagram-info");
        info.setWrapText(true);
        info.setMinHeight(Region.USE_PREF_SIZE);
        info.setText("Point at a unit to see its map on the canvas; click to pin it.");

        root.getChildren().addAll(header, inputs, featureSwitches, body, info);
        root.setPadding(new Insets(8, 10, 8, 10));
        root.setSpacing(6);

        vm.featuresProperty().addListener((o, a, b) -> syncSwitches());
        vm.dataProperty().addListener((o, a, split) -> dataChanged(split));
        vm.playingProperty().addListener((o, a, playing) -> {
            if (playing) {
                closeEditor();
            }
        });
        syncSwitches();
        dataChanged(vm.dataProperty().get());
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
                fitWindow();
                pulse(now);
            }
        };
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .subscribe(shown -> {
                    if (shown) {
                        loop.start();
                    } else {
                        loop.stop();
                    }
                });
    }

    /** The user opens or folds the panel: that choice stands until the user changes it. */
    private void choose(boolean fold) {
        foldedToFit = false;
        setCollapsed(fold);
    }

    /**
     * Folds the panel away while the window is too narrow for it (a 1024-pixel projector, the
     * larger presentation fonts), so that nothing on the right is cut off, and opens it again
     * once there is room. Only a fold made here is undone here; one the user chose stays.
     */
    private void fitWindow() {
        javafx.scene.Scene scene = root.getScene();
        if (scene == null || scene.getWidth() <= 0 || root.getWidth() <= 0) {
            return;
        }
        // a timer runs before its pulse's layout pass: while the panel's place waits for one (the
        // panel was just put back into the window, say) its position is stale and would read as overflow
        if (root.isNeedsLayout() || root.getParent() == null || root.getParent().isNeedsLayout()) {
            return;
        }
        // the window lays the panel out at its full width and lets the rest run past the edge
        double overflow = root.localToScene(root.getLayoutBounds()).getMaxX() - scene.getWidth();
        if (!collapsed && overflow > 0.5) {
            setCollapsed(true);
            foldedToFit = true;
            roomNeeded = scene.getWidth() + overflow;
        } else if (foldedToFit && scene.getWidth() >= roomNeeded) {
            setCollapsed(false);
            foldedToFit = false;
        }
    }

    private void setCollapsed(boolean on) {
        collapsed = on;
        if (menuItem != null) {
            menuItem.setSelected(!on);
        }
        collapse.setText(on ? "⟨" : "⟩");
        for (var n : root.getChildren().subList(1, root.getChildren().size())) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        root.setPrefWidth(on ? Region.USE_COMPUTED_SIZE : PANEL_WIDTH);
        if (on) {
            hovered = null;
            pinned = null;
            canvasView.showOverride(null);
        }
        ((Label) ((HBox) root.getChildren().get(0)).getChildren().get(0)).setText(on ? "" : "Inside the network");
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

    // ---- the frame loop ----

    private void pulse(long now) {
        if (collapsed) {
            return;
        }
        TrainingSnapshot s = vm.snapshotProperty().get();
        DiagramFrames.Focus focus = focus();
        Viewport canvas = canvasView.shownView();
        double width = body.getWidth();
        double height = body.getHeight();
        double scale = body.getScene() != null && body.getScene().getWindow() != null
                ? body.getScene().getWindow().getOutputScaleX() : 1;
        if (s != null && (s != submitted || !java.util.Objects.equals(focus, submittedFocus)
                || (focus != null && !canvas.equals(submittedCanvasView))
                || width != submittedWidth || height != submittedHeight || scale != submittedScale)) {
            submitted = s;
            submittedFocus = focus;
            submittedCanvasView = canvas;
            submittedWidth = width;
            submittedHeight = height;
            submittedScale = scale;
            frames.submit(new DiagramFrames.Request(s, vm.shownFeaturesProperty().get(), thumbView, focus, canvas,
                    width, height, scale));
        }
        DiagramFrames.Result r = frames.hasResult() && pulseShare.claim(this, now) ? frames.take() : null;
        if (r != null) {
            long t0 = System.nanoTime();
            apply(r);
            costs.add(System.nanoTime() - t0);
        }
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
        DiagramPicture.Pixels p = r.picture();
        if (pictureImage == null || (int) pictureImage.getWidth() != p.width()
                || (int) pictureImage.getHeight() != p.height()) {
            pictureImage = new WritableImage(p.width(), p.height());
            picture.setImage(pictureImage);
        }
        pictureImage.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(),
                p.argb(), 0, p.width());
        picture.setFitWidth(r.layout().width());
        picture.setFitHeight(r.layout().height());
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

    // ---- for tests and probes ----

    /** The unit nodes now on screen, [layer][unit] (shown units only). */
    /** Whether the panel is folded away (by the user, or because the window is too narrow). */
    public boolean isCollapsed() {
        return collapsed;
    }

    public StackPane[][] unitNodes() {
        return unitNodes;
    }

    /** The middle of the link from unit {@code from} of layer {@code layer} to unit {@code to} of the next, in the panel's body. */
    public javafx.geometry.Point2D linkMiddleOnScreen(int layer, int from, int to) {
        double[] m = layout.linkMiddle(layer, from, to);
        return body.localToScreen(m[0], m[1]);
    }

    /** FX-thread nanoseconds of each picture put on screen so far (the most recent ones). */
    public long[] frameCosts() {
        return costs.values();
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
        if (collapsed) {
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

    /** A ring of the most recent durations. */
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
