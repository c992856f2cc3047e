package org.boundarylab.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Matrices;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.render.Viewport;
import org.boundarylab.workspace.AnimationGif.Frame;
import org.boundarylab.workspace.AnimationGif.Options;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimationGifTest {
    @TempDir
    Path dir;
    Dataset train;
    Dataset test;
    Viewport view;
    List<Frame> frames;

    /** A short run on moons, a frame every 40 epochs from 0 to 160. */
    @BeforeEach
    void run() {
        Split split = Split.stratified(Generators.moons(120, 0.2, 0), 0.25, 0);
        train = split.train();
        test = split.test();
        view = Exports.viewportOf(train, test);
        Network net = Initializer.GLOROT.create(new Architecture(new int[] {2, 5, 1}, Activation.TANH,
                Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), 1);
        Trainer trainer = new Trainer(net, train.x(), train.y(), TrainingOptions.gradientDescent(0.5, 0));
        frames = new ArrayList<>();
        for (int epoch = 0; epoch <= 160; epoch++) {
            if (epoch % 40 == 0) {
                frames.add(frameOf(epoch, net));
            }
            if (epoch < 160) {
                trainer.epoch(false);
            }
        }
    }

    private Frame frameOf(long epoch, Network net) {
        return new Frame(epoch, net.copy(), net.loss(train.x(), train.y(), Regularization.NONE),
                net.loss(test.x(), test.y(), Regularization.NONE),
                Matrices.accuracy(net.predictClasses(train.x()), train.y()),
                Matrices.accuracy(net.predictClasses(test.x()), test.y()));
    }

    private static final Options SMALL = new Options(200, 120, 50, true);

    @Test
    void framesDelaysLoopAndSizeReadBack() throws Exception {
        Path gif = dir.resolve("run.gif");
        List<Integer> reported = new ArrayList<>();
        AnimationGif.write(frames, Features.DEFAULT, train, test, view, null, SMALL, gif, new AnimationGif.Progress() {
            @Override
            public void frameDone(int done, int total) {
                assertEquals(5, total);
                reported.add(done);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        GifFrames read = GifFrames.read(gif);
        assertEquals(5, read.size());
        assertEquals(List.of(1, 2, 3, 4, 5), reported);
        assertEquals(List.of(5, 5, 5, 5, 5 * AnimationGif.LAST_FRAME_HOLD), read.delays(), "hundredths of a second");
        assertTrue(read.loops(), "NETSCAPE2.0 loop extension, looping for ever");
        assertEquals(200, read.width());
        assertEquals(120, read.height());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, read.images().get(i).getWidth());
            assertEquals(120, read.images().get(i).getHeight());
            assertEquals(40L * i, read.epoch(i));
            assertEquals(Double.toString(frames.get(i).testAccuracy()), read.figures(i).get("test_accuracy"));
        }
        assertEquals(List.of("run.gif"), names(), "no temporary file left");
    }

    @Test
    void theLastFrameIsThePictureOfTheFinalNetwork() throws Exception {
        Path gif = dir.resolve("run.gif");
        AnimationGif.write(frames, Features.DEFAULT, train, test, view, null, SMALL, gif, null);
        BufferedImage last = GifFrames.read(gif).images().get(4);
        AnimationGif.LossCurve curve = AnimationGif.LossCurve.of(frames);
        BufferedImage finalPicture = AnimationGif.frameImage(frames.get(4), Features.DEFAULT, train, test, view,
                curve, SMALL);
        BufferedImage firstPicture = AnimationGif.frameImage(frames.get(0), Features.DEFAULT, train, test, view,
                curve, SMALL);
        // the file's own colour table, each pixel of the final network's picture put to its nearest colour
        java.awt.image.IndexColorModel table = (java.awt.image.IndexColorModel) last.getColorModel();
        int[] colors = new int[table.getMapSize()];
        table.getRGBs(colors);
        GifPalette palette = GifPalette.ofColors(colors);
        assertEquals(0, changedPixels(last, palette.indexed(finalPicture)), "pixel for pixel");
        assertTrue(changedPixels(last, palette.indexed(firstPicture)) > 1000, "the first network looks different");
    }

    private static int changedPixels(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int changed = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    @Test
    void cancellingLeavesNothingBehind() throws Exception {
        Path gif = dir.resolve("run.gif");
        AnimationGif.Progress cancelAfterTwo = new AnimationGif.Progress() {
            int done;

            @Override
            public void frameDone(int d, int total) {
                done = d;
            }

            @Override
            public boolean cancelled() {
                return done >= 2;
            }
        };
        assertThrows(CancellationException.class, () -> AnimationGif.write(frames, Features.DEFAULT, train, test,
                view, null, SMALL, gif, cancelAfterTwo));
        assertFalse(Files.exists(gif));
        assertEquals(List.of(), names(), "no file, no temporary file");

        // a file already there stays as it was
        Files.writeString(gif, "old");
        AnimationGif.Progress cancelAtOnce = new AnimationGif.Progress() {
            @Override
            public void frameDone(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> AnimationGif.write(frames, Features.DEFAULT, train, test,
                view, null, SMALL, gif, cancelAtOnce));
        assertEquals("old", Files.readString(gif));
        assertEquals(List.of("run.gif"), names());
    }

    /** Every file in the folder, temporary ones included. */
    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void withoutTestDataOrLossCurve() throws Exception {
        Path gif = dir.resolve("train-only.gif");
        List<Frame> trainOnly = frames.stream().map(f -> new Frame(f.epoch(), f.network(), f.trainLoss(), Double.NaN,
                f.trainAccuracy(), Double.NaN)).toList();
        AnimationGif.write(trainOnly, Features.DEFAULT, train, null, view, null, new Options(96, 64, 10, false), gif,
                null);
        GifFrames read = GifFrames.read(gif);
        assertEquals(5, read.size());
        assertEquals(List.of(1, 1, 1, 1, 3), read.delays());
        assertEquals("NaN", read.figures(2).get("test_loss"));
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Options(63, 100, 100, true));
        assertThrows(IllegalArgumentException.class, () -> new Options(100, 4097, 100, true));
        assertThrows(IllegalArgumentException.class, () -> new Options(100, 100, 9, true));
        assertThrows(IllegalArgumentException.class, () -> new Options(100, 100, 10_001, true));
        assertEquals(new Options(480, 360, 100, true), Options.defaults());
        assertThrows(IllegalArgumentException.class, () -> AnimationGif.content(List.of(), Features.DEFAULT, train,
                test, view, null, SMALL, null));
    }

    @Test
    void theViewIsWidenedNotStretched() {
        Viewport wide = new Viewport(-2, 2, -1, 1);
        Viewport tall = AnimationGif.fitted(wide, 100, 200);
        assertEquals(0.5, tall.width() / tall.height(), 1e-12, "the picture's shape");
        assertEquals(4, tall.width(), 1e-12, "all of the view stays in");
        assertEquals(0, tall.yMin() + tall.yMax(), 1e-12, "about the centre");
        Viewport flat = AnimationGif.fitted(wide, 400, 100);
        assertEquals(4, flat.width() / flat.height(), 1e-12);
        assertEquals(2, flat.height(), 1e-12);
    }
}
