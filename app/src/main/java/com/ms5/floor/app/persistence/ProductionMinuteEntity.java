package com.ms5.floor.app.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code production_minute} (db-migrations V2); written by {@link EventStore}. Never leaves this package. */
@Entity
@Table(name = "production_minute")
class ProductionMinuteEntity {
    @EmbeddedId
    private Key key;

    @Column(name = "total_count", nullable = false)
    private long totalCount;

    @Column(name = "good_count", nullable = false)
    private long goodCount;

    @Column(name = "ideal_seconds", nullable = false)
    private double idealSeconds;

    @Column(name = "startup", nullable = false)
    private boolean startup;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Embeddable
    record Key(@Column(name = "machine_id", length = 64) String machineId,
               @Column(name = "minute_start") Instant minuteStart,
               @Column(name = "run_id") UUID runId) implements Serializable {
    }

    protected ProductionMinuteEntity() {
        // for Hibernate
    }
}
