package com.ms5.floor.plc.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs {@code factor} times faster than the clock under it, starting at the moment it
 * was made. Demo mode and tests use it to see minutes of plant time pass in seconds; the virtual
 * PLC, the poller and analytics must all share the same instance.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final double factor;
    private final Instant origin;

    public ScaledClock(Clock base, double factor) {
        this(base, factor, base.instant());
    }

    private ScaledClock(Clock base, double factor, Instant origin) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("time scale must be positive, was " + factor);
        }
        this.base = base;
        this.factor = factor;
        this.origin = origin;
    }

    public double factor() {
        return factor;
    }

    @Override
    public Instant instant() {
        long realNanos = Duration.between(origin, base.instant()).toNanos();
        return origin.plusNanos(Math.round(realNanos * factor));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), factor, origin);
    }
}
