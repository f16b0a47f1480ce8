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
     * The machine's minutes from {@code since} on, oldest first. A minute that two runs of a station
     * counted parts of (a restart inside it) comes back as their sum.
     */
    public List<ProductionMinute> minutesSince(String machineId, Instant since) {
        return minutes(machineId, since, Instant.parse("9999-12-31T00:00:00Z"));
    }

    /** The machine's minutes that start in [{@code from}, {@code to}), oldest first, as {@link #minutesSince}. */
    public List<ProductionMinute> minutes(String machineId, Instant from, Instant to) {
        return database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "select m.key.minuteStart, sum(m.totalCount), sum(m.goodCount), sum(m.idealSeconds), sum(case when m.startup then 1 else 0 end) "
                                + "from ProductionMinuteEntity m where m.key.machineId = :machine and m.key.minuteStart >= :from "
                                + "and m.key.minuteStart < :to group by m.key.minuteStart order by m.key.minuteStart", Object[].class)
                .setParameter("machine", machineId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList().stream()
                .map(r -> new ProductionMinute(machineId, (Instant) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).doubleValue(), ((Number) r[4]).longValue() > 0))
                .toList());
    }
}
