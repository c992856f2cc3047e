package org.boundarylab.ui.sweep;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The sweep view on its own window, on tutorial 001's moons, for trying it out before it is a
 * tab of the lab: {@code mvn -q javafx:run -Dmain.class=org.boundarylab.ui.sweep.SweepViewApp}.
 */
public final class SweepViewApp extends Application {
    /** The lab window's style sheet, whose palette the view's colours come from. */
    public static final String LAB_CSS = "/org/boundarylab/ui/lab.css";

    @Override
    public void start(Stage stage) {
        SweepView view = SweepView.load();
        stage.setTitle("Boundary Lab: sweep");
        Scene scene = new Scene(view.root(), 1150, 800);
        // the lab's style sheet holds the palette sweep.css names (hint, error and caption colours)
        scene.getStylesheets().add(SweepViewApp.class.getResource(LAB_CSS).toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> view.controller().shutdown());
        stage.show();
    }

    public static void main(String[] args) {
        launch(SweepViewApp.class, args);
    }
}
