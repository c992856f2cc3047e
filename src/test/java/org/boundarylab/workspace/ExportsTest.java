package org.boundarylab.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.boundarylab.data.Split;
import org.boundarylab.lessons.LabSettings;
import org.boundarylab.lessons.LessonRunner;
import org.boundarylab.metrics.ClassificationReport;
import org.boundarylab.metrics.ConfusionMatrix;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Network;
import org.boundarylab.render.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.io.ModelFile;

class ExportsTest {
    @TempDir
    Path dir;

    static LabSettings settings;
    static Split split;
    static Network trained;

    @BeforeAll
    static void train() {
        settings = LabSettings.defaults().withEpochs(1000);
        split = settings.split();
        trained = LessonRunner.run(settings, split).network();
    }

    @Test
    void lossHistoryCsvHasOneRowPerKeptEpochAndEmptyCellsForUnknownFigures() throws Exception {
        TrainingHistory h = new TrainingHistory();
        h.add(0, 0.6931471805599453, 0.7, 0.5, 0.45);
        h.add(10, 0.25, Double.NaN, 0.875, Double.NaN);
        Path file = dir.resolve("loss.csv");
        Exports.lossHistoryCsv(h, file);
        assertEquals(List.of("epoch,train_loss,test_loss,train_accuracy,test_accuracy",
                "0,0.6931471805599453,0.7,0.5,0.45",
                "10,0.25,,0.875,"), Files.readAllLines(file));
    }

    @Test
    void classificationReportShowsTrainAndTestAsTheMetricsPackageFormatsThem() throws Exception {
        Path file = dir.resolve("report.txt");
        Exports.classificationReport(trained, split.train(), split.test(), file);
        String text = Files.readString(file);
        int[] predictedTest = trained.predictClasses(split.test().x());
        ConfusionMatrix testMatrix = ConfusionMatrix.of(split.test().y(), predictedTest, 2);
        assertTrue(text.startsWith("Network 2-5-1 tanh/sigmoid binary_cross_entropy\n"), text);
        assertTrue(text.contains("Training data (160 points)\n"), text);
        assertTrue(text.contains("Test data (40 points)\n" + ClassificationReport.of(testMatrix).format()), text);
        assertTrue(text.contains(testMatrix.format()), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "Accuracy: %.4f", testMatrix.accuracy())), text);
    }

    @Test
    void boundaryPngColoursEachMoonByItsClass() throws Exception {
        Path file = dir.resolve("boundary.png");
        Exports.PngOptions bare = new Exports.PngOptions(300, 200, false, false, 1);
        Exports.boundaryPng(trained, split.train(), split.test(), bare, file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
        Viewport view = Exports.viewportOf(split.train(), split.test());
        // the middle of the upper moon (class 0) and of the lower moon (class 1), between the points
        int upper = img.getRGB((int) view.toPixelX(-0.3, 300), (int) view.toPixelY(1.3, 200));
        int lower = img.getRGB((int) view.toPixelX(1.3, 300), (int) view.toPixelY(-0.8, 200));
        assertNotEquals(upper, lower);
        assertTrue(blue(upper) != blue(lower) || red(upper) != red(lower));
    }

    @Test
    void slidesAreTwiceTheSizeAndAxesAndLegendChangeThePicture() {
        Viewport view = Exports.viewportOf(split.train(), split.test());
        BufferedImage screen = Exports.boundaryImage(trained, split.train(), split.test(), view,
                Exports.PngOptions.screen());
        BufferedImage slides = Exports.boundaryImage(trained, split.train(), split.test(), view,
                Exports.PngOptions.slides());
        assertEquals(640, screen.getWidth());
        assertEquals(1280, slides.getWidth());
        assertEquals(960, slides.getHeight());
        BufferedImage noAxes = Exports.boundaryImage(trained, split.train(), split.test(), view,
                Exports.PngOptions.screen().withAxes(false).withLegend(false));
        assertEquals(640, noAxes.getWidth());
        // without the legend strip the bottom row is heat map, not the legend's white background
        assertNotEquals(0xFFFFFFFF, noAxes.getRGB(320, 479));
        assertEquals(0xFFFFFFFF, screen.getRGB(639, 479), "legend strip background");
        assertThrows(IllegalArgumentException.class, () -> new Exports.PngOptions(640, 480, true, true, 8));
    }

    @Test
    void modelJsonCarriesTheSettingsBesideTheNetwork() throws Exception {
        Path file = dir.resolve("model.json");
        Exports.modelJson(trained, settings, file);
        ModelFile back = ModelFiles.readFull(file);
        assertEquals(0.0, trained.maxAbsDifference(back.network()));
        assertTrue(back.extras().containsKey("lab_settings"));
        double[][] x = split.test().x();
        assertArrayEquals(trained.predictClasses(x), back.network().predictClasses(x));
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    private static int blue(int argb) {
        return argb & 0xff;
    }
}
