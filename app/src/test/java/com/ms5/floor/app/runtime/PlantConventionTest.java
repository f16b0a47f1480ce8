package com.ms5.floor.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.app.Await;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.pipeline.AnalyticsListener;
import com.ms5.floor.analytics.pipeline.PlantAnalytics;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.PlcState;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.StateRule;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapValidator;
import com.ms5.floor.plc.virtual.PlantFile;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A plant whose PLC programs speak their own convention: state word values 10-70 instead of 1-7,
 * separate Faulted/Starved/Blocked/Running BOOLs, and the Andon calls on bits 4-7 instead of 0-3.
 * The same simulated hour, read over real EtherNet/IP through a tag map in that convention, gives
 * exactly the figures, stops and calls MS5's own convention gives.
 */
class PlantConventionTest {
    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final Duration RUN = Duration.ofHours(1);

    /** Its own convention, as the virtual plant's PLC programs are reconfigured to speak it. */
    private static final PlantFile.Convention OWN = new PlantFile.Convention(
            Map.of("running", 10, "stopped", 20, "faulted", 30, "starved", 40, "blocked", 50, "planned", 60, "changeover", 70),
            Map.of("maintenance", 4, "quality", 5, "material", 6, "safety", 7));

    /** The same convention, as its engineer writes it into the tag map: the state word's table ... */
    private static final StateRule OWN_WORD = StateRule.word("state", PlcState.DOWN,
            new StateRule.WordValue(10, PlcState.RUNNING), new StateRule.WordValue(20, PlcState.DOWN),
            new StateRule.WordValue(30, PlcState.DOWN), new StateRule.WordValue(40, PlcState.STARVED),
            new StateRule.WordValue(50, PlcState.BLOCKED), new StateRule.WordValue(60, PlcState.PLANNED_STOP),
            new StateRule.WordValue(70, PlcState.CHANGEOVER));
    /** ... or its BOOLs, in priority order ... */
    private static final StateRule OWN_BOOLS = StateRule.conditions(PlcState.DOWN,
            new StateRule.Condition("Faulted", null, PlcState.DOWN), new StateRule.Condition("Starved", null, PlcState.STARVED),
            new StateRule.Condition("Blocked", null, PlcState.BLOCKED), new StateRule.Condition("Running", null, PlcState.RUNNING));
    /** ... and its Andon bits. */
    private static final List<AndonSignal> OWN_ANDON = List.of(new AndonSignal("andon", 4, "maintenance"),
            new AndonSignal("andon", 5, "quality"), new AndonSignal("andon", 6, "material"), new AndonSignal("andon", 7, "safety"));

    /** A line of three machines that fault, starve and block each other often; one product, around the clock. */
    private static final PlantFile PLANT = new PlantFile("convention test", 7, "UTC", List.of(),
            List.of(new PlantFile.FaultCode(11, "jam", 2, 1), new PlantFile.FaultCode(12, "sensor", 1, 1)),
            List.of(new PlantFile.Product(1, "bottle", 1.0)),
            List.of(new PlantFile.Controller("plc", "logix", 0, "1769-L33ER/B LOGIX5333ER")),
            List.of(new PlantFile.Line("L1", "Line 1", "plc", 0, List.of(new PlantFile.Job(1, Integer.MAX_VALUE)), List.of(
                    new PlantFile.Machine("FILLER", "Filler", "Filler", 1.0, 0.95, 0.01, 8, 20, 15, List.of(11, 12)),
                    new PlantFile.Machine("CAPPER", "Capper", "Capper", 0.9, 0.97, 0.01, 12, 10, 15, List.of(11)),
                    new PlantFile.Machine("PACKER", "Packer", "Packer", 0.8, 1.0, 0.0, 10, 15, 1, List.of(12))))));


    /** One tag map's view of the plant: its analytics, fed by its own poller, and what came out. */
    private static final class Reading implements AnalyticsListener {
        final PlantAnalytics analytics;
        final List<AndonEvent> calls = new ArrayList<>();
        final List<StateInterval> closed = new ArrayList<>();
        volatile Instant lastScan = Instant.MIN;
        Poller poller;

        final String name;

        Reading(String name, TagMap map) {
            this.name = name;
            assertThat(TagMapValidator.problems(map)).isEmpty();
            PlantSetup setup = PlantSetup.of(map, RULES, 0, 1.0);
            analytics = new PlantAnalytics(setup.model(), setup.calendar(), setup.reasons(), setup.escalation(), this);
        }

        void poll(TagMap map, MovableClock clock) {
            poller = new Poller(map.connections().getFirst(), PollTag.of(map, "plc"), clock, batch -> {
                synchronized (this) {
                    if (batch.scanTime().equals(clock.instant())) {
                        analytics.accept(batch);
                        lastScan = batch.scanTime();
                    }
                }
            });
            poller.start();
        }

        @Override
        public void onAndon(AndonEvent event) {
            calls.add(event);
        }

        @Override
        public void onInterval(StateInterval interval) {
            closed.add(interval);
        }

        synchronized <T> T read(Function<PlantAnalytics, T> what) {
            return what.apply(analytics);
        }
    }

    private static final PlantRules RULES = PlantSetup.defaultRules().withCalendar("UTC", List.of())
            .withCycles(List.of(new PlantRules.MachineCycle("FILLER", 1.0, Map.of()),
                    new PlantRules.MachineCycle("CAPPER", 0.9, Map.of()), new PlantRules.MachineCycle("PACKER", 0.8, Map.of())));

    @Test
    void aTagMapInThePlantsOwnConventionGivesTheFiguresOfMs5s() throws Exception {
        // The plant's time, moved a step at a time once every poller has scanned: a scan stamped before a step
        // may read values after it, so only scans stamped with the step being taken count (Reading.poll).
        MovableClock clock = new MovableClock(START);
        try (VirtualPlant ms5Plant = VirtualPlant.start(PLANT, clock);
             VirtualPlant ownPlant = VirtualPlant.start(PLANT.withConvention(OWN), clock)) {
            TagMap ms5 = tagMap(ms5Plant, null, null, false);
            TagMap ownWord = tagMap(ownPlant, OWN_WORD, OWN_ANDON, false);
            TagMap ownBools = tagMap(ownPlant, OWN_BOOLS, OWN_ANDON, true);
            List<Reading> readings = List.of(new Reading("MS5's state word", ms5),
                    new Reading("the plant's state word", ownWord), new Reading("the plant's BOOLs", ownBools));
            readings.get(0).poll(ms5, clock);
            readings.get(1).poll(ownWord, clock);
            readings.get(2).poll(ownBools, clock);
            try {
                for (Instant t = START; !t.isAfter(START.plus(RUN)); t = t.plus(STEP)) {
                    clock.moveTo(t);
                    Instant scanned = t;
                    Await.until(Duration.ofSeconds(10), "every poller has scanned at " + t,
                            () -> readings.stream().allMatch(r -> r.lastScan.equals(scanned)));
                }
            } finally {
                readings.forEach(r -> r.poller.close());
            }

            TimeRange hour = new TimeRange(START, START.plus(RUN));
            Reading reference = readings.getFirst();
            for (String machine : List.of("FILLER", "CAPPER", "PACKER")) {
                OeeFigures oee = reference.read(a -> a.oee(machine, hour, hour.end()));
                List<StateInterval> intervals = reference.read(a -> a.intervals(machine, hour));
                for (Reading own : readings.subList(1, 3)) {
                    OeeFigures ownOee = own.read(a -> a.oee(machine, hour, hour.end()));
                    List<StateInterval> ownIntervals = own.read(a -> a.intervals(machine, hour));
                    String which = machine + " read through " + own.name;
                    assertThat(ownIntervals).as(which).containsExactlyElementsOf(intervals);
                    assertThat(ownOee).as(which).isEqualTo(oee);
                }
            }
            for (Reading own : readings.subList(1, 3)) {
                assertThat(own.calls).extracting(PlantConventionTest::call)
                        .containsExactlyElementsOf(reference.calls.stream().map(PlantConventionTest::call).toList());
            }
            // the hour was worth comparing: it had faults, starved and blocked time, and calls
            assertThat(reference.closed).extracting(StateInterval::state)
                    .contains(MachineState.UNPLANNED_DOWN, MachineState.STARVED, MachineState.BLOCKED, MachineState.RUNNING);
            assertThat(reference.calls).extracting(e -> e.call().type().id()).contains("maintenance");
        }
    }

    private static String call(AndonEvent e) {
        return e.kind() + " " + e.call().type().id() + " " + e.call().machineId() + " " + e.at();
    }

    /** The line's tag map: MS5's convention (no rules), or the plant's own, reading its BOOLs or not. */
    private static TagMap tagMap(VirtualPlant plant, StateRule state, List<AndonSignal> andon, boolean bools) {
        TagMap.Connection plc = new TagMap.Connection("plc", Driver.LOGIX, "127.0.0.1", plant.controller("plc").port(), 0,
                List.of(new TagMap.ScanClass("fast", 20)));
        List<TagMap.Machine> machines = new ArrayList<>();
        for (String id : List.of("FILLER", "CAPPER", "PACKER")) {
            String tag = id.charAt(0) + id.substring(1).toLowerCase();
            List<TagMap.Binding> bindings = new ArrayList<>(List.of(
                    binding(Role.STATE, null, tag + ".State", DataType.DINT),
                    binding(Role.FAULT_CODE, null, tag + ".FaultCode", DataType.DINT),
                    binding(Role.TOTAL_COUNT, null, tag + ".TotalCount", DataType.DINT),
                    binding(Role.GOOD_COUNT, null, tag + ".GoodCount", DataType.DINT),
                    binding(Role.ANDON, null, tag + ".Andon", DataType.DINT)));
            if (bools) {
                bindings.removeFirst(); // no state word at all: the BOOLs say it
                for (String bit : List.of("Faulted", "Starved", "Blocked", "Running")) {
                    bindings.add(binding(Role.CUSTOM, bit, tag + "." + bit, DataType.BOOL));
                }
            }
            machines.add(new TagMap.Machine(id, tag, "plc", bindings));
        }
        return new TagMap("convention test", List.of(plc), List.of(new TagMap.Line("L1", "Line 1", machines)))
                .withConventions(state, andon);
    }

    private static TagMap.Binding binding(Role role, String name, String address, DataType type) {
        return new TagMap.Binding(role, name, address, type, null, 0, "fast");
    }
}
