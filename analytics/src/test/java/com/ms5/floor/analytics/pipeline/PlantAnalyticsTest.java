package com.ms5.floor.analytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.andon.CallType;
import com.ms5.floor.analytics.andon.EscalationRule;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.FaultReasonMap;
import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.PlcState;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.StateRule;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sample batches as plc-core delivers them, through the whole pipeline. One scan per second. */
class PlantAnalyticsTest {
    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final ReasonTree REASONS = new ReasonTree(List.of(
            new ReasonTree.Node("jam", "Bottle jam", null, LossCategory.BREAKDOWN)));

    private final List<DowntimeEvent> downtime = new ArrayList<>();
    private final List<AndonEvent> andon = new ArrayList<>();
    private final List<ProductionMinute> minutes = new ArrayList<>();
    private final PlantAnalytics plant = new PlantAnalytics(
            new PlantModel(List.of(new PlantModel.Line("L1", List.of(PlantModel.Machine.standard("FILLER", 0.5),
                    PlantModel.Machine.standard("CAPPER", 1.0)))), OeeProfile.ISO_22400, Duration.ofSeconds(10),
                    Duration.ofDays(1)),
            ShiftCalendar.aroundTheClock(ZoneOffset.UTC), REASONS, List.of(), new AnalyticsListener() {
                @Override
                public void onDowntime(DowntimeEvent event) {
                    downtime.add(event);
                }

                @Override
                public void onAndon(AndonEvent event) {
                    andon.add(event);
                }

                @Override
                public void onMinute(ProductionMinute minute) {
                    minutes.add(minute);
                }
            });

    private void scan(long second, String machine, long state, long total, long good, long fault) {
        Instant t = T0.plusSeconds(second);
        Map<String, TagValue> values = new HashMap<>();
        values.put(machine + ".state", TagValue.good(state, t));
        values.put(machine + ".totalCount", TagValue.good(total, t));
        values.put(machine + ".goodCount", TagValue.good(good, t));
        values.put(machine + ".faultCode", TagValue.good(fault, t));
        plant.accept(new SampleBatch("plc", "fast", t, values, Set.of()));
    }

    /**
     * The filler's DINT counter wraps from 2,147,483,600 past 2,147,483,647 to -2,147,483,608:
     * 2 parts a second for 60 s is 120 parts, not minus four billion. Then a download resets it to
     * 0 and it counts 30 parts again: those 30 count, the drop does not.
     */
    @Test
    void countersThatWrapOrAreResetCountTheRealParts() {
        long total = 2_147_483_600L;
        for (int s = 0; s <= 60; s++) {
            long raw = total + 2L * s;
            long asDint = (int) raw; // what the PLC's 32-bit counter reads
            scan(s, "FILLER", 1, asDint, asDint, 0);
        }
        scan(61, "FILLER", 1, 0, 0, 0); // reset by a program download: 0 parts between the reads
        scan(75, "FILLER", 1, 30, 30, 0);
        scan(120, "FILLER", 1, 30, 30, 0);
        TimeRange window = new TimeRange(T0, T0.plusSeconds(120));
        OeeFigures oee = plant.oee("FILLER", window, T0.plusSeconds(120));
        assertThat(oee.totalCount()).isEqualTo(120 + 30);
        assertThat(minutes).extracting(ProductionMinute::totalCount).containsExactly(118L, 32L);
    }

    /**
     * The station freezes for two minutes while the filler makes a part a second: the read after the
     * freeze counts 120 more parts. They were made over the freeze, so they are spread over its minutes
     * (60 a minute, as before it), not put all in the minute of the read at four times the machine's rate.
     */
    @Test
    void partsReadAfterAFreezeAreSpreadOverItsMinutes() {
        for (int s = 0; s <= 60; s++) {
            scan(s, "FILLER", 1, s, s - s / 30, 0);
        }
        scan(180, "FILLER", 1, 180, 180 - 6, 0); // two minutes later: 120 parts, 4 of them rejects
        scan(240, "FILLER", 1, 240, 240 - 8, 0); // a minute later: 60 more
        // minute 0: 59 parts read each second; minute 1: the read at 60 s and the freeze's first minute; minute 2:
        // its second (the rejects go to the later minutes); minute 3: the minute before the read at 240 s
        assertThat(minutes).extracting(m -> m.totalCount() + "/" + m.goodCount())
                .containsExactly("59/58", "61/60", "60/56", "60/58");
        assertThat(minutes.stream().mapToLong(ProductionMinute::totalCount).sum()).as("no part lost or doubled")
                .isEqualTo(240);
    }

    /**
     * The filler stops with fault 12 at 10 s, which the table maps to "Bottle jam". That raises
     * one maintenance call at once (held for 4 minutes, not re-raised every scan) and, when it runs
     * again at 250 s, a 240 s downtime event with the reason, and the call returns to normal
     * waiting for its acknowledgement.
     */
    @Test
    void aFaultRaisesOneCallAndBecomesADowntimeEventWithItsReason() {
        plant.downtime().useMapping(new FaultReasonMap(1, Instant.EPOCH, "engineer", Map.of(12L, "jam")));
        for (int s = 0; s <= 300; s++) {
            boolean faulted = s >= 10 && s < 250;
            scan(s, "FILLER", faulted ? 3 : 1, s, s, faulted ? 12 : 0);
        }
        assertThat(andon).filteredOn(e -> e.kind() == AndonEvent.Kind.RAISED).singleElement().satisfies(e -> {
            assertThat(e.call().rootCause()).isEqualTo("FILLER fault 12");
            assertThat(e.call().raisedAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(e.call().source()).isEqualTo(AndonCall.Source.FAULT_CODE);
        });
        assertThat(plant.andon().board()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(AlarmState.RTN_UNACK));
        assertThat(downtime).singleElement().satisfies(e -> {
            assertThat(e.reasonId()).isEqualTo("jam");
            assertThat(e.seconds()).isEqualTo(240);
            assertThat(e.lineId()).isEqualTo("L1");
        });
    }

    /**
     * An engineer's new rules arrive at 60 s while the filler runs at 1 part a second: fault 12 now
     * means "Seal worn", maintenance calls are "Fitter" calls that call the fitter after one minute,
     * and the filler's ideal cycle is 0.25 s instead of 0.5 s. The stop from 70 s to 200 s gets the
     * new reason under the new table's version, its call the new label and escalation, and the
     * minute after the change counts its 60 parts at the new ideal time.
     */
    @Test
    void newRulesApplyFromTheirArrivalOn() {
        plant.downtime().useMapping(new FaultReasonMap(1, Instant.EPOCH, "engineer", Map.of(12L, "jam")));
        for (int s = 0; s < 60; s++) {
            scan(s, "FILLER", 1, s, s, 0);
        }
        ReasonTree reasons = new ReasonTree(List.of(new ReasonTree.Node("jam", "Bottle jam", null, LossCategory.BREAKDOWN),
                new ReasonTree.Node("seal", "Seal worn", null, LossCategory.BREAKDOWN)));
        plant.useRules(ShiftCalendar.aroundTheClock(ZoneOffset.UTC), reasons,
                new FaultReasonMap(2, Instant.EPOCH, "engineer", Map.of(12L, "seal")),
                List.of(new CallType("maintenance", "Fitter", 0)),
                List.of(new EscalationRule("maintenance", List.of(new EscalationRule.Step(1, Duration.ofMinutes(1), "fitter")),
                        false)));
        plant.useLines(List.of(new PlantModel.Line("L1", List.of(PlantModel.Machine.standard("FILLER", 0.25),
                PlantModel.Machine.standard("CAPPER", 1.0)))), T0.plusSeconds(60));
        for (int s = 60; s <= 240; s++) {
            boolean faulted = s >= 70 && s < 200;
            scan(s, "FILLER", faulted ? 3 : 1, s, s, faulted ? 12 : 0);
        }

        assertThat(andon).filteredOn(e -> e.kind() == AndonEvent.Kind.RAISED).singleElement()
                .satisfies(e -> assertThat(e.call().type().label()).isEqualTo("Fitter"));
        assertThat(andon).filteredOn(e -> e.kind() == AndonEvent.Kind.ESCALATED).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("level 1: fitter");
            assertThat(e.at()).isEqualTo(T0.plusSeconds(130));
        });
        assertThat(downtime).singleElement().satisfies(e -> {
            assertThat(e.reasonId()).isEqualTo("seal");
            assertThat(e.mappingVersion()).isEqualTo(2);
        });
        assertThat(minutes.get(0).idealSeconds()).isCloseTo(59 * 0.5, within(0.01));
        assertThat(minutes.get(1).idealSeconds()).isCloseTo(60 * 0.25, within(0.01));
    }

    /**
     * A new tag-map version at 60 s moves the capper, down with fault 12 since 30 s, to a new line
     * L2 and adds a sealer there. The capper's call on L1 clears and is raised again on L2; its
     * stop, ending at 200 s, is L2's; the sealer counts from its first value; the capper's
     * history stays its own.
     */
    @Test
    void machinesAddedOrMovedByANewTagMapCountForTheirLineFromThenOn() {
        for (int s = 0; s < 60; s++) {
            scan(s, "CAPPER", s < 30 ? 1 : 3, Math.min(s, 30), Math.min(s, 30), s < 30 ? 0 : 12);
        }
        plant.useLines(List.of(new PlantModel.Line("L1", List.of(PlantModel.Machine.standard("FILLER", 0.5))),
                new PlantModel.Line("L2", List.of(PlantModel.Machine.standard("CAPPER", 1.0),
                        PlantModel.Machine.standard("SEALER", 1.0)))), T0.plusSeconds(60));
        for (int s = 60; s <= 260; s++) {
            scan(s, "CAPPER", s < 200 ? 3 : 1, 30 + Math.max(0, s - 200), 30 + Math.max(0, s - 200), s < 200 ? 12 : 0);
            scan(s, "SEALER", 1, s - 60, s - 60, 0);
        }

        assertThat(andon).filteredOn(e -> e.kind() == AndonEvent.Kind.RAISED).extracting(e -> e.call().lineId())
                .containsExactly("L1", "L2");
        assertThat(plant.andon().openCalls()).filteredOn(c -> c.lineId().equals("L1")).allSatisfy(c ->
                assertThat(c.active()).isFalse());
        assertThat(downtime).singleElement().satisfies(e -> {
            assertThat(e.lineId()).isEqualTo("L2");
            assertThat(e.start()).isEqualTo(T0.plusSeconds(30));
        });
        TimeRange window = new TimeRange(T0, T0.plusSeconds(260));
        assertThat(plant.oee("SEALER", window, T0.plusSeconds(260)).totalCount()).isEqualTo(200);
        assertThat(plant.oee("CAPPER", window, T0.plusSeconds(260)).totalCount()).isEqualTo(30 + 60);
        assertThat(plant.oee("L2", window, T0.plusSeconds(260)).totalCount()).isEqualTo(30 + 60 + 200);
    }

    /**
     * Line L2 has planned maintenance from 60 s to 180 s; L1 has none. The filler (L1) and the sealer
     * (L2) both stop for it: the sealer's two minutes are planned (out of its availability, no stop
     * to give a reason for), the filler's are an unplanned stop. The capper, on L2 as well, runs
     * straight through the window: its running time and parts count as production.
     */
    @Test
    void aPlannedWindowStopsOnlyItsLinesAndAMachineRunningThroughItStillCounts() {
        plant.useLines(List.of(new PlantModel.Line("L1", List.of(PlantModel.Machine.standard("FILLER", 0.5))),
                new PlantModel.Line("L2", List.of(PlantModel.Machine.standard("CAPPER", 1.0),
                        PlantModel.Machine.standard("SEALER", 1.0)))), T0);
        ShiftCalendar.PlannedWindow maintenance = new ShiftCalendar.PlannedWindow(
                new TimeRange(T0.plusSeconds(60), T0.plusSeconds(180)), "Planned maintenance", Set.of("L2"));
        plant.useRules(new ShiftCalendar(ZoneOffset.UTC, List.of(com.ms5.floor.analytics.shift.ShiftDefinition.daily("Day",
                        java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT)), Set.of(), List.of(maintenance)),
                REASONS, new FaultReasonMap(1, Instant.EPOCH, "engineer", Map.of()), List.of(), List.of());
        for (int s = 0; s <= 240; s++) {
            boolean stopped = s >= 60 && s < 180;
            scan(s, "FILLER", stopped ? 2 : 1, s, s, 0);
            scan(s, "SEALER", stopped ? 2 : 1, s, s, 0);
            scan(s, "CAPPER", 1, s, s, 0);
        }
        TimeRange window = new TimeRange(T0, T0.plusSeconds(240));
        Instant now = T0.plusSeconds(240);
        OeeFigures sealer = plant.oee("SEALER", window, now);
        assertThat(sealer.plannedStopSeconds()).isEqualTo(120);
        assertThat(sealer.unplannedSeconds()).isZero();
        assertThat(sealer.availability()).isEqualTo(1.0);
        OeeFigures filler = plant.oee("FILLER", window, now);
        assertThat(filler.unplannedSeconds()).isEqualTo(120);
        assertThat(filler.plannedStopSeconds()).isZero();
        OeeFigures capper = plant.oee("CAPPER", window, now);
        assertThat(capper.runSeconds()).isEqualTo(240);
        assertThat(capper.plannedStopSeconds()).isZero();
        assertThat(downtime).extracting(DowntimeEvent::machineId).containsExactly("FILLER");
    }

    @Test
    void aBadValueMakesTheMachineUnknownAndItsTimeIsLeftOut() {
        for (int s = 0; s < 30; s++) {
            scan(s, "FILLER", 1, 2L * s, 2L * s, 0);
        }
        for (int s = 30; s < 60; s++) { // the state word reads bad for 30 s; the counters are fine
            Instant t = T0.plusSeconds(s);
            plant.accept(new SampleBatch("plc", "fast", t, Map.of("FILLER.state", TagValue.failed(Quality.COMM_FAILURE, t),
                    "FILLER.totalCount", TagValue.good(60L, t), "FILLER.goodCount", TagValue.good(60L, t),
                    "FILLER.faultCode", TagValue.good(0L, t)), Set.of()));
        }
        assertThat(plant.currentState("FILLER").state()).isEqualTo(MachineState.UNKNOWN);
        scan(60, "FILLER", 1, 120, 120, 0);
        OeeFigures oee = plant.oee("FILLER", new TimeRange(T0, T0.plusSeconds(60)), T0.plusSeconds(60));
        assertThat(oee.runSeconds()).isEqualTo(30);
        assertThat(oee.unknownSeconds()).isEqualTo(30);
    }

    /**
     * Over 100 s the filler (ideal 0.5 s) runs throughout and makes 160 good parts: OEE = 80 s /
     * 100 s = 80 %. The capper's PLC answers only from 50 s on (unknown before, so outside its
     * loading time); it runs and makes 50 good parts at its ideal 1 s: OEE = 50 s / 50 s = 100 %.
     * The line's OEE is the ideal time of all good parts over all loading time: (80 + 50) /
     * (100 + 50) = 86.7 %, not the 90 % that averaging the percentages would give.
     */
    @Test
    void aLinesOeeIsTimeWeightedNotAnAverageOfPercentages() {
        for (int s = 0; s <= 100; s++) {
            scan(s, "FILLER", 1, s * 16L / 10, s * 16L / 10, 0);
            if (s >= 50) {
                scan(s, "CAPPER", 1, s - 50, s - 50, 0);
            }
        }
        TimeRange window = new TimeRange(T0, T0.plusSeconds(100));
        Instant now = T0.plusSeconds(100);
        assertThat(plant.oee("FILLER", window, now).oee()).isCloseTo(0.80, within(1e-9));
        OeeFigures capper = plant.oee("CAPPER", window, now);
        assertThat(capper.oee()).isCloseTo(1.0, within(1e-9));
        assertThat(capper.unknownSeconds()).isEqualTo(50);
        OeeFigures line = plant.oee("L1", window, now);
        assertThat(line.loadingSeconds()).isEqualTo(150);
        assertThat(line.oee()).isCloseTo(130.0 / 150, within(1e-9));
    }

    /** A Logix BOOL arrives as a Boolean: a running bit alone says running or down. */
    @Test
    void aRunningBitAloneGivesTheState() {
        for (int s = 0; s <= 20; s++) {
            Instant t = T0.plusSeconds(s);
            plant.accept(new SampleBatch("plc", "fast", t, Map.of("CAPPER.running", TagValue.good(s < 10, t),
                    "CAPPER.totalCount", TagValue.good((long) Math.min(s, 10), t)), Set.of()));
        }
        assertThat(plant.intervals("CAPPER", new TimeRange(T0, T0.plusSeconds(20))))
                .extracting(i -> i.state() + " " + i.range(T0.plusSeconds(20)).seconds())
                .containsExactly("RUNNING 10.0", "UNPLANNED_DOWN 10.0");
    }

    /**
     * A packer in its plant's own convention: separate Faulted, Starved and Running BOOLs in that
     * priority, and the quality call on bit 5 of its Calls word. Faulted with Running still set
     * is down; a set bit 5 raises a quality call, which returns to normal when the bit clears; bit 0 of Calls
     * (MS5's maintenance bit) means nothing here.
     */
    @Test
    void aMachineInItsPlantsOwnConventionReadsAsItsEngineerSaid() {
        StateRule bools = StateRule.conditions(PlcState.DOWN,
                new StateRule.Condition("Faulted", null, PlcState.DOWN),
                new StateRule.Condition("Starved", null, PlcState.STARVED),
                new StateRule.Condition("Running", null, PlcState.RUNNING));
        PlantModel.Machine packer = new PlantModel.Machine("PACKER", 1.0, Map.of(), bools,
                List.of(new AndonSignal("Calls", 5, "quality")), Duration.ofMinutes(2), Duration.ZERO);
        plant.useLines(List.of(new PlantModel.Line("L1", List.of(packer))), T0);
        for (int s = 0; s <= 400; s++) {
            boolean faulted = s >= 100 && s < 250;
            boolean starved = s >= 300 && s < 330;
            int calls = s >= 150 && s < 200 ? 1 << 5 : 1; // bit 0 is always set: not this plant's meaning
            Instant t = T0.plusSeconds(s);
            Map<String, TagValue> values = new HashMap<>();
            values.put("PACKER.Faulted", TagValue.good(faulted, t));
            values.put("PACKER.Starved", TagValue.good(starved, t));
            values.put("PACKER.Running", TagValue.good(true, t));
            values.put("PACKER.Calls", TagValue.good((long) calls, t));
            values.put("PACKER.totalCount", TagValue.good((long) s, t));
            plant.accept(new SampleBatch("plc", "fast", t, values, Set.of()));
        }
        assertThat(plant.intervals("PACKER", new TimeRange(T0, T0.plusSeconds(400))))
                .extracting(i -> i.state() + " " + i.range(T0).seconds())
                .startsWith("RUNNING 100.0", "UNPLANNED_DOWN 150.0", "RUNNING 50.0", "STARVED 30.0");
        assertThat(andon).extracting(e -> e.kind() + " " + e.call().type().id() + " " + e.at())
                .containsExactly("RAISED quality " + T0.plusSeconds(150), "RETURNED quality " + T0.plusSeconds(200));
    }
}
