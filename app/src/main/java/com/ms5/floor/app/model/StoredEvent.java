package com.ms5.floor.app.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.analytics.oee.OeeFigures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What the station that polls a machine stores about it: first in its journal, then in the
 * database. Every kind has an id that is the same on a replay, so storing twice stores once.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StoredEvent.IntervalClosed.class, name = "interval"),
        @JsonSubTypes.Type(value = StoredEvent.MinuteClosed.class, name = "minute"),
        @JsonSubTypes.Type(value = StoredEvent.DowntimeClosed.class, name = "downtime"),
        @JsonSubTypes.Type(value = StoredEvent.AndonChanged.class, name = "andon"),
        @JsonSubTypes.Type(value = StoredEvent.ShiftClosed.class, name = "shift")})
public sealed interface StoredEvent {

    /** A closed stretch of a machine's timeline. */
    record IntervalClosed(StateInterval interval) implements StoredEvent {
        public UUID id() {
            return nameId(interval.machineId() + "|" + interval.start());
        }
    }

    /** The parts of one minute, as one run of one station counted them. */
    record MinuteClosed(UUID runId, ProductionMinute minute) implements StoredEvent {
    }

    /** A stop that ended, with the reason its fault code names. */
    record DowntimeClosed(DowntimeEvent event) implements StoredEvent {
    }

    /** Something happened to an Andon call; carries the call as it stands after it. */
    record AndonChanged(AndonEvent event) implements StoredEvent {
        public UUID id() {
            return nameId(event.call().id() + "|" + event.kind() + "|" + event.at() + "|" + event.call().revision());
        }
    }

    /** A machine's OEE over a shift that ended (as far as this station saw it). */
    record ShiftClosed(String machineId, String shiftKey, Instant start, Instant end, OeeFigures figures)
            implements StoredEvent {
    }

    static UUID nameId(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
