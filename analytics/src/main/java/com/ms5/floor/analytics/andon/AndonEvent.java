package com.ms5.floor.analytics.andon;

import java.time.Instant;

/** Something that happened to a call, for notifications, the database and other stations. */
public record AndonEvent(Kind kind, AndonCall call, Instant at, String detail) {
    public enum Kind { RAISED, REPEATED, ESCALATED, ACKNOWLEDGED, RETURNED, CLOSED, SHELVED, UNSHELVED, CHATTERING }
}
