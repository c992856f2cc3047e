package org.boundarylab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the lab looks in front of a class: presentation mode (everything larger for a projector)
 * and the theme. The window follows these properties; menus and shortcuts only change them.
 */
public final class ViewOptions {
    /** Fonts grow by this factor in presentation mode (14px becomes 18px). */
    public static final double PRESENTATION_FONT_SCALE = 18.0 / 14.0;
    /** Points, lines and canvas labels grow by this factor in presentation mode. */
    public static final double PRESENTATION_CANVAS_SCALE = 1.4;

    /** The window's colour scheme; the canvas keeps its colour-blind-safe palette in both. */
    public enum Theme {
        LIGHT("Light theme", null),
        DARK("Dark theme", "theme-dark.css");

        private final String label;
        private final String stylesheet;

        Theme(String label, String stylesheet) {
            this.label = label;
            this.stylesheet = stylesheet;
        }

        public String label() {
            return label;
        }

        /** The style sheet added over lab.css, beside this class; null for none. */
        public String stylesheet() {
            return stylesheet;
        }
    }

    public static final String PRESENTATION_STYLESHEET = "presentation.css";

    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void togglePresentation() {
        presentation.set(!presentation.get());
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    /** How much larger the canvas draws its marks now. */
    public double canvasScale() {
        return presentation.get() ? PRESENTATION_CANVAS_SCALE : 1;
    }
}
