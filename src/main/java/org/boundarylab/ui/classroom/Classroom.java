package org.boundarylab.ui.classroom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.lessons.LessonFiles;
import org.boundarylab.lessons.LessonFormatException;
import org.boundarylab.ui.CanvasHost;
import org.boundarylab.ui.ControlsHost;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.LessonLocks;
import org.boundarylab.ui.MenuSlots;
import org.boundarylab.ui.ReplaceGuard;
import org.boundarylab.ui.TabHost;
import org.boundarylab.ui.ViewOptions;

/**
 * The lab in front of a class: the Lessons menu and the lesson banner, the lesson's locks
 * (written to {@link LessonLocks}, which the lab view follows), the presentation mode and theme
 * menus and style sheets ({@link ViewOptions}, which the pictures follow), full screen, keyboard
 * shortcuts and their help. Installed on the lab's scene with one call, {@link #install}.
 */
public final class Classroom {
    private static final String STYLESHEET = "classroom.css";
    private final Scene scene;
    private final LabViewModel lab;
    private final LessonSession lessons;
    private final ViewOptions view;
    private final Ports ports;
    private LessonDialogs dialogs = new FxLessonDialogs();
    private HelpOverlay help;
    private LessonBanner banner;

    /**
     * What the classroom features reach of the lab: its menus, its tabs and the places around the
     * canvas, its keyboard targets, the question about unsaved work, and a way to the Sweep tab.
     */
    public record Ports(MenuSlots menus, TabHost tabs, CanvasHost canvas, ControlsHost controls, ReplaceGuard guard,
                        Runnable showSweep) {
    }

    private Classroom(LabViewModel lab, Scene scene, ViewOptions view, Ports ports) {
        this.scene = scene;
        this.lab = lab;
        this.view = view;
        this.ports = ports;
        this.lessons = new LessonSession(lab);
    }

    /** Adds the classroom features to the lab's scene; the lesson's locks go to {@code locks}. */
    public static Classroom install(LabViewModel lab, Scene scene, ViewOptions view, LessonLocks locks, Ports ports) {
        Classroom c = new Classroom(lab, scene, view, ports);
        locks.lockedProperty().bind(c.lessons.lockedProperty());
        locks.lessonTitleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> c.lessons.lessonProperty().get() == null ? "" : c.lessons.lessonProperty().get().title(),
                c.lessons.lessonProperty()));
        scene.getStylesheets().add(Classroom.class.getResource(STYLESHEET).toExternalForm());
        c.installBanner();
        c.fillLessonsMenu(ports.menus().lessons());
        c.fillViewMenu(ports.menus().view());
        c.fillHelpMenu(ports.menus().help());
        c.installKeys();
        c.followViewOptions();
        return c;
    }

    public LessonSession lessons() {
        return lessons;
    }

    public ViewOptions viewOptions() {
        return view;
    }

    /** Replaces the file and error dialogs (tests stub them: file choosers cannot run headless). */
    public void setDialogs(LessonDialogs dialogs) {
        this.dialogs = dialogs;
    }

    // ---- lessons ----

    private void installBanner() {
        banner = new LessonBanner(lessons, this::leaveLesson);
        ports.canvas().addBanner(banner.node());
    }

    private void fillLessonsMenu(Menu menu) {
        for (Lesson l : BuiltInLessons.all()) {
            MenuItem item = new MenuItem(l.title());
            item.setId("lesson-" + l.id());
            item.setOnAction(e -> startLesson(l));
            menu.getItems().add(item);
        }
        MenuItem open = new MenuItem("Open lesson file…");
        open.setId("openLessonItem");
        open.setOnAction(e -> openLessonFile());
        MenuItem save = new MenuItem("Save current setup as lesson…");
        save.setId("saveLessonItem");
        save.setOnAction(e -> saveLessonFile());
        MenuItem leave = new MenuItem("Leave lesson");
        leave.setId("leaveLessonItem");
        leave.disableProperty().bind(lessons.lessonProperty().isNull());
        leave.setOnAction(e -> leaveLesson());
        menu.getItems().addAll(new SeparatorMenuItem(), open, save, new SeparatorMenuItem(), leave);
    }

    /**
     * Sets the lab up for a lesson; a lesson the lab cannot show is reported and changes nothing.
     * Leaving the user's own lab for a lesson asks about its unsaved work first; going from one
     * lesson to the next does not (a lesson's run is made again by starting it).
     */
    public void startLesson(Lesson l) {
        if (lessons.lessonProperty().get() == null
                && !ports.guard().mayReplaceLab("starting the lesson \"" + l.title() + "\"")) {
            return;
        }
        try {
            lessons.start(l);
        } catch (IllegalArgumentException e) {
            dialogs.showError(window(), "Cannot start the lesson \"" + l.title() + "\"", e.getMessage());
            return;
        }
        if (l.isSweep()) {
            ports.showSweep().run();
        } else {
            // Space plays, as the banner says: not a text field that Space would blank
            ports.tabs().selectLab();
            ports.controls().focusPlay();
        }
    }

    public void leaveLesson() {
        lessons.leave();
    }

    private void openLessonFile() {
        Optional<Path> file = dialogs.chooseLessonToOpen(window());
        if (file.isEmpty()) {
            return;
        }
        try {
            startLesson(LessonFiles.read(file.get()));
        } catch (LessonFormatException e) {
            dialogs.showError(window(), "Not a lesson file the lab can read", e.getMessage());
        } catch (IOException e) {
            dialogs.showError(window(), "Cannot read the lesson file", file.get() + ": " + e.getMessage());
        }
    }

    private void saveLessonFile() {
        Lesson current = lessons.lessonProperty().get();
        try {
            lab.form().currentSettings(); // refuse before asking anything
        } catch (IllegalArgumentException e) {
            dialogs.showError(window(), "The current setup cannot be saved as a lesson", e.getMessage());
            return;
        }
        Optional<LessonDialogs.SaveChoice> choice = dialogs.chooseWhereToSave(window(),
                current == null ? "My lesson" : current.title(), current == null ? "" : current.text());
        if (choice.isEmpty()) {
            return;
        }
        LessonDialogs.SaveChoice c = choice.get();
        try {
            LessonFiles.write(c.file(), lessonToSave(c.title(), c.text()));
        } catch (IllegalArgumentException | IOException e) {
            dialogs.showError(window(), "Cannot save the lesson", c.file() + ": " + e.getMessage());
        }
    }

    /**
     * The current setup as a lesson: within a lesson its locks carry over (its promise does not:
     * the settings may have changed).
     */
    Lesson lessonToSave(String title, String text) {
        Lesson current = lessons.lessonProperty().get();
        return new Lesson(Lesson.idFrom(title), title, text, lab.form().currentSettings(),
                current == null ? null : current.lockedControls(), null, null);
    }

    // ---- view ----

    private void fillViewMenu(Menu menu) {
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setId("presentationItem");
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presentation.selectedProperty().bindBidirectional(view.presentationProperty());
        ToggleGroup themes = new ToggleGroup();
        menu.getItems().addAll(presentation, new SeparatorMenuItem());
        for (ViewOptions.Theme t : ViewOptions.Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(themes);
            item.setSelected(view.themeProperty().get() == t);
            item.setOnAction(e -> view.themeProperty().set(t));
            view.themeProperty().addListener((o, a, b) -> item.setSelected(b == t));
            menu.getItems().add(item);
        }
        CheckMenuItem fullScreen = new CheckMenuItem("Full screen");
        fullScreen.setId("fullScreenItem");
        fullScreen.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        fullScreen.setOnAction(e -> toggleFullScreen());
        menu.setOnShowing(e -> {
            if (window() instanceof Stage stage) {
                fullScreen.setSelected(stage.isFullScreen());
            }
        });
        menu.getItems().addAll(new SeparatorMenuItem(), fullScreen);
        // second keys for the same actions
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                view::togglePresentation);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                view::toggleTheme);
    }

    private void fillHelpMenu(Menu menu) {
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("shortcutsItem");
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        shortcuts.setOnAction(e -> showHelp());
        menu.getItems().add(shortcuts);
    }

    public void toggleFullScreen() {
        if (window() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    /** Shows the list of shortcuts over the window (Esc or Close hides it). */
    public HelpOverlay showHelp() {
        if (help == null) {
            help = new HelpOverlay();
        }
        help.show(window(), ports.menus().bar());
        return help;
    }

    private void followViewOptions() {
        view.presentationProperty().addListener((o, a, b) -> restyle());
        view.themeProperty().addListener((o, a, b) -> restyle());
        restyle();
    }

    private void restyle() {
        var sheets = scene.getStylesheets();
        for (ViewOptions.Theme t : ViewOptions.Theme.values()) {
            if (t.stylesheet() != null) {
                sheets.remove(css(t.stylesheet()));
            }
        }
        sheets.remove(css(ViewOptions.PRESENTATION_STYLESHEET));
        String theme = view.themeProperty().get().stylesheet();
        if (theme != null) {
            sheets.add(css(theme));
        }
        if (view.presentationProperty().get()) {
            sheets.add(css(ViewOptions.PRESENTATION_STYLESHEET));
        }
        boolean large = view.presentationProperty().get();
        if (banner != null) {
            banner.setTextLines(large ? 3 : 4);
            banner.setCompact(large);
        }
        // the pictures and the speed figure follow the view options in the lab view itself
    }

    private static String css(String name) {
        return Classroom.class.getResource(name).toExternalForm();
    }

    // ---- keys ----

    private void installKeys() {
        // Esc leaves a text field for the play button, so that the single-key shortcuts work
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && scene.getFocusOwner() instanceof TextInputControl) {
                ports.controls().focusPlay();
                e.consume();
            }
        });
        // a handler, not a filter: a focused control that uses the key (Space on a button) wins
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()
                    || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (plainKey(e.getCode())) {
                e.consume();
            }
        });
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            switch (e.getCharacter()) {
                case "?" -> showHelp();
                case "[", "-" -> lab.run().slower();
                case "]", "+" -> lab.run().faster();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Runs the action of a single-key shortcut; false for a key that is none. */
    private boolean plainKey(KeyCode code) {
        switch (code) {
            case SPACE -> lab.run().togglePlay();
            case S -> lab.run().step();
            case R -> lab.run().reset();
            case N -> {
                if (!lessons.isLocked("data_seed")) {
                    lab.regenerate();
                }
            }
            case L -> ports.controls().toggleLogScale();
            case HOME -> lab.run().view(0);
            case END -> lab.run().live();
            case B -> lab.run().viewBest();
            case T -> banner.toggleText();
            default -> {
                return false;
            }
        }
        return true;
    }

    private Window window() {
        return scene.getWindow();
    }
}
