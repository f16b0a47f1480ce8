package com.ms5.floor.analytics.downtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.shift.ShiftDefinition;
import com.ms5.floor.analytics.shift.ShiftInstance;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DowntimeTest {
    static final ReasonTree REASONS = new ReasonTree(List.of(
            new ReasonTree.Node("mech", "Mechanical", null, LossCategory.BREAKDOWN),
            new ReasonTree.Node("mech.jam", "Conveyor jam", "mech", LossCategory.BREAKDOWN),
            new ReasonTree.Node("mech.motor", "Motor overload", "mech", LossCategory.BREAKDOWN),
            new ReasonTree.Node("setup", "Changeover", null, LossCategory.SETUP),
            new ReasonTree.Node("material", "No bottles", null, LossCategory.MATERIAL)));
    static final Instant T = Instant.parse("2026-11-24T21:50:00Z");

    private final DowntimeLog log = new DowntimeLog(REASONS, Map.of("FILLER", "L1", "CAPPER", "L1"), Duration.ofDays(2));

    private DowntimeEvent stop(String machine, long fault, Instant start, long minutes) {
        return log.record(new StateInterval(machine, MachineState.UNPLANNED_DOWN, start,
                start.plus(Duration.ofMinutes(minutes)), fault, null));
    }

    @Test
    void faultCodesNameTheReasonThroughTheVersionedTableAndUnknownCodesAreUnassigned() {
        log.useMapping(new FaultReasonMap(3, Instant.EPOCH, "engineer", Map.of(12L, "mech.jam")));
        DowntimeEvent jam = stop("FILLER", 12, T, 5);
        DowntimeEvent unknown = stop("FILLER", 99, T.plusSeconds(600), 5);
        assertThat(jam.reasonId()).isEqualTo("mech.jam");
        assertThat(jam.mappingVersion()).isEqualTo(3);
        assertThat(REASONS.path(jam.reasonId())).isEqualTo("Mechanical / Conveyor jam");
        assertThat(unknown.reasonId()).isEqualTo(ReasonTree.UNASSIGNED);

        log.useMapping(new FaultReasonMap(4, Instant.EPOCH, "engineer", Map.of(12L, "mech.motor")));
        assertThat(log.event(jam.id()).reasonId()).as("history is not rewritten").isEqualTo("mech.jam");
        assertThatThrownBy(() -> log.useMapping(new FaultReasonMap(5, Instant.EPOCH, "x", Map.of(1L, "nope"))))
                .hasMessageContaining("no downtime reason 'nope'");
    }

    /**
     * A stop from 21:50 to 22:20 across the 22:00 change from the late to the night shift: 10
     * minutes belong to the late shift's report and 20 to the night shift's, never 30 to both.
     */
    @Test
    void aStopAcrossAShiftChangeCountsInEachShiftWithItsOwnPart() {
        ShiftCalendar calendar = new ShiftCalendar(ZoneOffset.UTC, List.of(
                ShiftDefinition.daily("Late", LocalTime.of(14, 0), LocalTime.of(22, 0)),
                ShiftDefinition.daily("Night", LocalTime.of(22, 0), LocalTime.of(6, 0))), Set.of(), List.of());
        log.useMapping(new FaultReasonMap(1, Instant.EPOCH, "engineer", Map.of(12L, "mech.jam")));
        stop("FILLER", 12, T, 30);
        List<ShiftInstance> shifts = calendar.shifts(new TimeRange(T, T.plus(Duration.ofMinutes(30))));
        assertThat(shifts).extracting(ShiftInstance::key).containsExactly("2026-11-24 Late", "2026-11-24 Night");
        var late = DowntimeStats.pareto(log.events("L1", shifts.get(0).span()), shifts.get(0).span(), REASONS, DowntimeCost.NONE);
        var night = DowntimeStats.pareto(log.events("L1", shifts.get(1).span()), shifts.get(1).span(), REASONS, DowntimeCost.NONE);
        assertThat(late.getFirst().seconds()).isEqualTo(600);
        assertThat(night.getFirst().seconds()).isEqualTo(1200);
    }

    @Test
    void paretoSortsReasonsByMinutesWithCountCostAndCumulativeShare() {
        log.useMapping(new FaultReasonMap(1, Instant.EPOCH, "engineer", Map.of(12L, "mech.jam", 20L, "material")));
        stop("FILLER", 12, T, 10);
        stop("FILLER", 12, T.plusSeconds(3600), 20);
        stop("CAPPER", 20, T.plusSeconds(7200), 60);
        stop("CAPPER", 77, T.plusSeconds(9000), 10);
        TimeRange day = new TimeRange(T, T.plus(Duration.ofDays(1)));
        var bars = DowntimeStats.pareto(log.events("L1", day), day, REASONS, new DowntimeCost("EUR", Map.of("L1", 50.0), Map.of()));
        // material 60 min, jam 30 min (2 stops), unassigned 10 min; total 100 min; 50 per minute
        assertThat(bars).extracting(b -> b.reasonId() + " " + b.count() + " " + b.seconds() / 60 + " min "
                        + b.cost() + " " + b.cumulativeShare())
                .containsExactly("material 1 60.0 min 3000.0 0.6", "mech.jam 2 30.0 min 1500.0 0.9",
                        "unassigned 1 10.0 min 500.0 1.0");
        assertThat(DowntimeStats.topLoss(log.events("L1", day), day, REASONS).reasonPath()).isEqualTo("No bottles");
    }

    /**
     * Material stops cost 10 a minute on top of nothing (the category's rate), the line's other
     * stops 50: sorted by money the 30 jam minutes (1,500) come before the 60 material minutes (600),
     * and the cumulative share runs over money.
     */
    @Test
    void paretoSortedByMoneyUsesTheCategoryRateWhereOneIsSetAndTheLineRateElse() {
        log.useMapping(new FaultReasonMap(1, Instant.EPOCH, "engineer", Map.of(12L, "mech.jam", 20L, "material")));
        stop("FILLER", 12, T, 30);
        stop("CAPPER", 20, T.plusSeconds(7200), 60);
        TimeRange day = new TimeRange(T, T.plus(Duration.ofDays(1)));
        DowntimeCost cost = new DowntimeCost("EUR", Map.of("L1", 50.0), Map.of(LossCategory.MATERIAL, 10.0));
        assertThat(cost.perMinute("L1", LossCategory.MATERIAL)).isEqualTo(10.0);
        assertThat(cost.perMinute("L2", LossCategory.BREAKDOWN)).isZero();

        var byMoney = DowntimeStats.pareto(log.events("L1", day), day, REASONS, cost, DowntimeStats.Measure.COST);
        assertThat(byMoney).extracting(b -> b.reasonId() + " " + b.cost() + " " + b.cumulativeShare())
                .containsExactly("mech.jam 1500.0 " + 1500.0 / 2100, "material 600.0 1.0");
        var byTime = DowntimeStats.pareto(log.events("L1", day), day, REASONS, cost, DowntimeStats.Measure.TIME);
        assertThat(byTime).extracting(DowntimeStats.ParetoBar::reasonId).containsExactly("material", "mech.jam");
    }

    @Test
    void starvedAndBlockedTimeHasItsOwnReasonUntilSomeoneNamesTheCause() {
        DowntimeEvent starved = log.record(new StateInterval("CAPPER", MachineState.STARVED, T, T.plusSeconds(300), 0, null));
        assertThat(starved.reasonId()).isEqualTo(ReasonTree.STARVED);
        assertThat(REASONS.node(starved.reasonId()).category()).isEqualTo(LossCategory.MATERIAL);
    }

    @Test
    void mtbfAndMttrCountUnplannedStopsOnly() {
        stop("FILLER", 12, T, 10);
        stop("FILLER", 12, T.plusSeconds(3600), 20);
        log.record(new StateInterval("FILLER", MachineState.STARVED, T.plusSeconds(7200), T.plusSeconds(7800), 0, null));
        TimeRange day = new TimeRange(T, T.plus(Duration.ofDays(1)));
        // 2 failures, 30 min of repair; 8 h of run time -> MTBF 4 h, MTTR 15 min
        var r = DowntimeStats.reliability(log.events("FILLER", day), day, 8 * 3600);
        assertThat(r.failures()).isEqualTo(2);
        assertThat(r.mtbfSeconds()).isCloseTo(4 * 3600, within(1e-9));
        assertThat(r.mttrSeconds()).isCloseTo(15 * 60, within(1e-9));
    }

    @Test
    void operatorsSetReasonsSplitAndMergeWithWhoAndWhenAndStaleEditsAreRefused() throws Exception {
        DowntimeEvent e = stop("FILLER", 0, T, 30);
        DowntimeEvent named = log.assignReason(e.id(), 0, "setup", "size change to 0.5 l", "anna", T.plusSeconds(2000));
        assertThat(named.history()).extracting(DowntimeEvent.Edit::action)
                .containsExactly("reason Changeover (size change to 0.5 l)");

        assertThatThrownBy(() -> log.assignReason(e.id(), 0, "mech.jam", "", "ben", T.plusSeconds(2001)))
                .isInstanceOf(DowntimeLog.EditConflict.class)
                .hasMessageContaining("Already changed by anna at 2026-11-24T22:23:20Z");

        List<DowntimeEvent> parts = log.split(e.id(), 1, T.plusSeconds(600), "anna", T.plusSeconds(2100));
        assertThat(parts).extracting(p -> p.reasonId() + " " + p.seconds()).containsExactly("setup 600.0", "unassigned 1200.0");
        log.assignReason(parts.get(1).id(), 0, "mech.jam", "", "ben", T.plusSeconds(2200));
        assertThat(log.events("FILLER", new TimeRange(T, T.plusSeconds(3600)))).hasSize(2);

        DowntimeEvent merged = log.merge(parts.get(0).id(), 2, parts.get(1).id(), 1, "carl", T.plusSeconds(2300));
        assertThat(merged.seconds()).isEqualTo(1800);
        assertThat(merged.reasonId()).isEqualTo("setup");
        assertThat(merged.history()).extracting(DowntimeEvent.Edit::who).containsExactly("anna", "anna", "carl");
        assertThat(log.events("FILLER", new TimeRange(T, T.plusSeconds(3600)))).hasSize(1);
    }

    @Test
    void theReasonPickerFindsReasonsByAnyWordsOfTheirPath() {
        assertThat(REASONS.search("mech jam")).extracting(ReasonTree.Node::id).containsExactly("mech.jam");
        assertThat(REASONS.search("MOTOR")).extracting(ReasonTree.Node::id).containsExactly("mech.motor");
    }

    /** The built-in reasons keep their ids, category and place when a caller names them (in German, say). */
    @Test
    void builtInReasonsCanBeNamedByTheCaller() {
        ReasonTree tree = new ReasonTree(List.of(new ReasonTree.Node(ReasonTree.STARVED, "Mangel (wartet auf Vorgänger)",
                "mech", LossCategory.BREAKDOWN), new ReasonTree.Node("mech", "Mechanical", null, LossCategory.BREAKDOWN)));
        assertThat(tree.path(ReasonTree.STARVED)).isEqualTo("Mangel (wartet auf Vorgänger)");
        assertThat(tree.node(ReasonTree.STARVED).category()).as("its own category, whatever is asked").isEqualTo(LossCategory.MATERIAL);
        assertThat(tree.path(ReasonTree.BLOCKED)).isEqualTo("Blocked (waiting for downstream)");
        assertThatThrownBy(() -> new ReasonTree(List.of(new ReasonTree.Node("mech", "Mechanical", null, LossCategory.BREAKDOWN),
                new ReasonTree.Node("mech", "Again", null, LossCategory.BREAKDOWN)))).hasMessageContaining("used twice");
    }
}
