package com.ms5.floor.analytics.shift;

/** What the plan says a machine should be doing at a moment. */
public enum PlannedStatus {
    /** Inside a shift, outside its breaks and planned downtime. */
    PRODUCTION("production"),
    /** A break inside a shift. */
    BREAK("break"),
    /** A planned downtime window (maintenance, meeting, cleaning). */
    PLANNED_DOWNTIME("planned downtime"),
    /** A holiday: no shift runs. */
    HOLIDAY("holiday"),
    /** No shift is scheduled. */
    NOT_SCHEDULED("no shift scheduled");

    private final String label;

    PlannedStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
