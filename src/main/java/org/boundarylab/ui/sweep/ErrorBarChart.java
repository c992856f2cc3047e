package org.boundarylab.ui.sweep;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/**
 * A line chart whose points carry their standard deviation as the data item's extra value and
 * get a vertical ±1 std bar with caps. Bars are one Path per series, styled like the series line
 * (style classes "error-bar" and "series-N").
 */
public final class ErrorBarChart extends LineChart<Number, Number> {
    private static final double CAP = 4;
    private final Map<Series<Number, Number>, Path> bars = new HashMap<>();

    public ErrorBarChart(NumberAxis x, NumberAxis y) {
        super(x, y);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        bars.entrySet().removeIf(e -> {
            if (!getData().contains(e.getKey())) {
                getPlotChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        NumberAxis xAxis = (NumberAxis) getXAxis();
        NumberAxis yAxis = (NumberAxis) getYAxis();
        for (int s = 0; s < getData().size(); s++) {
            Series<Number, Number> series = getData().get(s);
            Path path = bars.get(series);
            if (path == null) {
                path = new Path();
                path.getStyleClass().addAll("error-bar", "series-" + s);
                path.setManaged(false);
                bars.put(series, path);
                getPlotChildren().add(path);
            }
            path.getElements().clear();
            for (Data<Number, Number> d : series.getData()) {
                if (!(d.getExtraValue() instanceof Double std) || !(std > 0)) {
                    continue;
                }
                double x = xAxis.getDisplayPosition(d.getXValue());
                double mean = d.getYValue().doubleValue();
                double top = yAxis.getDisplayPosition(mean + std);
                double bottom = yAxis.getDisplayPosition(mean - std);
                path.getElements().addAll(new MoveTo(x, top), new LineTo(x, bottom),
                        new MoveTo(x - CAP, top), new LineTo(x + CAP, top),
                        new MoveTo(x - CAP, bottom), new LineTo(x + CAP, bottom));
            }
        }
    }

    /** Number of error bars drawn, for tests. */
    int barCount() {
        return bars.values().stream().mapToInt(p -> p.getElements().size() / 6).sum();
    }
}
