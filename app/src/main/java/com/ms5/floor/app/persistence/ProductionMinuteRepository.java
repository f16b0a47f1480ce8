package com.ms5.floor.app.persistence;

import com.ms5.floor.analytics.ProductionMinute;
import java.time.Instant;
import java.util.List;

/**
 * Production counts per machine and minute. Returns records, never entities.
 * Blocking: call from a background executor, never the FX thread.
 */
public final class ProductionMinuteRepository {
    private final Database database;

    public ProductionMinuteRepository(Database database) {
        this.database = database;
    }

    /**
     * Stores a minute. A minute that is already there (the app restarted within it) gets the new
     * parts added, so a restart does not lose the first part of the minute.
     */
    public void record(ProductionMinute minute, Instant now) {
        database.sessionFactory().inTransaction(session -> {
            var key = new ProductionMinuteEntity.Key(minute.machineId(), minute.minuteStart());
            ProductionMinuteEntity existing = session.find(ProductionMinuteEntity.class, key);
            if (existing == null) {
                session.persist(new ProductionMinuteEntity(key, minute.totalCount(), minute.goodCount(), now));
            } else {
                existing.add(minute.totalCount(), minute.goodCount(), now);
            }
        });
    }

    /** The machine's minutes from {@code since} on, oldest first. */
    public List<ProductionMinute> minutesSince(String machineId, Instant since) {
        return database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "from ProductionMinuteEntity m where m.key.machineId = :machine and m.key.minuteStart >= :since "
                                + "order by m.key.minuteStart", ProductionMinuteEntity.class)
                .setParameter("machine", machineId)
                .setParameter("since", since)
                .getResultList().stream()
                .map(e -> new ProductionMinute(e.key().machineId(), e.key().minuteStart(), e.totalCount(), e.goodCount()))
                .toList());
    }
}
