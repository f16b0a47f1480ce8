package com.ms5.floor.plc.api;

/**
 * What a PLC program can say a machine is doing, in the words a {@link StateRule} maps the plant's
 * own values to. Analytics turns these into its timeline states (micro-stops and unknown are its
 * own findings, never a PLC's).
 */
public enum PlcState {
    RUNNING("Running"),
    DOWN("Down"),
    STARVED("Starved"),
    BLOCKED("Blocked"),
    PLANNED_STOP("Planned stop"),
    CHANGEOVER("Changeover");

    private final String label;

    PlcState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state a label names ("Starved", "planned stop", "PLANNED_STOP"), ignoring case. */
    public static PlcState ofLabel(String text) {
        String t = text.strip();
        for (PlcState s : values()) {
            if (s.label.equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + t + "' is not a state; use one of Running, Down, Starved, Blocked, "
                + "Planned stop, Changeover");
    }
}
