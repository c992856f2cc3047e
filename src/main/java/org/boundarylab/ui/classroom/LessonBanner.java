package org.boundarylab.ui.classroom;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.boundarylab.lessons.Lesson;

/**
 * The lesson's title and text above the canvas, with how the run ended and a Leave button.
 * A titled pane, so a teacher can fold the text away (click or Space on the title) and keep
 * the picture large.
 */
final class LessonBanner {
    private final TitledPane pane = new TitledPane();

    /** Lines of lesson text shown before the text scrolls (fewer in presentation mode). */
    private final javafx.beans.property.DoubleProperty textLines = new javafx.beans.property.SimpleDoubleProperty(5);

    LessonBanner(LessonSession session, Runnable leave) {
        pane.setId("lessonBanner");
        pane.getStyleClass().add("lesson-banner");
        pane.setAnimated(false);
        // a long title is shortened rather than widening the window past the screen
        pane.setMinWidth(0);
        Label text = new Label();
        text.setId("lessonText");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("lessonStatus");
        status.getStyleClass().add("lesson-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(session.statusProperty());
        session.verdictProperty().addListener((o, a, v) -> {
            status.getStyleClass().removeAll("reached", "missed");
            if (v == LessonSession.Verdict.REACHED) {
                status.getStyleClass().add("reached");
            } else if (v == LessonSession.Verdict.MISSED) {
                status.getStyleClass().add("missed");
            }
        });
        // the Leave button sits in the title bar, so the text and the status get the full width
        Button leaveButton = new Button("Leave lesson");
        leaveButton.setId("leaveLessonButton");
        leaveButton.getStyleClass().add("leave-lesson");
        leaveButton.setOnAction(e -> leave.run());
        leaveButton.setMinWidth(Region.USE_PREF_SIZE);
        pane.setGraphic(leaveButton);
        pane.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        pane.setGraphicTextGap(16);
        // a long text scrolls rather than pushing the picture off a small screen
        ScrollPane textScroll = new ScrollPane(text);
        textScroll.getStyleClass().add("lesson-text-scroll");
        textScroll.setFitToWidth(true);
        textScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        textScroll.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(text.prefHeight(Math.max(50, textScroll.getWidth() - 16)),
                        textLines.get() * lineHeight(text.getFont()) + 2),
                textScroll.widthProperty(), text.textProperty(), text.fontProperty(), textLines));
        status.setMaxWidth(Double.MAX_VALUE);
        VBox content = new VBox(6, textScroll, status);
        content.getStyleClass().add("lesson-content");
        pane.setContent(content);
        pane.textProperty().bind(Bindings.createStringBinding(() -> {
            Lesson l = session.lessonProperty().get();
            return l == null ? "" : "Lesson: " + l.title();
        }, session.lessonProperty()));
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Lesson l = session.lessonProperty().get();
            return l == null ? "" : l.text();
        }, session.lessonProperty()));
        pane.visibleProperty().bind(session.lessonProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        session.lessonProperty().addListener((o, a, l) -> {
            if (l != null) {
                pane.setExpanded(true);
            }
        });
    }

    /** The height of one line of wrapped text in the font, so the text scrolls by whole lines. */
    private static double lineHeight(javafx.scene.text.Font font) {
        javafx.scene.text.Text one = new javafx.scene.text.Text("Xg");
        one.setFont(font);
        javafx.scene.text.Text two = new javafx.scene.text.Text("Xg\nXg");
        two.setFont(font);
        return two.getLayoutBounds().getHeight() - one.getLayoutBounds().getHeight();
    }

    void setTextLines(double lines) {
        textLines.set(lines);
    }

    TitledPane node() {
        return pane;
    }
}
