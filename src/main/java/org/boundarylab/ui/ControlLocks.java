package org.boundarylab.ui;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.shape.SVGPath;

/**
 * Disables the controls a lesson locks and marks their row labels with a padlock and a
 * tooltip saying why (a disabled control itself shows no tooltip); unlocks them when the
 * lesson is left.
 */
final class ControlLocks {
    private static final String PADLOCK = "M3 7V5a4 4 0 0 1 8 0v2h1v7H2V7zm2 0h4V5a2 2 0 0 0-4 0z";
    private final java.util.function.Function<String, Node> controlById;
    private final Set<Node> locked = new HashSet<>();
    private final Map<Label, Tooltip> labelTips = new HashMap<>();
    private final Map<Label, Node> labelGraphics = new HashMap<>();

    /**
     * @param controlById the lab view's own control of an fx:id (null for none): the view hands
     *                    over its controls, nobody searches its scene for them
     */
    ControlLocks(java.util.function.Function<String, Node> controlById, LessonLocks locks) {
        this.controlById = controlById;
        locks.lockedProperty().addListener((o, a, names) -> apply(names, locks.lessonTitleProperty().get()));
    }

    private void apply(Set<String> settingNames, String lessonTitle) {
        for (Node n : locked) {
            if (!n.disableProperty().isBound()) {
                n.setDisable(false);
            }
            n.getStyleClass().remove("locked");
        }
        locked.clear();
        labelTips.forEach(Label::setTooltip);
        labelTips.clear();
        labelGraphics.forEach(Label::setGraphic);
        labelGraphics.clear();
        for (String id : LockedControls.controlsOf(settingNames)) {
            Node n = controlById.apply(id);
            if (n == null) {
                continue; // a view without this control has nothing to lock
            }
            if (!n.disableProperty().isBound()) {
                n.setDisable(true);
            }
            n.getStyleClass().add("locked");
            locked.add(n);
            Label label = rowLabel(n);
            if (label != null && !labelTips.containsKey(label)) {
                labelTips.put(label, label.getTooltip());
                labelGraphics.put(label, label.getGraphic());
                label.setTooltip(new Tooltip("Locked by the lesson \"" + lessonTitle
                        + "\". Lessons → Leave lesson unlocks it."));
                label.setGraphic(padlock());
                label.setContentDisplay(ContentDisplay.RIGHT);
            }
        }
    }

    private static Node padlock() {
        SVGPath icon = new SVGPath();
        icon.setContent(PADLOCK);
        icon.getStyleClass().add("padlock");
        return icon;
    }

    /** The label in column 0 of the form row that holds the control, if any. */
    private static Label rowLabel(Node control) {
        Node child = control;
        while (child.getParent() != null && !(child.getParent() instanceof GridPane)) {
            child = child.getParent();
        }
        if (!(child.getParent() instanceof GridPane grid)) {
            return null;
        }
        Integer rowIndex = GridPane.getRowIndex(child);
        Integer columnIndex = GridPane.getColumnIndex(child);
        // side by side the label is in column 0 of the same row; stacked (presentation mode), in the row above
        int row = (rowIndex == null ? 0 : rowIndex) - (columnIndex == null || columnIndex == 0 ? 1 : 0);
        for (Node n : grid.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            Integer c = GridPane.getColumnIndex(n);
            if (n instanceof Label l && (r == null ? 0 : r) == row && (c == null || c == 0)) {
                return l;
            }
        }
        return null;
    }
}
