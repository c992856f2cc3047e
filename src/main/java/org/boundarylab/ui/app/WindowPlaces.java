package org.boundarylab.ui.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.boundarylab.io.AtomicFiles;
import org.boundarylab.ui.app.WindowPlacement.Placement;
import org.boundarylab.ui.app.WindowPlacement.Rect;

/**
 * The window's size, position and maximised state, remembered per arrangement of screens in a
 * small properties file beside the autosave ({@code ~/.boundary-lab/window.properties}), or
 * wherever the system property {@value #LOCATION_PROPERTY} points; {@code off} remembers nothing
 * (tests and screenshots). A missing or damaged file is the same as none.
 */
public final class WindowPlaces {
    public static final String LOCATION_PROPERTY = "boundarylab.window";
    private static final System.Logger LOG = System.getLogger(WindowPlaces.class.getName());
    private final Path file;

    public WindowPlaces(Path file) {
        this.file = file;
    }

    /** From the system property; else beside the autosave; null (remember nothing) for "off". */
    public static WindowPlaces atDefaultLocation() {
        String p = System.getProperty(LOCATION_PROPERTY);
        if (p != null && !p.isBlank()) {
            return new WindowPlaces(p.equals("off") ? null : Path.of(p));
        }
        Path autosave = org.boundarylab.workspace.Autosave.defaultLocation().toAbsolutePath();
        if ("off".equals(autosave.getFileName().toString()) || autosave.getParent() == null) {
            return new WindowPlaces(null);
        }
        return new WindowPlaces(autosave.getParent().resolve("window.properties"));
    }

    public Path file() {
        return file;
    }

    /** The placement kept for this arrangement of screens, or null. */
    public Placement recall(String configuration) {
        Properties p = read();
        String v = p.getProperty(configuration);
        if (v == null) {
            return null;
        }
        String[] f = v.trim().split("\\s+");
        try {
            Rect r = new Rect(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]));
            boolean max = f.length > 4 && f[4].equals("maximised");
            if (!(r.width() > 0 && r.height() > 0) || !Double.isFinite(r.x() + r.y() + r.width() + r.height())) {
                return null;
            }
            return new Placement(r, max);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Keeps the placement for this arrangement of screens; a failure to write is logged, never thrown. */
    public void remember(String configuration, Placement placement) {
        if (file == null) {
            return;
        }
        Properties p = read();
        Rect r = placement.bounds();
        p.setProperty(configuration, String.format(Locale.ROOT, "%.0f %.0f %.0f %.0f%s", r.x(), r.y(), r.width(),
                r.height(), placement.maximised() ? " maximised" : ""));
        try {
            StringWriter out = new StringWriter();
            p.store(out, "Boundary Lab window: x y width height [maximised], per arrangement of screens");
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remember the window's place in " + file + ": " + e);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (file == null || !Files.isRegularFile(file)) {
            return p;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | RuntimeException e) {
            return new Properties();
        }
        return p;
    }
}
