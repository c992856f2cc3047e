package org.boundarylab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.boundarylab.ui.app.WindowPlacement.Placement;
import org.boundarylab.ui.app.WindowPlacement.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {
    /** A 1024x768 projector less a 40-pixel task bar at the bottom. */
    private static final Rect PROJECTOR = new Rect(0, 0, 1024, 728);
    private static final Rect FULL_HD = new Rect(0, 0, 1920, 1040);

    private static void assertInside(Rect r, Rect screen) {
        assertTrue(r.x() >= screen.x() && r.y() >= screen.y() && r.maxX() <= screen.maxX()
                && r.maxY() <= screen.maxY(), r + " inside " + screen);
    }

    @Test
    void aFirstStartOnASmallScreenFillsItAndOnALargeOneIsCentredAtItsPreferredSize() {
        Placement small = WindowPlacement.place(List.of(PROJECTOR), null, 1280, 760);
        assertEquals(new Rect(0, 0, 1024, 728), small.bounds(), "not 1280 wide at x = -128");
        assertFalse(small.maximised());
        Placement large = WindowPlacement.place(List.of(FULL_HD), null, 1280, 760);
        assertEquals(new Rect(320, 140, 1280, 760), large.bounds());
        // a primary screen that does not start at 0, 0 (a second screen on the left)
        Rect right = new Rect(1920, 0, 1366, 728);
        Placement onIt = WindowPlacement.place(List.of(right, FULL_HD), null, 1280, 760);
        assertInside(onIt.bounds(), right);
    }

    @Test
    void aRememberedPlaceComesBackAndOneOffScreenIsPulledBack() {
        Placement kept = new Placement(new Rect(100, 50, 900, 600), true);
        assertEquals(kept, WindowPlacement.place(List.of(FULL_HD), kept, 1280, 760));
        // half off the right edge, and taller than the screen now is
        Placement off = new Placement(new Rect(1500, -30, 900, 1200), false);
        Placement back = WindowPlacement.place(List.of(FULL_HD), off, 1280, 760);
        assertInside(back.bounds(), FULL_HD);
        assertEquals(new Rect(1020, 0, 900, 1040), back.bounds());
        // on a screen that is gone: onto the primary one, sized to fit it
        Placement gone = new Placement(new Rect(2500, 200, 1600, 900), false);
        Placement home = WindowPlacement.place(List.of(PROJECTOR), gone, 1280, 760);
        assertEquals(new Rect(0, 0, 1024, 728), home.bounds());
        // a window made tiny by hand opens at least at the smallest size the lab is laid out for
        Placement tiny = WindowPlacement.place(List.of(FULL_HD), new Placement(new Rect(10, 10, 200, 100), false),
                1280, 760);
        assertEquals(new Rect(10, 10, WindowPlacement.MIN_WIDTH, WindowPlacement.MIN_HEIGHT), tiny.bounds());
    }

    @Test
    void aWindowOnTheSecondScreenStaysThere() {
        Rect second = new Rect(1920, 0, 1024, 728);
        Placement there = new Placement(new Rect(2000, 20, 1280, 760), false);
        Placement placed = WindowPlacement.place(List.of(FULL_HD, second), there, 1280, 760);
        assertEquals(new Rect(1920, 0, 1024, 728), placed.bounds());
    }

    @Test
    void placesAreRememberedPerArrangementOfScreens(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings").resolve("window.properties");
        WindowPlaces places = new WindowPlaces(file);
        String laptop = WindowPlacement.configuration(List.of(new Rect(0, 0, 1366, 728)));
        String withProjector = WindowPlacement.configuration(List.of(new Rect(0, 0, 1366, 728), PROJECTOR));
        assertEquals("1366x728+0+0", laptop);
        assertNull(places.recall(laptop));
        places.remember(laptop, new Placement(new Rect(10, 20, 1200, 700), false));
        places.remember(withProjector, new Placement(new Rect(1366, 0, 1024, 728), true));
        WindowPlaces again = new WindowPlaces(file);
        assertEquals(new Placement(new Rect(10, 20, 1200, 700), false), again.recall(laptop));
        assertEquals(new Placement(new Rect(1366, 0, 1024, 728), true), again.recall(withProjector));
        Files.writeString(file, "garbage = x y\n" + laptop.replace(":", "\\:") + " = 1 2 three 4\n");
        assertNull(new WindowPlaces(file).recall(laptop), "a damaged entry is none");
        new WindowPlaces(null).remember(laptop, new Placement(new Rect(0, 0, 1, 1), false)); // remembers nothing
    }
}
