package com.ms5.floor.analytics.andon;

/** The alarm states of ISA-18.2 (ANSI/ISA-18.2-2016, the alarm state transition diagram). */
public enum AlarmState {
    /** The condition is active and nobody has acknowledged the call yet. */
    UNACK_ACTIVE("Active, unacknowledged"),
    /** Somebody acknowledged it; the condition is still active. */
    ACK_ACTIVE("Active, acknowledged"),
    /** The condition cleared before anybody acknowledged it. */
    RTN_UNACK("Returned, unacknowledged"),
    /** Cleared and acknowledged: the call is over. */
    NORMAL("Normal"),
    /** Set aside by a person, with a reason, until an expiry. */
    SHELVED("Shelved");

    private final String label;

    AlarmState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
