package com.ms5.floor.analytics.state;

/** What a machine was doing. Every instant of a machine's timeline has exactly one. */
public enum MachineState {
    RUNNING("Running"),
    /** A stop shorter than the machine's micro-stop threshold: known only once the stop ends. */
    MICRO_STOP("Micro-stop"),
    UNPLANNED_DOWN("Down"),
    /** A break, planned maintenance, no shift scheduled, or a planned stop the PLC reports. */
    PLANNED_DOWN("Planned down"),
    CHANGEOVER("Changeover"),
    /** Waiting for material from upstream. */
    STARVED("Starved"),
    /** Waiting for room downstream. */
    BLOCKED("Blocked"),
    /** The PLC is not answering or a value is bad: never counted as running. */
    UNKNOWN("Unknown");

    private final String label;

    MachineState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States that count as run time for availability: micro-stops are a speed loss, not downtime. */
    public boolean isRunTime() {
        return this == RUNNING || this == MICRO_STOP;
    }

    /** States that become downtime events a person gives a reason for. */
    public boolean isDowntime() {
        return this == UNPLANNED_DOWN || this == CHANGEOVER || this == STARVED || this == BLOCKED;
    }
}
