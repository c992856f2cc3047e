package org.boundarylab.ui;

import org.boundarylab.render.LossPlot;
import org.boundarylab.metrics.TrainingHistory;

/**
 * Feeds the loss chart from the run's {@link TrainingHistory}: a few times a second, and only
 * when the history changed, it takes a copy, gathers it into at most {@value #MAX_CHART_POINTS}
 * columns (more than the chart has pixels across) and hands the {@link LossPlot} to the chart.
 */
public final class LossChartView {
    static final int MAX_CHART_POINTS = 400;
    private static final long MIN_REDRAW_NANOS = 150_000_000L;

    private final LossChart chart;
    private TrainingHistory history;
    private long drawnVersion = -1;
    private long lastRedraw;
    private boolean logScale;
    private boolean logEpochs;

    public LossChartView(LossChart chart) {
        this.chart = chart;
    }

    /** Follows a new run's history from the start. */
    public void follow(TrainingHistory h) {
        history = h;
        drawnVersion = -1;
        redraw();
    }

    public void setLogScale(boolean on) {
        logScale = on;
        drawnVersion = -1;
        redraw();
    }

    /** The epoch axis in log scale (the first hundred epochs of a long run get room), or linear. */
    public void setLogEpochs(boolean on) {
        logEpochs = on;
        drawnVersion = -1;
        redraw();
    }

    /** Whether {@link #pulse()} would redraw now: the history changed and the last redraw is not too recent. */
    public boolean due() {
        return history != null && history.version() != drawnVersion
                && System.nanoTime() - lastRedraw >= MIN_REDRAW_NANOS;
    }

    /** Called every frame; redraws at most a few times a second and only after a change. */
    public void pulse() {
        if (due()) {
            redraw();
        }
    }

    private void redraw() {
        if (history == null) {
            chart.setPlot(LossPlot.of(java.util.List.of(), logScale, logEpochs, MAX_CHART_POINTS));
            return;
        }
        lastRedraw = System.nanoTime();
        drawnVersion = history.version();
        chart.setPlot(LossPlot.of(history.entries(), logScale, logEpochs, MAX_CHART_POINTS));
    }
}
