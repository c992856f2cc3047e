package org.boundarylab.ui.files;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's file chooser, opening in the folder used last. */
public final class FxFileDialogs implements FileDialogs {
    private final Supplier<Window> owner;
    private File lastFolder;

    public FxFileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> showOpen(String title, List<Filter> filters) {
        FileChooser chooser = chooser(title, filters);
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> showSave(String title, String initialName, List<Filter> filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(initialName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    private FileChooser chooser(String title, List<Filter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (Filter f : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.pattern()));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getAbsoluteFile().getParentFile();
        return Optional.of(f.toPath());
    }
}
