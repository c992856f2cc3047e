package org.boundarylab.ui.diagram;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * One box per shown unit over the picture, and a "+N more" label under a column too tall to
 * show whole. The boxes draw none of the maps (the picture has them); they are what the pointer
 * finds, carry the inputs' names and the hover and pin frames (diagram.css), and are built again
 * whenever the network's shape or the panel's size changes.
 */
final class UnitBoxes {
    /** What clicking a unit box does; the diagram decides, so a click and its public operations are one path. */
    interface Clicks {
        /** A single primary click. */
        void clicked(DiagramFrames.Focus unit);

        /** A primary double-click, (x, y) just under the box in the body. */
        void doubleClicked(DiagramFrames.Focus unit, double x, double y);
    }

    private final Pane pane;
    private final ShownNetwork shown;
    private final PointerFocus focus;
    private final InfoLine info;
    private final Clicks clicks;
    /** [layer][unit], shown units only; volatile, as tests wait on it from their own thread. */
    private volatile StackPane[][] boxes = new StackPane[0][];

    UnitBoxes(Pane pane, ShownNetwork shown, PointerFocus focus, InfoLine info, Clicks clicks) {
        this.pane = pane;
        this.shown = shown;
        this.focus = focus;
        this.info = info;
        this.clicks = clicks;
        focus.pinnedProperty().addListener((o, was, now) -> markPinned(now));
    }

    /** The boxes now on screen, [layer][unit] (shown units only). */
    StackPane[][] boxes() {
        return boxes;
    }

    /** Builds the boxes again where {@link ShownNetwork#layout()} puts the units. */
    void rebuild() {
        DiagramLayout layout = shown.layout();
        double s = layout.unitSize();
        pane.getChildren().clear();
        // filled before they are published, so a reader never sees a half-built column
        StackPane[][] built = new StackPane[shown.layerCount()][];
        for (int l = 0; l < built.length; l++) {
            int count = layout.shown(l);
            built[l] = new StackPane[count];
            for (int k = 0; k < count; k++) {
                StackPane box = box(l, k, s);
                double[] at = DiagramPicture.unitBox(layout, l, k); // where the picture has its map
                box.relocate(at[0], at[1]);
                built[l][k] = box;
                pane.getChildren().add(box);
            }
            if (layout.summarised(l) > 0) {
                Label more = new Label("+" + layout.summarised(l) + " more");
                more.getStyleClass().add("diagram-more");
                more.setId("more-" + l);
                more.setMinWidth(Region.USE_PREF_SIZE);
                pane.getChildren().add(more);
                more.applyCss();
                double w = more.prefWidth(-1);
                more.relocate(Math.max(0, Math.min(layout.width() - w, layout.columnX(l) - w / 2)),
                        layout.rowY(l, count) - 9);
            }
        }
        boxes = built;
        markPinned(focus.pinnedProperty().get());
    }

    private StackPane box(int layer, int unit, double size) {
        // the map and its plain frame are in the picture below; this frame shows only on hover and pin
        Region frame = new Region();
        frame.getStyleClass().add("diagram-unit-frame");
        frame.setMouseTransparent(true);
        StackPane box = new StackPane(frame);
        box.getStyleClass().addAll("diagram-unit", layer == 0 ? "input" : shown.isOutput(layer) ? "output" : "hidden");
        box.setId("unit-" + layer + "-" + unit);
        DiagramFrames.Focus me = new DiagramFrames.Focus(layer, unit);
        box.setUserData(me);
        box.setPrefSize(size, size);
        box.setMinSize(size, size);
        box.setMaxSize(size, size);
        box.resize(size, size);
        if (layer == 0) {
            Label name = new Label(shown.unitName(layer, unit));
            name.getStyleClass().add("diagram-unit-name");
            StackPane.setAlignment(name, Pos.BOTTOM_LEFT);
            name.setMouseTransparent(true);
            name.setMinWidth(Region.USE_PREF_SIZE); // a narrow unit lets its name run over the links
            box.getChildren().add(name);
        }
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(300));
        Tooltip.install(box, tip);
        box.setOnMouseEntered(e -> {
            focus.enterUnit(me);
            tip.setText(info.unitText(me)); // written as the pointer arrives, so it has the latest bias
        });
        box.setOnMouseExited(e -> focus.leaveUnit(me));
        box.setOnMouseClicked(e -> {
            e.consume(); // not a click on the links behind it
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                clicks.doubleClicked(me, box.getLayoutX() + size / 2, box.getLayoutY() + size);
            } else {
                clicks.clicked(me);
            }
        });
        return box;
    }

    /** Frames the pinned unit's box (style class "pinned") and no other. */
    private void markPinned(DiagramFrames.Focus pinned) {
        for (StackPane[] column : boxes) {
            for (StackPane box : column) {
                box.getStyleClass().remove("pinned");
                if (box.getUserData().equals(pinned)) {
                    box.getStyleClass().add("pinned");
                }
            }
        }
    }
}
