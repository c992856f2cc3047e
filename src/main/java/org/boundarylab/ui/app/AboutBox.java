package org.boundarylab.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.boundarylab.cli.VersionProvider;
import org.boundarylab.ui.DialogTheme;
import org.boundarylab.ui.MenuSlots;

/**
 * Help > About: the version (as {@code --version} prints it: the jar's manifest, else the build's),
 * the licence and the project page as the pom states them (its {@code <licenses>} and
 * {@code <url>}, filtered into version.properties), or that it states none.
 */
final class AboutBox {
    private static final String INFO = "/org/boundarylab/version.properties";
    private final MenuSlots menus;
    private Alert shown;

    private AboutBox(MenuSlots menus) {
        this.menus = menus;
    }

    static AboutBox install(MenuSlots menus) {
        AboutBox about = new AboutBox(menus);
        MenuItem item = new MenuItem("About Boundary Lab");
        item.setId("aboutItem");
        item.setOnAction(e -> about.show());
        menus.help().getItems().addAll(new SeparatorMenuItem(), item);
        return about;
    }

    /** What the box says, line by line. */
    static String text() {
        Properties p = info();
        return "A small neural network, written from scratch, learning a 2-D decision boundary live.\n\n"
                + "Version: " + VersionProvider.version() + "\n"
                + "Licence: " + stated(p, "licence", "none stated") + "\n"
                + "Project page: " + stated(p, "url", "none");
    }

    Alert show() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text(), ButtonType.CLOSE);
        Window owner = menus.bar().getScene() == null ? null : menus.bar().getScene().getWindow();
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("About Boundary Lab");
        a.setHeaderText("Boundary Lab " + VersionProvider.version());
        a.getDialogPane().setId("aboutDialog");
        // every line shown whole, in presentation mode's larger type too
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.getDialogPane().setMinWidth(480);
        DialogTheme.dress(a);
        shown = a;
        a.show();
        return a;
    }

    /** The box shown last, or null. */
    Alert shown() {
        return shown;
    }

    private static String stated(Properties p, String key, String none) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? none : v; // an unfiltered key: the pom does not state it
    }

    private static Properties info() {
        Properties p = new Properties();
        try (InputStream in = AboutBox.class.getResourceAsStream(INFO)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the box then says "none stated": it is informative only
        }
        return p;
    }
}
