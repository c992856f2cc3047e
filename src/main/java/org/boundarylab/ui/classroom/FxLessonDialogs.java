package org.boundarylab.ui.classroom;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.boundarylab.ui.DialogTheme;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.lessons.LessonFiles;

/** The lesson dialogs of the real window: the platform's file chooser and two small dialogs. */
public final class FxLessonDialogs implements LessonDialogs {
    private File lastFolder;

    @Override
    public Optional<Path> chooseLessonToOpen(Window owner) {
        FileChooser chooser = chooser("Open lesson file");
        File f = chooser.showOpenDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<SaveChoice> chooseWhereToSave(Window owner, String suggestedTitle, String suggestedText) {
        Dialog<ButtonType> details = new Dialog<>();
        details.initOwner(owner);
        details.setTitle("Save current setup as lesson");
        details.setHeaderText("The lesson's title and the few sentences the class reads beside the picture");
        TextField title = new TextField(suggestedTitle);
        title.setId("lessonTitleField");
        TextArea text = new TextArea(suggestedText);
        text.setId("lessonTextArea");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setPrefColumnCount(48);
        Label titleLabel = new Label("_Title");
        titleLabel.setMnemonicParsing(true);
        titleLabel.setLabelFor(title);
        Label textLabel = new Label("What to _watch for");
        textLabel.setMnemonicParsing(true);
        textLabel.setLabelFor(text);
        details.getDialogPane().setContent(new VBox(6, titleLabel, title, textLabel, text));
        ButtonType next = new ButtonType("Choose file…", ButtonBar.ButtonData.OK_DONE);
        details.getDialogPane().getButtonTypes().addAll(next, ButtonType.CANCEL);
        details.getDialogPane().lookupButton(next).disableProperty().bind(title.textProperty().isEmpty());
        DialogTheme.dress(details.getDialogPane(), owner);
        Platform.runLater(title::requestFocus);
        if (details.showAndWait().orElse(ButtonType.CANCEL) != next) {
            return Optional.empty();
        }
        FileChooser chooser = chooser("Save lesson file");
        chooser.setInitialFileName(Lesson.idFrom(title.getText()) + LessonFiles.EXTENSION);
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(new SaveChoice(f.toPath(), title.getText().strip(), text.getText().strip()));
    }

    @Override
    public void showError(Window owner, String heading, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText(heading);
        DialogTheme.dress(alert);
        alert.show();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Boundary Lab lessons (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }
}
