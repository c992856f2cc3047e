package org.boundarylab.ui;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.metrics.ClassificationReport;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
import org.boundarylab.training.TrainingSnapshot;

/**
 * What the lab tells the user, as text: the figures of the snapshot on screen (epoch, speed,
 * losses, accuracies, their gap, the parameter count), the one message above the picture, and
 * whether Play can be pressed.
 */
public final class LabStatus {
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper trainLossText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper testLossText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper trainAccuracyText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper testAccuracyText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper gapText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper parametersText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playDisabled = new ReadOnlyBooleanWrapper(false);

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainLossTextProperty() {
        return trainLossText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testLossTextProperty() {
        return testLossText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainAccuracyTextProperty() {
        return trainAccuracyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testAccuracyTextProperty() {
        return testAccuracyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gapTextProperty() {
        return gapText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parametersTextProperty() {
        return parametersText.getReadOnlyProperty();
    }

    /** The first thing the user should know: a field's problem, a setup the engine refuses, a run gone wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Play is disabled while paused with settings that cannot train. */
    public ReadOnlyBooleanProperty playDisabledProperty() {
        return playDisabled.getReadOnlyProperty();
    }

    void showFigures(TrainingSnapshot s) {
        epochText.set(String.format(Locale.ROOT, "%,d", s.epoch()));
        speedText.set(s.epochsPerSecond() > 0 ? String.format(Locale.ROOT, "%,.0f", s.epochsPerSecond()) : "–");
        trainLossText.set(loss(s.trainLoss()));
        testLossText.set(loss(s.testLoss()));
        trainAccuracyText.set(percent(s.trainAccuracy()));
        testAccuracyText.set(percent(s.testAccuracy()));
        gapText.set(Double.isNaN(s.testAccuracy()) ? "–"
                : String.format(Locale.ROOT, "%+.1f pts", 100 * s.accuracyGap()));
    }

    /** No run to measure (no points to train on, a setup the engine refuses): no figures rather than old ones. */
    void clearFigures() {
        for (ReadOnlyStringWrapper t : new ReadOnlyStringWrapper[] {epochText, speedText, trainLossText, testLossText,
                trainAccuracyText, testAccuracyText, gapText, parametersText}) {
            t.set("–");
        }
    }

    void showParameters(int count) {
        parametersText.set(Integer.toString(count));
    }

    /** Shows the first non-empty of the messages, most pressing first. */
    void showMessage(boolean playDisabled, String... inOrder) {
        this.playDisabled.set(playDisabled);
        String first = "";
        for (String m : inOrder) {
            if (m != null && !m.isEmpty()) {
                first = m;
                break;
            }
        }
        message.set(first);
    }

    /** The classification reports and confusion matrices of a network on both sets, as text. */
    static String reportText(TrainingSnapshot s, Split split, Features features) {
        if (s == null || s.network() == null || split == null
                || s.network().architecture().classes() != split.train().classes()) {
            return "No network yet: press Step or Play.";
        }
        StringBuilder out = new StringBuilder();
        out.append("Epoch ").append(s.epoch()).append("\n\n");
        FeaturedModel model = new FeaturedModel(features, s.network());
        appendReport(out, "Training set", model, split.train());
        out.append('\n');
        appendReport(out, "Test set", model, split.test());
        return out.toString();
    }

    private static void appendReport(StringBuilder out, String title, FeaturedModel net, Dataset d) {
        out.append(title).append(" (").append(d.size()).append(" points)\n");
        if (d.isEmpty()) {
            out.append("  empty\n");
            return;
        }
        int[] predicted = net.predictClasses(d.x());
        ClassificationReport report = ClassificationReport.of(d.y(), predicted, d.classes());
        out.append(report.format()).append('\n');
        out.append("Confusion matrix (rows: actual, columns: predicted)\n");
        out.append(report.confusionMatrix().format()).append('\n');
    }

    static String loss(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 1e-3 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
