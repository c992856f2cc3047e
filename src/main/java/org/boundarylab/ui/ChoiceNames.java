package org.boundarylab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Optimizer;

/** How the lab's choice boxes name their values for a person: "Glorot uniform", "Custom (from Moons)". */
final class ChoiceNames {
    private ChoiceNames() {
    }

    /** While the data is drawn, imported or opened, the dataset choice says "Custom (from Moons)". */
    static void showCustomIn(ChoiceBox<DatasetKind> datasetChoice, ReadOnlyBooleanProperty custom) {
        StringConverter<DatasetKind> plain = datasetChoice.getConverter();
        StringConverter<DatasetKind> customName = new StringConverter<>() {
            @Override
            public String toString(DatasetKind k) {
                String name = plain == null ? String.valueOf(k) : plain.toString(k);
                return k != null && k == datasetChoice.getValue() ? "Custom (from " + name + ")" : name;
            }

            @Override
            public DatasetKind fromString(String s) {
                return plain == null ? null : plain.fromString(s);
            }
        };
        Runnable update = () -> datasetChoice.setConverter(custom.get() ? customName : plain);
        custom.addListener((o, a, b) -> update.run());
        update.run();
    }

    static String initializerName(Initializer i) {
        return switch (i) {
            case UNIFORM -> "uniform [0, 1)";
            case LECUN -> "normal / √fan-in";
            case GLOROT -> "Glorot uniform";
            case HE -> "He normal";
        };
    }

    static String optimizerName(Optimizer.Kind k) {
        return switch (k) {
            case GD -> "gradient descent";
            case SGD -> "SGD (mini-batch)";
            case MOMENTUM -> "momentum";
            case ADAM -> "Adam";
        };
    }

    static <T> StringConverter<T> named(java.util.function.Function<T, String> name, T[] values) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                for (T t : values) {
                    if (name.apply(t).equals(s)) {
                        return t;
                    }
                }
                return null;
            }
        };
    }
}
