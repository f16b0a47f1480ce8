package com.ms5.floor.app.ui.line;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.model.LineStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.collections.FXCollections;
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
    private final CategoryAxis trendHours = new CategoryAxis();

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
        trendHours.setAutoRanging(false);
        oeeTrend = new LineChart<>(trendHours, share);
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

    /**
     * Each hour's OEE as a line, every hour on the axis; an hour without data (before the station
     * ran, or the PLC not answering all hour) is a gap in the line, not a drop to 0 %. Points move in
     * place, and the lines are made anew only when the hours or their gaps change.
     */
    private void showTrend(List<LineStatus.Hour> hours) {
        List<String> starts = hours.stream().map(h -> HOUR.format(h.start())).toList();
        if (!trendHours.getCategories().equals(starts)) {
            trendHours.setCategories(FXCollections.observableArrayList(starts));
        }
        List<List<Integer>> runs = new ArrayList<>(); // hours with data, in runs without a gap
        for (int i = 0; i < hours.size(); i++) {
            if (!Double.isNaN(hours.get(i).oee())) {
                if (i == 0 || Double.isNaN(hours.get(i - 1).oee())) {
                    runs.add(new ArrayList<>());
                }
                runs.getLast().add(i);
            }
        }
        List<List<String>> shape = runs.stream().map(r -> r.stream().map(starts::get).toList()).toList();
        List<List<String>> drawn = oeeTrend.getData().stream()
                .map(series -> series.getData().stream().map(XYChart.Data::getXValue).toList()).toList();
        if (!shape.equals(drawn)) {
            List<XYChart.Series<String, Number>> lines = new ArrayList<>();
            for (List<String> run : shape) {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                run.forEach(start -> series.getData().add(new XYChart.Data<>(start, 0)));
                lines.add(series);
            }
            oeeTrend.getData().setAll(lines);
        }
        for (int r = 0; r < runs.size(); r++) {
            for (int k = 0; k < runs.get(r).size(); k++) {
                oeeTrend.getData().get(r).getData().get(k).setYValue(hours.get(runs.get(r).get(k)).oee() * 100);
            }
        }
    }

    private static String hourLabel(LineStatus.Hour h) {
        return HOUR.format(h.start()) + "\n" + (Double.isNaN(h.oee()) ? Messages.get("line.noData") : String.format("%.0f %%", h.oee() * 100));
    }
}
