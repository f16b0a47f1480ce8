package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeLog;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.app.persistence.DowntimeRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleConsumer;

/**
 * Stops and what people say about them: a line's history over a window, and a reason or a split
 * entered for a stop, for every station at once (an edit from a stale view is refused with who
 * changed it first). Reasons are kept only in the database. Database work on {@code db-work}.
 */
@Singleton
public final class DowntimeService implements LineHistoryReader {
    private final Clock clock;
    private final StationThreads threads;
    private final StationDatabase database;
    private final StationPlant plant;
    private final CurrentUser user;

    @Inject
    DowntimeService(Clock clock, StationThreads threads, StationDatabase database, StationPlant plant, CurrentUser user) {
        this.clock = clock;
        this.threads = threads;
        this.database = database;
        this.plant = plant;
        this.user = user;
    }

    /**
     * A line's machine timelines and stops over {@code window}: from the shared database, which
     * holds every station's edits; from this station's memory while the database is away. The
     * database is read a day at a time, telling {@code progress} the share done (any thread calls
     * it); cancelling the future stops the read at the next day.
     */
    @Override
    public CompletableFuture<LineHistory> lineHistory(String lineId, TimeRange window, DoubleConsumer progress) {
        AnalyticsRuntime analytics = plant.analytics().orElse(null);
        if (analytics == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("station.stillStarting")));
        }
        Connected connected = database.online().orElse(null);
        if (connected == null) {
            return analytics.history(lineId, window, Messages.get("history.memory"));
        }
        CompletableFuture<LineHistory> result = new CompletableFuture<>();
        threads.db().execute(() -> {
            List<String> machines = analytics.line(lineId).machines().stream().map(m -> m.id()).toList();
            Map<String, Map<Instant, StateInterval>> byMachine = new LinkedHashMap<>();
            machines.forEach(id -> byMachine.put(id, new LinkedHashMap<>()));
            Map<UUID, DowntimeEvent> stops = new LinkedHashMap<>();
            long days = Math.max(1, (Duration.between(window.start(), window.end()).toHours() + 23) / 24);
            try {
                for (int day = 0; day < days && !result.isDone(); day++) {
                    Instant from = window.start().plus(Duration.ofDays(day));
                    Instant to = day == days - 1 ? window.end() : from.plus(Duration.ofDays(1));
                    // Something that spans midnight is read on both days: keyed, it is kept once.
                    connected.timeline().intervals(machines, from, to).forEach((id, list) -> list.forEach(i ->
                            byMachine.get(id).put(i.start(), i)));
                    connected.downtime().events(lineId, from, to).forEach(e -> stops.put(e.id(), e));
                    progress.accept((day + 1.0) / days);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(new IllegalStateException(
                        Messages.format("history.failed", e.getMessage()), e));
                return;
            }
            List<LineHistory.Row> rows = new ArrayList<>();
            byMachine.forEach((id, list) -> rows.add(new LineHistory.Row(id, analytics.name(id), List.copyOf(list.values()))));
            result.complete(new LineHistory(lineId, window, rows, List.copyOf(stops.values()), analytics.reasons(),
                    analytics.cost(), Messages.get("history.shared")));
        });
        return result;
    }

    /**
     * Sets the reason of a stop for every station. Completes exceptionally with
     * {@link DowntimeLog.EditConflict} when someone changed the stop since it was read, and with a
     * clear message while the database is away.
     */
    public CompletableFuture<DowntimeEvent> assignReason(DowntimeEvent stop, String reasonId, String comment) {
        String who = user.name();
        return edit(repository -> repository.assignReason(stop.id(), stop.revision(), reasonId, comment, who,
                clock.instant()));
    }

    /** Splits a stop at {@code at}; the part after it is a new stop without a reason. See {@link #assignReason}. */
    public CompletableFuture<List<DowntimeEvent>> splitStop(DowntimeEvent stop, Instant at) {
        String who = user.name();
        return edit(repository -> repository.split(stop.id(), stop.revision(), at, who, clock.instant()));
    }

    private interface StopEdit<T> {
        T apply(DowntimeRepository repository) throws DowntimeLog.EditConflict;
    }

    private <T> CompletableFuture<T> edit(StopEdit<T> edit) {
        DowntimeRepository repository = database.online().map(Connected::downtime).orElse(null);
        if (repository == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("downtime.offline")));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return edit.apply(repository); // views read the stop again on its change notice
            } catch (DowntimeLog.EditConflict e) {
                throw new CompletionException(e);
            }
        }, threads.db());
    }
}
