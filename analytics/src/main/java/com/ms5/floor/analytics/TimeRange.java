package com.ms5.floor.analytics;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time [start, end). */
public record TimeRange(Instant start, Instant end) {
    public TimeRange {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A time range ends before it starts: " + start + " .. " + end);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public double seconds() {
        return Duration.between(start, end).toNanos() / 1e9;
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** The part of this range inside {@code other}, or {@code null} if they do not overlap. */
    public TimeRange intersect(TimeRange other) {
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return s.isBefore(e) ? new TimeRange(s, e) : null;
    }

    /** Seconds of this range inside {@code other}. */
    public double overlapSeconds(TimeRange other) {
        TimeRange both = intersect(other);
        return both == null ? 0 : both.seconds();
    }
}
