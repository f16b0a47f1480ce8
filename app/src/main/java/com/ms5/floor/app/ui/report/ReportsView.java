package com.ms5.floor.app.ui.report;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.shift.ShiftInstance;
import com.ms5.floor.app.base.TimeText;
import com.ms5.floor.app.model.OeeTrend;
import com.ms5.floor.app.model.ShiftReport;
import com.ms5.floor.app.ui.DialogService;
import com.ms5.floor.app.ui.ShownAs;
import com.ms5.floor.app.ui.TextColumn;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Controller of ReportsView.fxml: the period chooser above, the report below as a supervisor reads
 * it (headline figures, the six big losses and the reasons as bars, machines, longest stops, Andon
 * calls), and Save as PDF or CSV. Shows what its view model holds; FX thread.
 */
public final class ReportsView {
    private static final int ROWS = 10;

    private final ReportsViewModel model;
    private final DialogService dialogs;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private ComboBox<String> lineChoice;
    @FXML private ComboBox<ReportsViewModel.Period> periodChoice;
    @FXML private DatePicker dayPicker;
    @FXML private ComboBox<ShiftInstance> shiftChoice;
    @FXML private Label toLabel;
    @FXML private Label ofLabel;
    @FXML private ComboBox<String> trendMachineChoice;
    @FXML private VBox trendBox;
    @FXML private Label trendTitle;
    @FXML private javafx.scene.layout.StackPane trendHolder;
    @FXML private VBox lossChanges;
    @FXML private javafx.scene.control.ScrollPane reportScroll;
    @FXML private DatePicker lastDayPicker;
    @FXML private Button showButton;
    @FXML private ProgressBar readProgress;
    @FXML private Button cancelButton;
    @FXML private Button pdfButton;
    @FXML private Button csvButton;
    @FXML private Label message;
    @FXML private VBox body;
    @FXML private Label reportTitle;
    @FXML private Label reportWindow;
    @FXML private HBox figures;
    @FXML private VBox losses;
    @FXML private VBox reasons;
    @FXML private TableView<ShiftReport.MachineRow> machines;
    @FXML private TableView<DowntimeEvent> stops;
    @FXML private TableView<AndonCall> calls;

    @Inject
    ReportsView(ReportsViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        lineChoice.setItems(model.lines());
        lineChoice.valueProperty().bindBidirectional(model.lineIdProperty());
        lineChoice.setConverter(ShownAs.text(id -> id == null ? "" : model.name(id)));
        periodChoice.setItems(FXCollections.observableArrayList(ReportsViewModel.Period.values()));
        periodChoice.valueProperty().bindBidirectional(model.periodProperty());
        periodChoice.setConverter(ShownAs.text(p -> p == null ? "" : model.periodText(p)));
        dayPicker.valueProperty().bindBidirectional(model.dayProperty());
        lastDayPicker.valueProperty().bindBidirectional(model.lastDayProperty());
        shiftChoice.setItems(model.shifts());
        shiftChoice.valueProperty().bindBidirectional(model.shiftProperty());
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm");
        shiftChoice.setConverter(ShownAs.text(s -> s == null ? "" : s.name() + "  "
                + clock.format(s.span().start().atZone(model.zone())) + "–" + clock.format(s.span().end().atZone(model.zone()))));
        shiftChoice.placeholderProperty().set(new Label(resources.getString("reports.noShifts")));
        showOnly(shiftChoice, model.periodProperty().isEqualTo(ReportsViewModel.Period.SHIFT));
        javafx.beans.binding.BooleanBinding trendChosen = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> ReportsViewModel.isTrend(model.periodProperty().get()), model.periodProperty());
        showOnly(ofLabel, trendChosen);
        showOnly(trendMachineChoice, trendChosen);
        trendMachineChoice.setItems(model.machines());
        trendMachineChoice.valueProperty().bindBidirectional(model.trendOfProperty());
        trendMachineChoice.setConverter(ShownAs.text(id -> id == null || id.isEmpty() ? resources.getString("reports.wholeLine")
                : model.name(id)));
        showOnly(toLabel, model.periodProperty().isEqualTo(ReportsViewModel.Period.DAYS));
        showOnly(lastDayPicker, model.periodProperty().isEqualTo(ReportsViewModel.Period.DAYS));
        showOnly(readProgress, model.readingProperty());
        showOnly(cancelButton, model.readingProperty());
        readProgress.progressProperty().bind(model.progressProperty());
        message.textProperty().bind(model.messageProperty());
        pdfButton.disableProperty().bind(model.reportProperty().isNull().or(model.readingProperty()));
        csvButton.disableProperty().bind(model.reportProperty().isNull().or(model.readingProperty()));
        reportScroll.visibleProperty().bind(model.reportProperty().isNotNull());
        trendBox.visibleProperty().bind(model.trendProperty().isNotNull());
        model.trendProperty().addListener((o, old, trend) -> {
            if (trend != null) {
                renderTrend(trend);
            }
        });

        machines.getColumns().setAll(List.of(
                TextColumn.of(resources.getString("reports.machine"), ShiftReport.MachineRow::name),
                TextColumn.of("OEE", m -> percent(m.oee().oee())),
                TextColumn.of(resources.getString("tile.availability"), m -> percent(m.oee().availability())),
                TextColumn.of(resources.getString("tile.performance"), m -> percent(m.oee().performance())),
                TextColumn.of(resources.getString("tile.quality"), m -> percent(m.oee().quality())),
                TextColumn.of(resources.getString("reports.goodOfAll"), m -> String.format("%,d / %,d", m.oee().goodCount(),
                        m.oee().totalCount())),
                TextColumn.of(resources.getString("reports.failures"), m -> Integer.toString(m.reliability().failures())),
                TextColumn.of("MTBF", m -> length(m.reliability().mtbfSeconds())),
                TextColumn.of("MTTR", m -> length(m.reliability().mttrSeconds()))));
        machines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        calls.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stops.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stops.setPlaceholder(new Label(resources.getString("line.noStops")));
        calls.setPlaceholder(new Label(resources.getString("reports.noCalls")));
        model.reportProperty().addListener((o, old, report) -> {
            if (report != null) {
                render(report);
            }
        });
        root.getProperties().put(ReportsView.class, this); // tests save files without the file chooser
        ViewModel.bind(root, model);
    }

    @FXML
    private void show() {
        model.show();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void choosePdf() {
        dialogs.saveFile(root.getScene().getWindow(), resources.getString("reports.pdf"), model.fileName("pdf"))
                .ifPresent(model::exportPdf);
    }

    @FXML
    private void chooseCsv() {
        dialogs.saveFile(root.getScene().getWindow(), resources.getString("reports.csv"), model.fileName("csv"))
                .ifPresent(model::exportCsv);
    }

    /** Saves the report shown as PDF (the file chooser's choice lands here). */
    public CompletableFuture<Path> exportPdf(Path file) {
        return model.exportPdf(file);
    }

    /** Saves the report shown as CSV. */
    public CompletableFuture<Path> exportCsv(Path file) {
        return model.exportCsv(file);
    }

    private void render(ShiftReport report) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm").withZone(report.zone());
        reportTitle.setText(report.lineName() + " · " + report.period());
        reportWindow.setText(String.format(resources.getString("reports.window"), time.format(report.window().start()),
                time.format(report.window().end()), Messages.profile(report.line().profile()),
                report.source()));
        OeeFigures line = report.line();
        figures.getChildren().setAll(figure("reportOee", "OEE", percent(line.oee())),
                figure("reportAvailability", resources.getString("tile.availability"), percent(line.availability())),
                figure("reportPerformance", resources.getString("tile.performance"), percent(line.performance())),
                figure("reportQuality", resources.getString("tile.quality"), percent(line.quality())),
                figure("reportTeep", "TEEP", percent(line.teep())),
                figure("reportParts", resources.getString("reports.goodOfTarget"),
                        String.format("%,d / %,d", report.good(), report.target())));

        losses.getChildren().clear();
        Map<String, Double> sixBig = line.sixBigLosses();
        double worst = sixBig.values().stream().mapToDouble(Math::abs).max().orElse(0);
        sixBig.forEach((loss, seconds) -> losses.getChildren().add(bar(Messages.getOr("loss." + loss, loss), Math.max(0, seconds), worst,
                TimeText.length(Math.max(0, seconds)), "report-loss-bar")));

        reasons.getChildren().clear();
        List<DowntimeStats.ParetoBar> pareto = report.pareto(DowntimeStats.Measure.TIME);
        double longest = pareto.isEmpty() ? 0 : pareto.getFirst().seconds();
        for (DowntimeStats.ParetoBar bar : pareto.stream().limit(ROWS).toList()) {
            String figuresText = String.format(resources.getString("reports.reasonFigures"), TimeText.length(bar.seconds()),
                    bar.count()) + (report.cost().any() ? String.format(" · %,.0f %s", bar.cost(), report.cost().currency()) : "");
            reasons.getChildren().add(bar(bar.reasonPath(), bar.seconds(), longest, figuresText, "report-reason-bar"));
        }
        if (pareto.isEmpty()) {
            reasons.getChildren().add(new Label(resources.getString("line.noStops")));
        }

        machines.getItems().setAll(report.machines());
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("EEE HH:mm").withZone(report.zone());
        stops.getColumns().setAll(List.of(
                TextColumn.of(resources.getString("reports.start"), (DowntimeEvent s) -> clock.format(s.start())),
                TextColumn.of(resources.getString("reports.machine"), s -> report.machineName(s.machineId())),
                TextColumn.of(resources.getString("reports.length"), s -> TimeText.length(s.secondsWithin(report.window()))),
                TextColumn.of(resources.getString("reports.reason"), s -> report.reasons().contains(s.reasonId())
                        ? report.reasons().path(s.reasonId()) : s.reasonId()),
                TextColumn.of(resources.getString("reports.comment"), s -> s.comment() == null ? "" : s.comment())));
        stops.getItems().setAll(report.longestStops(ROWS));
        calls.getColumns().setAll(List.of(
                TextColumn.of(resources.getString("reports.raised"), (AndonCall c) -> clock.format(c.raisedAt())),
                TextColumn.of(resources.getString("reports.call"), c -> c.type().label()),
                TextColumn.of(resources.getString("reports.machine"), c -> report.machineName(c.machineId())),
                TextColumn.of(resources.getString("reports.acknowledgedBy"), c -> c.acknowledgedBy() == null ? "–" : c.acknowledgedBy()),
                TextColumn.of(resources.getString("reports.response"), c -> duration(c.responseTime())),
                TextColumn.of(resources.getString("reports.resolution"), c -> duration(c.resolutionTime()))));
        calls.getItems().setAll(report.calls());
    }

    /** OEE and its factors per day or week as lines, with the target as a dashed line; the losses that moved most below. */
    private void renderTrend(OeeTrend trend) {
        trendTitle.setText(String.format(resources.getString(trend.unit() == OeeTrend.Unit.WEEK ? "reports.trendTitleWeeks"
                : "reports.trendTitleDays"), trend.subject()));
        javafx.scene.chart.CategoryAxis periods = new javafx.scene.chart.CategoryAxis();
        javafx.scene.chart.NumberAxis share = new javafx.scene.chart.NumberAxis(0, 100, 10);
        share.setLabel("%");
        javafx.scene.chart.LineChart<String, Number> chart = new javafx.scene.chart.LineChart<>(periods, share);
        chart.setAnimated(false);
        chart.setCreateSymbols(trend.points().size() <= 60);
        chart.setId("trendChart");
        DateTimeFormatter label = DateTimeFormatter.ofPattern(trend.unit() == OeeTrend.Unit.WEEK
                ? Messages.get("reports.weekPattern") : "d MMM");
        List<String> names = List.of("OEE", resources.getString("tile.availability"), resources.getString("tile.performance"),
                resources.getString("tile.quality"));
        List<Function<OeeFigures, Double>> figures = List.of(OeeFigures::oee, OeeFigures::availability,
                OeeFigures::performance, OeeFigures::quality);
        for (int i = 0; i < names.size(); i++) {
            javafx.scene.chart.XYChart.Series<String, Number> series = new javafx.scene.chart.XYChart.Series<>();
            series.setName(names.get(i));
            for (OeeTrend.Point p : trend.points()) {
                double v = figures.get(i).apply(p.figures());
                if (!Double.isNaN(v)) {
                    series.getData().add(new javafx.scene.chart.XYChart.Data<>(label.format(p.start()), Math.min(100, v * 100)));
                }
            }
            chart.getData().add(series);
        }
        javafx.scene.chart.XYChart.Series<String, Number> target = new javafx.scene.chart.XYChart.Series<>();
        target.setName(String.format(resources.getString("reports.target"), trend.target() * 100));
        trend.points().forEach(p -> target.getData().add(new javafx.scene.chart.XYChart.Data<>(label.format(p.start()),
                trend.target() * 100)));
        chart.getData().add(target);
        trendHolder.getChildren().setAll(trend.points().isEmpty() ? new Label(resources.getString("reports.noTrend")) : chart);
        lossChanges.getChildren().clear();
        for (OeeTrend.LossChange change : trend.losses()) {
            Label row = new Label(String.format(resources.getString("reports.lossChange"), change.reason(),
                    TimeText.length(change.firstHalfSeconds()), TimeText.length(change.secondHalfSeconds()),
                    change.change() > 0 ? "▲" : "▼"));
            row.getStyleClass().add(change.change() > 0 ? "loss-up" : "loss-down");
            lossChanges.getChildren().add(row);
        }
        if (trend.losses().isEmpty()) {
            lossChanges.getChildren().add(new Label(resources.getString("line.noStops")));
        }
    }

    private static VBox figure(String id, String title, String value) {
        Label name = new Label(title);
        name.getStyleClass().add("report-figure-title");
        Label figure = new Label(value);
        figure.getStyleClass().add("report-figure");
        figure.setId(id);
        VBox box = new VBox(2, name, figure);
        box.getStyleClass().add("report-figure-box");
        HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** A labelled bar: {@code value} of {@code max}, with its figures beside it. */
    private static VBox bar(String name, double value, double max, String figuresText, String style) {
        Region length = new Region();
        length.getStyleClass().add(style);
        length.setPrefWidth(Math.max(2, 260 * (max > 0 ? value / max : 0)));
        length.setMinWidth(Region.USE_PREF_SIZE);
        length.setMinHeight(14);
        HBox row = new HBox(8, length, new Label(figuresText));
        row.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(name);
        title.getStyleClass().add("pareto-reason");
        return new VBox(1, title, row);
    }


    private static void showOnly(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format("%.1f %%", share * 100);
    }

    private static String length(double seconds) {
        return Double.isNaN(seconds) ? "–" : TimeText.length(seconds);
    }

    private static String duration(Duration d) {
        return d == null ? "–" : TimeText.length(d.toSeconds());
    }
}
