package com.ms5.floor.app.persistence;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.sync.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
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

    /** Stores every event, or none of them (the exception says why). */
    public void store(List<StoredEvent> events) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement interval = c.prepareStatement(
                         "INSERT INTO state_interval (id, machine_id, state, start_at, end_at, fault_code, reason) "
                                 + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement minute = c.prepareStatement(
                         "INSERT INTO production_minute (machine_id, minute_start, run_id, total_count, good_count, "
                                 + "ideal_seconds, startup) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                 + "ON CONFLICT (machine_id, minute_start, run_id) DO UPDATE SET total_count = excluded.total_count, "
                                 + "good_count = excluded.good_count, ideal_seconds = excluded.ideal_seconds, startup = excluded.startup");
                 PreparedStatement downtime = c.prepareStatement(
                         "INSERT INTO downtime_event (id, machine_id, line_id, state, start_at, end_at, fault_code, reason_id, "
                                 + "mapping_version, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement call = c.prepareStatement(CALL_UPSERT);
                 PreparedStatement callEvent = c.prepareStatement(
                         "INSERT INTO andon_call_event (id, call_id, kind, at, detail) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement notify = c.prepareStatement("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', ?)")) {
                Set<String> changed = new LinkedHashSet<>();
                for (StoredEvent event : events) {
                    switch (event) {
                        case StoredEvent.IntervalClosed e -> addInterval(interval, e);
                        case StoredEvent.MinuteClosed e -> addMinute(minute, e.runId(), e.minute());
                        case StoredEvent.DowntimeClosed e -> {
                            addDowntime(downtime, e.event());
                            changed.add(ChangeFeed.DOWNTIME + e.event().id());
                        }
                        case StoredEvent.AndonChanged e -> {
                            // a call changes often: its row is written once per batch, as it stands last
                            addCallEvent(callEvent, e);
                            changed.add(ChangeFeed.ANDON + e.event().call().id());
                        }
                    }
                }
                interval.executeBatch();
                minute.executeBatch();
                downtime.executeBatch();
                for (AndonCall last : lastCallStates(events)) {
                    addCall(call, last);
                }
                call.executeBatch();
                callEvent.executeBatch();
                for (String id : changed) {
                    notify.setString(1, id + ChangeFeed.FROM + stationId);
                    notify.addBatch();
                }
                notify.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static List<AndonCall> lastCallStates(List<StoredEvent> events) {
        var last = new java.util.LinkedHashMap<UUID, AndonCall>();
        for (StoredEvent event : events) {
            if (event instanceof StoredEvent.AndonChanged a) {
                last.remove(a.event().call().id());
                last.put(a.event().call().id(), a.event().call());
            }
        }
        return List.copyOf(last.values());
    }

    /**
     * The owner's view of a call, except an acknowledgement another station stored first: that one
     * stays (the owner learns of it from the change feed). Every write raises the row's version, so
     * an acknowledgement based on an older one is refused.
     */
    private static final String CALL_UPSERT = "INSERT INTO andon_call (id, call_type, call_label, priority, line_id, "
            + "machine_id, machines, root_cause, source, raised_at, alarm_state, active, level, acknowledged_by, "
            + "acknowledged_at, cleared_at, closed_at, occurrences, chattering, shelved_by, shelve_reason, shelved_until) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET machines = excluded.machines, alarm_state = CASE "
            + "  WHEN andon_call.acknowledged_at IS NOT NULL AND excluded.acknowledged_at IS NULL AND excluded.alarm_state = 'UNACK_ACTIVE' THEN 'ACK_ACTIVE' "
            + "  WHEN andon_call.acknowledged_at IS NOT NULL AND excluded.acknowledged_at IS NULL AND excluded.alarm_state = 'RTN_UNACK' THEN 'NORMAL' "
            + "  ELSE excluded.alarm_state END, "
            + "active = excluded.active, level = excluded.level, "
            + "acknowledged_by = COALESCE(andon_call.acknowledged_by, excluded.acknowledged_by), "
            + "acknowledged_at = COALESCE(andon_call.acknowledged_at, excluded.acknowledged_at), "
            + "cleared_at = excluded.cleared_at, closed_at = CASE WHEN andon_call.acknowledged_at IS NOT NULL "
            + "  AND excluded.acknowledged_at IS NULL AND excluded.cleared_at IS NOT NULL THEN excluded.cleared_at ELSE excluded.closed_at END, "
            + "occurrences = excluded.occurrences, chattering = excluded.chattering, shelved_by = excluded.shelved_by, "
            + "shelve_reason = excluded.shelve_reason, shelved_until = excluded.shelved_until, version = andon_call.version + 1";

    private static void addCall(PreparedStatement s, AndonCall call) throws SQLException {
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

    private static void addInterval(PreparedStatement s, StoredEvent.IntervalClosed e) throws SQLException {
        StateInterval i = e.interval();
        s.setObject(1, e.id());
        s.setString(2, i.machineId());
        s.setString(3, i.state().name());
        s.setTimestamp(4, ts(i.start()));
        s.setTimestamp(5, ts(i.end()));
        s.setLong(6, i.faultCode());
        s.setString(7, i.reason());
        s.addBatch();
    }

    private static void addMinute(PreparedStatement s, UUID runId, ProductionMinute m) throws SQLException {
        s.setString(1, m.machineId());
        s.setTimestamp(2, ts(m.minuteStart()));
        s.setObject(3, runId);
        s.setLong(4, m.totalCount());
        s.setLong(5, m.goodCount());
        s.setDouble(6, m.idealSeconds());
        s.setBoolean(7, m.startup());
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
