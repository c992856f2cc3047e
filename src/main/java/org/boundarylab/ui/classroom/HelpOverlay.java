package org.boundarylab.ui.classroom;

import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.boundarylab.ui.DialogTheme;

/**
 * The list of keyboard shortcuts, shown over the window; Esc or Close hides it. It lists the
 * classroom's keys and, read from the menu bar each time it opens, every menu command with a
 * shortcut, whichever feature added it.
 */
public final class HelpOverlay {
    /** Menu items whose keys the classroom list already names. */
    private static final Set<String> LISTED = Set.of("presentationItem", "fullScreenItem", "shortcutsItem");

    private final Dialog<Void> dialog = new Dialog<>();
    private final GridPane table = new GridPane();

    HelpOverlay() {
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Every control is reachable with Tab; these keys act directly.");
        table.setId("shortcutsTable");
        table.getStyleClass().add("shortcuts");
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("shortcutsHelp");
        // the window's type size and theme, presentation mode included
        dialog.getDialogPane().getStyleClass().add("lab-root");
    }

    private void fill(MenuBar menus) {
        table.getChildren().clear();
        int row = 0;
        for (Shortcut s : Shortcut.ALL) {
            addRow(row++, s.keys(), s.action());
        }
        if (menus != null) {
            for (Menu menu : menus.getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if (item.getAccelerator() != null && (item.getId() == null || !LISTED.contains(item.getId()))) {
                        addRow(row++, item.getAccelerator().getDisplayText(),
                                plain(menu.getText()) + " → " + plain(item.getText()));
                    }
                }
            }
        }
        String singleKeys = Shortcut.ALL.stream().filter(Shortcut::plainKey).map(Shortcut::keys)
                .collect(Collectors.joining(", "));
        Label note = new Label("Single keys (" + singleKeys + ") do not act while you type in a field: press Esc first.");
        note.setWrapText(true);
        note.getStyleClass().add("shortcut-note");
        table.add(note, 0, row, 2, 1);
    }

    private void addRow(int row, String keys, String action) {
        Label k = new Label(keys);
        k.getStyleClass().add("shortcut-keys");
        table.addRow(row, k, new Label(action));
    }

    /** A menu text without its mnemonic marker and trailing ellipsis. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("_", "").replaceAll("…$", "");
    }

    void show(Window owner, MenuBar menus) {
        if (dialog.isShowing()) {
            return;
        }
        fill(menus);
        if (dialog.getOwner() == null && owner != null) {
            dialog.initOwner(owner);
        }
        DialogTheme.dress(dialog.getDialogPane(), owner);
        dialog.show();
    }

    public boolean isShowing() {
        return dialog.isShowing();
    }

    public void hide() {
        dialog.close();
    }

    /** The rows as shown: keys, then action; the note last. */
    public GridPane table() {
        return table;
    }
}
