package com.ms5.floor.app.persistence;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;

/**
 * Andon calls as every station sees them. Acknowledging is a row update under optimistic locking:
 * of two stations acknowledging the same call at once, one wins and the other gets
 * "Already acknowledged by X at T", never a silent overwrite. Blocking: not on the FX thread.
 */
public final class AndonCallRepository {
    private final Database database;
    private final String stationId;

    public AndonCallRepository(Database database, String stationId) {
        this.database = database;
        this.stationId = stationId;
    }

    /** The open calls, shelved ones included, by priority and then oldest first. */
    public List<AndonCall> openCalls() {
        return database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "from AndonCallEntity c where c.closedAt is null order by c.priority, c.raisedAt", AndonCallEntity.class)
                .getResultList().stream().map(AndonCallEntity::toRecord).toList());
    }

    /** The line's calls raised in [{@code from}, {@code to}), oldest first, closed or not. */
    public List<AndonCall> raisedIn(String lineId, Instant from, Instant to) {
        return database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "from AndonCallEntity c where c.lineId = :line and c.raisedAt >= :from and c.raisedAt < :to order by c.raisedAt",
                        AndonCallEntity.class)
                .setParameter("line", lineId).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(AndonCallEntity::toRecord).toList());
    }

    /** One call, or {@code null} if this database does not have it (yet). */
    public AndonCall find(UUID id) {
        return database.sessionFactory().fromTransaction(session -> {
            AndonCallEntity call = session.find(AndonCallEntity.class, id);
            return call == null ? null : call.toRecord();
        });
    }

    /**
     * Acknowledges the call as {@code who} (a person at this station).
     *
     * @throws AndonBoard.Conflict when somebody acknowledged it first, naming who and when
     */
    public AndonCall acknowledge(UUID id, String who, Instant at) throws AndonBoard.Conflict {
        return change(id, who, "acknowledge", "acknowledged", (call, by) -> {
            if (call.acknowledgedAt() != null) {
                throw new Refused(Messages.format("andon.alreadyAcknowledged", call.acknowledgedBy(), call.acknowledgedAt()));
            }
            call.acknowledge(by, at);
        });
    }

    /**
     * Resolves the call by hand (a manual call, or a bit that will not clear): it leaves every board.
     *
     * @throws AndonBoard.Conflict when somebody closed it first
     */
    public AndonCall resolve(UUID id, String who, Instant at) throws AndonBoard.Conflict {
        return change(id, who, "resolve", "resolved", (call, by) -> call.resolve(by, at));
    }

    /**
     * Takes the call off every board until {@code until}, for {@code reason} (a known fault being
     * worked on, a sensor that chatters); it returns by itself then.
     *
     * @throws AndonBoard.Conflict when somebody closed it first
     */
    public AndonCall shelve(UUID id, String reason, Instant until, String who, Instant at) throws AndonBoard.Conflict {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(Messages.get("andon.whyShelved"));
        }
        if (!until.isAfter(at)) {
            throw new IllegalArgumentException(Messages.get("andon.shelveFuture"));
        }
        return change(id, who, "shelve", "until " + until + ": " + reason, (call, by) -> call.shelve(by, reason, until));
    }

    /**
     * Puts a shelved call back on every board before its time is up.
     *
     * @throws AndonBoard.Conflict when it is no longer shelved or already closed
     */
    public AndonCall unshelve(UUID id, String who, Instant at) throws AndonBoard.Conflict {
        return change(id, who, "unshelve", "back on the board at " + at, (call, by) -> call.unshelve());
    }

    private interface Change {
        void apply(AndonCallEntity call, String by);
    }

    /** One person's change in one transaction, with the audit entry and the notice to every station. */
    private AndonCall change(UUID id, String who, String action, String detail, Change change) throws AndonBoard.Conflict {
        String by = who + " at " + stationId;
        for (int attempt = 0; ; attempt++) {
            try {
                return database.sessionFactory().fromTransaction(session -> {
                    AndonCallEntity call = session.find(AndonCallEntity.class, id);
                    if (call == null) {
                        throw new IllegalArgumentException(Messages.format("andon.notYetStored", id));
                    }
                    if (call.closedAt() != null) {
                        throw new Refused(Messages.format("andon.alreadyClosed", call.closedAt()));
                    }
                    change.apply(call, by);
                    session.flush(); // the version check happens here
                    session.doWork(c -> {
                        Audit.record(c, stationId, who, action, "andon:" + id, detail + " · " + call.describe());
                        ChangeFeed.announce(c, stationId, List.of(ChangeFeed.ANDON + id));
                    });
                    return call.toRecord();
                });
            } catch (Refused e) {
                throw new AndonBoard.Conflict(e.getMessage());
            } catch (OptimisticLockException | StaleStateException e) {
                // Somebody changed the row between our read and our write: read it again. If it was a
                // person, the next attempt reports it; the owner's updates just retry.
                if (attempt >= 5) {
                    throw new IllegalStateException(Messages.format("andon.keepsChanging", id), e);
                }
            }
        }
    }

    /** What a person wanted to do was done by someone else first. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
