package com.ms5.floor.app.ui.line;

import com.ms5.floor.app.model.LineStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

/** The Line tab's hour by hour charts: good parts against target, and OEE as a line. FX thread. */
final class HourCharts {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final ResourceBundle text;
    private final BarChart<String, Number> hoursChart;
    private final LineChart<String, Number> oeeTrend;

    HourCharts(ResourceBundle text, StackPane hoursHolder, StackPane trendHolder) {
        this.text = text;
        NumberAxis parts = new NumberAxis();
        parts.setLabel(text.getString("line.goodParts"));
        hoursChart = new BarChart<>(new CategoryAxis(), parts);
        hoursChart.setAnimated(false);
        hoursChart.setLegendVisible(true);
        hoursChart.getStyleClass().add("hours-chart");
        hoursHolder.getChildren().add(hoursChart);
        NumberAxis share = new NumberAxis(0, 100, 25);
        share.setLabel("OEE %");
        oeeTrend = new LineChart<>(new CategoryAxis(), share);
        oeeTrend.setAnimated(false);
        oeeTrend.setLegendVisible(false);
        oeeTrend.getStyleClass().add("oee-trend");
        oeeTrend.setMinHeight(140);
        trendHolder.getChildren().add(oeeTrend);
    }

    /**
     * The hours chart: bar heights change in place each second; the bars are made anew only when a
     * label changes (an hour begins, or an hour's OEE moves by a percent).
     */
    void show(List<LineStatus.Hour> hours) {
        showTrend(hours);
        List<String> labels = hours.stream().map(HourCharts::hourLabel).toList();
        boolean sameBars = hoursChart.getData().size() == 2 && hoursChart.getData().getFirst().getData().stream()
                .map(XYChart.Data::getXValue).toList().equals(labels);
        if (sameBars) {
            for (int i = 0; i < hours.size(); i++) {
                hoursChart.getData().get(0).getData().get(i).setYValue(hours.get(i).made());
                hoursChart.getData().get(1).getData().get(i).setYValue(hours.get(i).target());
            }
            return;
        }
        XYChart.Series<String, Number> made = new XYChart.Series<>();
        made.setName(text.getString("line.madeSeries"));
        XYChart.Series<String, Number> target = new XYChart.Series<>();
        target.setName(text.getString("line.targetSeries"));
        for (int i = 0; i < hours.size(); i++) {
            made.getData().add(new XYChart.Data<>(labels.get(i), hours.get(i).made()));
            target.getData().add(new XYChart.Data<>(labels.get(i), hours.get(i).target()));
        }
        hoursChart.getData().setAll(List.of(made, target));
    }

    /** Each hour's OEE as a line: points move in place, and are made anew only when an hour begins. */
    private void showTrend(List<LineStatus.Hour> hours) {
        List<String> starts = hours.stream().map(h -> HOUR.format(h.start())).toList();
        XYChart.Series<String, Number> series = oeeTrend.getData().isEmpty() ? null : oeeTrend.getData().getFirst();
        if (series == null || !series.getData().stream().map(XYChart.Data::getXValue).toList().equals(starts)) {
            series = new XYChart.Series<>();
            for (String start : starts) {
                series.getData().add(new XYChart.Data<>(start, 0));
            }
            oeeTrend.getData().setAll(List.of(series));
        }
        for (int i = 0; i < hours.size(); i++) {
            double oee = hours.get(i).oee();
            series.getData().get(i).setYValue(Double.isNaN(oee) ? 0 : oee * 100);
        }
    }

    private static String hourLabel(LineStatus.Hour h) {
        return HOUR.format(h.start()) + "\n" + (Double.isNaN(h.oee()) ? "–" : String.format("%.0f %%", h.oee() * 100));
    }
}
