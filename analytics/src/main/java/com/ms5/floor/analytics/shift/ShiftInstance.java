package com.ms5.floor.analytics.shift;

import com.ms5.floor.analytics.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One shift as it happened on one day, in instants: a night shift over a daylight-saving change
 * is an hour shorter or longer than on other nights.
 *
 * @param date the local date the shift starts on
 */
public record ShiftInstance(String name, LocalDate date, TimeRange span, List<TimeRange> breaks) {
    public ShiftInstance {
        breaks = List.copyOf(breaks);
    }

    public Instant start() {
        return span.start();
    }

    public Instant end() {
        return span.end();
    }

    /** A key that names this shift for reports, e.g. {@code 2026-03-28 Night}. */
    public String key() {
        return date + " " + name;
    }
}
