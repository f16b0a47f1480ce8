package com.ms5.floor.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.rules.PlantRulesCheck;
import com.ms5.floor.app.rules.PlantRulesJson;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.PlantFile;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plant rules document: the demo's, its checks with their rows, its diff, JSON, and what analytics makes of it. */
class PlantRulesTest {
    private final PlantRules demo = PlantSetup.demoRules();

    private static PlantFile demoFile() {
        try (InputStream in = VirtualPlant.class.getResourceAsStream("/ms5/plant/demo-plant.json")) {
            return PlantFile.load(in, "demo-plant.json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo's rules name what the virtual plant does: its fault codes, shifts, products and machines. */
    @Test
    void theDemoRulesAgreeWithTheVirtualPlant() {
        PlantFile plant = demoFile();
        assertThat(PlantRulesCheck.problems(demo)).isEmpty();
        assertThat(demo.faultCodes()).extracting(PlantRules.FaultCode::code)
                .containsExactlyElementsOf(plant.faultCodes().stream().map(f -> (long) f.code()).toList());
        assertThat(demo.shifts()).extracting(PlantRules.Shift::name, PlantRules.Shift::start, PlantRules.Shift::end)
                .containsExactlyElementsOf(plant.shifts().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.name(),
                        s.start(), s.end())).toList());
        assertThat(demo.products()).extracting(PlantRules.Product::id)
                .containsExactlyElementsOf(plant.products().stream().map(p -> (long) p.id()).toList());
        for (PlantFile.Line line : plant.lines()) {
            for (PlantFile.Machine m : line.machines()) {
                assertThat(demo.cycles()).filteredOn(c -> c.machine().equals(m.id())).singleElement()
                        .satisfies(c -> assertThat(c.idealSeconds()).isEqualTo(m.idealCycleSeconds()));
            }
        }
        assertThat(PlantRulesJson.fromJson(PlantRulesJson.toJson(demo), "test")).isEqualTo(demo);
        assertThat(PlantRulesCheck.problems(PlantSetup.defaultRules())).isEmpty();
    }

    @Test
    void eachProblemNamesItsSectionRowAndField() {
        List<PlantRules.Reason> reasons = new ArrayList<>(demo.reasons());
        reasons.add(new PlantRules.Reason("fault-101", "Twice", null, LossCategory.BREAKDOWN, false));
        reasons.add(new PlantRules.Reason("jam", "Jam", "nowhere", LossCategory.BREAKDOWN, false));
        List<PlantRules.FaultCode> faults = new ArrayList<>(demo.faultCodes());
        faults.add(new PlantRules.FaultCode(101, "again", "fault-101"));
        List<PlantRules.Shift> shifts = new ArrayList<>(demo.shifts());
        shifts.add(new PlantRules.Shift("Overtime", "13:00", "15:00", List.of(DayOfWeek.SATURDAY), List.of()));
        shifts.set(0, new PlantRules.Shift("Early", "6:00", "14:00", List.of(DayOfWeek.MONDAY), List.of()));
        PlantRules broken = demo.withReasons(reasons).withFaultCodes(faults).withShifts(shifts)
                .withCalendar("Mars/Olympus", List.of("2026-13-01"))
                .withCallTypes(List.of(new PlantRules.CallRule("maintenance", "Maintenance", 1,
                        List.of(new PlantRules.Step(5, "lead"), new PlantRules.Step(5, "")), false)));

        assertThat(PlantRulesCheck.problems(broken)).extracting(Object::toString).containsExactly(
                "calendar, time zone: 'Mars/Olympus' is not a time zone; use a name like Europe/Berlin or America/Chicago",
                "calendar row 1, holiday: '2026-13-01' is not a date; write it as 2026-12-25",
                "reasons row " + (demo.reasons().size() + 1) + ", id: 'fault-101' is used twice",
                "reasons row " + (demo.reasons().size() + 2) + ", parent: there is no reason 'nowhere'",
                "fault codes row 15, code: 101 is listed twice",
                "shifts row 1, start: '6:00' is not a time of day; write it as 06:00",
                "shifts row 4, times: overlaps shift 'Late'; a moment belongs to one shift",
                "call types row 1, level 2: must come later than level 1 (5 min)",
                "call types row 1, level 2: say who is called");
    }

    @Test
    void aNightShiftThatRunsIntoTheNextDayIsNoOverlap() {
        assertThat(PlantRulesCheck.problems(demo.withShifts(List.of(
                new PlantRules.Shift("Night", "22:00", "06:00", List.of(DayOfWeek.values()), List.of(
                        new PlantRules.Break("Meal", "01:30", "02:00"))),
                new PlantRules.Shift("Day", "06:00", "22:00", List.of(DayOfWeek.values()), List.of()))))).isEmpty();
        assertThat(PlantRulesCheck.problems(demo.withShifts(List.of(
                new PlantRules.Shift("Night", "22:00", "06:00", List.of(DayOfWeek.SUNDAY), List.of(
                        new PlantRules.Break("Meal", "07:00", "07:30"))),
                new PlantRules.Shift("Early", "05:00", "13:00", List.of(DayOfWeek.MONDAY), List.of())))))
                .extracting(Object::toString).containsExactly(
                        "shifts row 1, breaks: break 07:00-07:30 does not lie inside the shift 22:00-06:00",
                        "shifts row 2, times: overlaps shift 'Night'; a moment belongs to one shift");
    }

    @Test
    void theDiffSaysWhatChangedInWords() {
        List<PlantRules.FaultCode> faults = new ArrayList<>(demo.faultCodes());
        faults.set(0, new PlantRules.FaultCode(101, "Bottle jam at infeed starwheel", "jam"));
        List<PlantRules.Reason> reasons = new ArrayList<>(demo.reasons());
        reasons.add(new PlantRules.Reason("jam", "Jam", null, LossCategory.BREAKDOWN, false));
        PlantRules after = demo.withReasons(reasons).withFaultCodes(faults)
                .withProducts(List.of(demo.products().get(0)));

        assertThat(ConfigKind.PLANT_RULES.diff().apply(demo, after)).containsExactly(
                "reason jam added: name Jam, category BREAKDOWN",
                "fault code 101 reason: fault-101 -> jam",
                "product 1002 removed", "product 2001 removed", "product 2002 removed", "product 3001 removed");
        assertThat(ConfigKind.PLANT_RULES.summary(demo, demo)).isEqualTo("no changes");
        assertThat(ConfigKind.PLANT_RULES.summary(demo, after)).isEqualTo("reason jam added: name Jam, category "
                + "BREAKDOWN; fault code 101 reason: fault-101 -> jam; product 1002 removed; product 2001 "
                + "removed; product 2002 removed; product 3001 removed");
        TagMap map = VirtualPlant.demoTagMap();
        TagMap renamed = new TagMap("Other plant", map.state(), map.andon(), map.connections(), map.lines());
        assertThat(ConfigKind.TAG_MAP.summary(map, renamed)).isEqualTo("plant name: " + map.plant() + " -> Other plant");
    }

    @Test
    void analyticsIsToldTheRulesOfItsVersion() {
        PlantSetup setup = PlantSetup.of(VirtualPlant.demoTagMap(), demo, 4, 1.0);

        assertThat(setup.faults().version()).isEqualTo(4);
        assertThat(setup.faults().reasonFor(101)).isEqualTo("fault-101");
        assertThat(setup.reasons().path("fault-101")).isEqualTo("Mechanical / Bottle jam at infeed starwheel");
        assertThat(setup.model().lines().get(0).machines().get(2).idealCycleByProduct())
                .containsEntry(1002L, setup.model().lines().get(0).machines().get(2).idealCycleSeconds() * 1.35);
        assertThat(setup.escalation()).hasSize(4);
        assertThat(setup.calendar().shiftAt(Instant.parse("2026-11-25T07:00:00Z")).key()).contains("Early");
    }

    /**
     * The counting page's rules reach analytics: the plant's 90 s micro-stops and 5 s debounce, the
     * filler's own 30 s micro-stops; a planned stop of line 2 is planned there and nowhere else (in the
     * plant's zone); a minute of line 1's downtime costs 18, of a quality stop 40.
     */
    @Test
    void thresholdsPlannedStopsAndCostsReachAnalytics() {
        PlantRules rules = demo.withFigures(new PlantRules.Figures("ISO_22400", 90, 5))
                .withCycles(demo.cycles().stream().map(c -> c.machine().equals("L1-FILLER") ? c.withThresholds(30, null) : c).toList())
                .withPlannedWindows(List.of(new PlantRules.PlannedWindow("L2", "2026-11-25 10:00", "2026-11-25 11:00", "Team meeting")));
        PlantSetup setup = PlantSetup.of(VirtualPlant.demoTagMap(), rules, 5, 1.0);

        var line1 = setup.model().lines().get(0).machines();
        assertThat(line1).filteredOn(m -> m.id().equals("L1-FILLER")).singleElement().satisfies(m -> {
            assertThat(m.microStopThreshold()).hasSeconds(30);
            assertThat(m.debounce()).hasSeconds(5);
        });
        assertThat(line1).filteredOn(m -> m.id().equals("L1-CAPPER")).singleElement().satisfies(m ->
                assertThat(m.microStopThreshold()).hasSeconds(90));
        Instant meeting = Instant.parse("2026-11-25T10:30:00Z"); // the demo's rules keep UTC
        assertThat(setup.calendar().forLine("L2").periodAt(meeting).reason()).isEqualTo("Team meeting");
        assertThat(setup.calendar().forLine("L1").periodAt(meeting).status())
                .isEqualTo(com.ms5.floor.analytics.shift.PlannedStatus.PRODUCTION);
        assertThat(setup.cost().perMinute("L1", LossCategory.BREAKDOWN)).isEqualTo(18.0);
        assertThat(setup.cost().perMinute("L1", LossCategory.QUALITY)).isEqualTo(40.0);
        assertThat(setup.cost().currency()).isEqualTo("EUR");
    }

    @Test
    void retiredReasonsStayForHistoryButAreNotOffered() {
        List<PlantRules.Reason> reasons = new ArrayList<>(demo.reasons());
        int jam = demo.reasons().stream().map(PlantRules.Reason::id).toList().indexOf("fault-101");
        reasons.set(jam, new PlantRules.Reason("fault-101", "Bottle jam", null, LossCategory.BREAKDOWN, true));
        List<PlantRules.FaultCode> faults = new ArrayList<>(demo.faultCodes());
        faults.set(0, new PlantRules.FaultCode(101, "Bottle jam at infeed starwheel", null));
        PlantSetup setup = PlantSetup.of(VirtualPlant.demoTagMap(), demo.withReasons(reasons).withFaultCodes(faults), 2, 1.0);

        assertThat(setup.reasons().path("fault-101")).isEqualTo("Bottle jam");
        assertThat(setup.reasons().search("jam")).isEmpty();
        assertThat(PlantRulesCheck.problems(demo.withReasons(reasons))).extracting(Object::toString)
                .containsExactly("fault codes row 1, reason: 'fault-101' is retired; choose a reason in use");
        assertThatThrownBy(() -> PlantRulesJson.fromJson("{\"timeZone\": \"UTC\", \"reasons\": 3}", "plant rules version 9"))
                .hasMessageStartingWith("plant rules version 9 cannot be read");
    }
}
