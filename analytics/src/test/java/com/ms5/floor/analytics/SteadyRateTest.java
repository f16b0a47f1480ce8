package com.ms5.floor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.virtual.SimulatedMachine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A machine that runs at a steady speed shows a steady rate, not a saw-tooth. */
class SteadyRateTest {
    private Instant now = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void rateOfASteadyMachineVariesByAtMostTwoPartsPerMinute() {
        Clock clock = new Clock() {
            @Override public Instant instant() { return now; }
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        };
        // never faults (MTBF of years), no rejects: 0.5 s ideal cycle at 92 % speed = 110.4 parts/min
        SimulatedMachine machine = new SimulatedMachine(clock, 1, 0.5, 0.92, 0, 1e9, 1);
        MachineMetrics metrics = new MachineMetrics("M", 0.5, Duration.ofMinutes(1));
        List<Double> rates = new ArrayList<>();
        for (int scan = 0; scan < 60; scan++) {
            now = now.plusMillis(10_000 + (scan % 3) * 37); // scans 10 s apart with a little jitter
            metrics.accept(now, TagValue.good((long) machine.totalCount(), now),
                    TagValue.good((long) machine.goodCount(), now), TagValue.good(1L, now));
            if (scan > 8) {
                rates.add(metrics.snapshot().ratePerMinute());
            }
        }
        assertThat(rates).allSatisfy(r -> assertThat(r).isBetween(108.4, 112.4));
    }
}
