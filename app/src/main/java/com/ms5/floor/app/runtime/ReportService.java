package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.shift.ShiftInstance;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.app.model.OeeTrend;
import com.ms5.floor.app.model.ShiftReport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Shift reports: a line's report over a window, read from the shared database (which holds every
 * station's minutes, intervals, stops and calls) and computed by the live views' engine
 * ({@link ShiftReport#of}). Reads run on {@code db-work}; nothing here touches the FX thread.
 */
@Singleton
public final class ReportService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    private final Clock clock;
    private final StationThreads threads;
    private final StationDatabase database;
    private final StationPlant plant;
    private final DowntimeService downtime;

    @Inject
    ReportService(Clock clock, StationThreads threads, StationDatabase database, StationPlant plant,
                  DowntimeService downtime) {
        this.clock = clock;
        this.threads = threads;
        this.database = database;
        this.plant = plant;
        this.downtime = downtime;
    }

    /** The shift calendar that applies to the line. */
    public ShiftCalendar calendar(String lineId) {
        return analytics().calendar().forLine(lineId);
    }

    /** The shifts a line works on {@code day}, in order (none on a day off). */
    public List<ShiftInstance> shiftsOn(String lineId, LocalDate day) {
        ShiftCalendar calendar = calendar(lineId);
        TimeRange wholeDay = new TimeRange(day.atStartOfDay(calendar.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
        return calendar.shifts(wholeDay).stream().filter(s -> s.date().equals(day)).toList();
    }

    /** The line's machines, in line order. */
    public List<String> machinesOf(String lineId) {
        return analytics().line(lineId).machines().stream().map(m -> m.id()).toList();
    }

    /** A shift in words, as a report's title says it: "Early shift, Mon 7 Dec 2026". */
    public static String period(ShiftInstance shift) {
        return Messages.format("reports.shiftTitle", shift.name(), DAY.format(shift.date()));
    }

    /**
     * Builds the report of line {@code lineId} over {@code window}. Progress goes to {@code progress}
     * (any thread); cancelling the future stops the read. Fails with a sentence a supervisor can act
     * on while the station starts or the database is away.
     */
    public CompletableFuture<ShiftReport> build(String lineId, TimeRange window, String period, DoubleConsumer progress) {
        AnalyticsRuntime analytics = plant.analytics().orElse(null);
        Connected connected = database.online().orElse(null);
        if (analytics == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("reports.starting")));
        }
        if (connected == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("reports.noDatabase")));
        }
        CompletableFuture<LineHistory> read = downtime.lineHistory(lineId, window, share -> progress.accept(share * 0.8));
        CompletableFuture<AnalyticsRuntime.Recent> recent = analytics.recent(lineId, window);
        CompletableFuture<ShiftReport> report = read.thenCombine(recent, Read::new)
                .thenApplyAsync(both -> {
                    LineHistory stored = both.stored();
                    AnalyticsRuntime.Recent memory = both.memory();
                    Map<String, List<ProductionMinute>> minutes = new LinkedHashMap<>();
                    for (LineHistory.Row row : stored.rows()) {
                        minutes.put(row.machineId(), withRecent(connected.minutes().minutes(row.machineId(), window.start(),
                                window.end()), memory.minutes().getOrDefault(row.machineId(), List.of())));
                    }
                    List<AndonCall> calls = connected.calls().raisedIn(lineId, window.start(), window.end());
                    progress.accept(1);
                    return ShiftReport.of(analytics.name(lineId), period, analytics.calendar().zone(), analytics.profile(),
                            withRecent(stored, memory), minutes, calls, clock.instant());
                }, threads.db());
        report.whenComplete((r, e) -> {
            if (report.isCancelled()) {
                read.cancel(true); // stops the day-by-day read
            }
        });
        return report;
    }

    /** The database's history of the line and what analytics holds of it in memory. */
    private record Read(LineHistory stored, AnalyticsRuntime.Recent memory) {
    }

    /**
     * Adds what the database does not hold yet and analytics does: the interval each machine is in
     * now, and those that ended a moment ago and wait to be stored, where they follow the stored
     * ones. A report of the shift just ended so counts its last minutes as the live views did. (A
     * station that does not poll a machine has nothing of it to add.)
     */
    private static LineHistory withRecent(LineHistory stored, AnalyticsRuntime.Recent memory) {
        List<LineHistory.Row> rows = new ArrayList<>();
        for (LineHistory.Row row : stored.rows()) {
            // PostgreSQL keeps times to the microsecond, rounded: the next interval may start up to half of one earlier.
            Instant storedUntil = row.intervals().isEmpty() ? Instant.MIN : row.intervals().getLast().end().minusNanos(1000);
            List<StateInterval> intervals = new ArrayList<>(row.intervals());
            memory.intervals().getOrDefault(row.machineId(), List.of()).stream()
                    .filter(i -> !i.start().isBefore(storedUntil)).forEach(intervals::add);
            rows.add(new LineHistory.Row(row.machineId(), row.name(), intervals));
        }
        return new LineHistory(stored.lineId(), stored.window(), rows, stored.stops(), stored.reasons(), stored.cost(),
                stored.source());
    }

    /** The stored minutes, and the minutes in memory the database does not hold yet, in order. */
    private static List<ProductionMinute> withRecent(List<ProductionMinute> stored, List<ProductionMinute> memory) {
        java.util.Set<Instant> held = new java.util.HashSet<>();
        stored.forEach(m -> held.add(m.minuteStart()));
        List<ProductionMinute> all = new ArrayList<>(stored);
        memory.stream().filter(m -> !held.contains(m.minuteStart())).forEach(all::add);
        all.sort(java.util.Comparator.comparing(ProductionMinute::minuteStart));
        return all;
    }

    /** The OEE a plant aims at, drawn on trends: "world class" by Nakajima (TPM, 1988): 85 %. */
    public static final double TARGET_OEE = 0.85;

    /**
     * The OEE of a line (its machines added up) or of one machine per day or week over the
     * {@code periods} days or weeks up to {@code last}, with the five stop reasons that grew or
     * shrank most between the trend's first and second half.
     */
    public CompletableFuture<OeeTrend> trend(String lineOrMachine, OeeTrend.Unit unit, int periods, LocalDate last) {
        AnalyticsRuntime analytics = plant.analytics().orElse(null);
        Connected connected = database.online().orElse(null);
        if (analytics == null || connected == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(analytics == null
                    ? Messages.get("reports.starting") : Messages.get("reports.trendNoDatabase")));
        }
        boolean line = analytics.lineIds().contains(lineOrMachine);
        List<String> machines = line ? analytics.line(lineOrMachine).machines().stream().map(m -> m.id()).toList()
                : List.of(lineOrMachine);
        String lineId = line ? lineOrMachine : analytics.lineOf(lineOrMachine);
        ZoneId zone = analytics.calendar().zone();
        LocalDate first = unit == OeeTrend.Unit.WEEK ? last.with(java.time.DayOfWeek.MONDAY).minusWeeks(periods - 1)
                : last.minusDays(periods - 1);
        LocalDate end = unit == OeeTrend.Unit.WEEK ? last.with(java.time.DayOfWeek.MONDAY).plusWeeks(1) : last.plusDays(1);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        Instant middle = from.plus(Duration.between(from, to).dividedBy(2));
        return CompletableFuture.supplyAsync(() -> {
            List<OeeTrend.Point> points = connected.trends().byPeriod(machines, from, to, unit, zone, analytics.profile());
            Map<String, Double> before = connected.trends().stopSecondsByReason(lineId, from, middle);
            Map<String, Double> after = connected.trends().stopSecondsByReason(lineId, middle, to);
            java.util.Set<String> reasons = new java.util.HashSet<>(before.keySet());
            reasons.addAll(after.keySet());
            List<OeeTrend.LossChange> changes = reasons.stream()
                    .map(r -> new OeeTrend.LossChange(analytics.reasons().contains(r) ? analytics.reasons().path(r) : r,
                            before.getOrDefault(r, 0.0), after.getOrDefault(r, 0.0)))
                    .sorted(java.util.Comparator.comparingDouble((OeeTrend.LossChange c) -> -Math.abs(c.change())))
                    .limit(5).toList();
            return new OeeTrend(analytics.name(lineOrMachine), unit, points, changes, TARGET_OEE);
        }, threads.db());
    }

    private AnalyticsRuntime analytics() {
        return plant.analytics().orElseThrow(() -> new IllegalStateException(Messages.get("station.stillStarting")));
    }
}
