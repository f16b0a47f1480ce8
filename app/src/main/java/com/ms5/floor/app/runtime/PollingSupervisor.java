package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.sync.PollingOwnership;
import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pollers of the PLC connections this station polls (shared/DESIGN.md, "Station sync"): one
 * per connection whose advisory lock it holds, or every connection while the database has never
 * answered, or on its own embedded database from the start. Every batch goes to analytics. A new tag-map version restarts the pollers whose
 * connection changed and hands the others their new tags.
 *
 * <p>Threads: {@link #follow} and {@link #pollEverything} on {@code station-startup}; ownership
 * starts and stops pollers on {@code station-sync}; the queries on any thread.
 */
@Singleton
public final class PollingSupervisor {
    private static final Logger log = LoggerFactory.getLogger(PollingSupervisor.class);

    private final PollerFactory pollerFactory;
    private final Clock clock;
    private final StationPlant plant;
    private final String stationId;
    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();
    private final Set<String> polled = ConcurrentHashMap.newKeySet();
    /** The tag map polled by, pointed at the virtual plant in demo mode. */
    private volatile TagMap map = new TagMap("", List.of(), List.of());
    private volatile PollingOwnership ownership;

    @Inject
    PollingSupervisor(PollerFactory pollerFactory, Clock clock, StationPlant plant, AppConfig config) {
        this.pollerFactory = pollerFactory;
        this.clock = clock;
        this.plant = plant;
        this.stationId = config.stationName();
    }

    /** A PLC connection with its poller's health while this station polls it, else {@code null}. */
    public record Polled(TagMap.Connection connection, boolean here, ConnectionHealth health) {
    }

    /** Every connection of the tag map, whether this station polls it, and how it answers. */
    public List<Polled> connections() {
        return map.connections().stream().map(c -> {
            Poller poller = pollers.get(c.id());
            return new Polled(c, polled.contains(c.id()), poller == null ? null : poller.health());
        }).toList();
    }

    /** The PLC connections this station polls now. */
    public Set<String> polledConnections() {
        return Set.copyOf(polled);
    }

    /** Whether this station polls a machine of the line (and so publishes and stores the line). */
    public boolean pollsLine(String lineId) {
        return map.lines().stream().filter(l -> l.id().equals(lineId))
                .anyMatch(l -> l.machines().stream().anyMatch(m -> polled.contains(m.connection())));
    }

    /** Whether this station polls the machine's connection (and so stores what analytics concludes for it). */
    public boolean pollsMachine(String machineId) {
        return map.machine(machineId).map(m -> polled.contains(m.connection())).orElse(false);
    }

    /** The first tag map: nothing is polled until ownership or {@link #pollEverything} says so. */
    void begin(TagMap pointed) {
        map = pointed;
    }

    /** The database has never answered: this station polls every connection until it does. */
    void pollEverything() {
        if (polled.isEmpty()) {
            log.warn("The database cannot be reached at start; this station polls every PLC connection until it can");
            map.connections().forEach(c -> startPolling(c.id()));
        }
    }

    /**
     * A station on its own embedded database polls every connection from the start, before the
     * database is open (its events wait in the journal): no other station can hold their locks.
     */
    void pollOwnPlant() {
        map.connections().forEach(c -> startPolling(c.id()));
    }

    /** The database answered: from now on the advisory locks say which connections this station polls. */
    void own(Connected database, LongSupplier waitingEvents) {
        ownership = new PollingOwnership(database.database(), stationId,
                map.connections().stream().map(TagMap.Connection::id).toList(), Set.copyOf(polled),
                new PollingOwnership.Listener() {
                    @Override
                    public void acquired(String connectionId) {
                        startPolling(connectionId);
                    }

                    @Override
                    public void lost(String connectionId) {
                        stopPolling(connectionId);
                    }
                }, waitingEvents);
    }

    /** A new tag-map version: changed connections get a new session, the others their new tags. */
    void follow(TagMap after) {
        TagMap before = map;
        map = after;
        for (TagMap.Connection c : before.connections()) {
            TagMap.Connection now = after.connection(c.id()).orElse(null);
            if (!polled.contains(c.id())) {
                continue;
            }
            if (now == null || !now.equals(c)) {
                stopPolling(c.id()); // a new endpoint or scan classes: a new session
                if (now != null) {
                    startPolling(c.id());
                }
            } else {
                pollers.get(c.id()).updateTags(PollTag.of(after, c.id()));
            }
        }
        List<String> ids = after.connections().stream().map(TagMap.Connection::id).toList();
        if (ownership != null) {
            ownership.connections(ids);
        } else if (!polled.isEmpty()) {
            ids.forEach(this::startPolling); // no database at start: this station polls them all
        }
    }

    private void startPolling(String connectionId) {
        AnalyticsRuntime analytics = plant.analytics().orElseThrow();
        TagMap.Connection connection = map.connection(connectionId).orElse(null);
        if (connection == null || !polled.add(connectionId)) {
            return;
        }
        Poller poller = pollerFactory.create(connection, PollTag.of(map, connectionId), clock, analytics::accept);
        pollers.put(connectionId, poller);
        poller.start();
    }

    private void stopPolling(String connectionId) {
        polled.remove(connectionId);
        Poller poller = pollers.remove(connectionId);
        if (poller != null) {
            poller.close();
        }
    }

    /** Lets go of the locks first, so another station can take over, then stops every poller at once. */
    void close() {
        if (ownership != null) {
            ownership.close();
        }
        List.copyOf(pollers.values()).parallelStream().forEach(Poller::close);
    }
}
