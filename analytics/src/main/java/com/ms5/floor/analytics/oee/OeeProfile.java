package com.ms5.floor.analytics.oee;

/**
 * Which time OEE measures against, chosen per plant and shown with every figure. In both, time
 * with no shift scheduled is outside the figure (TEEP counts it), changeovers and starved or
 * blocked time are availability losses, micro-stops are a speed loss, and time with the PLC not
 * answering is left out and reported as unknown.
 */
public enum OeeProfile {
    /**
     * ISO 22400-2: availability = actual production time (APT) / planned busy time (PBT), where
     * PBT is the shift time less planned downtime (breaks, planned maintenance, planned stops).
     */
    ISO_22400("ISO 22400-2 (planned stops excluded)"),
    /** The shift time including breaks and planned stops; those count as availability loss. */
    PLANNED_STOPS_AS_LOSS("planned stops counted as loss");

    private final String label;

    OeeProfile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
