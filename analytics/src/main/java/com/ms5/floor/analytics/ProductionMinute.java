package com.ms5.floor.analytics;

import java.time.Instant;

/**
 * Parts a machine made in one calendar minute (UTC).
 *
 * @param minuteStart  the minute's first instant, truncated to the minute
 * @param totalCount   parts counted in the minute (good and rejected)
 * @param goodCount    good parts counted in the minute
 * @param idealSeconds the time those parts take at the ideal cycle time of the product made
 * @param startup      the minute lies in the startup window after a long stop or a changeover, so
 *                     its rejects are startup (reduced yield) losses
 */
public record ProductionMinute(String machineId, Instant minuteStart, long totalCount, long goodCount,
                               double idealSeconds, boolean startup) {
    /** A minute as the database holds it today: counts only (no ideal time yet). */
    public ProductionMinute(String machineId, Instant minuteStart, long totalCount, long goodCount) {
        this(machineId, minuteStart, totalCount, goodCount, 0, false);
    }

    /** Ideal time of the good parts. */
    public double goodIdealSeconds() {
        return totalCount == 0 ? 0 : idealSeconds * goodCount / totalCount;
    }
}
