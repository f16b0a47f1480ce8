package com.ms5.floor.analytics.andon;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One Andon call as it stands.
 *
 * @param rootCause    what raised it (a machine's fault, an Andon bit, a person); a flood of calls
 *                     with the same root cause on one line is one call with several occurrences
 * @param machines     every machine that raised it
 * @param occurrences  how often it was raised while open, or reopened as it chattered
 * @param level        the escalation level reached (0: none yet)
 * @param shelvedUntil when shelving ends, or null
 * @param revision     grows with every change; an acknowledgement based on an old one is refused
 */
public record AndonCall(UUID id, CallType type, String lineId, String machineId, Set<String> machines,
                        String rootCause, Source source, Instant raisedAt, AlarmState state, boolean active,
                        int level, String acknowledgedBy, Instant acknowledgedAt, Instant clearedAt, Instant closedAt,
                        int occurrences, boolean chattering, String shelvedBy, String shelveReason,
                        Instant shelvedUntil, long revision) {

    public enum Source { PLC_BIT, FAULT_CODE, MANUAL }

    public AndonCall {
        machines = Set.copyOf(machines);
    }

    /** Time from raise to acknowledgement, or null while nobody acknowledged. */
    public Duration responseTime() {
        return acknowledgedAt == null ? null : Duration.between(raisedAt, acknowledgedAt);
    }

    /** Time from raise until the condition cleared, or null while it is active. */
    public Duration resolutionTime() {
        return clearedAt == null ? null : Duration.between(raisedAt, clearedAt);
    }

    /** How long the call has been open at {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(raisedAt, closedAt != null ? closedAt : now);
    }
}
