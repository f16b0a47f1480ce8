package com.ms5.floor.plc.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A plant clock for demos and tests: it reads {@code plantStart} when it is made and then runs
 * {@code factor} times faster than the clock under it, so minutes of plant time pass in seconds
 * and a run can start at a chosen time of day. The virtual PLC, the poller and analytics must all
 * share the same instance.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final double factor;
    private final Instant origin;
    private final Instant plantStart;

    public ScaledClock(Clock base, double factor) {
        this(base, factor, base.instant());
    }

    public ScaledClock(Clock base, double factor, Instant plantStart) {
        this(base, factor, base.instant(), plantStart);
    }

    private ScaledClock(Clock base, double factor, Instant origin, Instant plantStart) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("time scale must be positive, was " + factor);
        }
        this.base = base;
        this.factor = factor;
        this.origin = origin;
        this.plantStart = plantStart;
    }

    public double factor() {
        return factor;
    }

    @Override
    public Instant instant() {
        long realNanos = Duration.between(origin, base.instant()).toNanos();
        return plantStart.plusNanos(Math.round(realNanos * factor));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), factor, origin, plantStart);
    }
}
