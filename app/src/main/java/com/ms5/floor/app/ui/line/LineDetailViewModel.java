package com.ms5.floor.app.ui.line;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.live.StationEvent;
import com.ms5.floor.app.live.StationEvents;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.model.StopsCsv;
import com.ms5.floor.app.runtime.DowntimeService;
import com.ms5.floor.app.runtime.LineHistoryReader;
import com.ms5.floor.app.runtime.SetupTools;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Line tab: one line's live status, and its history over a range (the shift, or the last
 * day, week or month) read off the FX thread.
 *
 * <p>The history is read when the line or range changes, when a stop changes at any station, and
 * every {@link #RELOAD_EVERY} of the shift. One read at a time: what asks for another meanwhile
 * reads once more after it; a new line or range cancels the read under way. A long range shows its
 * progress and can be cancelled, which returns to the shift. Methods and properties on the FX thread
 * ({@code ui} in tests: the test's own).
 */
public final class LineDetailViewModel extends ViewModel {
    static final Duration RELOAD_EVERY = Duration.ofSeconds(30);
    public static final Duration SHORTEST_STOP_SHOWN = Duration.ofSeconds(30);

    /** How far back the timeline, Pareto and stops reach: the shift (live), or a longer stretch read once with progress. */
    public enum Range {
        SHIFT(null, "line.rangeShift"), DAY(Duration.ofDays(1), "line.rangeDay"), WEEK(Duration.ofDays(7), "line.rangeWeek"),
        MONTH(Duration.ofDays(30), "line.rangeMonth");

        final Duration length;
        final String key;

        Range(Duration length, String key) {
            this.length = length;
            this.key = key;
        }
    }

    private final LiveValues live;
    private final StationEvents events;
    private final LineHistoryReader reader;
    private final SetupTools files;
    private final StationPlant plant;
    private final Clock clock;
    private final Executor ui;
    private final ResourceBundle text = com.ms5.floor.app.base.Messages.bundle();

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> lineId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Range> range = new ReadOnlyObjectWrapper<>(Range.SHIFT);
    private final ObjectProperty<LineStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LineHistory> history = new SimpleObjectProperty<>();
    private final BooleanProperty longRead = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    /** The stops the list and Pareto show: of this machine only (null: every machine's) ... */
    private final ObjectProperty<String> stopsOf = new SimpleObjectProperty<>();
    /**
     * ... and at least this long: by default half a minute, so a starved or blocked blip between two
     * parts does not bury the stops a supervisor acts on (the list says how many it hides).
     */
    private final ObjectProperty<Duration> shortestStop = new SimpleObjectProperty<>(SHORTEST_STOP_SHOWN);
    private final ObjectProperty<DowntimeStats.Measure> paretoMeasure = new SimpleObjectProperty<>(DowntimeStats.Measure.TIME);

    private Runnable lineSubscription;
    private Instant loadedAt = Instant.EPOCH;
    private boolean loading;
    private boolean loadAgain;
    private CompletableFuture<LineHistory> reading;
    /** The person pressed Cancel: the read ends there, whatever asked for another meanwhile. */
    private boolean cancelledByUser;
    /** The line to open first, once the lines are known (the one the overview asked for). */
    private String wanted;

    @Inject
    LineDetailViewModel(LiveValues live, StationEvents events, DowntimeService downtime, SetupTools files,
                        StationPlant plant, Clock clock, UiExecutor ui) {
        this(live, events, downtime, files, plant, clock, (Executor) ui);
    }

    LineDetailViewModel(LiveValues live, StationEvents events, LineHistoryReader reader, SetupTools files,
                        StationPlant plant, Clock clock, Executor ui) {
        this.live = live;
        this.events = events;
        this.reader = reader;
        this.files = files;
        this.plant = plant;
        this.clock = clock;
        this.ui = ui;
    }

    @Override
    protected void onActivate() {
        follow(live, LiveKeys.LINES, ids -> {
            if (!ids.equals(lines)) {
                lines.setAll(ids);
            }
            if (lineId.get() == null && !ids.isEmpty()) {
                open(wanted != null && ids.contains(wanted) ? wanted : ids.getFirst());
            }
        });
        untilDeactivated(events.subscribe(StationEvent.StopChanged.class, change -> ui.execute(this::reloadIfActive)));
        if (wanted != null && !wanted.equals(lineId.get())) {
            open(wanted);
        } else if (lineId.get() != null) {
            followLine();
            load();
        }
    }

    @Override
    protected void onDeactivate() {
        if (lineSubscription != null) {
            lineSubscription.run();
            lineSubscription = null;
        }
    }

    /** The plant's lines, in order. */
    public ObservableList<String> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<String> lineIdProperty() {
        return lineId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Range> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** The line's live status, once a second; {@code null} until the first. */
    public ObjectProperty<LineStatus> statusProperty() {
        return status;
    }

    /** The line's history over the range, {@code null} until it is read. */
    public ObjectProperty<LineHistory> historyProperty() {
        return history;
    }

    /** Whether a long read is under way (its progress shown, with Cancel). */
    public BooleanProperty longReadProperty() {
        return longRead;
    }

    /** The share of a long read done, 0-1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What happened last that a person should read (a failed read, an export, a cancelled read). */
    public StringProperty messageProperty() {
        return message;
    }

    public String name(String id) {
        return plant.name(id);
    }

    /** Opens a line (once shown, if the tab is not): its status from now on, and its history read anew. */
    public void show(String id) {
        wanted = id;
        if (id != null && !id.equals(lineId.get()) && isActive()) {
            open(id);
        }
    }

    private void open(String id) {
        lineId.set(id);
        status.set(null);
        history.set(null);
        message.set("");
        followLine();
        cancelForNewRead();
        if (!loading) {
            load(); // else the cancelled read's end reads the new line
        }
    }

    /** Shows the range: the shift live, or a longer stretch read once. */
    public void choose(Range next) {
        if (next == null || next == range.get()) {
            return;
        }
        range.set(next);
        cancelForNewRead();
        if (!loading) {
            load(); // else the cancelled read's end reads the new range
        }
    }

    /** Cancel: the long read ends, and the shift is shown again. */
    public void cancelRead() {
        if (loading && reading != null) {
            cancelledByUser = true;
            reading.cancel(false);
        }
    }

    private boolean isActive() {
        return activeProperty().get();
    }

    private void reloadIfActive() {
        if (isActive()) {
            load();
        }
    }

    private void followLine() {
        if (lineSubscription != null) {
            lineSubscription.run();
        }
        String shown = lineId.get();
        lineSubscription = live.subscribe(LiveKeys.line(shown), s -> {
            if (shown.equals(lineId.get())) {
                status.set(s);
                if (range.get() == Range.SHIFT && Duration.between(loadedAt, clock.instant()).compareTo(RELOAD_EVERY) > 0) {
                    load();
                }
            }
        });
    }

    /** Reads the history; one read at a time, and once more if asked meanwhile. */
    private void load() {
        if (lineId.get() == null || !isActive()) {
            return; // a hidden tab reads when it is shown again
        }
        if (loading) {
            loadAgain = true; // a change arrived during the read: it may not be in it
            return;
        }
        loading = true;
        loadAgain = false;
        loadedAt = clock.instant();
        String id = lineId.get();
        Range shown = range.get();
        Instant now = clock.instant();
        TimeRange window = shown != Range.SHIFT ? new TimeRange(now.minus(shown.length), now)
                : status.get() != null ? new TimeRange(status.get().window().start(), now)
                : new TimeRange(now.minus(Duration.ofHours(8)), now);
        if (shown != Range.SHIFT) {
            progress.set(0);
        }
        longRead.set(shown != Range.SHIFT);
        reading = reader.lineHistory(id, window, done -> ui.execute(() -> progress.set(done)));
        reading.whenCompleteAsync((read, error) -> {
            loading = false;
            longRead.set(false);
            if (cancelledByUser) {
                cancelledByUser = false;
                loadAgain = false;
                message.set(String.format(text.getString("line.readCancelled"), rangeText(shown)));
                choose(Range.SHIFT);
            } else if (!id.equals(lineId.get()) || shown != range.get() || loadAgain) {
                load();
            } else if (error != null) {
                message.set(ErrorText.of(error));
            } else {
                history.set(read);
            }
        }, ui);
    }

    /** A read under way is of a line or range no longer wanted: stop it; load() reads the new one once it has. */
    private void cancelForNewRead() {
        if (loading && reading != null) {
            reading.cancel(false);
        }
    }

    /** The machine whose stops the list and Pareto show, or {@code null} for every machine's. */
    public ObjectProperty<String> stopsOfProperty() {
        return stopsOf;
    }

    /** The shortest stop the list and Pareto show. */
    public ObjectProperty<Duration> shortestStopProperty() {
        return shortestStop;
    }

    /** What the Pareto ranks reasons by. */
    public ObjectProperty<DowntimeStats.Measure> paretoMeasureProperty() {
        return paretoMeasure;
    }

    /**
     * The stops still open now (a machine down, starved, blocked or in changeover), from the live
     * status: each as a stop that ends now, with the reason it has until someone gives one. They
     * are stored, and get their own ids, when they end.
     */
    public List<DowntimeEvent> openStops() {
        LineStatus s = status.get();
        if (s == null) {
            return List.of();
        }
        Instant now = s.window().end();
        List<DowntimeEvent> open = new ArrayList<>();
        for (LineStatus.MachineStatus m : s.machines()) {
            if (m.state().isDowntime() && m.since() != null && m.since().isBefore(now)) {
                String reason = switch (m.state()) {
                    case STARVED -> ReasonTree.STARVED;
                    case BLOCKED -> ReasonTree.BLOCKED;
                    default -> ReasonTree.UNASSIGNED;
                };
                open.add(new DowntimeEvent(openId(m.id(), m.since()), m.id(), s.lineId(), m.state(), m.since(), now,
                        m.faultCode(), reason, 0, "", List.of(), 0));
            }
        }
        open.sort(Comparator.comparing(DowntimeEvent::start));
        return open;
    }

    /** Whether a stop of the list is one still open ({@link #openStops}). */
    public static boolean isOpen(DowntimeEvent stop) {
        return stop.id().equals(openId(stop.machineId(), stop.start()));
    }

    /** An open stop's id until it ends and is stored under its own: the same for every second it runs. */
    private static UUID openId(String machineId, Instant since) {
        return UUID.nameUUIDFromBytes((machineId + " open since " + since).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The stops the list shows: the open ones first (the longest running first), then the range's,
     * newest first; only the chosen machine's, and only those at least the chosen length.
     */
    public List<DowntimeEvent> stopsShown() {
        List<DowntimeEvent> all = new ArrayList<>(range.get() == Range.SHIFT ? openStops() : List.of());
        LineHistory h = history.get();
        if (h != null) {
            all.addAll(h.stops().reversed());
        }
        return all.stream().filter(this::chosen).toList();
    }

    /** How many stops the length filter hides (of the chosen machine). */
    public long hiddenShortStops() {
        LineHistory h = history.get();
        if (h == null) {
            return 0;
        }
        return h.stops().stream().filter(stop -> stopsOf.get() == null || stopsOf.get().equals(stop.machineId()))
                .filter(stop -> stop.seconds() < shortestStop.get().toSeconds()).count();
    }

    private boolean chosen(DowntimeEvent stop) {
        return (stopsOf.get() == null || stopsOf.get().equals(stop.machineId()))
                && stop.seconds() >= shortestStop.get().toSeconds();
    }

    /**
     * Reasons ranked by the chosen measure over the stops shown, the open ones included (with the
     * reason they have until someone gives one), each costed under the rules in force.
     */
    public List<DowntimeStats.ParetoBar> pareto() {
        return pareto(stopsShown());
    }

    /** The Pareto of {@code stopsShown}, as {@link #stopsShown} gave them (the view has them already). */
    public List<DowntimeStats.ParetoBar> pareto(List<DowntimeEvent> stopsShown) {
        LineHistory h = history.get();
        if (h == null) {
            return List.of();
        }
        List<DowntimeEvent> shown = stopsShown.stream().filter(e -> h.reasons().contains(e.reasonId())).toList();
        Instant end = shown.stream().map(DowntimeEvent::end).max(Comparator.naturalOrder()).orElse(h.window().end());
        TimeRange window = new TimeRange(h.window().start(), end.isAfter(h.window().end()) ? end : h.window().end());
        return DowntimeStats.pareto(shown, window, h.reasons(), h.cost(), paretoMeasure.get());
    }

    /** Writes the ended stops shown (the range's, of the chosen machine and length) as CSV to {@code file}, off the FX thread. */
    public void exportStops(Path file) {
        LineHistory h = history.get();
        if (h == null) {
            return;
        }
        LineHistory shown = new LineHistory(h.lineId(), h.window(), h.rows(), h.stops().stream().filter(this::chosen).toList(),
                h.reasons(), h.cost(), h.source());
        String what = rangeText(range.get());
        // A month of stops is thousands of rows: made into text off the FX thread as well.
        files.inBackground(() -> Files.writeString(file, StopsCsv.of(shown, plant::name), StandardCharsets.UTF_8))
                .whenCompleteAsync((written, error) -> message.set(error != null
                        ? String.format(text.getString("line.exportFailed"), ErrorText.of(error))
                        : String.format(text.getString("line.exported"), shown.stops().size(), what, file)), ui);
    }

    String rangeText(Range r) {
        return text.getString(r.key).toLowerCase(Locale.ROOT);
    }

    /** Messages from elsewhere on the tab (the reason dialog) show in the same place. */
    public void say(String text) {
        message.set(text);
    }

}
