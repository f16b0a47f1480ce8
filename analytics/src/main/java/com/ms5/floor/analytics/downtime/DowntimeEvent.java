package com.ms5.floor.analytics.downtime;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.state.MachineState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stop of one machine that a person gives a reason for.
 *
 * @param reasonId       the reason-tree node: from the fault-code table, or as an operator set it
 * @param mappingVersion the fault-code table version that named the reason (0 once a person chose)
 * @param history        every edit with who and when, oldest first
 * @param revision       grows with every edit; stations use it to refuse a stale overwrite
 */
public record DowntimeEvent(UUID id, String machineId, String lineId, MachineState state, Instant start, Instant end,
                            long faultCode, String reasonId, int mappingVersion, String comment, List<Edit> history,
                            long revision) {

    /** One change to an event. */
    public record Edit(Instant at, String who, String action) {
    }

    public DowntimeEvent {
        history = List.copyOf(history);
    }

    public TimeRange range() {
        return new TimeRange(start, end);
    }

    public double seconds() {
        return range().seconds();
    }

    /** Seconds of this event inside {@code window}: an event across a shift change splits by it. */
    public double secondsWithin(TimeRange window) {
        return range().overlapSeconds(window);
    }

    DowntimeEvent edited(String reason, int version, String newComment, Instant newStart, Instant newEnd, Edit edit) {
        List<Edit> edits = new ArrayList<>(history);
        edits.add(edit);
        return new DowntimeEvent(id, machineId, lineId, state, newStart, newEnd, faultCode, reason, version, newComment,
                edits, revision + 1);
    }
}
