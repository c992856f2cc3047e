package org.boundarylab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The files jpackage is given (packaging/): the icons must be real images of the sizes each OS
 * asks for, derived from assets/icon.png, and the Linux desktop entry must point where the .deb
 * installs the launcher.
 */
class PackagingFilesTest {
    private static final Path SOURCE = Path.of("assets/icon.png");
    private static final Path LINUX_ICON = Path.of("packaging/linux/boundary-lab.png");
    private static final Path WINDOWS_ICON = Path.of("packaging/windows/boundary-lab.ico");
    private static final Path MAC_ICON = Path.of("packaging/macos/boundary-lab.icns");
    private static final Path DESKTOP = Path.of("packaging/linux/boundary-lab.desktop");
    private static final Path BUILD_SCRIPT = Path.of("packaging/build.sh");

    @Test
    void sourceIconIsALargeSquareWithTransparentCorners() throws IOException {
        BufferedImage source = read(SOURCE);
        assertEquals(1024, source.getWidth());
        assertEquals(1024, source.getHeight());
        assertEquals(0, source.getRGB(0, 0) >>> 24, "corner outside the rounded tile is transparent");
    }

    @Test
    void linuxIconShowsOrangeAboveTheBoundaryAndBlueBelow() throws IOException {
        BufferedImage icon = read(LINUX_ICON);
        assertEquals(256, icon.getWidth());
        assertEquals(256, icon.getHeight());
        assertOrange(icon.getRGB(128, 40), "upper middle");
        assertBlue(icon.getRGB(128, 225), "lower middle");
    }

    @Test
    void derivedIconsKeepTheSourceColours() throws IOException {
        double[] source = meanColour(read(SOURCE));
        double[] linux = meanColour(read(LINUX_ICON));
        for (int c = 0; c < 4; c++) {
            assertEquals(source[c], linux[c], 4.0, "mean channel " + c + " of the 256 px icon vs the source");
        }
    }

    @Test
    void windowsIconHoldsEverySizeFrom16To256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(WINDOWS_ICON)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0), "reserved");
        assertEquals(1, ico.getShort(2), "type 1 = icon");
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int size = ico.get(entry) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            assertEquals(32, ico.getShort(entry + 6), "bits per pixel of entry " + i);
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertTrue(offset + length <= ico.capacity(), "entry " + i + " lies inside the file");
            byte[] data = new byte[length];
            ico.get(offset, data);
            if (isPng(data)) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
                assertEquals(size, img.getWidth(), "PNG entry " + i);
            } else {
                ByteBuffer dib = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(40, dib.getInt(0), "BITMAPINFOHEADER of entry " + i);
                assertEquals(size, dib.getInt(4), "DIB width of entry " + i);
                assertEquals(2 * size, dib.getInt(8), "DIB height (image + mask) of entry " + i);
                int maskRow = ((size + 31) / 32) * 4;
                assertEquals(40 + size * size * 4 + maskRow * size, length, "DIB length of entry " + i);
            }
            sizes.add(size);
        }
        assertEquals(List.of(16, 24, 32, 48, 64, 128, 256), sizes);
    }

    @Test
    void macIconHoldsRetinaSizesAsPng() throws IOException {
        byte[] bytes = Files.readAllBytes(MAC_ICON);
        ByteBuffer icns = ByteBuffer.wrap(bytes); // big-endian
        assertEquals("icns", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(bytes.length, icns.getInt(4), "declared length");
        Map<String, Integer> found = new TreeMap<>();
        int pos = 8;
        while (pos < bytes.length) {
            String type = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
            int length = icns.getInt(pos + 4);
            assertTrue(length > 8 && pos + length <= bytes.length, type + " lies inside the file");
            byte[] data = new byte[length - 8];
            icns.get(pos + 8, data);
            assertTrue(isPng(data), type + " is a PNG");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
            found.put(type, img.getWidth());
            pos += length;
        }
        assertEquals(Map.of("ic07", 128, "ic08", 256, "ic09", 512, "ic10", 1024,
                "ic11", 32, "ic12", 64, "ic13", 256, "ic14", 512), found);
    }

    @Test
    void desktopEntryPointsWhereTheDebInstallsTheLauncher() throws IOException {
        List<String> lines = Files.readAllLines(DESKTOP);
        assertEquals("[Desktop Entry]", lines.get(0));
        assertTrue(lines.contains("Categories=Education;Science;"), "education category");
        assertTrue(lines.contains("Type=Application"));
        assertTrue(lines.contains("Terminal=false"));
        String script = Files.readString(BUILD_SCRIPT);
        // jpackage installs the app as <install-dir>/<name>/, launcher in bin/, icon in lib/.
        assertTrue(script.contains("--name boundary-lab"), "build.sh names the app boundary-lab");
        assertTrue(script.contains("--install-dir /opt"), "build.sh installs under /opt");
        assertTrue(lines.contains("Exec=/opt/boundary-lab/bin/boundary-lab %f"), "Exec is the installed launcher");
        assertTrue(lines.contains("Icon=/opt/boundary-lab/lib/boundary-lab.png"), "Icon is the installed icon");
        assertTrue(script.contains("deps=\"libgtk-3-0, "), "GTK dependency declared (InstallerCommandsTest checks the command)");
    }

    @Test
    void workspaceFilesHaveAnIconOfTheirOwnOnEverySystem() throws IOException {
        BufferedImage page = read(Path.of("packaging/linux/boundary-lab-workspace.png"));
        assertEquals(256, page.getWidth());
        assertEquals(0xFFFFFFFF, page.getRGB(60, 60), "a white page");
        assertEquals(0, page.getRGB(250, 5) >>> 24, "its folded corner leaves the top right transparent");
        assertOrange(page.getRGB(128, 110), "the app's tile on the page, orange above");
        assertBlue(page.getRGB(128, 215), "and blue below");
        byte[] ico = Files.readAllBytes(Path.of("packaging/windows/boundary-lab-workspace.ico"));
        assertEquals(7, ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN).getShort(4), "seven sizes");
        byte[] icns = Files.readAllBytes(Path.of("packaging/macos/boundary-lab-workspace.icns"));
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(icns.length, ByteBuffer.wrap(icns).getInt(4));
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " is a readable image");
        return img;
    }

    private static boolean isPng(byte[] data) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G'};
        byte[] head = new byte[4];
        System.arraycopy(data, 0, head, 0, Math.min(4, data.length));
        return java.util.Arrays.equals(signature, head);
    }

    private static void assertOrange(int argb, String where) {
        int r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
        assertTrue(r > g && g > b && r - b > 60, where + " is orange, was #" + Integer.toHexString(argb));
    }

    private static void assertBlue(int argb, String where) {
        int r = (argb >> 16) & 0xFF, b = argb & 0xFF;
        assertTrue(b > r + 40, where + " is blue, was #" + Integer.toHexString(argb));
    }

    /** Alpha-weighted mean of red, green, blue, plus the mean alpha, each 0..255. */
    private static double[] meanColour(BufferedImage img) {
        double[] sum = new double[4];
        double weight = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                double a = (argb >>> 24) / 255.0;
                sum[0] += a * ((argb >> 16) & 0xFF);
                sum[1] += a * ((argb >> 8) & 0xFF);
                sum[2] += a * (argb & 0xFF);
                sum[3] += argb >>> 24;
                weight += a;
            }
        }
        int n = img.getWidth() * img.getHeight();
        return new double[] {sum[0] / weight, sum[1] / weight, sum[2] / weight, sum[3] / n};
    }
}
