package com.ms5.floor.analytics.downtime;

import java.time.Instant;
import java.util.Map;

/**
 * One version of the table that turns a PLC fault code into a downtime reason. Each event keeps
 * the version that named its reason, so a later edit of the table does not rewrite history.
 */
public record FaultReasonMap(int version, Instant validFrom, String author, Map<Long, String> reasonByCode) {
    public FaultReasonMap {
        reasonByCode = Map.copyOf(reasonByCode);
    }

    public static FaultReasonMap empty() {
        return new FaultReasonMap(0, Instant.EPOCH, "system", Map.of());
    }

    /** The reason for a fault code, {@link ReasonTree#UNASSIGNED} where the table has none. */
    public String reasonFor(long faultCode) {
        return reasonByCode.getOrDefault(faultCode, ReasonTree.UNASSIGNED);
    }
}
