package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.shift.PlannedStatus;
import com.ms5.floor.analytics.trend.Projection;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeCost;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.pipeline.AnalyticsListener;
import com.ms5.floor.analytics.pipeline.PlantAnalytics;
import com.ms5.floor.analytics.pipeline.PlantModel;
import com.ms5.floor.analytics.shift.ShiftInstance;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.base.NamedThreads;
import com.ms5.floor.app.model.StoredEvent;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.MachineFigures;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.SampleBatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plant's analytics on its own thread ({@code analytics}): batches from every poller go
 * there in order, people's actions (acknowledging a call) too, and once a second each line's
 * status, each machine's figures and the Andon board are published as live values.
 */
public final class AnalyticsRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalyticsRuntime.class);
    private static final Duration PUBLISH_EVERY = Duration.ofSeconds(1);

    /** Written on the analytics thread only (a new version); read by any thread. */
    private volatile PlantSetup setup;
    private final Clock clock;
    private final LiveValues live;
    private final PlantAnalytics analytics;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("analytics"));
    private final UUID runId = UUID.randomUUID();
    /** Whether this runtime's board is the one shown; false while the board comes from the database. */
    private volatile boolean publishesBoard = true;
    /** The lines whose status this runtime publishes: those this station polls (others come from their owner). */
    private volatile Predicate<String> localLine = line -> true;
    /** The machine whose figures the Machine tab shows, or null for none. */
    private volatile String figuresOf;
    private final Consumer<StoredEvent> sink;
    private ShiftInstance lastShift; // analytics thread only
    /** Per line, its finished hours by start; analytics thread only. */
    private final Map<String, NavigableMap<Instant, LineStatus.Hour>> finishedHours = new HashMap<>();

    /**
     * @param sink receives what analytics concludes, on the analytics thread, to be stored
     */
    AnalyticsRuntime(PlantSetup setup, Clock clock, LiveValues live, Consumer<StoredEvent> sink) {
        this.setup = setup;
        this.clock = clock;
        this.live = live;
        this.sink = sink;
        this.analytics = new PlantAnalytics(setup.model(), setup.calendar(), setup.reasons(), setup.escalation(),
                new AnalyticsListener() {
                    @Override
                    public void onInterval(StateInterval closed) {
                        sink.accept(new StoredEvent.IntervalClosed(closed));
                    }

                    @Override
                    public void onDowntime(DowntimeEvent event) {
                        sink.accept(new StoredEvent.DowntimeClosed(event));
                    }

                    @Override
                    public void onMinute(ProductionMinute minute) {
                        sink.accept(new StoredEvent.MinuteClosed(runId, minute));
                    }

                    @Override
                    public void onAndon(AndonEvent event) {
                        if (event.kind() == AndonEvent.Kind.RAISED || event.kind() == AndonEvent.Kind.ESCALATED) {
                            log.info("Andon {}: {} {} ({})", event.kind(), event.call().type().label(),
                                    event.call().machineId(), event.detail());
                        }
                        sink.accept(new StoredEvent.AndonChanged(event));
                    }
                });
        analytics.andon().useRules(setup.callTypes(), setup.escalation());
        analytics.downtime().useMapping(setup.faults());
        thread.scheduleAtFixedRate(this::publish, 0, PUBLISH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a good value has arrived yet (written by pollers; a second log line at worst). */
    private volatile boolean firstValue;

    /** Any thread (a poller's): queues the batch for analytics. */
    public void accept(SampleBatch batch) {
        if (!firstValue && batch.values().values().stream().anyMatch(com.ms5.floor.plc.api.TagValue::isGood)) {
            firstValue = true;
            log.info("First live value from {}, {} ms after start", batch.connectionId(),
                    com.ms5.floor.app.base.StartupTimes.sinceJvmStart());
        }
        if (!thread.isShutdown()) {
            thread.execute(() -> analytics.accept(batch));
        }
    }

    /** What a person does to a call on this station's own board (offline, or before it is stored). */
    public interface CallAction {
        AndonCall apply(AndonBoard board, long revision, Instant now) throws AndonBoard.Conflict;
    }

    /**
     * Does {@code action} to a call on the analytics thread. Completes exceptionally with
     * {@link AndonBoard.Conflict} ("already acknowledged by ... at ...") when another person or
     * station was first.
     */
    public CompletableFuture<AndonCall> change(long revision, CallAction action) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                AndonCall call = action.apply(analytics.andon(), revision, clock.instant());
                publish();
                return call;
            } catch (AndonBoard.Conflict e) {
                throw new CompletionException(e);
            }
        }, thread);
    }

    /**
     * A person changed a call through the database, here or at another station: this board
     * follows (acknowledged: escalation stops; resolved: it closes; shelved: it leaves the board;
     * unshelved: it is back).
     * What already happened here is left as it is.
     */
    public void follow(AndonCall stored) {
        thread.execute(() -> {
            AndonBoard board = analytics.andon();
            for (AndonCall call : board.openCalls()) {
                if (!call.id().equals(stored.id())) {
                    continue;
                }
                try {
                    if (stored.closedAt() != null) {
                        board.resolve(call.id(), call.revision(), stored.acknowledgedBy(), stored.closedAt());
                    } else {
                        if (stored.acknowledgedAt() != null && call.acknowledgedAt() == null) {
                            call = board.acknowledge(call.id(), call.revision(), stored.acknowledgedBy(), stored.acknowledgedAt());
                        }
                        if (stored.shelvedUntil() != null && call.shelvedUntil() == null
                                && stored.shelvedUntil().isAfter(clock.instant())) {
                            board.shelve(call.id(), call.revision(), stored.shelveReason(), stored.shelvedUntil(),
                                    stored.shelvedBy(), clock.instant());
                        } else if (stored.shelvedUntil() == null && call.shelvedUntil() != null) {
                            board.unshelve(call.id(), "a person at another station", clock.instant());
                        }
                    }
                } catch (AndonBoard.Conflict e) {
                    log.debug("Call {} changed here meanwhile: {}", call.id(), e.getMessage());
                }
            }
        });
    }

    /** A line's closed intervals and stops that analytics still holds in memory (the last day), oldest first. */
    public CompletableFuture<LineHistory> history(String lineId, TimeRange window, String source) {
        return CompletableFuture.supplyAsync(() -> {
            List<LineHistory.Row> rows = new ArrayList<>();
            for (PlantModel.Machine m : line(lineId).machines()) {
                rows.add(new LineHistory.Row(m.id(), name(m.id()), analytics.intervals(m.id(), window).stream()
                        .filter(i -> !i.isOpen()).toList()));
            }
            return new LineHistory(lineId, window, rows, analytics.downtime().events(lineId, window), setup.reasons(),
                    setup.cost(), source);
        }, thread);
    }

    /** The line's machines as the plant model lists them. */
    PlantModel.Line line(String lineId) {
        return setup.model().lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Messages.format("plant.noLine", lineId)));
    }

    /** A machine's or line's display name. */
    String name(String id) {
        return setup.name(id);
    }

    /**
     * A new version of the tag map or of the plant rules, live, on the analytics thread: lines and
     * machines (added, moved, reordered, renamed) with their state conventions, thresholds and ideal
     * cycle times; shifts, reasons, fault codes and Andon escalation. What already happened keeps what it happened under.
     */
    CompletableFuture<Void> use(PlantSetup next) {
        return CompletableFuture.runAsync(() -> {
            analytics.useRules(next.calendar(), next.reasons(), next.faults(), next.callTypes(), next.escalation());
            analytics.useLines(next.model().lines(), clock.instant());
            setup = next;
            finishedHours.clear(); // targets follow the new cycle times and line order
            publish();
        }, thread);
    }

    ReasonTree reasons() {
        return setup.reasons();
    }

    /** The line a machine is in. */
    String lineOf(String machineId) {
        return setup.model().lines().stream().filter(l -> l.machines().stream().anyMatch(m -> m.id().equals(machineId)))
                .map(PlantModel.Line::id).findFirst().orElseThrow(() -> new IllegalArgumentException(Messages.format("plant.noMachine", machineId)));
    }

    /** The plant's lines, in order. */
    List<String> lineIds() {
        return setup.model().lines().stream().map(PlantModel.Line::id).toList();
    }

    /** The shifts, breaks and planned windows in force. */
    ShiftCalendar calendar() {
        return setup.calendar();
    }

    OeeProfile profile() {
        return setup.model().profile();
    }

    /** What analytics holds in memory of a line's machines over a window (the last day): intervals, the open one too, and minutes. */
    record Recent(Map<String, List<StateInterval>> intervals, Map<String, List<ProductionMinute>> minutes) {
    }

    CompletableFuture<Recent> recent(String lineId, TimeRange window) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, List<StateInterval>> intervals = new HashMap<>();
            Map<String, List<ProductionMinute>> minutes = new HashMap<>();
            for (PlantModel.Machine m : line(lineId).machines()) {
                intervals.put(m.id(), analytics.intervals(m.id(), window));
                minutes.put(m.id(), analytics.minutes(m.id(), window));
            }
            return new Recent(intervals, minutes);
        }, thread);
    }

    DowntimeCost cost() {
        return setup.cost();
    }

    /** The open calls of this station's own board (the lines it polls), shelved ones included. */
    public CompletableFuture<List<AndonCall>> openCalls() {
        return CompletableFuture.supplyAsync(() -> analytics.andon().openCalls(), thread);
    }

    /** Publishes the status of only the lines {@code local} accepts. */
    public void publishLinesWhere(Predicate<String> local) {
        localLine = local;
    }

    /** Publishes the figures of machine {@code machineId} each second as well (the Machine tab's). */
    public void publishFiguresOf(String machineId) {
        figuresOf = machineId;
    }

    /** Whether the board published as a live value is this runtime's (the database is away) or not (it is read from there). */
    public void publishBoard(boolean publish) {
        publishesBoard = publish;
    }

    private void publish() {
        try {
            Instant now = clock.instant();
            analytics.advanceTo(now);
            closeShift(now);
            List<AndonCall> board = analytics.andon().board();
            List<String> lineIds = new ArrayList<>();
            for (PlantModel.Line line : setup.model().lines()) {
                lineIds.add(line.id());
                if (localLine.test(line.id())) {
                    LineStatus status = lineStatus(line, board, now);
                    live.publish(LiveKeys.line(line.id()), status);
                    String shown = figuresOf;
                    if (shown != null && line.machines().stream().anyMatch(m -> m.id().equals(shown))) {
                        live.publish(LiveKeys.machine(shown), machineFigures(shown, status, now));
                    }
                }
            }
            live.publish(LiveKeys.LINES, List.copyOf(lineIds));
            if (publishesBoard) {
                live.publish(LiveKeys.ANDON_BOARD, board);
            }
        } catch (RuntimeException e) {
            log.error("Publishing the plant's figures failed; next try in {} s", PUBLISH_EVERY.toSeconds(), e);
        }
    }

    /** A machine as the Machine tab shows it: ISO figures over the line's window, like every other view. */
    private MachineFigures machineFigures(String machineId, LineStatus line, Instant now) {
        LineStatus.MachineStatus state = line.machines().stream().filter(m -> m.id().equals(machineId)).findFirst()
                .orElseThrow();
        return new MachineFigures(machineId, state.name(), state.state(), state.faultCode(), state.since(),
                analytics.ratePerMinute(machineId), analytics.oee(machineId, line.window(), now));
    }

    /** When a shift ends, each machine's OEE over it goes to the database (the shift report reads it). */
    private void closeShift(Instant now) {
        ShiftInstance shift = setup.calendar().shiftAt(now);
        if (lastShift != null && (shift == null || !shift.key().equals(lastShift.key()))) {
            for (PlantModel.Line line : setup.model().lines()) {
                for (PlantModel.Machine m : line.machines()) {
                    sink.accept(new StoredEvent.ShiftClosed(m.id(), lastShift.key(), lastShift.start(), lastShift.end(),
                            analytics.oee(m.id(), lastShift.span(), now)));
                }
            }
        }
        lastShift = shift;
    }

    private LineStatus lineStatus(PlantModel.Line line, List<AndonCall> board, Instant now) {
        ShiftInstance shift = setup.calendar().shiftAt(now);
        TimeRange window = new TimeRange(shift != null ? shift.start() : now.minus(Duration.ofHours(8)), now);
        List<LineStatus.MachineStatus> machines = new ArrayList<>();
        for (PlantModel.Machine m : line.machines()) {
            StateInterval current = analytics.currentState(m.id());
            machines.add(current == null
                    ? new LineStatus.MachineStatus(m.id(), name(m.id()),
                            MachineState.UNKNOWN, 0, now)
                    : new LineStatus.MachineStatus(m.id(), name(m.id()), current.state(), current.faultCode(),
                            current.start()));
        }
        var top = DowntimeStats.topLoss(analytics.downtime().events(line.id(), window), window, setup.reasons());
        int open = 0;
        int unacknowledged = 0;
        for (AndonCall c : board) {
            if (c.lineId().equals(line.id())) {
                open++;
                if (c.acknowledgedAt() == null) {
                    unacknowledged++;
                }
            }
        }
        List<LineStatus.Hour> hours = hours(line, window, now);
        return new LineStatus(line.id(), name(line.id()), shift != null ? shift.key() : "no shift", window,
                analytics.oee(line.id(), window, now), machines, top == null ? null : top.reasonPath(),
                top == null ? 0 : top.seconds() / 60, open, unacknowledged, hours, job(line),
                shift == null ? null : pace(line, shift, window, hours, now));
    }

    /** Minutes of recent production whose rate projects the rest of the shift. */
    private static final int PACE_MINUTES = 30;

    /**
     * The line's good parts at the shift's end if its last machine keeps the rate of its last 30
     * minutes of planned production (a minute without parts counts as none), with the target of the
     * whole shift: the hours so far, then the time left at the ideal cycle time of what it makes now.
     * Null before the line has made anything this shift.
     */
    private LineStatus.Pace pace(PlantModel.Line line, ShiftInstance shift, TimeRange window, List<LineStatus.Hour> hours,
                                 Instant now) {
        if (line.machines().isEmpty() || hours.stream().mapToLong(LineStatus.Hour::made).sum() == 0) {
            return null;
        }
        PlantModel.Machine last = line.machines().getLast();
        ShiftCalendar calendar = setup.calendar().forLine(line.id());
        double remaining = calendar.plan(new TimeRange(now, shift.end())).stream()
                .filter(p -> p.status() == PlannedStatus.PRODUCTION).mapToDouble(p -> p.range().seconds()).sum();
        Instant thisMinute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant from = thisMinute.minus(Duration.ofMinutes(PACE_MINUTES));
        if (from.isBefore(window.start())) {
            from = window.start();
        }
        Map<Instant, Long> goodByMinute = new HashMap<>();
        analytics.minutes(last.id(), new TimeRange(from, thisMinute)).forEach(m -> goodByMinute.put(m.minuteStart(), m.goodCount()));
        if (goodByMinute.isEmpty()) {
            return null; // no minute closed yet since the station started
        }
        // From the first minute observed: the minutes before the station ran are unknown, not empty.
        Instant observed = goodByMinute.keySet().stream().min(Instant::compareTo).orElseThrow();
        List<Long> recent = new ArrayList<>();
        for (ShiftCalendar.PlannedPeriod period : calendar.plan(new TimeRange(observed, thisMinute))) {
            if (period.status() == PlannedStatus.PRODUCTION) {
                for (Instant minute = period.range().start(); minute.isBefore(period.range().end());
                     minute = minute.plus(Duration.ofMinutes(1))) {
                    recent.add(goodByMinute.getOrDefault(minute, 0L));
                }
            }
        }
        long made = hours.stream().mapToLong(LineStatus.Hour::made).sum();
        Projection projection = Projection.of(made, recent, remaining / 60);
        // The rest of the shift's target at the ideal cycle time of what the line makes now.
        OeeFigures output = analytics.oee(last.id(), new TimeRange(from, now), now);
        double cycle = output.totalCount() > 0 && output.idealSeconds() > 0 ? output.idealSeconds() / output.totalCount()
                : last.idealCycleSeconds();
        long target = hours.stream().mapToLong(LineStatus.Hour::target).sum() + (long) (remaining / cycle);
        return new LineStatus.Pace(Math.round(projection.expected()), Math.round(projection.low()),
                Math.round(projection.high()), target);
    }

    /** What the line makes now, as its last machine's PLC says: "Job 4711 · Cola 0.5 l PET", or null. */
    private String job(PlantModel.Line line) {
        if (line.machines().isEmpty()) {
            return null;
        }
        String last = line.machines().getLast().id();
        Long job = analytics.lastValue(last, Role.JOB_ID);
        Long product = analytics.lastValue(last, Role.PRODUCT_ID);
        String productText = product == null || product == 0 ? null
                : setup.products().getOrDefault(product, "product " + product);
        if (job == null || job == 0) {
            return productText;
        }
        return Messages.format("plant.job", job) + (productText == null ? "" : " · " + productText);
    }

    /**
     * The window hour by hour (the last hour up to now): the last machine's good parts against its
     * target, the loading time at the ideal cycle time of the products it made that hour (its
     * default cycle time in an hour without parts). A finished hour does not change, so it is worked
     * out once and kept.
     */
    private List<LineStatus.Hour> hours(PlantModel.Line line, TimeRange window, Instant now) {
        if (line.machines().isEmpty()) {
            return List.of(); // a line its engineer has not given machines yet
        }
        PlantModel.Machine last = line.machines().getLast();
        NavigableMap<Instant, LineStatus.Hour> finished = finishedHours.computeIfAbsent(line.id(), id -> new TreeMap<>());
        finished.headMap(window.start()).clear(); // hours of shifts gone by
        List<LineStatus.Hour> hours = new ArrayList<>();
        for (Instant start = window.start(); start.isBefore(now); start = start.plus(Duration.ofHours(1))) {
            Instant end = start.plus(Duration.ofHours(1));
            LineStatus.Hour done = finished.get(start);
            if (done == null) {
                TimeRange hour = new TimeRange(start, end.isBefore(now) ? end : now);
                OeeFigures output = analytics.oee(last.id(), hour, now);
                // The products made that hour set its pace: their ideal time over their parts.
                double cycle = output.totalCount() > 0 && output.idealSeconds() > 0
                        ? output.idealSeconds() / output.totalCount() : last.idealCycleSeconds();
                done = new LineStatus.Hour(start, analytics.oee(line.id(), hour, now).oee(), output.goodCount(),
                        (long) (output.loadingSeconds() / cycle));
                if (!end.isAfter(now)) {
                    finished.put(start, done);
                }
            }
            hours.add(done);
        }
        return hours;
    }

    @Override
    public void close() {
        NamedThreads.shutdown(thread, 2);
    }
}
