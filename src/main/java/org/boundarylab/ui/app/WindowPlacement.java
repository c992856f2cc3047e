package org.boundarylab.ui.app;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the window opens: inside the visual bounds (the screen less task bars and docks) of the
 * screen it is on, sized to fit. Plain arithmetic on rectangles, no toolkit: {@link LabApp} hands
 * it the screens and what {@link WindowPlaces} remembers for this arrangement of screens.
 */
public final class WindowPlacement {
    /** The smallest window the lab is laid out for (a 1024x768 projector, less its task bar). */
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;
    /** How much of a remembered window's title bar must stay on a screen to be reached with the mouse. */
    static final double GRIP = 48;

    private WindowPlacement() {
    }

    /** A rectangle in screen coordinates. */
    public record Rect(double x, double y, double width, double height) {
        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        double overlap(Rect o) {
            double w = Math.min(maxX(), o.maxX()) - Math.max(x, o.x);
            double h = Math.min(maxY(), o.maxY()) - Math.max(y, o.y);
            return w > 0 && h > 0 ? w * h : 0;
        }
    }

    /** The window's bounds (when not maximised) and whether it is maximised. */
    public record Placement(Rect bounds, boolean maximised) {
    }

    /**
     * The bounds to open at. With a remembered placement: that one, shrunk to fit its screen and
     * pulled back inside it if it lies (even in part) off screen. Without: the preferred size, or
     * as much of the primary screen as there is, centred on it.
     *
     * @param screens the visual bounds of every screen, the primary one first
     * @param remembered the placement saved for this arrangement of screens, or null
     * @param preferredWidth the size the window asks for on a large screen
     */
    public static Placement place(List<Rect> screens, Placement remembered, double preferredWidth,
                                  double preferredHeight) {
        if (screens.isEmpty()) {
            return new Placement(new Rect(0, 0, preferredWidth, preferredHeight), false);
        }
        if (remembered != null && remembered.bounds().width() > 0 && remembered.bounds().height() > 0) {
            Rect r = remembered.bounds();
            Rect screen = screens.stream().max(Comparator.comparingDouble(s -> s.overlap(r))).orElseThrow();
            if (screen.overlap(r) <= 0) {
                screen = screens.get(0); // on a screen no longer there: back to the primary one
            }
            return new Placement(inside(r, screen), remembered.maximised());
        }
        Rect screen = screens.get(0);
        double w = Math.min(preferredWidth, screen.width());
        double h = Math.min(preferredHeight, screen.height());
        return new Placement(new Rect(screen.x() + (screen.width() - w) / 2, screen.y() + (screen.height() - h) / 2,
                w, h), false);
    }

    /** {@code r} no larger than {@code screen} and moved, as little as it takes, into it. */
    static Rect inside(Rect r, Rect screen) {
        double w = Math.min(Math.max(r.width(), Math.min(MIN_WIDTH, screen.width())), screen.width());
        double h = Math.min(Math.max(r.height(), Math.min(MIN_HEIGHT, screen.height())), screen.height());
        double x = Math.min(Math.max(r.x(), screen.x()), screen.maxX() - w);
        double y = Math.min(Math.max(r.y(), screen.y()), screen.maxY() - h);
        return new Rect(x, y, w, h);
    }

    /**
     * A name for an arrangement of screens ("1920x1080+0+0,1024x768+1920+0"), so that a laptop
     * remembers one place on its own and another with the projector plugged in.
     */
    public static String configuration(List<Rect> screens) {
        return screens.stream()
                .map(s -> String.format(Locale.ROOT, "%.0fx%.0f%+.0f%+.0f", s.width(), s.height(), s.x(), s.y()))
                .collect(Collectors.joining(","));
    }
}
