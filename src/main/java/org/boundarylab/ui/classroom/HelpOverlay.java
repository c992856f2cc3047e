package org.boundarylab.ui.classroom;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The list of keyboard shortcuts, shown over the window; Esc or Close hides it. */
public final class HelpOverlay {
    private final Dialog<Void> dialog = new Dialog<>();
    private final GridPane table = new GridPane();

    HelpOverlay() {
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Every control is reachable with Tab; these keys act directly.");
        table.setId("shortcutsTable");
        table.getStyleClass().add("shortcuts");
        int row = 0;
        for (Shortcut s : Shortcut.ALL) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            Label action = new Label(s.action());
            table.addRow(row++, keys, action);
        }
        String singleKeys = Shortcut.ALL.stream().filter(Shortcut::plainKey).map(Shortcut::keys)
                .collect(java.util.stream.Collectors.joining(", "));
        Label note = new Label("Single keys (" + singleKeys + ") do not act while you type in a field: press Esc first.");
        note.setWrapText(true);
        note.getStyleClass().add("shortcut-note");
        table.add(note, 0, row, 2, 1);
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("shortcutsHelp");
    }

    void show(Window owner) {
        if (dialog.isShowing()) {
            return;
        }
        if (dialog.getOwner() == null && owner != null) {
            dialog.initOwner(owner);
        }
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.show();
    }

    public boolean isShowing() {
        return dialog.isShowing();
    }

    public void hide() {
        dialog.close();
    }

    /** The rows as shown: keys, then action. */
    public GridPane table() {
        return table;
    }
}
