package org.boundarylab.ui.diagram;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import org.boundarylab.nn.Network;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.LabViewModel;

/**
 * The small field in the diagram's body for typing a weight (double-click a link) or a bias
 * (double-click a hidden or output unit) by hand. Enter sets the value, Escape closes the field.
 *
 * <p>It opens only while training is paused and closes when training starts: the lab takes a
 * hand-set value only between steps ({@link LabViewModel#editWeight}), so it says so before
 * anything is typed rather than refusing the value after. The typed text is checked by
 * {@link ParameterInput}; what it or the lab refuses stays in the field, marked, to be corrected.
 */
final class ParameterEditor {
    /** About the open field's size, to keep it inside the body. */
    private static final double FIELD_WIDTH = 150;
    private static final double FIELD_HEIGHT = 60;

    private final LabViewModel vm;
    private final ShownNetwork shown;
    private final InfoLine info;
    private final Pane body;
    private final HBox editor;
    private final TextField field;
    private final Label note;
    /** What Enter sets: {layer, -1, unit} for the bias of unit {@code unit} of layer {@code layer + 1}, {layer, from, to} for a weight; null while closed. */
    private int[] target;

    ParameterEditor(LabViewModel vm, DiagramPanel panel, ShownNetwork shown, InfoLine info) {
        this.vm = vm;
        this.shown = shown;
        this.info = info;
        this.body = panel.body();
        this.editor = panel.editor();
        this.field = panel.editField();
        this.note = panel.editNote();
        field.setOnAction(e -> commit());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
        vm.run().playingProperty().addListener((o, a, playing) -> {
            if (playing) {
                close();
            }
        });
    }

    /** Opens the field for a unit's bias near (x, y) in the body; an input has none, so nothing opens for it. */
    void openForBias(DiagramFrames.Focus unit, double x, double y) {
        if (unit.layer() > 0) {
            open(new int[] {unit.layer() - 1, -1, unit.unit()}, x, y);
        }
    }

    /** Opens the field for the weight of link {layer, from, to} near (x, y) in the body. */
    void openForWeight(int[] link, double x, double y) {
        open(link.clone(), x, y);
    }

    private void open(int[] what, double x, double y) {
        DiagramFrames.Result last = shown.latest();
        if (last == null) {
            return;
        }
        if (vm.run().playingProperty().get()) {
            info.say("Pause training to change a weight or bias by hand.");
            return;
        }
        Network net = last.request().snapshot().network();
        boolean bias = what[1] < 0;
        field.setText(ParameterInput.format(bias ? net.bias(what[0], what[2]) : net.weight(what[0], what[1], what[2])));
        note.setText(bias ? "bias of " + shown.unitName(what[0] + 1, what[2]) : "weight " + shown.linkName(what));
        note.getStyleClass().remove("invalid");
        target = what;
        editor.setVisible(true);
        editor.autosize();
        editor.relocate(Math.max(0, Math.min(body.getWidth() - FIELD_WIDTH, x - 60)),
                Math.max(0, Math.min(body.getHeight() - FIELD_HEIGHT, y + 6)));
        field.requestFocus();
        field.selectAll();
    }

    void close() {
        editor.setVisible(false);
        target = null;
    }

    private void commit() {
        int[] what = target;
        if (what == null) {
            return;
        }
        double value;
        try {
            value = ParameterInput.parse(field.getText());
        } catch (IllegalArgumentException e) {
            showRefusal(e.getMessage());
            return;
        }
        CompletableFuture<TrainingSnapshot> done = what[1] < 0 ? vm.run().editBias(what[0], what[2], value)
                : vm.run().editWeight(what[0], what[1], what[2], value);
        done.whenComplete((s, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                showRefusal(cause.getMessage());
            } else {
                info.say("Set to " + ParameterInput.format(value) + "; press Play to train on from here.");
            }
        }));
        close();
    }

    private void showRefusal(String message) {
        note.setText(message);
        if (!note.getStyleClass().contains("invalid")) {
            note.getStyleClass().add("invalid");
        }
        editor.setVisible(true);
        editor.autosize();
        info.say(message);
    }
}
