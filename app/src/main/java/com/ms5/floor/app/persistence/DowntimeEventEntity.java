package com.ms5.floor.app.persistence;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeLog;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.state.MachineState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Row of {@code downtime_event}; {@code version} is the optimistic lock of reason edits. Never leaves this package. */
@Entity
@Table(name = "downtime_event")
class DowntimeEventEntity {
    @Id
    private UUID id;
    @Column(name = "machine_id", nullable = false, length = 64)
    private String machineId;
    @Column(name = "line_id", nullable = false, length = 64)
    private String lineId;
    @Column(nullable = false, length = 16)
    private String state;
    @Column(name = "start_at", nullable = false)
    private Instant startAt;
    @Column(name = "end_at", nullable = false)
    private Instant endAt;
    @Column(name = "fault_code", nullable = false)
    private long faultCode;
    @Column(name = "reason_id", nullable = false, length = 128)
    private String reasonId;
    @Column(name = "mapping_version", nullable = false)
    private int mappingVersion;
    @Column(columnDefinition = "text")
    private String comment;
    @Version
    private long version;
    @Column(name = "edited_by", length = 128)
    private String editedBy;
    @Column(name = "edited_at")
    private Instant editedAt;

    protected DowntimeEventEntity() {
        // for Hibernate
    }

    long version() {
        return version;
    }

    String editedBy() {
        return editedBy;
    }

    Instant editedAt() {
        return editedAt;
    }

    /** A person chose the reason: the fault-code table's version no longer applies. */
    void assignReason(String reason, String newComment, String who, Instant at) {
        reasonId = reason;
        mappingVersion = 0;
        comment = newComment;
        editedBy = who;
        editedAt = at;
    }

    /**
     * Cuts the stop at {@code at}: this row keeps the part before, the returned new row is the part
     * after, unassigned, under the id a stop starting then always has.
     */
    DowntimeEventEntity splitAt(Instant at, String who, Instant when) {
        if (!at.isAfter(startAt) || !at.isBefore(endAt)) {
            throw new IllegalArgumentException(Messages.format("downtime.splitOutsideStop", startAt, endAt, at));
        }
        DowntimeEventEntity second = new DowntimeEventEntity();
        second.id = DowntimeLog.idOf(machineId, at);
        second.machineId = machineId;
        second.lineId = lineId;
        second.state = state;
        second.startAt = at;
        second.endAt = endAt;
        second.faultCode = faultCode;
        second.reasonId = ReasonTree.UNASSIGNED;
        second.editedBy = who;
        second.editedAt = when;
        endAt = at;
        editedBy = who;
        editedAt = when;
        return second;
    }

    DowntimeEvent toRecord(List<DowntimeEvent.Edit> history) {
        return new DowntimeEvent(id, machineId, lineId, MachineState.valueOf(state), startAt, endAt, faultCode, reasonId,
                mappingVersion, comment, history, version);
    }
}
