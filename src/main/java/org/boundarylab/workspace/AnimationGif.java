package org.boundarylab.workspace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.boundarylab.data.Dataset;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.render.BoundaryImage;
import org.boundarylab.render.LossPlot;
import org.boundarylab.render.Palette;
import org.boundarylab.render.Viewport;

/**
 * A training run as an animated GIF, drawn without any window: one frame per recorded network,
 * each the boundary picture (the palette and points of {@link Exports#boundaryImage}) with its
 * epoch and accuracies written in a corner, optionally beside the run's loss curve drawn up to
 * that epoch. The last frame stays on screen {@value #LAST_FRAME_HOLD} times as long, so a
 * looping slide pauses on the final network. The animation loops for ever.
 *
 * <p>Written with the JDK's own GIF writer, frame by frame, into the stream of an atomic save:
 * an interrupted or cancelled export leaves no file (and no temporary file) behind.
 *
 * <p>Every frame carries a GIF comment with its figures, in full precision, so a program can
 * read them back: {@code epoch=E train_loss=X test_loss=X train_accuracy=X test_accuracy=X}
 * (unknown figures read {@code NaN}).
 */
public final class AnimationGif {
    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 4096;
    public static final int MIN_DELAY_MILLIS = 10;
    public static final int MAX_DELAY_MILLIS = 10_000;
    /** How many times longer than the others the last frame is shown. */
    public static final int LAST_FRAME_HOLD = 3;

    /** The share of the width the picture takes when the loss curve is beside it. */
    private static final double PICTURE_SHARE = 0.6;
    /** Frames whose colours make the colour table: the first, the last and a few between. */
    private static final int PALETTE_SAMPLES = 6;
    /** Train blue and solid, test vermillion and dashed, as the lab's loss chart draws them. */
    private static final int TRAIN_RGB = 0x0072B2;
    private static final int TEST_RGB = 0xD55E00;
    private static final int TEXT_RGB = 0x222222;
    private static final int AXIS_RGB = 0x888888;
    private static final int MARKER_RGB = 0x999999;
    private static final int RULE_RGB = 0xDDDDDD;
    private static final String GIF_STREAM = "javax_imageio_gif_stream_1.0";
    private static final String GIF_IMAGE = "javax_imageio_gif_image_1.0";

    /**
     * One network of the run and its figures at that epoch (NaN where unknown, e.g. the test
     * figures of a run without test data).
     */
    public record Frame(long epoch, Network network, double trainLoss, double testLoss, double trainAccuracy,
                        double testAccuracy) {
        public Frame {
            if (network == null) {
                throw new IllegalArgumentException("a frame needs a network");
            }
            if (epoch < 0) {
                throw new IllegalArgumentException("epochs count from 0, got " + epoch);
            }
        }
    }

    /**
     * The losses of the whole run, oldest first, for the loss panel: one epoch, train and test
     * loss per point ({@code test} may be null or hold NaN where there is no test data).
     */
    public record LossCurve(long[] epochs, double[] train, double[] test) {
        public LossCurve {
            if (epochs == null || train == null || train.length != epochs.length
                    || (test != null && test.length != epochs.length)) {
                throw new IllegalArgumentException("a loss curve needs as many losses as epochs");
            }
            for (int i = 1; i < epochs.length; i++) {
                if (epochs[i] < epochs[i - 1]) {
                    throw new IllegalArgumentException("the curve's epochs must not go back: " + epochs[i - 1]
                            + " then " + epochs[i]);
                }
            }
            epochs = epochs.clone();
            train = train.clone();
            if (test == null) {
                test = new double[epochs.length];
                Arrays.fill(test, Double.NaN);
            } else {
                test = test.clone();
            }
        }

        /** The curve the frames themselves make (when nothing finer was recorded). */
        public static LossCurve of(List<Frame> frames) {
            List<Frame> sorted = new ArrayList<>(frames);
            sorted.sort((a, b) -> Long.compare(a.epoch(), b.epoch()));
            long[] e = new long[sorted.size()];
            double[] tr = new double[e.length];
            double[] te = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = sorted.get(i).epoch();
                tr[i] = sorted.get(i).trainLoss();
                te[i] = sorted.get(i).testLoss();
            }
            return new LossCurve(e, tr, te);
        }

        @Override
        public long[] epochs() {
            return epochs.clone();
        }

        @Override
        public double[] train() {
            return train.clone();
        }

        @Override
        public double[] test() {
            return test.clone();
        }
    }

    /**
     * Size in pixels (each side {@value #MIN_SIZE} to {@value #MAX_SIZE}), the time each frame
     * is shown ({@value #MIN_DELAY_MILLIS} to {@value #MAX_DELAY_MILLIS} ms; GIF counts in
     * hundredths of a second, so it is rounded to those), and whether the loss curve is drawn
     * beside the picture.
     */
    public record Options(int width, int height, int frameDelayMillis, boolean lossCurve) {
        public Options {
            if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_SIZE || height > MAX_SIZE) {
                throw new IllegalArgumentException("animation size must be " + MIN_SIZE + " to " + MAX_SIZE
                        + " pixels a side, got " + width + "x" + height);
            }
            if (frameDelayMillis < MIN_DELAY_MILLIS || frameDelayMillis > MAX_DELAY_MILLIS) {
                throw new IllegalArgumentException("frame delay must be " + MIN_DELAY_MILLIS + " to "
                        + MAX_DELAY_MILLIS + " ms, got " + frameDelayMillis);
            }
        }

        /** 480x360 with the loss curve, ten frames a second. */
        public static Options defaults() {
            return new Options(480, 360, 100, true);
        }

        public Options withSize(int w, int h) {
            return new Options(w, h, frameDelayMillis, lossCurve);
        }

        public Options withFrameDelayMillis(int millis) {
            return new Options(width, height, millis, lossCurve);
        }

        public Options withLossCurve(boolean on) {
            return new Options(width, height, frameDelayMillis, on);
        }
    }

    /** Told of each frame written; asked before each frame whether to stop. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void frameDone(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        void frameDone(int done, int total);

        boolean cancelled();
    }

    private AnimationGif() {
    }

    /**
     * Writes the animation of {@code frames} (in the order given) to {@code file}, atomically.
     *
     * @param test  the test points, or null or empty for none
     * @param view  the part of the plane shown (e.g. {@link Exports#viewportOf}); widened or
     *              heightened to the picture's shape, so both axes keep one scale
     * @param curve the whole run's losses for the loss panel; null draws the frames' own losses
     * @throws CancellationException when {@code progress} asks to stop; nothing is written then
     * @throws IOException           naming {@code file} when it cannot be written
     */
    public static void write(List<Frame> frames, Features features, Dataset train, Dataset test, Viewport view,
                             LossCurve curve, Options options, Path file, Progress progress) throws IOException {
        AtomicFiles.write(file, content(frames, features, train, test, view, curve, options, progress));
    }

    /** The animation as content for a batch of files ({@link AtomicFiles.Batch}); see {@link #write}. */
    public static AtomicFiles.ContentWriter content(List<Frame> frames, Features features, Dataset train,
                                                    Dataset test, Viewport view, LossCurve curve, Options options,
                                                    Progress progress) {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        List<Frame> list = List.copyOf(frames);
        Scene scene = new Scene(features, train, test, view, curve == null ? LossCurve.of(list) : curve, options);
        Progress p = progress == null ? Progress.NONE : progress;
        return out -> writeGif(list, scene, p, out);
    }

    /**
     * One frame as drawn, before it is put into the animation's 256 colours.
     *
     * @param curve the whole run's losses, or null for the frame's own point only
     */
    public static BufferedImage frameImage(Frame frame, Features features, Dataset train, Dataset test,
                                           Viewport view, LossCurve curve, Options options) {
        LossCurve c = curve == null ? LossCurve.of(List.of(frame)) : curve;
        return new Scene(features, train, test, view, c, options).draw(frame);
    }

    /** The comment a frame carries: its epoch and figures in full precision. */
    public static String comment(Frame f) {
        return "epoch=" + f.epoch() + " train_loss=" + f.trainLoss() + " test_loss=" + f.testLoss()
                + " train_accuracy=" + f.trainAccuracy() + " test_accuracy=" + f.testAccuracy();
    }

    // ---- writing --------------------------------------------------------------------------------

    private static void writeGif(List<Frame> frames, Scene scene, Progress progress, OutputStream out)
            throws IOException {
        stopIfCancelled(progress);
        GifPalette palette = scene.palette(frames, progress);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer available");
        }
        ImageWriter writer = writers.next();
        // the stream writes through as each frame is done, so a long animation is never held whole
        ImageOutputStream stream = new MemoryCacheImageOutputStream(out);
        try {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            writer.prepareWriteSequence(streamMetadata(writer, param, scene.options, palette));
            int delay = (int) Math.round(scene.options.frameDelayMillis() / 10.0);
            for (int i = 0; i < frames.size(); i++) {
                stopIfCancelled(progress);
                Frame frame = frames.get(i);
                BufferedImage image = palette.indexed(scene.draw(frame));
                boolean last = i == frames.size() - 1;
                IIOMetadata metadata = imageMetadata(writer, param, image, last ? delay * LAST_FRAME_HOLD : delay,
                        i == 0, comment(frame));
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
                stream.flush();
                progress.frameDone(i + 1, frames.size());
            }
            writer.endWriteSequence();
            stream.flush();
        } finally {
            writer.dispose();
            stream.close();
        }
    }

    private static void stopIfCancelled(Progress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("the animation was cancelled");
        }
    }

    private static IIOMetadata streamMetadata(ImageWriter writer, ImageWriteParam param, Options o,
                                              GifPalette palette) throws IOException {
        IIOMetadata metadata = writer.getDefaultStreamMetadata(param);
        IIOMetadataNode root = new IIOMetadataNode(GIF_STREAM);
        IIOMetadataNode version = new IIOMetadataNode("Version");
        version.setAttribute("value", "89a");
        root.appendChild(version);
        IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(o.width()));
        screen.setAttribute("logicalScreenHeight", Integer.toString(o.height()));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        root.appendChild(screen);
        IIOMetadataNode table = new IIOMetadataNode("GlobalColorTable");
        table.setAttribute("sizeOfGlobalColorTable", Integer.toString(GifPalette.SIZE));
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        int[] colors = palette.colors();
        for (int i = 0; i < colors.length; i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString((colors[i] >> 16) & 0xFF));
            entry.setAttribute("green", Integer.toString((colors[i] >> 8) & 0xFF));
            entry.setAttribute("blue", Integer.toString(colors[i] & 0xFF));
            table.appendChild(entry);
        }
        root.appendChild(table);
        metadata.setFromTree(GIF_STREAM, root);
        return metadata;
    }

    private static IIOMetadata imageMetadata(ImageWriter writer, ImageWriteParam param, BufferedImage image,
                                             int delayCentiseconds, boolean first, String comment)
            throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_IMAGE);
        // the default table is a generic colour cube, not the frame's; every frame uses the global table
        IIOMetadataNode local = child(root, "LocalColorTable");
        root.removeChild(local);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode comments = child(root, "CommentExtensions");
        IIOMetadataNode text = new IIOMetadataNode("CommentExtension");
        text.setAttribute("value", comment);
        comments.appendChild(text);
        if (first) {
            // NETSCAPE2.0: loop for ever (a loop count of 0)
            IIOMetadataNode applications = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            applications.appendChild(loop);
        }
        metadata.setFromTree(GIF_IMAGE, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    // ---- drawing --------------------------------------------------------------------------------

    /** What every frame shares: the points, the fitted view, the loss curve, the layout. */
    private static final class Scene {
        final Features features;
        final double[][] trainX;
        final int[] trainY;
        final double[][] testX;
        final int[] testY;
        final int classes;
        final Options options;
        final int pictureWidth;
        final Viewport view;
        final LossPlot plot;
        final double scale;

        Scene(Features features, Dataset train, Dataset test, Viewport view, LossCurve curve, Options options) {
            if (features == null || train == null || view == null || options == null) {
                throw new IllegalArgumentException("an animation needs features, training data, a view and options");
            }
            this.features = features;
            this.trainX = train.x();
            this.trainY = train.y();
            this.testX = test == null ? new double[0][] : test.x();
            this.testY = test == null ? new int[0] : test.y();
            this.classes = Math.max(train.classes(), test == null ? 1 : test.classes());
            this.options = options;
            this.pictureWidth = options.lossCurve()
                    ? (int) Math.round(options.width() * PICTURE_SHARE) : options.width();
            this.view = fitted(view, pictureWidth, options.height());
            this.plot = LossPlot.of(curve.epochs, curve.train, curve.test, true,
                    Math.max(2, 2 * (options.width() - pictureWidth)));
            this.scale = Math.max(1, Math.min(4, Math.min(pictureWidth, options.height()) / 300.0));
        }

        /** The colours of a few frames spread over the run, and those every frame is drawn with. */
        GifPalette palette(List<Frame> frames, Progress progress) {
            GifPalette.Builder colors = new GifPalette.Builder();
            int n = frames.size();
            int count = Math.min(n, PALETTE_SAMPLES);
            int previous = -1;
            for (int k = 0; k < count; k++) {
                int i = count == 1 ? 0 : (int) Math.round((double) k * (n - 1) / (count - 1));
                if (i != previous) {
                    stopIfCancelled(progress);
                    colors.add(draw(frames.get(i)));
                    previous = i;
                }
            }
            List<Integer> fixed = new ArrayList<>(List.of(0x000000, 0xFFFFFF, TEXT_RGB, 0x333333, 0xF7F7F7,
                    TRAIN_RGB, TEST_RGB, faint(TRAIN_RGB), faint(TEST_RGB), AXIS_RGB, MARKER_RGB, RULE_RGB));
            for (int c = 0; c < Math.min(classes, 8); c++) {
                fixed.add(Palette.classRgb(c));
                fixed.add(Palette.darkArgb(c) & 0xFFFFFF);
            }
            for (int grey = 0x11; grey < 0xFF; grey += 0x11) {
                fixed.add(grey * 0x010101);
            }
            return colors.build(fixed.stream().mapToInt(Integer::intValue).toArray());
        }

        BufferedImage draw(Frame frame) {
            int w = options.width();
            int h = options.height();
            BufferedImage picture = BoundaryImage.render(
                    new BoundaryImage.Scene(frame.network(), view, trainX, trainY, testX, testY, features),
                    new BoundaryImage.Style(pictureWidth, h, false, null, scale));
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.drawImage(picture, 0, 0, null);
                drawFigures(g, frame);
                if (options.lossCurve()) {
                    g.setColor(new Color(RULE_RGB));
                    g.fillRect(pictureWidth, 0, Math.max(1, (int) Math.round(scale)), h);
                    drawLossPanel(g, frame, pictureWidth, w - pictureWidth, h);
                }
            } finally {
                g.dispose();
            }
            return out;
        }

        /** The epoch, large, and the accuracies under it, on a light box in the picture's corner. */
        private void drawFigures(Graphics2D g, Frame f) {
            int h = options.height();
            Font big = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, (int) Math.round(h / 18.0)));
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, (int) Math.round(h / 23.0)));
            String first = String.format(Locale.ROOT, "epoch %,d", f.epoch());
            String second = figuresLine(f);
            FontMetrics bm = g.getFontMetrics(big);
            FontMetrics sm = g.getFontMetrics(small);
            int pad = (int) Math.round(6 * scale);
            int margin = (int) Math.round(6 * scale);
            int textW = Math.max(bm.stringWidth(first), second.isEmpty() ? 0 : sm.stringWidth(second));
            int textH = bm.getAscent() + bm.getDescent() + (second.isEmpty() ? 0 : sm.getAscent() + sm.getDescent());
            Shape box = new RoundRectangle2D.Double(margin, margin, textW + 2 * pad, textH + 2 * pad,
                    4 * scale, 4 * scale);
            g.setColor(new Color(255, 255, 255, 215));
            g.fill(box);
            g.setColor(new Color(0xBBBBBB));
            g.setStroke(new BasicStroke(1f));
            g.draw(box);
            g.setColor(new Color(TEXT_RGB));
            g.setFont(big);
            int y = margin + pad + bm.getAscent();
            g.drawString(first, margin + pad, y);
            if (!second.isEmpty()) {
                g.setFont(small);
                y += bm.getDescent() + sm.getAscent();
                g.drawString(second, margin + pad, y);
            }
        }

        private static String figuresLine(Frame f) {
            List<String> parts = new ArrayList<>();
            if (Double.isFinite(f.trainAccuracy())) {
                parts.add(String.format(Locale.ROOT, "train %.1f%%", 100 * f.trainAccuracy()));
            }
            if (Double.isFinite(f.testAccuracy())) {
                parts.add(String.format(Locale.ROOT, "test %.1f%%", 100 * f.testAccuracy()));
            }
            if (parts.isEmpty() && Double.isFinite(f.trainLoss())) {
                parts.add(String.format(Locale.ROOT, "loss %.4g", f.trainLoss()));
            }
            return String.join("   ", parts);
        }

        /**
         * The run's train and test loss, log scale: the whole run faint, the part up to this
         * frame's epoch in full colour, a marker at the epoch.
         */
        private void drawLossPanel(Graphics2D g, Frame f, int left, int width, int height) {
            double s = scale;
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, (int) Math.round(height / 30.0)));
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int x0 = left + (int) Math.round(8 * s);
            int line = fm.getAscent() + fm.getDescent();
            // the title, then the legend: train blue and solid, test vermillion and dashed
            g.setColor(new Color(TEXT_RGB));
            g.drawString("loss by epoch (log scale)", x0, (int) Math.round(6 * s) + fm.getAscent());
            int legendY = (int) Math.round(6 * s) + line + (int) Math.round(4 * s) + fm.getAscent();
            int swatch = (int) Math.round(18 * s);
            int lx = x0;
            boolean hasTest = hasTest();
            for (int k = 0; k < (hasTest ? 2 : 1); k++) {
                double ly = legendY - fm.getAscent() / 2.0 + 1;
                g.setColor(new Color(k == 0 ? TRAIN_RGB : TEST_RGB));
                g.setStroke(stroke(k == 0, 2 * s));
                g.draw(new Line2D.Double(lx, ly, lx + swatch, ly));
                lx += swatch + (int) Math.round(4 * s);
                g.setColor(new Color(TEXT_RGB));
                String name = k == 0 ? "train" : "test";
                g.drawString(name, lx, legendY);
                lx += fm.stringWidth(name) + (int) Math.round(10 * s);
            }

            int plotTop = legendY + fm.getDescent() + (int) Math.round(10 * s);
            int plotBottom = height - line - (int) Math.round(10 * s);
            // ticks at least three lines of text apart, whatever the size
            List<LossPlot.Tick> yTicks = plot.yTicks(Math.max(2, (plotBottom - plotTop) / (3 * line)));
            int labelW = 0;
            for (LossPlot.Tick t : yTicks) {
                labelW = Math.max(labelW, fm.stringWidth(t.label()));
            }
            int plotLeft = x0 + labelW + (int) Math.round(6 * s);
            int plotRight = left + width - (int) Math.round(10 * s);
            if (plotRight - plotLeft < 10 || plotBottom - plotTop < 10) {
                return; // too small to draw a curve in
            }
            PlotArea area = new PlotArea(plot, plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);

            g.setStroke(new BasicStroke((float) s));
            g.setColor(new Color(AXIS_RGB));
            g.drawRect(plotLeft, plotTop, area.w, area.h);
            for (LossPlot.Tick t : yTicks) {
                double py = area.y(t.value());
                g.draw(new Line2D.Double(plotLeft - 3 * s, py, plotLeft, py));
                g.drawString(t.label(), plotLeft - (int) Math.round(5 * s) - fm.stringWidth(t.label()),
                        (int) Math.round(py + fm.getAscent() / 2.0 - 1));
            }
            List<LossPlot.Tick> xTicks = plot.xTicks(Math.max(2, area.w / (3 * fm.stringWidth("0.0k"))));
            for (LossPlot.Tick t : xTicks) {
                double px = area.x(t.value());
                g.draw(new Line2D.Double(px, plotBottom, px, plotBottom + 3 * s));
                int lw = fm.stringWidth(t.label());
                int tx = (int) Math.round(Math.max(plotLeft - lw / 2.0, Math.min(px - lw / 2.0, left + width - lw - 2)));
                g.drawString(t.label(), tx, plotBottom + (int) Math.round(4 * s) + fm.getAscent());
            }

            Shape clip = g.getClip();
            g.clipRect(plotLeft, plotTop, area.w + 1, area.h + 1);
            // the marker first, so the curves are drawn over it
            double mx = area.x(f.epoch());
            g.setColor(new Color(MARKER_RGB));
            g.setStroke(new BasicStroke((float) s));
            g.draw(new Line2D.Double(mx, plotTop, mx, plotBottom));
            for (int k = 0; k < 2; k++) {
                boolean train = k == 0;
                if (!train && !hasTest) {
                    continue;
                }
                int rgb = train ? TRAIN_RGB : TEST_RGB;
                g.setColor(new Color(faint(rgb)));
                g.setStroke(stroke(train, 1.2 * s));
                g.draw(area.path(train, Long.MAX_VALUE, Double.NaN, 0));
                g.setColor(new Color(rgb));
                g.setStroke(stroke(train, 2 * s));
                double own = train ? f.trainLoss() : f.testLoss();
                g.draw(area.path(train, f.epoch(), own, f.epoch()));
            }
            for (int k = 0; k < 2; k++) {
                double own = k == 0 ? f.trainLoss() : f.testLoss();
                if (Double.isFinite(own) && own > 0) {
                    double r = 3.5 * s;
                    Ellipse2D dot = new Ellipse2D.Double(mx - r, area.y(Math.log10(own)) - r, 2 * r, 2 * r);
                    g.setColor(new Color(k == 0 ? TRAIN_RGB : TEST_RGB));
                    g.fill(dot);
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke((float) s));
                    g.draw(dot);
                }
            }
            g.setClip(clip);
        }

        private boolean hasTest() {
            for (int i = 0; i < plot.size(); i++) {
                if (!Double.isNaN(plot.test(i))) {
                    return true;
                }
            }
            return testX.length > 0;
        }

        private static BasicStroke stroke(boolean solid, double width) {
            if (solid) {
                return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            }
            float dash = (float) (3 * width);
            return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {dash, dash * 0.7f}, 0f);
        }
    }

    /** Where the loss plot's values land in the panel. */
    private static final class PlotArea {
        final LossPlot plot;
        final int left;
        final int top;
        final int w;
        final int h;

        PlotArea(LossPlot plot, int left, int top, int w, int h) {
            this.plot = plot;
            this.left = left;
            this.top = top;
            this.w = w;
            this.h = h;
        }

        double x(double epoch) {
            return left + epoch / plot.xMax() * w;
        }

        double y(double log10) {
            return top + (plot.yMax() - log10) / (plot.yMax() - plot.yMin()) * h;
        }

        /**
         * The curve's points up to {@code untilEpoch}, ending at ({@code endEpoch}, {@code endLoss})
         * when that loss is known; the pen lifts over missing values.
         */
        Path2D path(boolean train, long untilEpoch, double endLoss, long endEpoch) {
            Path2D.Double p = new Path2D.Double();
            boolean down = false;
            double lastEpoch = -1;
            for (int i = 0; i < plot.size() && plot.epoch(i) <= untilEpoch; i++) {
                double v = train ? plot.train(i) : plot.test(i);
                if (Double.isNaN(v)) {
                    down = false;
                    continue;
                }
                if (down) {
                    p.lineTo(x(plot.epoch(i)), y(v));
                } else {
                    p.moveTo(x(plot.epoch(i)), y(v));
                    down = true;
                }
                lastEpoch = plot.epoch(i);
            }
            if (Double.isFinite(endLoss) && endLoss > 0 && endEpoch > lastEpoch) {
                double v = Math.log10(endLoss);
                if (down) {
                    p.lineTo(x(endEpoch), y(v));
                } else {
                    p.moveTo(x(endEpoch), y(v));
                }
            }
            return p;
        }
    }

    private static int faint(int rgb) {
        // three quarters of the way to white
        int r = (int) Math.round(((rgb >> 16) & 0xFF) * 0.25 + 255 * 0.75);
        int g = (int) Math.round(((rgb >> 8) & 0xFF) * 0.25 + 255 * 0.75);
        int b = (int) Math.round((rgb & 0xFF) * 0.25 + 255 * 0.75);
        return (r << 16) | (g << 8) | b;
    }

    /** The view grown in x or in y to the picture's shape, about its centre: one scale on both axes. */
    static Viewport fitted(Viewport view, int width, int height) {
        double want = (double) width / height;
        double have = view.width() / view.height();
        if (want > have) {
            double half = view.height() * want / 2;
            double cx = (view.xMin() + view.xMax()) / 2;
            return new Viewport(cx - half, cx + half, view.yMin(), view.yMax());
        }
        double half = view.width() / want / 2;
        double cy = (view.yMin() + view.yMax()) / 2;
        return new Viewport(view.xMin(), view.xMax(), cy - half, cy + half);
    }
}
