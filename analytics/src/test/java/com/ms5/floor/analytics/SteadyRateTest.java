package com.ms5.floor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.pipeline.AnalyticsListener;
import com.ms5.floor.analytics.pipeline.PlantAnalytics;
import com.ms5.floor.analytics.pipeline.PlantModel;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.virtual.LineSimulation;
import com.ms5.floor.plc.virtual.PlantFile;
import com.ms5.floor.plc.virtual.SimulatedMachine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A machine that runs at a steady speed shows a steady rate on the Machine tab, not a saw-tooth. */
class SteadyRateTest {
    private Instant now = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void rateOfASteadyMachineVariesByAtMostTwoPartsPerMinute() {
        Clock clock = new Clock() {
            @Override public Instant instant() { return now; }
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        };
        // never faults (MTBF of years), no rejects, no micro-stops: 0.5 s ideal cycle at 92 % speed = 110.4 parts/min
        LineSimulation line = new LineSimulation(new PlantFile("steady", 1, "UTC", List.of(),
                List.of(new PlantFile.FaultCode(1, "never", 1, 1)), List.of(new PlantFile.Product(1, "p", 1.0)),
                List.of(new PlantFile.Controller("plc", "logix", 0, "plc")),
                List.of(new PlantFile.Line("L", "line", "plc", 0, List.of(new PlantFile.Job(1, Integer.MAX_VALUE)),
                        List.of(new PlantFile.Machine("M", "m", "M", 0.5, 0.92, 0, 1e9, 0, 1, List.of(1)))))), clock);
        SimulatedMachine machine = line.machine("M");
        PlantAnalytics analytics = new PlantAnalytics(new PlantModel(List.of(new PlantModel.Line("L",
                List.of(PlantModel.Machine.standard("M", 0.5)))), OeeProfile.ISO_22400, Duration.ofSeconds(30),
                Duration.ofDays(1)), ShiftCalendar.aroundTheClock(ZoneOffset.UTC), new ReasonTree(List.of()), List.of(),
                new AnalyticsListener() { });
        List<Double> rates = new ArrayList<>();
        for (int scan = 0; scan < 60; scan++) {
            now = now.plusMillis(10_000 + (scan % 3) * 37); // scans 10 s apart with a little jitter
            line.advance();
            analytics.accept(new SampleBatch("plc", "counters", now, Map.of(
                    Role.TOTAL_COUNT.valueName("M"), TagValue.good(machine.totalCount(), now),
                    Role.GOOD_COUNT.valueName("M"), TagValue.good(machine.goodCount(), now),
                    Role.STATE.valueName("M"), TagValue.good(1L, now)), Set.of()));
            if (scan > 8) {
                rates.add(analytics.ratePerMinute("M"));
            }
        }
        assertThat(rates).allSatisfy(r -> assertThat(r).isBetween(108.4, 112.4));
    }
}
