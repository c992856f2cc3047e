package org.boundarylab.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;

/**
 * Walks a window's scene graph, skins included, for what a class would see cut off: a label,
 * button, tab, menu, column header or table cell showing its text shortened with "…", and a
 * control lying outside the window or outside the pane that lays it out (overlapping what is
 * beside it). Controls scrolled out of a scroll pane's view are not counted: they are reached by
 * scrolling.
 */
final class LayoutCheck {
    private static final double TOLERANCE = 1.0;

    private LayoutCheck() {
    }

    static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), scene, false, problems);
        return problems;
    }

    private static void walk(Node n, Scene scene, boolean scrolled, List<String> problems) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Labeled l) {
            String shown = shownText(l);
            String full = l.getText();
            if (shown != null && full != null && !shown.equals(full) && !full.isEmpty()
                    && shown.endsWith(l.getEllipsisString()) && !stripMnemonic(full).equals(shown)) {
                problems.add("cut: " + describe(n) + " shows '" + shown + "' of '" + full + "'");
            }
        }
        if (n instanceof Control c && c.getWidth() > 0 && c.getHeight() > 0) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            if (!scrolled && (b.getMinX() < -TOLERANCE || b.getMinY() < -TOLERANCE
                    || b.getMaxX() > scene.getWidth() + TOLERANCE || b.getMaxY() > scene.getHeight() + TOLERANCE)) {
                problems.add("outside the " + (int) scene.getWidth() + "x" + (int) scene.getHeight() + " window: "
                        + describe(n) + " at " + brief(b));
            }
            if (c.getParent() instanceof Pane p && c.isManaged() && !scrolled) {
                Bounds pb = p.localToScene(p.getLayoutBounds());
                if (b.getMinX() < pb.getMinX() - TOLERANCE || b.getMaxX() > pb.getMaxX() + TOLERANCE
                        || b.getMinY() < pb.getMinY() - TOLERANCE || b.getMaxY() > pb.getMaxY() + TOLERANCE) {
                    problems.add("overflows its " + p.getClass().getSimpleName() + ": " + describe(n) + " at "
                            + brief(b) + ", the pane at " + brief(pb));
                }
            }
        }
        if (n instanceof Parent parent) {
            boolean inside = scrolled || n instanceof ScrollPane || n instanceof javafx.scene.control.skin.VirtualFlow;
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, inside, problems);
            }
        }
    }

    /** The text the skin draws, or null when there is none. */
    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String stripMnemonic(String s) {
        return s.replace("_", "");
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    private static String brief(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(),
                b.getHeight());
    }
}
