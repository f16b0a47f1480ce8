package com.ms5.floor.app.persistence;

import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.CallType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code andon_call}; {@code version} is the optimistic lock of acknowledgements. Never leaves this package. */
@Entity
@Table(name = "andon_call")
class AndonCallEntity {
    @Id
    private UUID id;
    @Column(name = "call_type", nullable = false, length = 32)
    private String callType;
    @Column(name = "call_label", nullable = false, length = 64)
    private String callLabel;
    @Column(nullable = false)
    private int priority;
    @Column(name = "line_id", nullable = false, length = 64)
    private String lineId;
    @Column(name = "machine_id", nullable = false, length = 64)
    private String machineId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] machines;
    @Column(name = "root_cause", nullable = false, length = 128)
    private String rootCause;
    @Column(nullable = false, length = 16)
    private String source;
    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;
    @Column(name = "alarm_state", nullable = false, length = 32)
    private String alarmState;
    @Column(nullable = false)
    private boolean active;
    @Column(nullable = false)
    private int level;
    @Column(name = "acknowledged_by", length = 128)
    private String acknowledgedBy;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "cleared_at")
    private Instant clearedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(nullable = false)
    private int occurrences;
    @Column(nullable = false)
    private boolean chattering;
    @Column(name = "shelved_by", length = 128)
    private String shelvedBy;
    @Column(name = "shelve_reason", columnDefinition = "text")
    private String shelveReason;
    @Column(name = "shelved_until")
    private Instant shelvedUntil;
    @Version
    private long version;

    protected AndonCallEntity() {
        // for Hibernate
    }

    String acknowledgedBy() {
        return acknowledgedBy;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    /** ISA-18.2: an active call becomes active-acknowledged; a returned one is over. */
    void acknowledge(String who, Instant at) {
        acknowledgedBy = who;
        acknowledgedAt = at;
        if (AlarmState.RTN_UNACK.name().equals(alarmState)) {
            alarmState = AlarmState.NORMAL.name();
            closedAt = at;
        } else if (AlarmState.UNACK_ACTIVE.name().equals(alarmState)) {
            alarmState = AlarmState.ACK_ACTIVE.name();
        }
    }

    /** The call in words for the audit log: "Maintenance call at L1-LABELLER". */
    String describe() {
        return callLabel + " call at " + machineId;
    }

    Instant closedAt() {
        return closedAt;
    }

    /** A person resolved it by hand: acknowledged if nobody had, cleared, and over. */
    void resolve(String who, Instant at) {
        if (acknowledgedAt == null) {
            acknowledgedBy = who;
            acknowledgedAt = at;
        }
        active = false;
        clearedAt = at;
        closedAt = at;
        alarmState = AlarmState.NORMAL.name();
    }

    /** Off the board until {@code until} (ISA-18.2 shelving), with who and why. */
    void shelve(String who, String reason, Instant until) {
        shelvedBy = who;
        shelveReason = reason;
        shelvedUntil = until;
    }

    /** Back on the board before its time is up: a person decided it needs looking at again. */
    void unshelve() {
        if (shelvedUntil == null) {
            throw new AndonCallRepository.Refused("The call is not shelved any more");
        }
        shelvedBy = null;
        shelveReason = null;
        shelvedUntil = null;
    }

    AndonCall toRecord() {
        return new AndonCall(id, new CallType(callType, callLabel, priority), lineId, machineId, Set.of(machines),
                rootCause, AndonCall.Source.valueOf(source), raisedAt, AlarmState.valueOf(alarmState), active, level,
                acknowledgedBy, acknowledgedAt, clearedAt, closedAt, occurrences, chattering, shelvedBy, shelveReason,
                shelvedUntil, version);
    }
}
