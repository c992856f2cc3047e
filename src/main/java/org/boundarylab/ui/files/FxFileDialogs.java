package org.boundarylab.ui.files;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.boundarylab.ui.DialogTheme;

/** The system's file chooser, opening in the folder used last, and the question before unsaved work is replaced. */
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

    @Override
    public UnsavedChoice askToSave(String next) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "This lab is not saved as it is now: its trained network, its data or its settings would be lost."
                        + " Save it before " + next + "?", save, discard, ButtonType.CANCEL);
        ask.setTitle("Unsaved lab");
        ask.setHeaderText("Save the lab first?");
        ask.initOwner(owner.get());
        DialogTheme.dress(ask);
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
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
