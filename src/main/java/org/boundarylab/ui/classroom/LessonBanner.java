package org.boundarylab.ui.classroom;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
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
    private final Label shortStatus = new Label();
    /** The room the fold arrow and the bar's padding take left of the title. */
    private static final double TITLE_ARROW_ROOM = 44;
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");
    private final javafx.beans.property.BooleanProperty compact = new javafx.beans.property.SimpleBooleanProperty(false);

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
        // in presentation mode the banner is one line: the title, how the run stands, Leave
        shortStatus.setId("lessonShortStatus");
        shortStatus.getStyleClass().add("lesson-short-status");
        shortStatus.setMinWidth(Region.USE_PREF_SIZE);
        shortStatus.textProperty().bind(Bindings.createStringBinding(() -> shortStatus(session),
                session.verdictProperty(), session.lessonProperty(), session.statusProperty()));
        shortStatus.visibleProperty().bind(compact);
        shortStatus.managedProperty().bind(compact);
        Label title = new Label();
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Lesson l = session.lessonProperty().get();
            return l == null ? "" : (compact.get() ? "" : "Lesson: ") + l.title();
        }, session.lessonProperty(), compact));
        // the bar's own text is the title; in presentation mode the folded bar says the title and how
        // the run stands as one flow of text, which wraps to a second line rather than cutting a long
        // title (the two labels only measure and style them)
        title.setVisible(false);
        title.setManaged(false);
        shortStatus.visibleProperty().unbind();
        shortStatus.managedProperty().unbind();
        shortStatus.setVisible(false);
        shortStatus.setManaged(false);
        javafx.scene.text.Text titleText = new javafx.scene.text.Text();
        titleText.setId("lessonFoldedTitle");
        titleText.textProperty().bind(title.textProperty());
        titleText.fontProperty().bind(title.fontProperty());
        titleText.fillProperty().bind(title.textFillProperty());
        javafx.scene.text.Text statusText = new javafx.scene.text.Text();
        statusText.setId("lessonFoldedStatus");
        statusText.textProperty().bind(Bindings.when(shortStatus.textProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("\u2003", shortStatus.textProperty())));
        statusText.fontProperty().bind(shortStatus.fontProperty());
        statusText.fillProperty().bind(shortStatus.textFillProperty());
        javafx.scene.text.TextFlow folded = new javafx.scene.text.TextFlow(titleText, statusText);
        folded.setId("lessonFolded");
        folded.visibleProperty().bind(compact);
        folded.managedProperty().bind(compact);
        javafx.scene.layout.HBox titleGraphic = new javafx.scene.layout.HBox(12, title, shortStatus, folded, leaveButton);
        titleGraphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        pane.textProperty().bind(Bindings.when(compact).then("").otherwise(title.textProperty()));
        pane.setWrapText(false);
        // Leave waits in the unfolded banner (and the Lessons menu)
        leaveButton.visibleProperty().bind(compact.not().or(pane.expandedProperty()));
        leaveButton.managedProperty().bind(leaveButton.visibleProperty());
        folded.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(100, pane.getWidth() - TITLE_ARROW_ROOM
                        - (leaveButton.isVisible() ? leaveButton.prefWidth(-1) + 12 : 0)),
                pane.widthProperty(), leaveButton.visibleProperty()));
        folded.maxWidthProperty().bind(folded.prefWidthProperty());
        folded.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> folded.prefHeight(folded.getPrefWidth()), folded.prefWidthProperty(), titleText.textProperty(),
                statusText.textProperty(), titleText.fontProperty()));
        pane.setGraphic(titleGraphic);



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
        Tooltip.install(pane, new Tooltip("Space on the title or T shows or hides the lesson's text"));
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Lesson l = session.lessonProperty().get();
            return l == null ? "" : l.text();
        }, session.lessonProperty()));
        pane.visibleProperty().bind(session.lessonProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        session.lessonProperty().addListener((o, a, l) -> {
            if (l != null) {
                pane.setExpanded(!compact.get());
            }
        });
    }

    /** How the run stands, in a few words: the epoch it stops at, then whether the figure was reached. */
    private static String shortStatus(LessonSession session) {
        Lesson l = session.lessonProperty().get();
        if (l == null) {
            return "";
        }
        return switch (session.verdictProperty().get()) {
            case REACHED -> "✔ figure reached";
            case MISSED -> "✘ figure not reached";
            case EXPLORING -> "exploring";
            case NOT_YET -> l.isSweep() ? "see the Sweep tab"
                    : l.settings().epochs() > 0 ? String.format(java.util.Locale.ROOT, "to epoch %,d",
                    l.settings().epochs()) : "press Play";
        };
    }

    /**
     * Presentation mode: the banner folds to one line (the title, how the run stands, Leave) and
     * leaves the room to the picture; T or Space on the title unfolds the text. Normal size shows
     * the text as before.
     */
    void setCompact(boolean on) {
        pane.pseudoClassStateChanged(COMPACT, on);
        if (compact.get() != on) {
            compact.set(on);
            pane.setExpanded(!on);
        }
    }

    /** Shows or hides the lesson's text (the T key). */
    void toggleText() {
        if (pane.isVisible()) {
            pane.setExpanded(!pane.isExpanded());
        }
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
