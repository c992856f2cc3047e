package org.boundarylab.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.boundarylab.ui.DialogTheme;
import org.boundarylab.data.Split;
import org.boundarylab.metrics.TrainingHistory;
import org.boundarylab.nn.Features;
import org.boundarylab.training.NetworkTimeline;
import org.boundarylab.training.TrainingSession;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.BackgroundTasks;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.workspace.AnimationGif;
import org.boundarylab.workspace.Exports;

/**
 * File > Export > Animation (GIF): the boundary over the run, from the networks the run kept
 * for rewinding, as an animated GIF for slides. The range, the frame count, the size and the
 * loss curve beside the picture are asked first; the file is written on the background thread,
 * atomically like every save, with a progress bar and Cancel (which leaves no file behind).
 */
final class AnimationExport {
    static final List<FileDialogs.Filter> GIF = List.of(new FileDialogs.Filter("Animated GIF", "*.gif"));
    static final int MAX_FRAMES = 500;
    private static final int[][] SIZES = {{480, 360}, {800, 600}, {1280, 960}};

    /** What to write: epochs {@code from} to {@code to}, {@code frames} frames, the picture's size. */
    record Choice(long from, long to, int frames, int width, int height, boolean lossCurve) {
    }

    private final LabViewModel vm;
    private final BackgroundTasks tasks;
    private final FileAlerts alerts;
    private final Supplier<FileDialogs> dialogs;
    private final Supplier<Window> window;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    AnimationExport(LabViewModel vm, BackgroundTasks tasks, FileAlerts alerts, Supplier<FileDialogs> dialogs,
                    Supplier<Window> window) {
        this.vm = vm;
        this.tasks = tasks;
        this.alerts = alerts;
        this.dialogs = dialogs;
        this.window = window;
    }

    /** The menu item: asks what to write and where, then writes it. */
    void export() {
        TrainingSession session = vm.run().session();
        if (session == null || session.timeline().size() < 2) {
            alerts.error("Nothing to animate yet", "Train the network for a few epochs first (Play or Step): the"
                    + " animation shows the boundary at the epochs the run kept.");
            return;
        }
        ask(session.timeline().latestEpoch()).ifPresent(c -> dialogs.get()
                .showSave("Export animation", "training.gif", GIF).ifPresent(p -> export(p, c)));
    }

    /**
     * Writes the animation of the current run to {@code file} on the background thread; the
     * future says whether it was written (false when cancelled or failed, after saying why).
     */
    CompletableFuture<Boolean> export(Path file, Choice c) {
        TrainingSession session = vm.run().session();
        Split data = vm.data().dataProperty().get();
        if (session == null || data == null) {
            return CompletableFuture.completedFuture(false);
        }
        List<AnimationGif.Frame> frames = pick(session.timeline(), c.from(), c.to(), c.frames());
        AnimationGif.LossCurve curve = curve(session.history(), c.from(), c.to());
        Features features = vm.run().shownFeaturesProperty().get();
        AnimationGif.Options options = AnimationGif.Options.defaults().withSize(c.width(), c.height())
                .withLossCurve(c.lossCurve());
        cancelled.set(false);
        Progress shown = new Progress(file, frames.size());
        AnimationGif.Progress progress = new AnimationGif.Progress() {
            @Override
            public void frameDone(int done, int total) {
                Platform.runLater(() -> shown.update(done, total));
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        return tasks.run("Writing " + file.getFileName(), () -> {
            AnimationGif.write(frames, features, data.train(), data.test(),
                    Exports.viewportOf(data.train(), data.test()), curve, options, file, progress);
            return true;
        }, ok -> shown.close(), e -> {
            shown.close();
            if (!(e instanceof CancellationException)) {
                alerts.error("Cannot export the animation", FileAlerts.failure(file, e));
            }
        }).handle((r, e) -> e == null);
    }

    /** Stops the animation being written; nothing is left of it. */
    void cancel() {
        cancelled.set(true);
    }

    /**
     * Up to {@code count} of the kept networks, evenly spaced in epochs from {@code from} to
     * {@code to}: for each wanted epoch the kept one at or before it (each once), the last the
     * network kept at or before {@code to}.
     */
    static List<AnimationGif.Frame> pick(NetworkTimeline kept, long from, long to, int count) {
        List<AnimationGif.Frame> frames = new ArrayList<>();
        TrainingSnapshot previous = null;
        for (int k = 0; k < count; k++) {
            long wanted = count == 1 ? to : from + Math.round((double) k * (to - from) / (count - 1));
            TrainingSnapshot s = kept.at(wanted);
            if (s == null || s == previous || s.epoch() < from && previous != null) {
                continue;
            }
            previous = s;
            frames.add(new AnimationGif.Frame(s.epoch(), s.network(), s.trainLoss(), s.testLoss(),
                    s.trainAccuracy(), s.testAccuracy()));
        }
        return frames;
    }

    /** The logged epochs from {@code from} to {@code to}, for the loss panel. */
    static AnimationGif.LossCurve curve(TrainingHistory history, long from, long to) {
        List<TrainingHistory.Row> rows = history.rows().stream()
                .filter(r -> r.epoch() >= from && r.epoch() <= to).toList();
        long[] epochs = new long[rows.size()];
        double[] train = new double[rows.size()];
        double[] test = new double[rows.size()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = rows.get(i).epoch();
            train[i] = rows.get(i).trainLoss();
            test[i] = rows.get(i).testLoss();
        }
        return epochs.length < 2 ? null : new AnimationGif.LossCurve(epochs, train, test);
    }

    // ---- dialogs ----

    private Optional<Choice> ask(long last) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(window.get());
        d.setTitle("Animation");
        d.setHeaderText("The boundary over the run, as an animated GIF for slides");
        TextField from = new TextField("0");
        TextField to = new TextField(Long.toString(last));
        TextField frames = new TextField("60");
        ChoiceBox<String> size = new ChoiceBox<>();
        for (int[] s : SIZES) {
            size.getItems().add(s[0] + " × " + s[1]);
        }
        size.getSelectionModel().select(0);
        CheckBox loss = new CheckBox("Loss curve beside the picture");
        loss.setSelected(true);
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("From epoch"), from);
        form.addRow(1, new Label("To epoch"), to);
        form.addRow(2, new Label("Frames"), frames);
        form.addRow(3, new Label("Size"), size);
        d.getDialogPane().setContent(new VBox(8, form, loss, problem));
        DialogTheme.dress(d);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String error = problem(from.getText(), to.getText(), frames.getText(), last);
            problem.setText(error);
            ok.setDisable(!error.isEmpty());
        };
        for (TextField f : new TextField[] {from, to, frames}) {
            f.textProperty().addListener((o, a, b) -> check.run());
        }
        check.run();
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            int[] s = SIZES[size.getSelectionModel().getSelectedIndex()];
            return new Choice(Long.parseLong(from.getText().trim()), Long.parseLong(to.getText().trim()),
                    Integer.parseInt(frames.getText().trim()), s[0], s[1], loss.isSelected());
        });
        return d.showAndWait();
    }

    /** What is wrong with the typed range and frame count, or "" when nothing is. */
    static String problem(String fromText, String toText, String framesText, long last) {
        long from;
        long to;
        int frames;
        try {
            from = Long.parseLong(fromText.trim());
            to = Long.parseLong(toText.trim());
            frames = Integer.parseInt(framesText.trim());
        } catch (NumberFormatException e) {
            return "From, To and Frames are whole numbers.";
        }
        if (from < 0 || to > last || from >= to) {
            return String.format(Locale.ROOT, "The epochs must run from 0 to %,d, From before To.", last);
        }
        if (frames < 2 || frames > MAX_FRAMES) {
            return "Frames: 2 to " + MAX_FRAMES + ".";
        }
        return "";
    }

    /** The progress of one animation being written, with Cancel, while it is written. */
    private final class Progress {
        private final Alert alert;
        private final ProgressBar bar = new ProgressBar(0);
        private final Label text = new Label();

        Progress(Path file, int total) {
            alert = new Alert(Alert.AlertType.NONE);
            alert.initOwner(window.get());
            alert.setTitle("Exporting the animation");
            alert.setHeaderText("Writing " + file.getFileName());
            bar.setPrefWidth(320);
            text.setText("frame 0 of " + total);
            alert.getDialogPane().setContent(new VBox(8, bar, text));
            alert.getButtonTypes().setAll(ButtonType.CANCEL);
            alert.setOnCloseRequest(e -> cancel());
            DialogTheme.dress(alert);
            alert.show();
        }

        void update(int done, int total) {
            bar.setProgress(total == 0 ? 0 : (double) done / total);
            text.setText("frame " + done + " of " + total);
        }

        void close() {
            alert.setOnCloseRequest(null);
            alert.close();
        }
    }
}
