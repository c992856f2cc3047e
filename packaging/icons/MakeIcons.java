import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Boundary Lab icon and derives the per-OS icon files from it.
 *
 * <p>Run from the repository root: {@code java packaging/icons/MakeIcons.java}. It writes the
 * source image {@code assets/icon.png} (1024 px), then reads that file back and scales it into
 * {@code packaging/linux/boundary-lab.png}, {@code packaging/windows/boundary-lab.ico} and
 * {@code packaging/macos/boundary-lab.icns}, so every installer icon comes from the one source.
 * The icon of a workspace file ({@code .blab}) is that tile on a page with a folded corner, written
 * beside them as {@code boundary-lab-workspace.png}, {@code .ico} and {@code .icns}.
 * Pass {@code --derive-only} to keep an edited {@code assets/icon.png} and only redo the derived files.
 */
public final class MakeIcons {
    static final int SOURCE_SIZE = 1024;
    // TensorFlow Playground's colour-blind-safe pair, as the app's canvas uses.
    static final Color ORANGE = new Color(0xF5, 0x93, 0x22);
    static final Color BLUE = new Color(0x08, 0x77, 0xBD);
    static final Color ORANGE_FIELD = new Color(0xFB, 0xD3, 0xA6);
    static final Color BLUE_FIELD = new Color(0xB5, 0xD6, 0xEE);
    static final Color BOUNDARY = new Color(0x26, 0x32, 0x38);

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".");
        boolean deriveOnly = List.of(args).contains("--derive-only");
        Path source = root.resolve("assets/icon.png");
        if (!deriveOnly) {
            Files.createDirectories(source.getParent());
            ImageIO.write(draw(SOURCE_SIZE), "png", source.toFile());
        }
        BufferedImage master = ImageIO.read(source.toFile());
        if (master == null || master.getWidth() != master.getHeight()) {
            throw new IOException(source + ": expected a square PNG");
        }
        write(root.resolve("packaging/linux/boundary-lab.png"), png(scale(master, 256)));
        write(root.resolve("packaging/windows/boundary-lab.ico"), ico(master));
        write(root.resolve("packaging/macos/boundary-lab.icns"), icns(master));
        BufferedImage document = document(master, SOURCE_SIZE);
        write(root.resolve("packaging/linux/boundary-lab-workspace.png"), png(scale(document, 256)));
        write(root.resolve("packaging/windows/boundary-lab-workspace.ico"), ico(document));
        write(root.resolve("packaging/macos/boundary-lab-workspace.icns"), icns(document));
    }

    /** A workspace file: a white page with its top right corner folded, the app's tile on its lower part. */
    static BufferedImage document(BufferedImage master, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double u = size / 1024.0;
        double left = 150 * u, right = 874 * u, top = 40 * u, bottom = 984 * u, fold = 220 * u;
        Path2D page = new Path2D.Double();
        page.moveTo(left, top);
        page.lineTo(right - fold, top);
        page.lineTo(right, top + fold);
        page.lineTo(right, bottom);
        page.lineTo(left, bottom);
        page.closePath();
        g.setColor(Color.WHITE);
        g.fill(page);
        Path2D corner = new Path2D.Double();
        corner.moveTo(right - fold, top);
        corner.lineTo(right - fold, top + fold);
        corner.lineTo(right, top + fold);
        corner.closePath();
        g.setColor(new Color(0xDD, 0xE3, 0xE8));
        g.fill(corner);
        g.setColor(new Color(0x26, 0x32, 0x38, 150));
        g.setStroke(new BasicStroke((float) (14 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(page);
        g.draw(corner);
        int tile = (int) Math.round(600 * u);
        g.drawImage(scale(master, tile), (int) Math.round(212 * u), (int) Math.round(330 * u), null);
        g.dispose();
        return img;
    }

    /** A rounded tile split by an S-shaped decision boundary, orange points above, blue below. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 1024.0, size / 1024.0);

        Shape tile = new RoundRectangle2D.Double(40, 40, 944, 944, 210, 210);
        g.setClip(tile);
        g.setColor(BLUE_FIELD);
        g.fill(tile);

        // The boundary of two interleaved moons: a gentle S from the left edge to the right.
        Path2D boundary = new Path2D.Double();
        boundary.moveTo(0, 690);
        boundary.curveTo(330, 200, 640, 900, 1024, 330);
        Path2D orangeSide = new Path2D.Double(boundary);
        orangeSide.lineTo(1024, 0);
        orangeSide.lineTo(0, 0);
        orangeSide.closePath();
        g.setColor(ORANGE_FIELD);
        g.fill(orangeSide);

        g.setColor(BOUNDARY);
        g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(boundary);

        double[][] orangePoints = {{190, 250}, {370, 170}, {560, 300}, {290, 390}, {800, 180}, {690, 440}};
        double[][] bluePoints = {{230, 800}, {420, 640}, {560, 830}, {760, 700}, {880, 610}, {130, 660}};
        dots(g, orangePoints, ORANGE);
        dots(g, bluePoints, BLUE);

        g.setClip(null);
        g.setColor(new Color(0, 0, 0, 60));
        g.setStroke(new BasicStroke(6));
        g.draw(tile);
        g.dispose();
        return img;
    }

    static void dots(Graphics2D g, double[][] points, Color fill) {
        double r = 50;
        for (double[] p : points) {
            Shape dot = new Ellipse2D.Double(p[0] - r, p[1] - r, 2 * r, 2 * r);
            g.setColor(fill);
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(14));
            g.draw(dot);
        }
    }

    /** Halves the image step by step (bilinear each time) so small sizes stay smooth, not aliased. */
    static BufferedImage scale(BufferedImage src, int size) {
        BufferedImage current = src;
        int w = src.getWidth();
        while (w > size) {
            w = Math.max(size, w / 2);
            BufferedImage next = new BufferedImage(w, w, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, w, null);
            g.dispose();
            current = next;
        }
        return current;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /**
     * Windows icon: 16..48 px as 32-bit DIBs (what every Windows version and resource tool reads),
     * 64..256 px as PNG entries (Vista and later), largest last.
     */
    static byte[] ico(BufferedImage master) throws IOException {
        int[] sizes = {16, 24, 32, 48, 64, 128, 256};
        List<byte[]> images = new ArrayList<>();
        for (int s : sizes) {
            BufferedImage img = scale(master, s);
            images.add(s <= 48 ? dib(img) : png(img));
        }
        int headerBytes = 6 + 16 * sizes.length;
        int total = headerBytes + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = headerBytes;
        for (int i = 0; i < sizes.length; i++) {
            int s = sizes[i];
            buf.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)); // 0 means 256
            buf.put((byte) 0).put((byte) 0);              // no palette, reserved
            buf.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
            buf.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(buf::put);
        return buf.array();
    }

    /** BITMAPINFOHEADER + bottom-up BGRA rows + an all-zero AND mask (alpha carries transparency). */
    static byte[] dib(BufferedImage img) {
        int s = img.getWidth();
        int maskRow = ((s + 31) / 32) * 4;
        ByteBuffer buf = ByteBuffer.allocate(40 + s * s * 4 + maskRow * s).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(40).putInt(s).putInt(2 * s); // height counts the XOR and AND bitmaps together
        buf.putShort((short) 1).putShort((short) 32).putInt(0).putInt(s * s * 4 + maskRow * s);
        buf.putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = s - 1; y >= 0; y--) {
            for (int x = 0; x < s; x++) {
                int argb = img.getRGB(x, y);
                buf.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        return buf.array(); // the mask bytes are already zero
    }

    /** macOS icon family with PNG payloads (readable since OS X 10.7). */
    static byte[] icns(BufferedImage master) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("ic11", 32);   // 16@2x
        types.put("ic12", 64);   // 32@2x
        types.put("ic07", 128);
        types.put("ic13", 256);  // 128@2x
        types.put("ic08", 256);
        types.put("ic14", 512);  // 256@2x
        types.put("ic09", 512);
        types.put("ic10", 1024); // 512@2x
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] data = png(scale(master, e.getValue()));
            body.write(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.write(ByteBuffer.allocate(4).putInt(8 + data.length).array());
            body.write(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(4).putInt(8 + body.size()).array());
        body.writeTo(out);
        return out.toByteArray();
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        System.out.println("wrote " + target + " (" + bytes.length + " bytes)");
    }
}
