package com.ms5.floor.analytics;

import java.time.Instant;

/**
 * Parts a machine made in one calendar minute (UTC).
 *
 * @param minuteStart the minute's first instant, truncated to the minute
 * @param totalCount  parts counted in the minute (good and rejected)
 * @param goodCount   good parts counted in the minute
 */
public record ProductionMinute(String machineId, Instant minuteStart, long totalCount, long goodCount) {
}
