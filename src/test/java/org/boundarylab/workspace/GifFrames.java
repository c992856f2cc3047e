package org.boundarylab.workspace;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** An animated GIF read back with the JDK's own reader: frames, delays, comments, the loop extension. */
public record GifFrames(List<BufferedImage> images, List<Integer> delays, List<String> comments, boolean loops,
                        int width, int height) {

    public static GifFrames read(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> images = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < n; i++) {
                images.add(reader.read(i));
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(control == null ? -1 : Integer.parseInt(control.getAttribute("delayTime")));
                IIOMetadataNode comment = (IIOMetadataNode) root.getElementsByTagName("CommentExtension").item(0);
                comments.add(comment == null ? null : comment.getAttribute("value"));
                var apps = root.getElementsByTagName("ApplicationExtension");
                for (int k = 0; k < apps.getLength(); k++) {
                    IIOMetadataNode app = (IIOMetadataNode) apps.item(k);
                    byte[] data = (byte[]) app.getUserObject();
                    if ("NETSCAPE".equals(app.getAttribute("applicationID"))
                            && "2.0".equals(app.getAttribute("authenticationCode"))
                            && data != null && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0) {
                        loops = true;
                    }
                }
            }
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata()
                    .getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
            return new GifFrames(images, delays, comments, loops,
                    Integer.parseInt(screen.getAttribute("logicalScreenWidth")),
                    Integer.parseInt(screen.getAttribute("logicalScreenHeight")));
        } finally {
            reader.dispose();
        }
    }

    public int size() {
        return images.size();
    }

    /** The figures of frame {@code i}'s comment: epoch, train_loss, test_loss, train_accuracy, test_accuracy. */
    public Map<String, String> figures(int i) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : comments.get(i).split(" ")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    }

    public long epoch(int i) {
        return Long.parseLong(figures(i).get("epoch"));
    }
}
