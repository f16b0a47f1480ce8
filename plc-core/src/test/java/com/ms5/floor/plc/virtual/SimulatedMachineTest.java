package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedMachineTest {
    private Instant now = Instant.parse("2026-11-24T06:00:00Z");
    private final Clock clock = new Clock() {
        @Override public Instant instant() { return now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    };

    @Test
    void theSameSeedGivesTheSameCountsHoweverOftenItIsRead() {
        SimulatedMachine readOften = new SimulatedMachine(clock, 7, 0.5, 0.9, 0.05, 300, 30);
        SimulatedMachine readOnce = new SimulatedMachine(clock, 7, 0.5, 0.9, 0.05, 300, 30);
        Instant start = now;
        for (int s = 1; s <= 3600; s++) {
            now = start.plusSeconds(s);
            readOften.totalCount();
        }
        assertThat(readOnce.totalCount()).isEqualTo(readOften.totalCount());
        assertThat(readOnce.goodCount()).isEqualTo(readOften.goodCount());
        assertThat(readOnce.state()).isEqualTo(readOften.state());
    }

    @Test
    void anHourOfProductionFollowsTheIdealCycleWithLossesAndRejects() {
        SimulatedMachine machine = new SimulatedMachine(clock, 11, 0.5, 0.9, 0.05, 300, 30);
        now = now.plusSeconds(3600);
        int total = machine.totalCount();
        // at most 7200 parts (0.5 s cycle, no losses); speed and faults take some away
        assertThat(total).isBetween(4000, 6480);
        double rejectShare = 1 - (double) machine.goodCount() / total;
        assertThat(rejectShare).isBetween(0.03, 0.07);
    }
}
