package com.ms5.floor.app.persistence;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeLog;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.StaleStateException;

/**
 * Downtime events as every station sees them. A reason is set under optimistic locking: an edit
 * based on an older version is refused with "Already changed by X at T". Blocking: not on the FX thread.
 */
public final class DowntimeRepository {
    private final Database database;
    private final String stationId;

    public DowntimeRepository(Database database, String stationId) {
        this.database = database;
        this.stationId = stationId;
    }

    /** A line's stops that overlap [{@code from}, {@code to}), oldest first, each with its edits. */
    public List<DowntimeEvent> events(String lineId, Instant from, Instant to) {
        return database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "from DowntimeEventEntity d where d.lineId = :line and d.startAt < :to and d.endAt > :from "
                                + "order by d.startAt", DowntimeEventEntity.class)
                .setParameter("line", lineId).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(d -> d.toRecord(history(session, d))).toList());
    }

    /**
     * Sets the reason of a stop, as {@code who} saw it at {@code expectedVersion}.
     *
     * @throws DowntimeLog.EditConflict when somebody changed it since, naming who and when
     */
    public DowntimeEvent assignReason(UUID id, long expectedVersion, String reasonId, String comment, String who,
                                      Instant at) throws DowntimeLog.EditConflict {
        return edit(id, expectedVersion, who, "assign-reason", reasonId, (session, event, by) -> {
            event.assignReason(reasonId, comment, by, at);
            session.flush();
            addEdit(session, id, at, by, "reason " + reasonId + (comment == null || comment.isBlank() ? "" : ": " + comment));
            return event.toRecord(history(session, event));
        });
    }

    /**
     * Splits a stop at {@code splitAt} (two causes in one stop): the first part keeps its reason,
     * the second is a new, unassigned stop. Returns both.
     *
     * @throws DowntimeLog.EditConflict when somebody changed it since, naming who and when
     */
    public List<DowntimeEvent> split(UUID id, long expectedVersion, Instant splitAt, String who, Instant at)
            throws DowntimeLog.EditConflict {
        return edit(id, expectedVersion, who, "split", String.valueOf(splitAt), (session, event, by) -> {
            DowntimeEventEntity second = event.splitAt(splitAt, by, at);
            session.persist(second);
            session.flush();
            addEdit(session, id, at, by, "split at " + splitAt);
            UUID secondId = second.toRecord(List.of()).id();
            addEdit(session, secondId, at, by, "split from the stop before");
            return List.of(event.toRecord(history(session, event)), second.toRecord(history(session, second)));
        });
    }

    private interface Change<T> {
        T apply(Session session, DowntimeEventEntity event, String by);
    }

    /** One edit in one transaction: version check, the change, the audit entry and the notice to every station. */
    private <T> T edit(UUID id, long expectedVersion, String who, String action, String detail, Change<T> change)
            throws DowntimeLog.EditConflict {
        String by = who + " at " + stationId;
        try {
            return database.sessionFactory().fromTransaction(session -> {
                DowntimeEventEntity event = session.find(DowntimeEventEntity.class, id);
                if (event == null) {
                    throw new IllegalArgumentException(Messages.format("downtime.notYetStored", id));
                }
                if (event.version() != expectedVersion) {
                    throw new StaleStateException("stale");
                }
                T result = change.apply(session, event, by);
                session.doWork(c -> {
                    Audit.record(c, stationId, who, action, "downtime:" + id, detail);
                    ChangeFeed.announce(c, stationId, List.of(ChangeFeed.DOWNTIME + id));
                });
                return result;
            });
        } catch (OptimisticLockException | StaleStateException e) {
            DowntimeEventEntity now = database.sessionFactory().fromTransaction(s -> s.find(DowntimeEventEntity.class, id));
            throw new DowntimeLog.EditConflict(Messages.format("downtime.alreadyChanged", now.editedBy(), now.editedAt()));
        }
    }

    private static void addEdit(Session session, UUID id, Instant at, String by, String action) {
        session.createNativeMutationQuery("INSERT INTO downtime_edit (event_id, at, who, action) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, at).setParameter(3, by).setParameter(4, action)
                .executeUpdate();
    }

    private static List<DowntimeEvent.Edit> history(Session session, DowntimeEventEntity event) {
        return session.createNativeQuery("SELECT at, who, action FROM downtime_edit WHERE event_id = ?1 ORDER BY at",
                        Object[].class)
                .setParameter(1, event.toRecord(List.of()).id())
                .getResultList().stream()
                .map(r -> new DowntimeEvent.Edit(toInstant(r[0]), (String) r[1], (String) r[2]))
                .toList();
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
