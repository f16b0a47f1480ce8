package com.ms5.floor.app.ui.line;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.runtime.DowntimeService;
import com.ms5.floor.app.ui.DialogService;
import com.ms5.floor.app.ui.Navigation;
import com.ms5.floor.app.ui.OeeArithmetic;
import com.ms5.floor.app.ui.ShownAs;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.app.ui.StateLook;
import com.ms5.floor.app.ui.TileFactory;
import com.ms5.floor.app.base.TimeText;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.app.ui.line.LineDetailViewModel.Range;
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
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
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

/**
 * Controller of LineDetailView.fxml: one line over the shift. OEE gauges and good parts against
 * target; a timeline per machine; the Pareto of downtime reasons; each hour's output against
 * target with its OEE; the stops, where a person enters reasons (Enter or double click on a stop,
 * or a click on its bar).
 *
 * <p>What is shown and when it is read is {@link LineDetailViewModel}'s; this controller draws it.
 */
public final class LineDetailView {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    /** The stop lengths a person filters by: the micro-stop threshold's neighbourhood and up. */
    private static final List<Duration> STOP_LENGTHS = List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(15));
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneId.systemDefault());

    private static final javafx.css.PseudoClass OPEN = javafx.css.PseudoClass.getPseudoClass("open");

    private final LineDetailViewModel model;
    private final DowntimeService downtime;
    private final DialogService dialogs;
    private final UiExecutor ui;
    private final Navigation navigation;
    private final Clock clock;
    private final TimelineChart timeline = new TimelineChart();
    private Tile oeeTile;
    private Tile availabilityTile;
    private Tile performanceTile;
    private Tile qualityTile;
    private Tile madeTile;
    private HourCharts hourCharts;

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
    @FXML private ComboBox<String> stopMachineChoice;
    @FXML private ComboBox<Duration> stopLengthChoice;
    @FXML private Label hiddenStops;
    @FXML private ComboBox<DowntimeStats.Measure> paretoMeasureChoice;
    @FXML private Label paretoTitle;
    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private Label pace;
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
    LineDetailView(LineDetailViewModel model, DowntimeService downtime, DialogService dialogs, UiExecutor ui,
                   Navigation navigation, Clock clock) {
        this.ui = ui;
        this.model = model;
        this.downtime = downtime;
        this.dialogs = dialogs;
        this.navigation = navigation;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        oeeTile = TileFactory.gauge("lineOeeTile", resources.getString("tile.oee"));
        availabilityTile = TileFactory.gauge("lineAvailabilityTile", resources.getString("tile.availability"));
        performanceTile = TileFactory.gauge("linePerformanceTile", resources.getString("tile.performance"));
        qualityTile = TileFactory.gauge("lineQualityTile", resources.getString("tile.quality"));
        madeTile = TileFactory.number("lineMadeTile", resources.getString("line.made"), "");
        for (Tile tile : List.of(oeeTile, availabilityTile, performanceTile, qualityTile, madeTile)) {
            tile.setPrefSize(250, 190);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tiles.getChildren().add(tile);
        }
        clickForArithmetic(oeeTile, OeeArithmetic.Figure.OEE);
        clickForArithmetic(availabilityTile, OeeArithmetic.Figure.AVAILABILITY);
        clickForArithmetic(performanceTile, OeeArithmetic.Figure.PERFORMANCE);
        clickForArithmetic(qualityTile, OeeArithmetic.Figure.QUALITY);
        timelineHolder.getChildren().add(timeline);
        timeline.setOnBarClicked(item -> openReason((DowntimeEvent) item));
        for (TimelineChart.Kind kind : TimelineChart.Kind.values()) {
            Rectangle swatch = new Rectangle(18, 12, kind.color);
            swatch.setStroke(javafx.scene.paint.Color.web("#a9acae"));
            Label entry = new Label(kind.label(), swatch);
            legend.getChildren().add(entry);
        }
        legend.getChildren().add(new Label(resources.getString("line.timelineHelp")));

        hourCharts = new HourCharts(resources, hoursHolder, trendHolder);

        stopMachine.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.name(c.getValue().machineId())));
        stopStart.setCellValueFactory(c -> new ReadOnlyStringWrapper((range() == Range.SHIFT ? CLOCK : DAY_CLOCK)
                .format(c.getValue().start())));
        stopLength.setCellValueFactory(c -> new ReadOnlyStringWrapper(LineDetailViewModel.isOpen(c.getValue())
                ? String.format(resources.getString("line.stillOpen"), TimeText.length(c.getValue().seconds()))
                : TimeText.length(c.getValue().seconds())));
        stopFilters();
        stopReason.setCellValueFactory(c -> new ReadOnlyStringWrapper(reasonText(c.getValue())));
        reasonButton.disableProperty().bind(stops.getSelectionModel().selectedItemProperty().isNull());
        stops.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && stops.getSelectionModel().getSelectedItem() != null) {
                openReason(stops.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        stops.setRowFactory(table -> {
            var row = new javafx.scene.control.TableRow<DowntimeEvent>() {
                @Override
                protected void updateItem(DowntimeEvent stop, boolean empty) {
                    super.updateItem(stop, empty);
                    pseudoClassStateChanged(OPEN, !empty && stop != null && LineDetailViewModel.isOpen(stop));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openReason(row.getItem());
                }
            });
            return row;
        });

        lineChoice.setConverter(ShownAs.text(id -> id == null ? "" : model.name(id)));
        rangeChoice.getItems().setAll(Range.values());
        rangeChoice.setValue(Range.SHIFT);
        rangeChoice.setConverter(ShownAs.text(range -> range == null ? "" : resources.getString(range.key)));
        rangeChoice.valueProperty().addListener((o, old, range) -> {
            boolean shift = range == Range.SHIFT;
            String what = model.rangeText(range);
            timelineTitle.setText(shift ? resources.getString("line.timeline") : String.format(resources.getString("line.timelineRange"), what));
            stopsTitle.setText(shift ? resources.getString("line.stops") : String.format(resources.getString("line.stopsRange"), what));
            model.choose(range);
        });
        model.rangeProperty().addListener((o, old, range) -> rangeChoice.setValue(range));
        lineChoice.setItems(model.lines());
        lineChoice.valueProperty().addListener((o, old, id) -> model.show(id));
        model.lineIdProperty().addListener((o, old, id) -> {
            lineChoice.setValue(id);
            model.stopsOfProperty().set(null);
            stops.getItems().clear();
            historyRows = Map.of();
        });
        navigation.lineProperty().addListener((o, old, id) -> model.show(id));
        model.show(navigation.lineProperty().get());
        model.statusProperty().addListener((o, old, s) -> {
            if (s != null) {
                onStatus(s);
            }
        });
        model.historyProperty().addListener((o, old, h) -> {
            if (h != null) {
                render();
            }
        });
        model.longReadProperty().addListener((o, was, reading) -> showReading(reading));
        readProgress.progressProperty().bind(model.progressProperty());
        readingLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format(
                resources.getString("line.reading"), model.rangeText(model.rangeProperty().get())), model.rangeProperty()));
        message.textProperty().bind(model.messageProperty());
        showReading(false);
        ViewModel.bind(tiles, model);
        // The file chooser cannot be driven by tests: they hand the export its file through this controller.
        root.getProperties().put(LineDetailView.class, this);
    }

    private void onStatus(LineStatus s) {
        title.setText(s.name());
        subtitle.setText(s.shift() + " · " + resources.getString("line.since") + " " + HOUR.format(s.window().start())
                + " · " + String.format(resources.getString("line.profile"), Messages.profile(s.oee().profile()))); // how OEE is counted
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
        pace.setText(s.pace() == null ? "" : String.format(resources.getString("line.pace"), s.pace().expected(),
                s.pace().shiftTarget()));
        hourCharts.show(s.hours());
        drawTimeline();
        if (history() != null && range() == Range.SHIFT) {
            showStops(); // the open stops grow by the second (a longer range shows ended stops only)
        }
    }

    /** The machine and length filters and the Pareto's measure, all answered by the view model. */
    private void stopFilters() {
        stopMachineChoice.setConverter(ShownAs.text(id -> id == null || id.isEmpty() ? resources.getString("line.allMachines")
                : model.name(id)));
        stopMachineChoice.valueProperty().addListener((o, old, id) -> model.stopsOfProperty().set(id == null || id.isEmpty() ? null : id));
        stopLengthChoice.getItems().setAll(STOP_LENGTHS);
        stopLengthChoice.setConverter(ShownAs.text(d -> d == null || d.isZero() ? resources.getString("line.anyLength")
                : TimeText.length(d.toSeconds())));
        stopLengthChoice.setValue(model.shortestStopProperty().get());
        stopLengthChoice.valueProperty().addListener((o, old, d) -> model.shortestStopProperty().set(d == null ? Duration.ZERO : d));
        paretoMeasureChoice.getItems().setAll(DowntimeStats.Measure.values());
        paretoMeasureChoice.setConverter(ShownAs.text(m -> m == null ? "" : resources.getString(switch (m) {
            case TIME -> "line.paretoByTime";
            case COUNT -> "line.paretoByCount";
            case COST -> "line.paretoByCost";
        })));
        paretoMeasureChoice.setValue(model.paretoMeasureProperty().get());
        paretoMeasureChoice.valueProperty().addListener((o, old, m) -> model.paretoMeasureProperty().set(m));
        for (javafx.beans.Observable filter : List.of(model.stopsOfProperty(), model.shortestStopProperty(),
                model.paretoMeasureProperty())) {
            filter.addListener(o -> {
                if (history() != null) {
                    showStops();
                }
            });
        }
    }

    /** A click on the figure shows the times and counts it came from, for the line's window so far. */
    private void clickForArithmetic(Tile tile, OeeArithmetic.Figure figure) {
        tile.setCursor(javafx.scene.Cursor.HAND);
        tile.setOnMouseClicked(e -> {
            LineStatus s = status();
            if (s != null) {
                dialogs.showArithmetic(root.getScene().getWindow(), String.format(resources.getString("line.arithmeticTitle"),
                        s.name(), HOUR.format(s.window().start()), HOUR.format(s.window().end())),
                        OeeArithmetic.formula(figure, s.oee()), OeeArithmetic.rows(s.oee(), s.machines().size()));
            }
        });
    }

    private static void gauge(Tile tile, double share) {
        tile.setValueVisible(!Double.isNaN(share));
        if (!Double.isNaN(share)) {
            tile.setValue(share * 100);
        }
    }


    /** The line's live status, or null until the first. */
    private LineStatus status() {
        return model.statusProperty().get();
    }

    /** The history the range shows, or null until it is read. */
    private LineHistory history() {
        return model.historyProperty().get();
    }

    private Range range() {
        return model.rangeProperty().get();
    }

    private void showReading(boolean shown) {
        for (javafx.scene.Node n : List.of(readingLabel, readProgress, cancelReadButton)) {
            n.setVisible(shown);
            n.setManaged(shown);
        }
    }

    @FXML
    private void cancelRead() {
        model.cancelRead();
    }

    @FXML
    private void chooseExport() {
        dialogs.saveFile(stops.getScene().getWindow(), resources.getString("line.export"),
                "stops-" + model.lineIdProperty().get() + ".csv").ifPresent(this::exportStops);
    }

    /** Writes the stops shown as CSV (the file chooser's choice lands here). */
    public void exportStops(java.nio.file.Path file) {
        model.exportStops(file);
    }

    private void render() {
        source.setText(resources.getString("line.source") + " " + history().source());
        List<String> machineIds = new ArrayList<>();
        machineIds.add("");
        history().rows().forEach(r -> machineIds.add(r.machineId()));
        if (!stopMachineChoice.getItems().equals(machineIds)) {
            String chosen = model.stopsOfProperty().get();
            stopMachineChoice.getItems().setAll(machineIds);
            stopMachineChoice.setValue(chosen == null ? "" : chosen);
        }
        showStops();
        historyRows = historyRows();
        drawTimeline();
    }

    /** The stops list and Pareto as the view model has them: open stops first, then the newest. */
    private void showStops() {
        DowntimeEvent selected = stops.getSelectionModel().getSelectedItem();
        List<DowntimeEvent> shown = model.stopsShown();
        javafx.collections.ObservableList<DowntimeEvent> items = stops.getItems();
        if (items.stream().map(DowntimeEvent::id).toList().equals(shown.stream().map(DowntimeEvent::id).toList())) {
            for (int i = 0; i < shown.size(); i++) { // the same stops: only the open ones grew, and the list stays where it is
                if (!items.get(i).equals(shown.get(i))) {
                    items.set(i, shown.get(i));
                }
            }
        } else {
            items.setAll(shown);
        }
        if (selected != null && !selected.equals(stops.getSelectionModel().getSelectedItem())) {
            shown.stream().filter(s -> s.id().equals(selected.id())).findFirst()
                    .ifPresent(s -> stops.getSelectionModel().select(s));
        }
        List<String> narrowed = new ArrayList<>(); // the Pareto says which stops it sums
        if (model.stopsOfProperty().get() != null) {
            narrowed.add(String.format(resources.getString("line.paretoOnly"), model.name(model.stopsOfProperty().get())));
        }
        if (!model.shortestStopProperty().get().isZero()) {
            narrowed.add(String.format(resources.getString("line.paretoLonger"),
                    TimeText.length(model.shortestStopProperty().get().toSeconds())));
        }
        showPareto(shown);
        paretoTitle.setText(narrowed.isEmpty() ? resources.getString("line.pareto")
                : String.format(resources.getString("line.paretoOf"), String.join(", ", narrowed)));
        long hidden = model.hiddenShortStops();
        hiddenStops.setText(hidden == 0 ? "" : String.format(resources.getString("line.hiddenStops"), hidden));
    }

    private Map<String, TimelineChart.Row> historyRows() {
        Map<String, TimelineChart.Row> rows = new java.util.LinkedHashMap<>();
        for (LineHistory.Row row : history().rows()) {
            String name = model.name(row.machineId());
            List<TimelineChart.Bar> stopBars = history().stops().stream().filter(stop -> stop.machineId().equals(row.machineId()))
                    .map(stop -> new TimelineChart.Bar(stop.start(), stop.end(), kindOf(stop), stopDetails(name, stop), stop))
                    .toList();
            rows.put(row.machineId(), new TimelineChart.Row(name,
                    row.intervals().stream().map(i -> stateBar(name, i)).toList(), stopBars));
        }
        return rows;
    }

    private void showPareto(List<DowntimeEvent> shown) {
        pareto.getChildren().clear();
        List<DowntimeStats.ParetoBar> bars = model.pareto(shown);
        DowntimeStats.Measure measure = model.paretoMeasureProperty().get();
        boolean costed = history().cost().any();
        if (bars.isEmpty()) {
            pareto.getChildren().add(new Label(resources.getString("line.noStops")));
            return;
        }
        double biggest = Math.max(1e-9, measureOf(bars.getFirst(), measure));
        for (DowntimeStats.ParetoBar bar : bars.subList(0, Math.min(6, bars.size()))) {
            Label name = new Label(bar.reasonPath());
            name.getStyleClass().add("pareto-reason");
            Region length = new Region();
            length.setStyle("-fx-background-color: " + web(kindOf(bar.category())) + ";");
            length.setPrefWidth(Math.max(2, 180 * measureOf(bar, measure) / biggest));
            length.setMinWidth(Region.USE_PREF_SIZE);
            length.setMinHeight(14);
            Label figures = new Label(costed
                    ? String.format(resources.getString("line.paretoFiguresCost"), bar.seconds() / 60, bar.count(),
                            money(bar.cost()), bar.cumulativeShare() * 100)
                    : String.format(resources.getString("line.paretoFigures"), bar.seconds() / 60, bar.count(),
                            bar.cumulativeShare() * 100));
            HBox row = new HBox(8, length, figures);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            pareto.getChildren().add(new VBox(1, name, row));
        }
    }

    private static double measureOf(DowntimeStats.ParetoBar bar, DowntimeStats.Measure measure) {
        return switch (measure) {
            case TIME -> bar.seconds();
            case COUNT -> bar.count();
            case COST -> bar.cost();
        };
    }

    private String money(double amount) {
        String currency = history().cost().currency();
        return String.format("%,.0f%s", amount, currency.isEmpty() ? "" : " " + currency);
    }

    private static String web(TimelineChart.Kind kind) {
        return "#" + kind.color.toString().substring(2, 8);
    }

    /** The history's bars with each machine's open stretch up to now; once a second. */
    private void drawTimeline() {
        if (status() == null && history() == null) {
            return;
        }
        Instant now = clock.instant();
        List<TimelineChart.Row> rows = new ArrayList<>();
        List<LineStatus.MachineStatus> machines = status() != null ? status().machines() : List.of();
        List<String> ids = !historyRows.isEmpty() ? List.copyOf(historyRows.keySet())
                : machines.stream().map(LineStatus.MachineStatus::id).toList();
        for (String id : ids) {
            String name = model.name(id);
            TimelineChart.Row past = historyRows.getOrDefault(id, new TimelineChart.Row(name, List.of(), List.of()));
            List<TimelineChart.Bar> states = new ArrayList<>(past.states());
            machines.stream().filter(m -> m.id().equals(id)).findFirst().ifPresent(m -> states.add(stateBar(name,
                    new StateInterval(m.id(), m.state(), m.since(), now, m.faultCode(), null))));
            rows.add(new TimelineChart.Row(name, states, past.stops()));
        }
        timeline.show(status() != null && (range() == Range.SHIFT || history() == null) ? status().window().start()
                : history().window().start(), now, rows);
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
        return history().reasons().contains(stop.reasonId()) ? kindOf(history().reasons().node(stop.reasonId()).category())
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
        ReasonTree reasons = history() == null ? null : history().reasons();
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
        if (history() == null) {
            return;
        }
        if (LineDetailViewModel.isOpen(stop)) {
            model.say(resources.getString("line.openStopNoReason"));
            return;
        }
        stops.getSelectionModel().select(stop);
        new ReasonDialog(stops.getScene().getWindow(), resources, downtime, ui, history().reasons(), stop,
                model.name(stop.machineId()), model::say).show(); // the change notice reloads the stops
    }
}
