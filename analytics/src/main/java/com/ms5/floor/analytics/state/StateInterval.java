package com.ms5.floor.analytics.state;

import com.ms5.floor.analytics.TimeRange;
import java.time.Instant;

/**
 * One stretch of one machine's timeline.
 *
 * @param end       {@code null} while the interval is still open
 * @param faultCode the PLC's fault code that caused a stop (the first non-zero one), 0 if none
 * @param reason    why a planned stop is planned (a break's name, "no shift scheduled"), else null
 */
public record StateInterval(String machineId, MachineState state, Instant start, Instant end, long faultCode,
                            String reason) {
    public boolean isOpen() {
        return end == null;
    }

    /** The interval, an open one ending at {@code now}. */
    public TimeRange range(Instant now) {
        return new TimeRange(start, end == null ? (now.isBefore(start) ? start : now) : end);
    }

    StateInterval closedAt(Instant at, MachineState finalState) {
        return new StateInterval(machineId, finalState, start, at, faultCode, reason);
    }
}
