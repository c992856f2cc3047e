package org.boundarylab.ui.draw;

import org.boundarylab.ui.DataEditor;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.render.Palette;
import org.boundarylab.ui.BoundaryCanvasView;
import org.boundarylab.ui.CanvasHost;
import org.boundarylab.ui.MenuSlots;
import org.boundarylab.ui.LabViewModel;

/**
 * Drawing data by hand on the boundary canvas: a small bar above it (Draw, the class of new
 * points in the palette's colours, training or test set, Undo, Redo, Clear), the mouse on the
 * canvas while Draw is on (click adds, drag paints, right-click or Shift erases), and Undo, Redo
 * and Clear in the Data menu with Ctrl+Z and Ctrl+Y. The edits themselves live in
 * {@link DataEditor}.
 */
public final class DrawTools {
    /** Points a drag paints are at least this many pixels apart. */
    static final double PAINT_SPACING_PX = 14;
    /** The eraser's radius in pixels. */
    static final double ERASE_RADIUS_PX = 12;

    private final LabViewModel vm;
    private final BoundaryCanvasView canvasView;
    private final Canvas canvas;
    private final DataEditor editor;
    private final ToggleButton drawToggle = new ToggleButton("Draw");
    private final HBox classButtons = new HBox(4);
    private final ToggleGroup classGroup = new ToggleGroup();
    private final FlowPane bar;
    private final javafx.beans.property.BooleanProperty compact =
            new javafx.beans.property.SimpleBooleanProperty(this, "compact", false);
    private boolean applying;
    private boolean lastCustom;
    private boolean erasing;

    private DrawTools(LabViewModel vm, CanvasHost host, MenuSlots menus) {
        this.vm = vm;
        this.canvasView = host.canvasView();
        this.canvas = host.canvas();
        this.editor = new DataEditor(vm.data().dataProperty().get(), this::applyEdit);
        lastCustom = vm.data().customDataProperty().get();
        vm.data().dataProperty().addListener((o, a, split) -> {
            if (!applying) {
                editor.observe(split, lastCustom);
            }
            lastCustom = vm.data().customDataProperty().get();
            rebuildClassButtons();
        });
        this.bar = buildBar();
        host.addToolbar(bar);
        // compact (presentation mode): the bar gives its row to the picture until drawing starts (Ctrl+D)
        bar.visibleProperty().bind(compact.not().or(drawToggle.selectedProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        installMouse();
        installMenu(menus);
    }

    /** When set, the bar shows only while drawing (presentation mode needs the row for the picture). */
    public javafx.beans.property.BooleanProperty compactProperty() {
        return compact;
    }

    /** Adds the drawing bar, the canvas's mouse handling and the Data menu's edit items to the lab window. */
    public static DrawTools install(LabViewModel vm, CanvasHost host, MenuSlots menus) {
        return new DrawTools(vm, host, menus);
    }

    public DataEditor editor() {
        return editor;
    }

    public ToggleButton drawToggle() {
        return drawToggle;
    }

    private void applyEdit(Split split) {
        applying = true;
        try {
            vm.setCustomData(split);
        } finally {
            applying = false;
        }
    }

    // ---- the bar ----

    private FlowPane buildBar() {
        drawToggle.setId("drawToggle");
        drawToggle.setTooltip(new Tooltip("Draw points on the canvas: click adds one, drag paints several,"
                + " right-click or Shift+click erases"));
        drawToggle.selectedProperty().addListener((o, a, on) -> {
            canvasView.setKeepView(on);
            canvas.setCursor(on ? Cursor.CROSSHAIR : Cursor.DEFAULT);
            editor.endStroke();
        });
        Label classLabel = new Label("Class");
        classButtons.setAlignment(Pos.CENTER_LEFT);
        rebuildClassButtons();
        editor.selectedClassProperty().addListener((o, a, c) -> {
            for (Node n : classButtons.getChildren()) {
                ((ToggleButton) n).setSelected(n.getId().equals("drawClass" + c));
            }
        });
        CheckBox toTest = new CheckBox("to test set");
        toTest.setId("drawToTest");
        toTest.selectedProperty().bindBidirectional(editor.toTestSetProperty());
        toTest.setTooltip(new Tooltip("New points go to the test set (drawn as rings) instead of the training set"));
        Button undo = button("undoButton", "Undo", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip("Undo " + editor.undoNameProperty().get() + " (Ctrl+Z)"), editor.undoNameProperty()));
        Button redo = button("redoButton", "Redo", editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());
        redo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip("Redo " + editor.redoNameProperty().get() + " (Ctrl+Y)"), editor.redoNameProperty()));
        Button clear = button("clearPointsButton", "Clear", editor::clear);
        clear.setTooltip(new Tooltip("Remove every point, to draw a data set from scratch"));
        Label count = new Label();
        count.setId("pointCountLabel");
        count.getStyleClass().add("point-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            Split s = vm.data().dataProperty().get();
            return s == null ? "" : s.train().size() + " train · " + s.test().size() + " test";
        }, vm.data().dataProperty()));
        Label hint = new Label("click, drag: add · right-click: erase");
        hint.setId("drawHint");
        hint.getStyleClass().add("draw-hint");
        hint.setOpacity(0.75); // quieter than the controls, in the theme's own text colour
        hint.visibleProperty().bind(drawToggle.selectedProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        hint.setMinWidth(0);
        // a flow, not a row: in presentation mode at 1024 px the tools wrap instead of widening the window
        FlowPane box = new FlowPane(6, 4, drawToggle, classLabel, classButtons, toTest, undo, redo, clear, count, hint);
        box.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        for (Node n : List.of(drawToggle, classLabel, toTest, undo, redo, clear)) {
            ((Region) n).setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        classButtons.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE); // only the hint gives way
        count.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        box.setId("drawBar");
        box.getStyleClass().add("draw-bar");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setRowValignment(javafx.geometry.VPos.CENTER);
        // the tools show only while drawing: the bar stays one short row, and the canvas keeps its height
        for (Node n : List.of(classLabel, classButtons, toTest, undo, redo, clear)) {
            n.visibleProperty().bind(drawToggle.selectedProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        return box;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(true);
        return b;
    }

    /** One button per class in the data, and one for a new class; each shows its colour. */
    private void rebuildClassButtons() {
        int offered = editor.offeredClasses();
        if (classButtons.getChildren().size() == offered) {
            return;
        }
        int selected = Math.min(editor.selectedClassProperty().get(), offered - 1);
        List<Node> buttons = new ArrayList<>();
        for (int c = 0; c < offered; c++) {
            int cls = c;
            ToggleButton b = new ToggleButton(Integer.toString(c));
            b.setId("drawClass" + c);
            b.getStyleClass().add("draw-class");
            b.setToggleGroup(classGroup);
            int rgb = Palette.classRgb(c);
            b.setGraphic(new Circle(6, Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)));
            b.setTooltip(new Tooltip("New points are class " + c));
            b.setOnAction(e -> {
                editor.selectedClassProperty().set(cls);
                b.setSelected(true); // a class stays chosen when its button is pressed again
            });
            b.setSelected(c == selected);
            b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            buttons.add(b);
        }
        classButtons.getChildren().setAll(buttons);
        editor.selectedClassProperty().set(selected);
    }

    // ---- the mouse on the canvas ----

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (!drawToggle.isSelected() || !insidePlot(e)) {
                return;
            }
            double[] p = canvasView.planePoint(e.getX(), e.getY());
            erasing = e.getButton() == MouseButton.SECONDARY || e.isShiftDown();
            if (erasing) {
                editor.erase(p[0], p[1], ERASE_RADIUS_PX * canvasView.unitsPerPixel());
            } else if (e.getButton() == MouseButton.PRIMARY) {
                editor.beginStroke(p[0], p[1]);
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!drawToggle.isSelected() || !insidePlot(e)) {
                return;
            }
            double[] p = canvasView.planePoint(e.getX(), e.getY());
            if (erasing) {
                editor.erase(p[0], p[1], ERASE_RADIUS_PX * canvasView.unitsPerPixel());
            } else if (editor.inStroke()) {
                editor.strokeTo(p[0], p[1], PAINT_SPACING_PX * canvasView.unitsPerPixel());
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            editor.endStroke();
            erasing = false;
        });
    }

    private boolean insidePlot(MouseEvent e) {
        double[] p = canvasView.planePoint(e.getX(), e.getY());
        var v = canvasView.shownView();
        return p[0] >= v.xMin() && p[0] <= v.xMax() && p[1] >= v.yMin() && p[1] <= v.yMax();
    }

    // ---- menu ----

    private void installMenu(MenuSlots menus) {
        MenuItem undo = new MenuItem("Undo");
        undo.setId("undoItem");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.textProperty().bind(Bindings.when(editor.undoNameProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", editor.undoNameProperty())));
        undo.disableProperty().bind(editor.canUndoProperty().not());
        undo.setOnAction(e -> editor.undo());
        MenuItem redo = new MenuItem("Redo");
        redo.setId("redoItem");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redo.textProperty().bind(Bindings.when(editor.redoNameProperty().isEmpty()).then("Redo")
                .otherwise(Bindings.concat("Redo ", editor.redoNameProperty())));
        redo.disableProperty().bind(editor.canRedoProperty().not());
        redo.setOnAction(e -> editor.redo());
        MenuItem draw = new MenuItem("Draw points");
        draw.setId("drawItem");
        draw.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        draw.setOnAction(e -> drawToggle.setSelected(!drawToggle.isSelected()));
        MenuItem clear = new MenuItem("Clear all points");
        clear.setId("clearPointsItem");
        clear.setOnAction(e -> editor.clear());
        MenuItem generated = new MenuItem("Generated data again");
        generated.setId("generatedDataItem");
        generated.disableProperty().bind(vm.data().customDataProperty().not());
        generated.setOnAction(e -> vm.useGeneratedData());
        menus.data().getItems().addAll(undo, redo, new SeparatorMenuItem(), draw, clear, generated);
    }

    /** The dataset choice says "custom" while the lab trains on points that are not the generator's. */
}
