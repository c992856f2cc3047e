package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A changing figure lays out only its own grid while it fits, and the window once it does not. */
@ExtendWith(ApplicationExtension.class)
class LayoutBoundaryTest {
    private VBox root;
    private LayoutBoundary boundary;
    private GridPane grid;
    private Label figure;

    @Start
    void start(Stage stage) {
        figure = new Label("0");
        grid = new GridPane();
        grid.add(new Label("Epoch"), 0, 0);
        grid.add(figure, 1, 0);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(80),
                new javafx.scene.layout.ColumnConstraints(90));
        boundary = new LayoutBoundary();
        boundary.setContent(grid);
        root = new VBox(new Label("above"), boundary, new Label("below"));
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void aFigureThatFitsLaysOutItsGridAlone(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(grid.isManaged());
        assertEquals(boundary.getWidth(), grid.getWidth(), 1e-9);
        boolean[] seen = new boolean[2];
        robot.interact(() -> {
            figure.setText("12,345");
            seen[0] = root.isNeedsLayout();
            seen[1] = grid.isNeedsLayout();
        });
        assertFalse(seen[0], "the window was asked to lay out for a figure that fits");
        assertTrue(seen[1], "the grid itself was not asked to lay out");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("12,345", figure.getText());
        assertTrue(figure.getWidth() > 0);
    }

    @Test
    void aFigureThatOutgrowsItsPlaceLaysOutTheWindow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double before = boundary.getHeight();
        boolean[] rootAsked = new boolean[1];
        robot.interact(() -> {
            figure.setText("a figure\nthree lines\nhigh");
            rootAsked[0] = root.isNeedsLayout();
        });
        assertTrue(rootAsked[0], "the window was not told that the figures no longer fit");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(boundary.getHeight() > before, "the boundary did not grow: " + boundary.getHeight());
        assertEquals(boundary.getHeight(), grid.getHeight(), 1e-9);
    }
}
