package com.ms5.floor.analytics.trend;

import java.time.Duration;
import java.time.Instant;

/**
 * An exponentially weighted moving average for samples at irregular times: a sample after a gap
 * of dt weighs 1 - exp(-dt / timeConstant), so the smoothing does not depend on the scan rate.
 */
public final class Ewma {
    private final double timeConstantSeconds;
    private double value = Double.NaN;
    private Instant last;

    public Ewma(Duration timeConstant) {
        this.timeConstantSeconds = timeConstant.toNanos() / 1e9;
    }

    public double add(Instant time, double sample) {
        if (Double.isNaN(value)) {
            value = sample;
        } else if (time.isAfter(last)) {
            double dt = Duration.between(last, time).toNanos() / 1e9;
            value += (1 - Math.exp(-dt / timeConstantSeconds)) * (sample - value);
        }
        last = time;
        return value;
    }

    public double value() {
        return value;
    }
}
