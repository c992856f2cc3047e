package org.boundarylab.ui.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import com.sun.glass.ui.Application;

/**
 * macOS opens a document with an app by sending the running app an "open files" event, not by
 * passing the file as an argument as Windows and Linux do. JavaFX has no public API for that
 * event; its windowing layer (glass) delivers it to one event handler, which this wraps, handing
 * each {@code .blab} file to the lab and every other event on to the handler JavaFX installed.
 *
 * <p>Written for the macOS installers and not run on macOS here: a file that macOS sends before
 * the window has installed this handler (the app started by the double-click itself) may be
 * missed, and then the lab opens without it.
 */
final class MacOpenFiles {
    private static final System.Logger LOG = System.getLogger(MacOpenFiles.class.getName());

    private MacOpenFiles() {
    }

    static boolean supported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")
                && "mac".equals(System.getProperty("glass.platform", "mac"));
    }

    /** Installs the handler; on the FX thread, once the toolkit runs. Failing, it logs and does nothing. */
    static void install(Consumer<Path> open) {
        try {
            Application app = Application.GetApplication();
            Application.EventHandler previous = app.getEventHandler();
            app.setEventHandler(new Forwarding(previous, open));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "cannot receive files from macOS: " + e);
        }
    }

    /** Takes the open-files event; passes every event on to the handler that was there before. */
    private static final class Forwarding extends Application.EventHandler {
        private final Application.EventHandler previous;
        private final Consumer<Path> open;

        Forwarding(Application.EventHandler previous, Consumer<Path> open) {
            this.previous = previous == null ? new Application.EventHandler() : previous;
            this.open = open;
        }

        @Override
        public void handleOpenFilesAction(Application app, long time, String[] files) {
            previous.handleOpenFilesAction(app, time, files);
            if (files != null) {
                for (String f : files) {
                    if (f != null && f.toLowerCase(Locale.ROOT).endsWith(".blab")) {
                        Path file = Path.of(f);
                        Platform.runLater(() -> open.accept(file));
                    }
                }
            }
        }

        @Override
        public void handleWillFinishLaunchingAction(Application app, long time) {
            previous.handleWillFinishLaunchingAction(app, time);
        }

        @Override
        public void handleDidFinishLaunchingAction(Application app, long time) {
            previous.handleDidFinishLaunchingAction(app, time);
        }

        @Override
        public void handleWillBecomeActiveAction(Application app, long time) {
            previous.handleWillBecomeActiveAction(app, time);
        }

        @Override
        public void handleDidBecomeActiveAction(Application app, long time) {
            previous.handleDidBecomeActiveAction(app, time);
        }

        @Override
        public void handleWillResignActiveAction(Application app, long time) {
            previous.handleWillResignActiveAction(app, time);
        }

        @Override
        public void handleDidResignActiveAction(Application app, long time) {
            previous.handleDidResignActiveAction(app, time);
        }

        @Override
        public void handleDidReceiveMemoryWarning(Application app, long time) {
            previous.handleDidReceiveMemoryWarning(app, time);
        }

        @Override
        public void handleWillHideAction(Application app, long time) {
            previous.handleWillHideAction(app, time);
        }

        @Override
        public void handleDidHideAction(Application app, long time) {
            previous.handleDidHideAction(app, time);
        }

        @Override
        public void handleWillUnhideAction(Application app, long time) {
            previous.handleWillUnhideAction(app, time);
        }

        @Override
        public void handleDidUnhideAction(Application app, long time) {
            previous.handleDidUnhideAction(app, time);
        }

        @Override
        public void handleQuitAction(Application app, long time) {
            previous.handleQuitAction(app, time);
        }

        @Override
        public boolean handleThemeChanged(String themeName) {
            return previous.handleThemeChanged(themeName);
        }
    }
}
