package com.ms5.floor.app.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Row of {@code production_count_minute} (db-migrations V1). Never leaves this package. */
@Entity
@Table(name = "production_count_minute")
class ProductionMinuteEntity {
    @EmbeddedId
    private Key key;

    @Column(name = "total_count", nullable = false)
    private long totalCount;

    @Column(name = "good_count", nullable = false)
    private long goodCount;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Embeddable
    record Key(@Column(name = "machine_id", length = 64) String machineId,
               @Column(name = "minute_start") Instant minuteStart) implements Serializable {
    }

    protected ProductionMinuteEntity() {
        // for Hibernate
    }

    ProductionMinuteEntity(Key key, long totalCount, long goodCount, Instant recordedAt) {
        this.key = key;
        this.totalCount = totalCount;
        this.goodCount = goodCount;
        this.recordedAt = recordedAt;
    }

    Key key() {
        return key;
    }

    long totalCount() {
        return totalCount;
    }

    long goodCount() {
        return goodCount;
    }

    void add(long total, long good, Instant at) {
        totalCount += total;
        goodCount += good;
        recordedAt = at;
    }
}
