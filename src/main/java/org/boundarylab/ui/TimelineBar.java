package org.boundarylab.ui;

import java.util.Locale;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;

/**
 * The rewind row under the picture: a slider from epoch 0 to the run's newest epoch that shows
 * the run as it was at the kept epoch nearest the thumb (picture, diagram, figures and epoch,
 * all of that epoch), Live to follow the run again, Best test to look at the epoch of the
 * lowest test loss, and Continue here to train on from the epoch looked at (after asking, as
 * the run after it is discarded).
 *
 * <p>The loss chart is a timeline too: pressing or dragging on it shows the epoch under the
 * pointer (in presentation mode, where the row gives its room to the picture, that and the Home,
 * End and B keys are the way back).
 *
 * <p>While following the run the thumb rides at the end; only the user moves it elsewhere.
 */
final class TimelineBar {
    private final LabRun run;
    private final Slider slider;
    private final Label label;
    private final Button live;
    private final Button best;
    private final Button continueHere;
    private final LossChart chart;
    /** Asked before discarding the later run; the question is the argument. */
    private Predicate<String> confirm;
    /** True while the bar moves the thumb itself, so that is not taken for the user's drag. */
    private boolean following;
    /** True while the user's drag asks for an epoch, so the thumb is left where the user put it. */
    private boolean dragged;

    TimelineBar(LabRun run, Slider slider, Label label, Button live, Button best, Button continueHere, LossChart chart,
                Predicate<String> confirm) {
        this.run = run;
        this.slider = slider;
        this.label = label;
        this.live = live;
        this.best = best;
        this.continueHere = continueHere;
        this.chart = chart;
        this.confirm = confirm;
        slider.setTooltip(new Tooltip("Drag to see the network at an earlier epoch; End or Live returns to the run"));
        live.setTooltip(new Tooltip("Follow the running network again (End)"));
        best.setTooltip(new Tooltip("Show the epoch with the lowest test loss: where early stopping would stop"));
        continueHere.setTooltip(new Tooltip("Train on from the epoch shown; the run after it is discarded"));
        slider.valueProperty().addListener((o, a, v) -> {
            if (!following) {
                dragged = true;
                try {
                    run.view(Math.round(v.doubleValue()));
                } finally {
                    dragged = false;
                }
            }
        });
        live.setOnAction(e -> run.live());
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> scrub = e -> {
            double epoch = chart.epochAt(e.getX());
            if (!Double.isNaN(epoch) && run.liveEpochProperty().get() > 0) {
                run.view(Math.round(epoch));
            }
        };
        chart.setOnMousePressed(scrub);
        chart.setOnMouseDragged(scrub);
        best.setOnAction(e -> showBest());
        continueHere.setOnAction(e -> continueFromHere());
        run.liveEpochProperty().addListener((o, a, b) -> follow());
        run.viewedEpochProperty().addListener((o, a, b) -> follow());
        follow();
    }

    /** Replaces who is asked before the later run is discarded (tests answer for the user). */
    void confirmWith(Predicate<String> confirm) {
        this.confirm = confirm;
    }

    void showBest() {
        run.viewBest();
    }

    void continueFromHere() {
        long viewed = run.viewedEpochProperty().get();
        long newest = run.liveEpochProperty().get();
        if (viewed < 0) {
            return;
        }
        String question = String.format(Locale.ROOT, "Train on from epoch %,d? The %,d epochs after it (their loss"
                + " curve and networks) are discarded.", viewed, Math.max(0, newest - viewed));
        if (confirm.test(question)) {
            run.continueFromViewed();
        }
    }

    private void follow() {
        long newest = run.liveEpochProperty().get();
        long viewed = run.viewedEpochProperty().get();
        boolean back = viewed >= 0;
        following = true;
        try {
            slider.setMax(Math.max(1, newest));
            if (!back) {
                slider.setValue(newest);
            } else if (!dragged) {
                slider.setValue(viewed); // Home, Best test: the thumb goes where the picture is
            }
        } finally {
            following = false;
        }
        label.setText(back ? String.format(Locale.ROOT, "epoch %,d of %,d", viewed, newest) : "live");
        live.setDisable(!back);
        continueHere.setDisable(!back);
        chart.setCursor(back ? viewed : Double.NaN);
    }
}
