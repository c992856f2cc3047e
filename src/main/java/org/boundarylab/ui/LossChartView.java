package org.boundarylab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.boundarylab.training.LossHistory;

/**
 * The train and test loss curves. It redraws from a copy of the run's {@link LossHistory}
 * a few times a second and only when the history changed; the curve it hands to the chart is
 * thinned to at most {@value #MAX_CHART_POINTS} points, because a LineChart keeps a node per
 * point. In log scale it plots log10 of the loss and labels the axis with the loss itself.
 */
public final class LossChartView {
    static final int MAX_CHART_POINTS = 400;
    private static final long MIN_REDRAW_NANOS = 150_000_000L;

    private final LineChart<Number, Number> chart;
    private final XYChart.Series<Number, Number> train = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> test = new XYChart.Series<>();
    private LossHistory history;
    private long drawnVersion = -1;
    private long lastRedraw;
    private boolean logScale;

    public LossChartView(LineChart<Number, Number> chart) {
        this.chart = chart;
        train.setName("train loss");
        test.setName("test loss");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getData().setAll(List.of(train, test));
        // short epoch labels (2k, 1.5M) so a long run's ticks never run into each other
        ((NumberAxis) chart.getXAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return epochLabel(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setForceZeroInRange(true); // a loss is never negative: zero anchors the scale
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return logScale ? powerLabel(n.doubleValue()) : trim(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
    }

    /** Follows a new run's history from the start. */
    public void follow(LossHistory h) {
        history = h;
        drawnVersion = -1;
        redraw();
    }

    public void setLogScale(boolean on) {
        logScale = on;
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setLabel(on ? "loss (log scale)" : "loss");
        y.setForceZeroInRange(!on);
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
            return;
        }
        lastRedraw = System.nanoTime();
        drawnVersion = history.version();
        LossHistory.Points p = history.points();
        int n = p.size();
        int stride = Math.max(1, (n + MAX_CHART_POINTS - 1) / MAX_CHART_POINTS);
        List<XYChart.Data<Number, Number>> tr = new ArrayList<>();
        List<XYChart.Data<Number, Number>> te = new ArrayList<>();
        for (int k = 0; k < n; k += stride) {
            add(tr, p.epochs()[k], p.train()[k]);
            add(te, p.epochs()[k], p.test()[k]);
        }
        if (n > 0 && (n - 1) % stride != 0) {
            add(tr, p.epochs()[n - 1], p.train()[n - 1]);
            add(te, p.epochs()[n - 1], p.test()[n - 1]);
        }
        train.setData(FXCollections.observableArrayList(tr));
        test.setData(FXCollections.observableArrayList(te));
    }

    private void add(List<XYChart.Data<Number, Number>> series, long epoch, double loss) {
        if (!Double.isFinite(loss) || (logScale && loss <= 0)) {
            return;
        }
        series.add(new XYChart.Data<>(epoch, logScale ? Math.log10(loss) : loss));
    }

    static String epochLabel(double v) {
        double a = Math.abs(v);
        if (a < 1000) {
            return trim(Math.rint(v));
        }
        if (a < 1_000_000) {
            return trim(Math.round(v / 100) / 10.0) + "k";
        }
        return trim(Math.round(v / 100_000) / 10.0) + "M";
    }

    static String powerLabel(double log10) {
        double v = Math.pow(10, log10);
        return v >= 0.01 && v < 1000 ? trim(v) : String.format(Locale.ROOT, "%.0e", v);
    }

    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
