package com.ms5.floor.app.sync;

import com.ms5.floor.app.base.NamedThreads;
import com.ms5.floor.app.persistence.Database;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which PLC connections this station polls (shared/DESIGN.md, "Station sync"): the one
 * that holds a session-level advisory lock per connection. The locks live in a database session of
 * their own; when a station dies, its session and its locks go, and another station's next round
 * (every {@value #ROUND_MS} ms) takes them over.
 *
 * <ul>
 *   <li>Database unreachable: the station keeps polling what it polls; nobody else can take the
 *       locks meanwhile. A station that never reached the database polls every connection.</li>
 *   <li>Its session ended while the database is up (killed by an administrator, a network cut to
 *       this station only): another station may already poll, so this one stops polling and waits
 *       {@link #HOLD_OFF} before it tries again, leaving the connections to a healthy station.</li>
 * </ul>
 * Runs on thread {@code station-sync}; the listener is called there.
 */
public final class PollingOwnership implements AutoCloseable {
    static final long ROUND_MS = 2000;
    static final Duration HOLD_OFF = Duration.ofSeconds(6);
    /** First half of every lock key: "MS5", so the locks do not collide with other applications'. */
    private static final int LOCK_SPACE = 0x4D5335;
    private static final Logger log = LoggerFactory.getLogger(PollingOwnership.class);

    /** Told when this station starts or stops polling a connection. */
    public interface Listener {
        void acquired(String connectionId);

        void lost(String connectionId);
    }

    private final Database database;
    private final String stationId;
    private volatile List<String> connectionIds;
    private final Listener listener;
    private final LongSupplier waitingEvents;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("station-sync"));
    private final Set<String> polled = ConcurrentHashMap.newKeySet();
    private final Set<String> locked = ConcurrentHashMap.newKeySet(); // station-sync only
    private Connection session; // station-sync only
    private Instant holdOffUntil = Instant.MIN;
    private final Instant startedAt = Instant.now();

    /**
     * @param alreadyPolled connections the station polls already (the database was away at start):
     *                      if another station holds their lock, the listener is told to stop
     */
    public PollingOwnership(Database database, String stationId, List<String> connectionIds, Set<String> alreadyPolled,
                            Listener listener, LongSupplier waitingEvents) {
        this.database = database;
        this.polled.addAll(alreadyPolled);
        this.stationId = stationId;
        this.connectionIds = List.copyOf(connectionIds);
        this.listener = listener;
        this.waitingEvents = waitingEvents;
        thread.scheduleWithFixedDelay(this::round, 0, ROUND_MS, TimeUnit.MILLISECONDS);
    }

    /** A new tag map's connections: new ones are competed for from the next round, dropped ones let go. Any thread. */
    public void connections(List<String> ids) {
        connectionIds = List.copyOf(ids);
    }

    /** The connections this station polls now. Any thread. */
    public Set<String> polled() {
        return Set.copyOf(polled);
    }

    private void round() {
        try {
            if (session == null) {
                session = database.openSession();
                register();
            }
            heartbeat();
            if (Instant.now().isBefore(holdOffUntil)) {
                return;
            }
            List<String> wanted = connectionIds;
            for (String id : wanted) {
                if (!locked.contains(id)) {
                    tryLock(id);
                }
            }
            for (String id : List.copyOf(locked)) {
                if (!wanted.contains(id)) {
                    unlock(id);
                }
            }
        } catch (SQLException e) {
            sessionFailed(e);
        } catch (RuntimeException e) {
            log.error("The polling ownership round failed", e);
        }
    }

    private void tryLock(String id) throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, id.hashCode());
            try (ResultSet r = lock.executeQuery()) {
                r.next();
                if (r.getBoolean(1)) {
                    locked.add(id);
                    if (polled.add(id)) {
                        log.info("This station ({}) now polls {}", stationId, id);
                        listener.acquired(id);
                    }
                } else if (polled.remove(id)) {
                    log.warn("Another station polls {}; this station ({}) stops polling it", id, stationId);
                    listener.lost(id);
                }
            }
        }
    }

    /** A connection the tag map no longer has. */
    private void unlock(String id) throws SQLException {
        try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LOCK_SPACE);
            unlock.setInt(2, id.hashCode());
            unlock.executeQuery();
        }
        locked.remove(id);
        if (polled.remove(id)) {
            log.info("{} is no longer in the tag map; this station ({}) stops polling it", id, stationId);
            listener.lost(id);
        }
    }

    private void sessionFailed(SQLException cause) {
        boolean hadSession = session != null;
        closeSession();
        if (!hadSession) {
            return; // still unreachable: keep polling what this station polls
        }
        try {
            session = database.openSession();
            register();
        } catch (SQLException unreachable) {
            closeSession();
            log.warn("Database unreachable ({}); this station keeps polling {} and stores events in its journal",
                    unreachable.getMessage(), polled);
            return;
        }
        // The database is up but our session ended: another station may have our connections already.
        log.warn("This station's database session ended ({}); it stops polling {} and leaves them to another station "
                + "for {} s", cause.getMessage(), polled, HOLD_OFF.toSeconds());
        for (String id : List.copyOf(polled)) {
            polled.remove(id);
            listener.lost(id);
        }
        holdOffUntil = Instant.now().plus(HOLD_OFF);
    }

    private void register() throws SQLException {
        locked.clear();
        try (PreparedStatement s = session.prepareStatement(
                "INSERT INTO station (station_id, host, started_at, heartbeat_at, backend_pid) "
                        + "VALUES (?, ?, ?, now(), pg_backend_pid()) ON CONFLICT (station_id) DO UPDATE SET "
                        + "host = excluded.host, started_at = excluded.started_at, heartbeat_at = now(), "
                        + "backend_pid = excluded.backend_pid")) {
            s.setString(1, stationId);
            s.setString(2, hostName());
            s.setTimestamp(3, java.sql.Timestamp.from(startedAt));
            s.executeUpdate();
        }
    }

    private void heartbeat() throws SQLException {
        try (PreparedStatement s = session.prepareStatement(
                "UPDATE station SET heartbeat_at = now(), owned_connections = ?, offline_events = ? WHERE station_id = ?")) {
            s.setArray(1, session.createArrayOf("text", polled.stream().sorted().toArray()));
            s.setInt(2, (int) Math.min(Integer.MAX_VALUE, waitingEvents.getAsLong()));
            s.setString(3, stationId);
            s.executeUpdate();
        }
    }

    private void closeSession() {
        locked.clear();
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
            session = null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }

    /** Stops; the locks go with the session, so another station takes over at once. */
    @Override
    public void close() {
        NamedThreads.shutdown(thread, 3);
        closeSession();
    }
}
