package org.boundarylab.ui.classroom;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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

    LessonBanner(LessonSession session, Runnable leave) {
        pane.setId("lessonBanner");
        pane.getStyleClass().add("lesson-banner");
        pane.setAnimated(false);
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
        Button leaveButton = new Button("Leave lesson");
        leaveButton.setId("leaveLessonButton");
        leaveButton.setOnAction(e -> leave.run());
        leaveButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(12, status, leaveButton);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        VBox content = new VBox(6, text, bottom);
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

    TitledPane node() {
        return pane;
    }
}
