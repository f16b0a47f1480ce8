package com.ms5.floor.analytics.downtime;

/** Where a downtime reason's minutes go in loss reports. */
public enum LossCategory {
    BREAKDOWN("Breakdown"),
    SETUP("Setup and changeover"),
    MATERIAL("Material and flow (starved, blocked)"),
    QUALITY("Quality"),
    PLANNED("Planned"),
    UNASSIGNED("Unassigned");

    private final String label;

    LossCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
