package org.boundarylab.ui.sweep;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The sweep view on its own window, on tutorial 001's moons, for trying it out before it is a
 * tab of the lab: {@code mvn -q javafx:run -Dmain.class=org.boundarylab.ui.sweep.SweepViewApp}.
 */
public final class SweepViewApp extends Application {

    @Override
    public void start(Stage stage) {
        SweepView view = SweepView.load();
        stage.setTitle("Boundary Lab: sweep");
        stage.setScene(new Scene(view.root(), 1150, 800));
        stage.setOnHidden(e -> view.controller().shutdown());
        stage.show();
    }

    public static void main(String[] args) {
        launch(SweepViewApp.class, args);
    }
}
