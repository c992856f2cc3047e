package org.boundarylab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.boundarylab.data.Generators;
import org.boundarylab.nn.Network;
import org.boundarylab.training.sweep.RunSettings;
import org.boundarylab.training.sweep.SweepContext;
import org.boundarylab.training.sweep.SweepRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sweep view on its own stage, headless: a small sweep fills thumbnails and chart points. */
@ExtendWith(ApplicationExtension.class)
class SweepViewTest {
    private SweepController controller;
    private final ExecutorService pool = SweepRunner.newPool(2);

    @Start
    void start(Stage stage) throws Exception {
        SweepView view = SweepView.load();
        Parent root = view.root();
        controller = view.controller();
        controller.setExecutor(pool);
        controller.setContext(() -> new SweepContext(Generators.moons(60, 0.2, 0), Generators.moons(60, 0.2, 1),
                RunSettings.tutorial001()));
        Scene scene = new Scene(root, 1000, 650);
        scene.getStylesheets().add(SweepViewApp.class.getResource(SweepViewApp.LAB_CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void smallSweepFillsThumbnailsAndChart(FxRobot robot, @TempDir Path dir) throws Exception {
        typeInto(robot, "#valuesField", "1,3,8");
        typeInto(robot, "#epochsField", "300");
        assertEquals("1,3,8", controller.model().valuesProperty().get());
        assertEquals("300", controller.model().epochsProperty().get());
        robot.interact(() -> controller.model().seedsProperty().set(2));
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled());
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> controller.model().runner().isPresent()
                && controller.model().runner().get().isDone() && !controller.model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        TilePane tiles = robot.lookup("#thumbnails").queryAs(TilePane.class);
        assertEquals(3, tiles.getChildren().size());
        assertNotNull(robot.lookup("#thumb-0").query());
        assertNotNull(robot.lookup("#thumb-2").query());

        List<XYChart.Series<Number, Number>> series = controller.chart().getData();
        assertEquals(3, series.get(0).getData().size(), "train points");
        assertEquals(3, series.get(1).getData().size(), "test points");
        assertEquals(1, series.get(2).getData().size(), "best test marker");
        assertTrue(robot.lookup(".chart-line-symbol").queryAll().size() >= 7);
        assertTrue(controller.chart().barCount() > 0, "error bars drawn");
        TableView<?> table = robot.lookup("#summaryTable").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());
        for (XYChart.Data<Number, Number> d : series.get(0).getData()) {
            Node symbol = d.getNode();
            assertNotNull(symbol);
            assertTrue(symbol.isVisible());
        }

        // switching to loss redraws the chart with losses
        robot.interact(() -> controller.model().metricProperty().set(
                org.boundarylab.training.sweep.SettingStats.Metric.LOSS));
        double loss = controller.chart().getData().get(0).getData().get(0).getYValue().doubleValue();
        assertTrue(loss > 0.1, "width 1 loss " + loss);

        // clicking a thumbnail hands its network to the main view
        AtomicReference<Network> opened = new AtomicReference<>();
        controller.setOnOpenNetwork(opened::set);
        robot.clickOn("#thumb-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(opened.get());
        assertEquals(3, opened.get().architecture().width(1));

        Path csv = dir.resolve("sweep.csv");
        Path png = dir.resolve("sweep.png");
        robot.interact(() -> {
            assertTrue(controller.exportCsv(csv));
            assertTrue(controller.exportPng(png));
        });
        assertEquals(1 + 6, Files.readAllLines(csv).size());
        assertTrue(ImageIO.read(png.toFile()).getWidth() >= 900);
    }

    @Test
    void divergedRunsSayDivergedInTableChartAndThumbnails(FxRobot robot) throws Exception {
        RunSettings wild = RunSettings.tutorial001().withTraining(
                org.boundarylab.nn.TrainingOptions.gradientDescent(1e308, 0));
        controller.setContext(() -> new SweepContext(Generators.moons(60, 0.2, 0), Generators.moons(60, 0.2, 1), wild));
        robot.interact(() -> {
            controller.model().valuesProperty().set("2,3");
            controller.model().epochsProperty().set("50");
            controller.model().seedsProperty().set(2);
        });
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> controller.model().runner().isPresent()
                && controller.model().runner().get().isDone() && !controller.model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("h=2", "h=3"), controller.model().divergedSettings());
        assertEquals("diverged (not plotted): h=2, h=3", controller.chart().getTitle());
        assertTrue(controller.model().statusProperty().get().contains("4 diverged"),
                controller.model().statusProperty().get());
        assertTrue(controller.model().summaryProperty().get().bestTest().isEmpty(), "no diverged setting is best");
        TableView<?> table = robot.lookup("#summaryTable").queryAs(TableView.class);
        assertEquals("2 (2 diverged)", table.getColumns().get(1).getCellData(0));
        assertEquals("diverged", table.getColumns().get(2).getCellData(0));
        assertTrue(controller.model().thumbnails().stream().allMatch(t -> t.caption().endsWith("diverged")),
                "thumbnail captions");
    }

    /** Replaces a field's text by typing, as a user would after selecting it all. */
    private static void typeInto(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    @Test
    void invalidValuesDisableRunAndSayWhy(FxRobot robot) {
        typeInto(robot, "#valuesField", "1,,x");
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled());
        String message = robot.lookup("#errorLabel").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(message.contains("value 2"), message);
        typeInto(robot, "#valuesField", "1,2");
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled());
    }

    @Test
    void cancelStopsTheSweepAndKeepsTheView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            controller.model().valuesProperty().set("40,50");
            controller.model().epochsProperty().set("10000000");
        });
        robot.clickOn("#runButton");
        assertTrue(controller.model().runningProperty().get());
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !controller.model().runningProperty().get());
        assertTrue(controller.model().runner().orElseThrow().awaitIdle(10, TimeUnit.SECONDS));
        assertTrue(controller.model().statusProperty().get().startsWith("Cancelled"),
                controller.model().statusProperty().get());
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled());
    }
}
