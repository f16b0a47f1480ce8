package com.ms5.floor.app.persistence;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.model.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the events of the station that polls a machine, in batches, one transaction per call.
 * Storing the same events again changes nothing (ids derive from what they describe), so a
 * journal replayed after a crash, or by a second station, never doubles a row.
 *
 * <p>Changed Andon calls and downtime events are announced on {@link ChangeFeed#CHANNEL} with their
 * ids, delivered to other stations when the transaction commits. Blocking: not on the FX thread.
 */
public final class EventStore {
    private final Database database;
    private final String stationId;

    public EventStore(Database database, String stationId) {
        this.database = database;
        this.stationId = stationId;
    }

    /**
     * Whether the database refused events for what they say (SQLSTATE class 21, 22 or 23) rather
     * than failing itself: storing them again will not help.
     */
    public static boolean refusesContent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                String state = s.getSQLState();
                // 21 cardinality (a row twice in one statement), 22 data, 23 integrity: the events, not the database
                if (state != null && (state.startsWith("21") || state.startsWith("22") || state.startsWith("23"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stores every event, or none of them (the exception says why). */
    public void store(List<StoredEvent> events) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement interval = c.prepareStatement(INTERVALS);
                 PreparedStatement minute = c.prepareStatement(MINUTES);
                 PreparedStatement downtime = c.prepareStatement(
                         "INSERT INTO downtime_event (id, machine_id, line_id, state, start_at, end_at, fault_code, reason_id, "
                                 + "mapping_version, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement call = c.prepareStatement(CALL_UPSERT);
                 PreparedStatement callEvent = c.prepareStatement(
                         "INSERT INTO andon_call_event (id, call_id, kind, at, detail) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement shift = c.prepareStatement(SHIFT_UPSERT)) {
                Set<String> changed = new LinkedHashSet<>();
                List<StoredEvent.IntervalClosed> intervals = new ArrayList<>();
                List<StoredEvent.MinuteClosed> minutes = new ArrayList<>();
                for (StoredEvent event : events) {
                    switch (event) {
                        case StoredEvent.IntervalClosed e -> intervals.add(e);
                        case StoredEvent.MinuteClosed e -> minutes.add(e);
                        case StoredEvent.DowntimeClosed e -> {
                            addDowntime(downtime, e.event());
                            changed.add(ChangeFeed.DOWNTIME + e.event().id());
                        }
                        case StoredEvent.ShiftClosed e -> addShift(shift, e);
                        case StoredEvent.AndonChanged e -> {
                            // a call changes often: its row is written once per batch, as it stands last
                            addCallEvent(callEvent, e);
                            changed.add(ChangeFeed.ANDON + e.event().call().id());
                        }
                    }
                }
                insertIntervals(interval, intervals);
                insertMinutes(minute, minutes);
                downtime.executeBatch();
                for (AndonEvent last : lastCallEvents(events)) {
                    addCall(call, last);
                }
                call.executeBatch();
                callEvent.executeBatch();
                shift.executeBatch();
                ChangeFeed.announce(c, stationId, changed);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Each call's last event in the batch: the call as it stands then, and when. */
    private static List<AndonEvent> lastCallEvents(List<StoredEvent> events) {
        var last = new java.util.LinkedHashMap<UUID, AndonEvent>();
        for (StoredEvent event : events) {
            if (event instanceof StoredEvent.AndonChanged a) {
                last.remove(a.event().call().id());
                last.put(a.event().call().id(), a.event());
            }
        }
        return List.copyOf(last.values());
    }

    /**
     * A person shelved the call at some station, and the owner's write does not know it yet: the
     * shelving outlasts the moment the owner wrote of (plant time, bound as parameters 23 to 25).
     */
    private static final String SHELVED_HERE = "(excluded.shelved_until IS NULL AND andon_call.shelved_until > ?)";

    /**
     * The owner's view of a call, except what people did at other stations that the owner has not
     * heard of yet: an acknowledgement, a resolution or a shelving stored first stays (the owner
     * learns of it from the change feed). Every write raises the row's version, so an
     * acknowledgement based on an older one is refused.
     */
    private static final String CALL_UPSERT = "INSERT INTO andon_call (id, call_type, call_label, priority, line_id, "
            + "machine_id, machines, root_cause, source, raised_at, alarm_state, active, level, acknowledged_by, "
            + "acknowledged_at, cleared_at, closed_at, occurrences, chattering, shelved_by, shelve_reason, shelved_until) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET machines = excluded.machines, alarm_state = CASE "
            + "  WHEN andon_call.closed_at IS NOT NULL THEN andon_call.alarm_state "
            + "  WHEN andon_call.acknowledged_at IS NOT NULL AND excluded.acknowledged_at IS NULL AND excluded.alarm_state = 'UNACK_ACTIVE' THEN 'ACK_ACTIVE' "
            + "  WHEN andon_call.acknowledged_at IS NOT NULL AND excluded.acknowledged_at IS NULL AND excluded.alarm_state = 'RTN_UNACK' THEN 'NORMAL' "
            + "  ELSE excluded.alarm_state END, "
            + "active = excluded.active AND andon_call.closed_at IS NULL, level = excluded.level, "
            + "acknowledged_by = COALESCE(andon_call.acknowledged_by, excluded.acknowledged_by), "
            + "acknowledged_at = COALESCE(andon_call.acknowledged_at, excluded.acknowledged_at), "
            + "cleared_at = COALESCE(andon_call.cleared_at, excluded.cleared_at), closed_at = CASE "
            + "  WHEN andon_call.closed_at IS NOT NULL THEN andon_call.closed_at WHEN andon_call.acknowledged_at IS NOT NULL "
            + "  AND excluded.acknowledged_at IS NULL AND excluded.cleared_at IS NOT NULL THEN excluded.cleared_at ELSE excluded.closed_at END, "
            + "occurrences = excluded.occurrences, chattering = excluded.chattering, "
            + "shelved_by = CASE WHEN " + SHELVED_HERE + " THEN andon_call.shelved_by ELSE excluded.shelved_by END, "
            + "shelve_reason = CASE WHEN " + SHELVED_HERE + " THEN andon_call.shelve_reason ELSE excluded.shelve_reason END, "
            + "shelved_until = CASE WHEN " + SHELVED_HERE + " THEN andon_call.shelved_until ELSE excluded.shelved_until END, "
            + "version = andon_call.version + 1";

    private static void addCall(PreparedStatement s, AndonEvent event) throws SQLException {
        AndonCall call = event.call();
        s.setObject(1, call.id());
        s.setString(2, call.type().id());
        s.setString(3, call.type().label());
        s.setInt(4, call.type().priority());
        s.setString(5, call.lineId());
        s.setString(6, call.machineId());
        s.setArray(7, s.getConnection().createArrayOf("text", call.machines().stream().sorted().toArray()));
        s.setString(8, call.rootCause());
        s.setString(9, call.source().name());
        s.setTimestamp(10, ts(call.raisedAt()));
        s.setString(11, call.state().name());
        s.setBoolean(12, call.active());
        s.setInt(13, call.level());
        s.setString(14, call.acknowledgedBy());
        s.setTimestamp(15, ts(call.acknowledgedAt()));
        s.setTimestamp(16, ts(call.clearedAt()));
        s.setTimestamp(17, ts(call.closedAt()));
        s.setInt(18, call.occurrences());
        s.setBoolean(19, call.chattering());
        s.setString(20, call.shelvedBy());
        s.setString(21, call.shelveReason());
        s.setTimestamp(22, ts(call.shelvedUntil()));
        for (int shelvedHere = 23; shelvedHere <= 25; shelvedHere++) {
            s.setTimestamp(shelvedHere, ts(event.at()));
        }
        s.addBatch();
    }

    private static void addCallEvent(PreparedStatement s, StoredEvent.AndonChanged e) throws SQLException {
        s.setObject(1, e.id());
        s.setObject(2, e.event().call().id());
        s.setString(3, e.event().kind().name());
        s.setTimestamp(4, ts(e.event().at()));
        s.setString(5, e.event().detail());
        s.addBatch();
    }

    /*
     * The high-volume rows go in as one statement per table with array parameters (unnest): about
     * twice the rows/s of a JDBC batch, by the benchmark. Times go as text rounded to the microsecond,
     * which is what PostgreSQL keeps.
     */
    private static final String INTERVALS = "INSERT INTO state_interval (id, machine_id, state, start_at, end_at, fault_code, reason) "
            + "SELECT id, machine, state, start_at::timestamptz, end_at::timestamptz, fault, reason FROM unnest("
            + "?::uuid[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::bigint[], ?::varchar[]) "
            + "AS t(id, machine, state, start_at, end_at, fault, reason) ON CONFLICT DO NOTHING";

    private static final String MINUTES = "INSERT INTO production_minute (machine_id, minute_start, run_id, total_count, "
            + "good_count, ideal_seconds, startup) SELECT machine, minute::timestamptz, run, total, good, ideal, startup FROM unnest("
            + "?::varchar[], ?::text[], ?::uuid[], ?::bigint[], ?::bigint[], ?::float8[], ?::boolean[]) "
            + "AS t(machine, minute, run, total, good, ideal, startup) "
            + "ON CONFLICT (machine_id, minute_start, run_id) DO UPDATE SET total_count = excluded.total_count, "
            + "good_count = excluded.good_count, ideal_seconds = excluded.ideal_seconds, startup = excluded.startup";

    private static void insertIntervals(PreparedStatement s, List<StoredEvent.IntervalClosed> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        Object[] ids = new Object[n];
        Object[] machines = new Object[n];
        Object[] states = new Object[n];
        Object[] starts = new Object[n];
        Object[] ends = new Object[n];
        Object[] faults = new Object[n];
        Object[] reasons = new Object[n];
        for (int k = 0; k < n; k++) {
            StateInterval i = events.get(k).interval();
            ids[k] = events.get(k).id();
            machines[k] = i.machineId();
            states[k] = i.state().name();
            starts[k] = micros(i.start());
            ends[k] = micros(i.end());
            faults[k] = i.faultCode();
            reasons[k] = i.reason();
        }
        Connection c = s.getConnection();
        s.setArray(1, c.createArrayOf("uuid", ids));
        s.setArray(2, c.createArrayOf("varchar", machines));
        s.setArray(3, c.createArrayOf("varchar", states));
        s.setArray(4, c.createArrayOf("text", starts));
        s.setArray(5, c.createArrayOf("text", ends));
        s.setArray(6, c.createArrayOf("int8", faults));
        s.setArray(7, c.createArrayOf("varchar", reasons));
        s.executeUpdate();
    }

    private static void insertMinutes(PreparedStatement s, List<StoredEvent.MinuteClosed> all) throws SQLException {
        if (all.isEmpty()) {
            return;
        }
        // A minute counted again (parts of a catch-up after a reconnect) replaces its earlier figure;
        // one statement may not upsert a row twice, so only the last figure of each minute goes in.
        java.util.Map<List<Object>, StoredEvent.MinuteClosed> last = new java.util.LinkedHashMap<>();
        all.forEach(e -> last.put(List.of(e.minute().machineId(), e.minute().minuteStart(), e.runId()), e));
        List<StoredEvent.MinuteClosed> events = List.copyOf(last.values());
        int n = events.size();
        Object[] machines = new Object[n];
        Object[] starts = new Object[n];
        Object[] runs = new Object[n];
        Object[] totals = new Object[n];
        Object[] goods = new Object[n];
        Object[] ideals = new Object[n];
        Object[] startups = new Object[n];
        for (int k = 0; k < n; k++) {
            ProductionMinute m = events.get(k).minute();
            machines[k] = m.machineId();
            starts[k] = micros(m.minuteStart());
            runs[k] = events.get(k).runId();
            totals[k] = m.totalCount();
            goods[k] = m.goodCount();
            ideals[k] = m.idealSeconds();
            startups[k] = m.startup();
        }
        Connection c = s.getConnection();
        s.setArray(1, c.createArrayOf("varchar", machines));
        s.setArray(2, c.createArrayOf("text", starts));
        s.setArray(3, c.createArrayOf("uuid", runs));
        s.setArray(4, c.createArrayOf("int8", totals));
        s.setArray(5, c.createArrayOf("int8", goods));
        s.setArray(6, c.createArrayOf("float8", ideals));
        s.setArray(7, c.createArrayOf("bool", startups));
        s.executeUpdate();
    }

    /** ISO-8601 text of the instant rounded half up to the microsecond, as the driver rounds a Timestamp. */
    private static String micros(Instant t) {
        return Instant.ofEpochSecond(t.getEpochSecond(), (t.getNano() + 500L) / 1000 * 1000).toString();
    }

    /** A later figure of the same shift (a station that took over, a replay) replaces the earlier one. */
    private static final String SHIFT_UPSERT = "INSERT INTO oee_shift (machine_id, shift_start, shift_end, shift_key, profile, "
            + "planned_seconds, run_seconds, total_count, good_count, availability, performance, quality, oee) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (machine_id, shift_start, profile) DO UPDATE SET "
            + "shift_end = excluded.shift_end, planned_seconds = excluded.planned_seconds, run_seconds = excluded.run_seconds, "
            + "total_count = excluded.total_count, good_count = excluded.good_count, availability = excluded.availability, "
            + "performance = excluded.performance, quality = excluded.quality, oee = excluded.oee";

    private static void addShift(PreparedStatement s, StoredEvent.ShiftClosed e) throws SQLException {
        var f = e.figures();
        s.setString(1, e.machineId());
        s.setTimestamp(2, ts(e.start()));
        s.setTimestamp(3, ts(e.end()));
        s.setString(4, e.shiftKey());
        s.setString(5, f.profile().name());
        s.setDouble(6, f.loadingSeconds());
        s.setDouble(7, f.runSeconds());
        s.setLong(8, f.totalCount());
        s.setLong(9, f.goodCount());
        s.setDouble(10, f.availability());
        s.setDouble(11, f.performance());
        s.setDouble(12, f.quality());
        s.setDouble(13, f.oee());
        s.addBatch();
    }

    private static void addDowntime(PreparedStatement s, DowntimeEvent d) throws SQLException {
        s.setObject(1, d.id());
        s.setString(2, d.machineId());
        s.setString(3, d.lineId());
        s.setString(4, d.state().name());
        s.setTimestamp(5, ts(d.start()));
        s.setTimestamp(6, ts(d.end()));
        s.setLong(7, d.faultCode());
        s.setString(8, d.reasonId());
        s.setInt(9, d.mappingVersion());
        if (d.comment() == null) {
            s.setNull(10, Types.VARCHAR);
        } else {
            s.setString(10, d.comment());
        }
        s.addBatch();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
