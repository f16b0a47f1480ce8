package com.ms5.floor.app.ui.line;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.runtime.LineHistory;
import com.ms5.floor.app.runtime.LineStatus;
import com.ms5.floor.app.runtime.LiveKeys;
import com.ms5.floor.app.runtime.StationRuntime;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.app.ui.LiveValueHub;
import com.ms5.floor.app.ui.Navigation;
import com.ms5.floor.app.ui.StateLook;
import com.ms5.floor.app.ui.TileFactory;
import com.ms5.floor.app.ui.TimeText;
import eu.hansolo.tilesfx.Tile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * Controller of LineDetailView.fxml: one line over the shift. OEE gauges and good parts against
 * target; a timeline per machine; the Pareto of downtime reasons; each hour's output against
 * target with its OEE; the stops, where a person enters reasons (Enter or double click on a stop,
 * or a click on its bar).
 *
 * <p>Live figures come from the hub; the history is read off the FX thread (database, or memory
 * while offline) when the line opens, when a stop changes anywhere, and every 30 s.
 */
public final class LineDetailView {
    private static final Duration RELOAD_EVERY = Duration.ofSeconds(30);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneId.systemDefault());

    /** How far back the timeline, Pareto and stops reach: the shift (live), or a longer stretch read once with progress. */
    enum Range {
        SHIFT(null, "line.rangeShift"), DAY(Duration.ofDays(1), "line.rangeDay"), WEEK(Duration.ofDays(7), "line.rangeWeek"),
        MONTH(Duration.ofDays(30), "line.rangeMonth");

        final Duration length;
        final String key;

        Range(Duration length, String key) {
            this.length = length;
            this.key = key;
        }
    }

    private final LiveValueHub hub;
    private final StationRuntime station;
    private final Navigation navigation;
    private final Clock clock;
    private final TimelineChart timeline = new TimelineChart();
    private final List<Runnable> subscriptions = new ArrayList<>();
    private Runnable lineSubscription;
    private Tile oeeTile;
    private Tile availabilityTile;
    private Tile performanceTile;
    private Tile qualityTile;
    private Tile madeTile;
    private BarChart<String, Number> hoursChart;
    private javafx.scene.chart.LineChart<String, Number> oeeTrend;

    private String lineId;
    private LineStatus status;
    private LineHistory history;
    private Instant loadedAt = Instant.EPOCH;
    private boolean loading;
    private boolean loadAgain;
    private java.util.concurrent.CompletableFuture<LineHistory> reading;
    /** The person pressed Cancel: the read ends there, whatever asked for another meanwhile. */
    private boolean cancelledByUser;
    /** The history's bars per machine, made once per read; the live open stretch is added per frame. */
    private Map<String, TimelineChart.Row> historyRows = Map.of();

    @FXML private ResourceBundle resources;
    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private ComboBox<String> lineChoice;
    @FXML private ComboBox<Range> rangeChoice;
    @FXML private javafx.scene.control.ProgressBar readProgress;
    @FXML private Label readingLabel;
    @FXML private Button cancelReadButton;
    @FXML private Label timelineTitle;
    @FXML private Label stopsTitle;
    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private Label lineState;
    @FXML private HBox tiles;
    @FXML private StackPane timelineHolder;
    @FXML private FlowPane legend;
    @FXML private VBox pareto;
    @FXML private StackPane hoursHolder;
    @FXML private StackPane trendHolder;
    @FXML private TableView<DowntimeEvent> stops;
    @FXML private TableColumn<DowntimeEvent, String> stopMachine;
    @FXML private TableColumn<DowntimeEvent, String> stopStart;
    @FXML private TableColumn<DowntimeEvent, String> stopLength;
    @FXML private TableColumn<DowntimeEvent, String> stopReason;
    @FXML private Button reasonButton;
    @FXML private Label message;
    @FXML private Label source;

    @Inject
    LineDetailView(LiveValueHub hub, StationRuntime station, Navigation navigation, Clock clock) {
        this.hub = hub;
        this.station = station;
        this.navigation = navigation;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        oeeTile = TileFactory.gauge("lineOeeTile", resources.getString("tile.oee.shift"));
        availabilityTile = TileFactory.gauge("lineAvailabilityTile", resources.getString("tile.availability"));
        performanceTile = TileFactory.gauge("linePerformanceTile", resources.getString("tile.performance"));
        qualityTile = TileFactory.gauge("lineQualityTile", resources.getString("tile.quality"));
        madeTile = TileFactory.number("lineMadeTile", resources.getString("line.made"), "");
        for (Tile tile : List.of(oeeTile, availabilityTile, performanceTile, qualityTile, madeTile)) {
            tile.setPrefSize(250, 190);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tiles.getChildren().add(tile);
        }
        timelineHolder.getChildren().add(timeline);
        timeline.setOnBarClicked(item -> openReason((DowntimeEvent) item));
        for (TimelineChart.Kind kind : TimelineChart.Kind.values()) {
            Rectangle swatch = new Rectangle(18, 12, kind.color);
            swatch.setStroke(javafx.scene.paint.Color.web("#a9acae"));
            Label entry = new Label(kind.label, swatch);
            legend.getChildren().add(entry);
        }
        legend.getChildren().add(new Label(resources.getString("line.timelineHelp")));

        CategoryAxis hours = new CategoryAxis();
        NumberAxis parts = new NumberAxis();
        parts.setLabel(resources.getString("line.goodParts"));
        hoursChart = new BarChart<>(hours, parts);
        hoursChart.setAnimated(false);
        hoursChart.setLegendVisible(true);
        hoursChart.getStyleClass().add("hours-chart");
        hoursHolder.getChildren().add(hoursChart);
        NumberAxis share = new NumberAxis(0, 100, 25);
        share.setLabel("OEE %");
        oeeTrend = new javafx.scene.chart.LineChart<>(new CategoryAxis(), share);
        oeeTrend.setAnimated(false);
        oeeTrend.setLegendVisible(false);
        oeeTrend.getStyleClass().add("oee-trend");
        oeeTrend.setMinHeight(140);
        trendHolder.getChildren().add(oeeTrend);

        stopMachine.setCellValueFactory(c -> new ReadOnlyStringWrapper(station.name(c.getValue().machineId())));
        stopStart.setCellValueFactory(c -> new ReadOnlyStringWrapper((range() == Range.SHIFT ? CLOCK : DAY_CLOCK)
                .format(c.getValue().start())));
        stopLength.setCellValueFactory(c -> new ReadOnlyStringWrapper(TimeText.length(c.getValue().seconds())));
        stopReason.setCellValueFactory(c -> new ReadOnlyStringWrapper(reasonText(c.getValue())));
        reasonButton.disableProperty().bind(stops.getSelectionModel().selectedItemProperty().isNull());
        stops.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && stops.getSelectionModel().getSelectedItem() != null) {
                openReason(stops.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        stops.setRowFactory(table -> {
            var row = new javafx.scene.control.TableRow<DowntimeEvent>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openReason(row.getItem());
                }
            });
            return row;
        });

        lineChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : station.name(id);
            }

            @Override
            public String fromString(String name) {
                return name;
            }
        });
        rangeChoice.getItems().setAll(Range.values());
        rangeChoice.setValue(Range.SHIFT);
        rangeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Range range) {
                return range == null ? "" : resources.getString(range.key);
            }

            @Override
            public Range fromString(String text) {
                return Range.SHIFT;
            }
        });
        rangeChoice.valueProperty().addListener((o, old, range) -> {
            boolean shift = range == Range.SHIFT;
            String what = resources.getString(range.key).toLowerCase(java.util.Locale.ROOT);
            timelineTitle.setText(shift ? resources.getString("line.timeline") : String.format(resources.getString("line.timelineRange"), what));
            stopsTitle.setText(shift ? resources.getString("line.stops") : String.format(resources.getString("line.stopsRange"), what));
            cancelForNewRead();
            load();
        });
        lineChoice.valueProperty().addListener((o, old, id) -> {
            if (id != null && !id.equals(lineId)) {
                show(id);
            }
        });
        navigation.lineProperty().addListener((o, old, id) -> {
            if (id != null) {
                lineChoice.setValue(id);
            }
        });
        LiveValueHub.whileShown(tiles, this::activate, this::deactivate);
        // The file chooser cannot be driven by tests: they hand the export its file through this controller.
        root.getProperties().put(LineDetailView.class, this);
    }

    /** On screen: follow the line list, the shown line and changes to stops. */
    private void activate() {
        subscriptions.add(hub.<List<String>>subscribe(LiveKeys.LINES, ids -> {
            if (!ids.equals(lineChoice.getItems())) {
                lineChoice.getItems().setAll(ids);
            }
            if (lineChoice.getValue() == null && !ids.isEmpty()) {
                lineChoice.setValue(navigation.lineProperty().get() != null ? navigation.lineProperty().get() : ids.getFirst());
            }
        }));
        subscriptions.add(hub.<Object>subscribe(LiveKeys.DOWNTIME_CHANGED, change -> load()));
        if (lineId != null) {
            followLine();
            load();
        }
    }

    private void deactivate() {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        if (lineSubscription != null) {
            lineSubscription.run();
            lineSubscription = null;
        }
    }

    private void show(String id) {
        lineId = id;
        status = null;
        history = null;
        historyRows = Map.of();
        stops.getItems().clear();
        message.setText("");
        followLine();
        cancelForNewRead();
        load();
    }

    private void followLine() {
        if (lineSubscription != null) {
            lineSubscription.run();
        }
        String shown = lineId;
        lineSubscription = hub.<LineStatus>subscribe(LiveKeys.line(shown), s -> {
            if (shown.equals(lineId)) {
                onStatus(s);
            }
        });
    }

    private void onStatus(LineStatus s) {
        status = s;
        title.setText(s.name());
        subtitle.setText(s.shift() + " · " + resources.getString("line.since") + " " + HOUR.format(s.window().start()));
        StateLook.apply(lineState, s.headline(), resources);
        OeeFigures f = s.oee();
        gauge(oeeTile, f.oee());
        gauge(availabilityTile, f.availability());
        gauge(performanceTile, f.performance());
        gauge(qualityTile, f.quality());
        long made = s.hours().stream().mapToLong(LineStatus.Hour::made).sum();
        long target = s.hours().stream().mapToLong(LineStatus.Hour::target).sum();
        madeTile.setValue(made);
        madeTile.setDescription(String.format(resources.getString("line.target"), target,
                target == 0 ? "–" : String.format("%.0f %%", 100.0 * made / target)));
        showHours(s.hours());
        drawTimeline();
        if (range() == Range.SHIFT && Duration.between(loadedAt, clock.instant()).compareTo(RELOAD_EVERY) > 0) {
            load();
        }
    }

    private static void gauge(Tile tile, double share) {
        tile.setValueVisible(!Double.isNaN(share));
        if (!Double.isNaN(share)) {
            tile.setValue(share * 100);
        }
    }

    /**
     * The hours chart: bar heights change in place each second; the bars are made anew only when a
     * label changes (an hour begins, or an hour's OEE moves by a percent).
     */
    private void showHours(List<LineStatus.Hour> hours) {
        showTrend(hours);
        List<String> labels = hours.stream().map(LineDetailView::hourLabel).toList();
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
        made.setName(resources.getString("line.madeSeries"));
        XYChart.Series<String, Number> target = new XYChart.Series<>();
        target.setName(resources.getString("line.targetSeries"));
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

    /**
     * Reads the line's history off the FX thread; one read at a time, and once more if asked
     * meanwhile. A range longer than the shift shows its progress and can be cancelled.
     */
    private void load() {
        if (lineId == null) {
            return;
        }
        if (loading) {
            loadAgain = true; // a change arrived during the read: it may not be in it
            return;
        }
        loading = true;
        loadAgain = false;
        loadedAt = clock.instant();
        String id = lineId;
        Range range = range();
        TimeRange window = range != Range.SHIFT ? new TimeRange(clock.instant().minus(range.length), clock.instant())
                : status != null ? new TimeRange(status.window().start(), clock.instant())
                : new TimeRange(clock.instant().minus(Duration.ofHours(8)), clock.instant());
        boolean longRead = range != Range.SHIFT;
        if (longRead) {
            readProgress.setProgress(0);
            readingLabel.setText(String.format(resources.getString("line.reading"), resources.getString(range.key)
                    .toLowerCase(java.util.Locale.ROOT)));
        }
        showReading(longRead);
        reading = station.lineHistory(id, window, done -> Platform.runLater(() -> readProgress.setProgress(done)));
        reading.whenComplete((h, error) -> Platform.runLater(() -> {
            loading = false;
            showReading(false);
            if (cancelledByUser) {
                cancelledByUser = false;
                loadAgain = false;
                message.setText(String.format(resources.getString("line.readCancelled"), resources.getString(range.key)
                        .toLowerCase(java.util.Locale.ROOT)));
                rangeChoice.setValue(Range.SHIFT); // and reads the shift
            } else if (!id.equals(lineId) || loadAgain) {
                load();
            } else if (error != null) {
                message.setText(ErrorText.of(error));
            } else {
                history = h;
                render();
            }
        }));
    }

    private Range range() {
        return rangeChoice.getValue() == null ? Range.SHIFT : rangeChoice.getValue();
    }

    private void showReading(boolean shown) {
        for (javafx.scene.Node n : List.of(readingLabel, readProgress, cancelReadButton)) {
            n.setVisible(shown);
            n.setManaged(shown);
        }
    }

    /** A read under way is of a line or range no longer wanted: stop it; load() reads the new one once it has. */
    private void cancelForNewRead() {
        if (loading && reading != null) {
            reading.cancel(false);
        }
    }

    @FXML
    private void cancelRead() {
        if (loading && reading != null) {
            cancelledByUser = true;
            reading.cancel(false);
        }
    }

    @FXML
    private void chooseExport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(resources.getString("line.export"));
        chooser.setInitialFileName("stops-" + lineId + ".csv");
        java.io.File file = chooser.showSaveDialog(stops.getScene().getWindow());
        if (file != null) {
            exportStops(file.toPath());
        }
    }

    /** Writes the stops shown (the range's) as CSV, off the FX thread (the file chooser's choice lands here). */
    public void exportStops(java.nio.file.Path file) {
        if (history == null) {
            return;
        }
        LineHistory shown = history;
        String what = resources.getString(range().key).toLowerCase(java.util.Locale.ROOT);
        // A month of stops is thousands of rows: written into text off the FX thread as well.
        station.inBackground(() -> {
            StringBuilder csv = new StringBuilder();
            com.ms5.floor.plc.tagmap.BindingCsv.appendRecord(csv, List.of("line", "machine", "machineName", "start", "end",
                    "minutes", "state", "faultCode", "reason", "reasonPath", "comment", "lastEditedBy"));
            for (DowntimeEvent stop : shown.stops()) {
                com.ms5.floor.plc.tagmap.BindingCsv.appendRecord(csv, List.of(stop.lineId(), stop.machineId(),
                        station.name(stop.machineId()), stop.start().toString(), stop.end().toString(),
                        String.format(java.util.Locale.ROOT, "%.2f", stop.seconds() / 60.0), stop.state().name(),
                        Long.toString(stop.faultCode()), stop.reasonId(),
                        shown.reasons().contains(stop.reasonId()) ? shown.reasons().path(stop.reasonId()) : "",
                        stop.comment() == null ? "" : stop.comment(),
                        stop.history().isEmpty() ? "" : stop.history().getLast().who()));
            }
            return java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
        })
                .whenCompleteAsync((p, error) -> message.setText(error != null
                        ? String.format(resources.getString("line.exportFailed"), ErrorText.of(error))
                        : String.format(resources.getString("line.exported"), shown.stops().size(), what, file)),
                        Platform::runLater);
    }

    private void render() {
        source.setText(resources.getString("line.source") + " " + history.source());
        DowntimeEvent selected = stops.getSelectionModel().getSelectedItem();
        stops.getItems().setAll(history.stops().reversed()); // newest first: that is the one a person asks about
        if (selected != null) {
            history.stops().stream().filter(s -> s.id().equals(selected.id())).findFirst()
                    .ifPresent(s -> stops.getSelectionModel().select(s));
        }
        showPareto();
        historyRows = historyRows();
        drawTimeline();
    }

    private Map<String, TimelineChart.Row> historyRows() {
        Map<String, TimelineChart.Row> rows = new java.util.LinkedHashMap<>();
        for (LineHistory.Row row : history.rows()) {
            String name = station.name(row.machineId());
            List<TimelineChart.Bar> stopBars = history.stops().stream().filter(stop -> stop.machineId().equals(row.machineId()))
                    .map(stop -> new TimelineChart.Bar(stop.start(), stop.end(), kindOf(stop), stopDetails(name, stop), stop))
                    .toList();
            rows.put(row.machineId(), new TimelineChart.Row(name,
                    row.intervals().stream().map(i -> stateBar(name, i)).toList(), stopBars));
        }
        return rows;
    }

    private void showPareto() {
        pareto.getChildren().clear();
        List<DowntimeStats.ParetoBar> bars = DowntimeStats.pareto(history.stops().stream()
                .filter(s -> history.reasons().contains(s.reasonId())).toList(), history.window(), history.reasons(), Map.of());
        if (bars.isEmpty()) {
            pareto.getChildren().add(new Label(resources.getString("line.noStops")));
            return;
        }
        double biggest = bars.getFirst().seconds();
        for (DowntimeStats.ParetoBar bar : bars.subList(0, Math.min(6, bars.size()))) {
            Label name = new Label(bar.reasonPath());
            name.getStyleClass().add("pareto-reason");
            Region length = new Region();
            length.setStyle("-fx-background-color: " + web(kindOf(bar.category())) + ";");
            length.setPrefWidth(Math.max(2, 260 * bar.seconds() / biggest));
            length.setMinWidth(Region.USE_PREF_SIZE);
            length.setMinHeight(14);
            Label figures = new Label(String.format(resources.getString("line.paretoFigures"), bar.seconds() / 60,
                    bar.count(), bar.cumulativeShare() * 100));
            HBox row = new HBox(8, length, figures);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            pareto.getChildren().add(new VBox(1, name, row));
        }
    }

    private static String web(TimelineChart.Kind kind) {
        return "#" + kind.color.toString().substring(2, 8);
    }

    /** The history's bars with each machine's open stretch up to now; once a second. */
    private void drawTimeline() {
        if (status == null && history == null) {
            return;
        }
        Instant now = clock.instant();
        List<TimelineChart.Row> rows = new ArrayList<>();
        List<LineStatus.MachineStatus> machines = status != null ? status.machines() : List.of();
        List<String> ids = !historyRows.isEmpty() ? List.copyOf(historyRows.keySet())
                : machines.stream().map(LineStatus.MachineStatus::id).toList();
        for (String id : ids) {
            String name = station.name(id);
            TimelineChart.Row past = historyRows.getOrDefault(id, new TimelineChart.Row(name, List.of(), List.of()));
            List<TimelineChart.Bar> states = new ArrayList<>(past.states());
            machines.stream().filter(m -> m.id().equals(id)).findFirst().ifPresent(m -> states.add(stateBar(name,
                    new StateInterval(m.id(), m.state(), m.since(), now, m.faultCode(), null))));
            rows.add(new TimelineChart.Row(name, states, past.stops()));
        }
        timeline.show(status != null && (range() == Range.SHIFT || history == null) ? status.window().start()
                : history.window().start(), now, rows);
    }

    private TimelineChart.Bar stateBar(String machine, StateInterval i) {
        String details = machine + " · " + resources.getString("state." + i.state().name()) + "\n"
                + CLOCK.format(i.start()) + " – " + CLOCK.format(i.end()) + " (" + TimeText.length(i.range(i.end()).seconds()) + ")"
                + (i.faultCode() != 0 ? "\n" + resources.getString("line.fault") + " " + i.faultCode() : "")
                + (i.reason() != null ? "\n" + i.reason() : "");
        return new TimelineChart.Bar(i.start(), i.end(), kindOf(i.state()), details, null);
    }

    private String stopDetails(String machine, DowntimeEvent stop) {
        return machine + " · " + resources.getString("state." + stop.state().name()) + "\n"
                + CLOCK.format(stop.start()) + " – " + CLOCK.format(stop.end()) + " (" + TimeText.length(stop.seconds()) + ")\n"
                + resources.getString("line.reason") + ": " + reasonText(stop) + "\n" + resources.getString("line.clickForReason");
    }

    static TimelineChart.Kind kindOf(MachineState state) {
        return switch (state) {
            case RUNNING -> TimelineChart.Kind.RUNNING;
            case MICRO_STOP -> TimelineChart.Kind.MICRO_STOP;
            case UNPLANNED_DOWN -> TimelineChart.Kind.NEEDS_REASON;
            case STARVED, BLOCKED -> TimelineChart.Kind.MATERIAL;
            case CHANGEOVER -> TimelineChart.Kind.SETUP;
            case PLANNED_DOWN -> TimelineChart.Kind.PLANNED;
            case UNKNOWN -> TimelineChart.Kind.NO_DATA;
        };
    }

    private TimelineChart.Kind kindOf(DowntimeEvent stop) {
        return history.reasons().contains(stop.reasonId()) ? kindOf(history.reasons().node(stop.reasonId()).category())
                : kindOf(stop.state());
    }

    static TimelineChart.Kind kindOf(LossCategory category) {
        return switch (category) {
            case BREAKDOWN -> TimelineChart.Kind.BREAKDOWN;
            case SETUP -> TimelineChart.Kind.SETUP;
            case MATERIAL -> TimelineChart.Kind.MATERIAL;
            case QUALITY -> TimelineChart.Kind.QUALITY;
            case PLANNED -> TimelineChart.Kind.PLANNED;
            case UNASSIGNED -> TimelineChart.Kind.NEEDS_REASON;
        };
    }

    private String reasonText(DowntimeEvent stop) {
        ReasonTree reasons = history == null ? null : history.reasons();
        String reason = reasons != null && reasons.contains(stop.reasonId()) ? reasons.path(stop.reasonId()) : stop.reasonId();
        return ReasonTree.UNASSIGNED.equals(stop.reasonId()) ? "\u25B2 " + reason : reason;
    }

    @FXML
    private void enterReason() {
        DowntimeEvent stop = stops.getSelectionModel().getSelectedItem();
        if (stop != null) {
            openReason(stop);
        }
    }

    private void openReason(DowntimeEvent stop) {
        if (history == null) {
            return;
        }
        stops.getSelectionModel().select(stop);
        new ReasonDialog(stops.getScene().getWindow(), resources, station, history.reasons(), stop,
                station.name(stop.machineId()), message::setText).show(); // the change notice reloads the stops
    }
}
