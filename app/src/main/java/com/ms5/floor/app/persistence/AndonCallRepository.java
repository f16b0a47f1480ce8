package com.ms5.floor.app.persistence;

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
        String by = who + " at " + stationId;
        for (int attempt = 0; ; attempt++) {
            try {
                return database.sessionFactory().fromTransaction(session -> {
                    AndonCallEntity call = session.find(AndonCallEntity.class, id);
                    if (call == null) {
                        throw new IllegalArgumentException("Call " + id + " is not in the database yet; try again in a moment");
                    }
                    if (call.acknowledgedAt() != null) {
                        throw new AlreadyAcknowledged(call.acknowledgedBy(), call.acknowledgedAt());
                    }
                    call.acknowledge(by, at);
                    session.flush(); // the version check happens here
                    Audit.record(session, stationId, who, "acknowledge", "andon:" + id, "acknowledged");
                    ChangeFeed.announce(session, ChangeFeed.ANDON + id, stationId);
                    return call.toRecord();
                });
            } catch (AlreadyAcknowledged e) {
                throw new AndonBoard.Conflict("Already acknowledged by " + e.by + " at " + e.at);
            } catch (OptimisticLockException | StaleStateException e) {
                // Somebody changed the row between our read and our write: read it again. If it was an
                // acknowledgement, the next attempt reports it; the owner's updates just retry.
                if (attempt >= 5) {
                    throw new IllegalStateException("Call " + id + " keeps changing; try again", e);
                }
            }
        }
    }

    private static final class AlreadyAcknowledged extends RuntimeException {
        final String by;
        final Instant at;

        AlreadyAcknowledged(String by, Instant at) {
            super(null, null, false, false);
            this.by = by;
            this.at = at;
        }
    }
}
