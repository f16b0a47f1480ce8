package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.live.StationEvent;
import com.ms5.floor.app.live.StationEvents;
import com.ms5.floor.app.persistence.AndonCallRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Andon calls as people handle them: acknowledge, resolve, shelve and unshelve, signed by the
 * person at this station, for every station at once through the database (a second person gets
 * "already acknowledged by X at T", never a silent overwrite). With the database away, the
 * station that polls the call's line changes it on its own board and stores it later.
 *
 * <p>The board every station shows ({@link LiveKeys#ANDON_BOARD}) is read back from the database
 * after each change notice, this station's own included; while the database is away, analytics
 * publishes this station's own board. Database work on {@code db-work}.
 */
@Singleton
public final class AndonService {
    private static final Logger log = LoggerFactory.getLogger(AndonService.class);

    private final Clock clock;
    private final StationThreads threads;
    private final StationDatabase database;
    private final StationPlant plant;
    private final LiveValues live;
    private final CurrentUser user;
    private final String stationId;
    private final AtomicBoolean reloadQueued = new AtomicBoolean();

    @Inject
    AndonService(Clock clock, StationThreads threads, StationDatabase database, StationPlant plant, LiveValues live,
                 CurrentUser user, AppConfig config, StationEvents events) {
        this.clock = clock;
        this.threads = threads;
        this.database = database;
        this.plant = plant;
        this.live = live;
        this.user = user;
        this.stationId = config.stationName();
        events.subscribe(StationEvent.CallChanged.class, this::onChanged);
    }

    /**
     * Acknowledges a call. Completes exceptionally with {@link AndonBoard.Conflict} ("Already
     * acknowledged by X at T") when another person or station was first.
     */
    public CompletableFuture<AndonCall> acknowledge(UUID callId, long revision) {
        String who = user.name();
        return change(calls -> calls.acknowledge(callId, who, clock.instant()),
                (board, rev, now) -> board.acknowledge(callId, rev, who, now), revision);
    }

    /** Resolves a call by hand; see {@link #acknowledge}. */
    public CompletableFuture<AndonCall> resolve(UUID callId, long revision) {
        String who = user.name();
        return change(calls -> calls.resolve(callId, who, clock.instant()),
                (board, rev, now) -> board.resolve(callId, rev, who, now), revision);
    }

    /** Shelves a call for {@code length}, for {@code reason}; see {@link #acknowledge}. */
    public CompletableFuture<AndonCall> shelve(UUID callId, long revision, String reason, Duration length) {
        String who = user.name();
        return change(calls -> calls.shelve(callId, reason, clock.instant().plus(length), who, clock.instant()),
                (board, rev, now) -> board.shelve(callId, rev, reason, now.plus(length), who, now), revision);
    }

    /** Puts a shelved call back on every board; see {@link #acknowledge}. */
    public CompletableFuture<AndonCall> unshelve(UUID callId, long revision) {
        String who = user.name();
        return change(calls -> calls.unshelve(callId, who, clock.instant()),
                (board, rev, now) -> board.unshelve(callId, who, now), revision);
    }

    /** The shelved calls, with why, by whom and until when: from the database, or this station's board while it is away. */
    public CompletableFuture<List<AndonCall>> shelvedCalls() {
        AnalyticsRuntime analytics = plant.analytics().orElse(null);
        if (analytics == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<AndonCall>> open = database.online()
                .map(c -> CompletableFuture.supplyAsync(c.calls()::openCalls, threads.db()))
                .orElseGet(analytics::openCalls);
        return open.thenApply(list -> list.stream().filter(c -> c.shelvedUntil() != null).toList());
    }

    private interface StoredChange {
        AndonCall apply(AndonCallRepository calls) throws AndonBoard.Conflict;
    }

    private CompletableFuture<AndonCall> change(StoredChange stored, AnalyticsRuntime.CallAction offline, long revision) {
        AnalyticsRuntime analytics = plant.analytics().orElse(null);
        if (analytics == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("station.stillStarting")));
        }
        AndonCallRepository calls = database.online().map(Connected::calls).orElse(null);
        if (calls == null) {
            return analytics.change(revision, offline);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                AndonCall call = stored.apply(calls);
                analytics.follow(call); // the board itself follows from the change notice
                return call;
            } catch (AndonBoard.Conflict e) {
                throw new CompletionException(e);
            }
        }, threads.db());
    }

    /** On db-listen: a call changed at another station (or this one); every board is read back from the database. */
    private void onChanged(StationEvent.CallChanged changed) {
        Connected connected = database.open().orElse(null);
        if (connected == null) {
            return;
        }
        if (!changed.station().equals(stationId)) {
            threads.db().execute(() -> {
                AndonCall call = connected.calls().find(changed.callId());
                if (call != null) {
                    plant.analytics().ifPresent(a -> a.follow(call));
                }
            });
        }
        reloadBoard(connected);
    }

    /** Reads the open calls from the database, at most one read queued at a time. */
    void reloadBoard(Connected connected) {
        if (reloadQueued.compareAndSet(false, true)) {
            threads.db().execute(() -> {
                reloadQueued.set(false);
                AnalyticsRuntime analytics = plant.analytics().orElseThrow();
                try {
                    live.publish(LiveKeys.ANDON_BOARD, connected.calls().openCalls().stream()
                            .filter(c -> c.shelvedUntil() == null).toList());
                    analytics.publishBoard(false);
                } catch (RuntimeException e) {
                    log.warn("Reading the open calls failed ({}); the board shows this station's own calls", e.getMessage());
                    analytics.publishBoard(true);
                }
            });
        }
    }
}
