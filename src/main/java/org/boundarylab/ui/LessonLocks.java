package org.boundarylab.ui;

import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings a lesson locks (by their file names, {@code LabSettings.SETTING_NAMES}) and the
 * lesson's title: the lesson feature writes them, the lab view disables and marks its controls.
 */
public final class LessonLocks {
    private final ObjectProperty<Set<String>> locked = new SimpleObjectProperty<>(this, "locked", Set.of());
    private final StringProperty lessonTitle = new SimpleStringProperty(this, "lessonTitle", "");

    public ObjectProperty<Set<String>> lockedProperty() {
        return locked;
    }

    public StringProperty lessonTitleProperty() {
        return lessonTitle;
    }

    public boolean isLocked(String settingName) {
        return locked.get().contains(settingName);
    }
}
