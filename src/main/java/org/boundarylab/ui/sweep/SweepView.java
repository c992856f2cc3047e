package org.boundarylab.ui.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** The sweep view loaded from its FXML, with its controller: what a tab in the lab window needs. */
public record SweepView(Parent root, SweepController controller) {

    public static SweepView load() {
        FXMLLoader loader = new FXMLLoader(SweepView.class.getResource("SweepView.fxml"));
        try {
            Parent root = loader.load();
            return new SweepView(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load SweepView.fxml", e);
        }
    }
}
