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
        PlantFile plant = TestPlants.oneMachine(7, 0.5, 0.9, 0.05, 5, 0.5, 6);
        LineSimulation readOften = new LineSimulation(plant, clock);
        LineSimulation readOnce = new LineSimulation(plant, clock);
        Instant start = now;
        for (int s = 1; s <= 3600; s++) {
            now = start.plusSeconds(s);
            readOften.advance();
        }
        readOnce.advance();
        SimulatedMachine a = readOften.machine("M");
        SimulatedMachine b = readOnce.machine("M");
        assertThat(b.totalCount()).isEqualTo(a.totalCount()).isPositive();
        assertThat(b.goodCount()).isEqualTo(a.goodCount());
        assertThat(b.state()).isEqualTo(a.state());
    }

    /**
     * Over a long fast-forward run the simulated figures converge to the configured ones:
     * availability MTBF / (MTBF + MTTR), parts = running time x speed / ideal cycle, rejects = rate.
     */
    @Test
    void aWeekOfProductionConvergesToTheConfiguredFigures() {
        double ideal = 2.0;
        double speed = 0.9;
        double reject = 0.03;
        double mtbf = 30;
        double mttr = 5;
        LineSimulation simulation = new LineSimulation(TestPlants.oneMachine(11, ideal, speed, reject, mtbf, mttr, 0), clock);
        double running = 0;
        double total = 0;
        Instant start = now;
        for (int s = 1; s <= 7 * 24 * 3600; s++) {
            now = start.plusSeconds(s);
            simulation.advance();
            if (simulation.machine("M").state() == SimulatedMachine.STATE_RUNNING) {
                running++;
            }
            total++;
        }
        SimulatedMachine m = simulation.machine("M");
        double availability = running / total;
        assertThat(availability).isCloseTo(mtbf / (mtbf + mttr), org.assertj.core.data.Offset.offset(0.02));
        double expectedParts = running * speed / ideal;
        assertThat((double) m.totalCount()).isCloseTo(expectedParts, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat((double) m.rejectCount() / m.totalCount()).isCloseTo(reject, org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void aStopUpstreamStarvesTheMachinesDownstreamAndTheCalendarStopsThePlant() throws Exception {
        PlantFile demo;
        try (var json = getClass().getResourceAsStream("/ms5/plant/demo-plant.json")) {
            demo = PlantFile.load(json, "demo-plant.json");
        }
        now = Instant.parse("2026-11-24T06:00:00Z");
        LineSimulation simulation = new LineSimulation(demo, clock);
        java.util.Set<Integer> fillerStates = new java.util.HashSet<>();
        java.util.Set<Integer> packerStates = new java.util.HashSet<>();
        Instant start = now;
        for (int s = 1; s <= 8 * 3600; s++) { // the early shift
            now = start.plusSeconds(s);
            simulation.advance();
            fillerStates.add(simulation.machine("L1-FILLER").state());
            packerStates.add(simulation.machine("L1-PACKER").state());
        }
        assertThat(fillerStates).contains(SimulatedMachine.STATE_RUNNING, SimulatedMachine.STATE_FAULTED,
                SimulatedMachine.STATE_STOPPED, SimulatedMachine.STATE_PLANNED_STOP);
        assertThat(packerStates).as("the packer waits for the filler").contains(SimulatedMachine.STATE_STARVED);
        assertThat(simulation.machine("L1-FILLER").totalCount()).isBetween(20_000L, 55_000L);
    }
}
