package com.ms5.floor.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.oee.OeeCalculator;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine produces around the clock here; a 2-minute micro-stop threshold; stale after 10 s. */
class StateTimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private final List<StateInterval> closed = new ArrayList<>();
    private final StateTimeline timeline = new StateTimeline("M1", ShiftCalendar.aroundTheClock(ZoneOffset.UTC),
            Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofDays(2), closed::add);

    /** Observations every second from {@code from} to {@code to} (seconds after T0), inclusive. */
    private void hold(MachineState state, long fault, double from, double to) {
        for (double s = from; s <= to; s += 1) {
            timeline.observe(at(s), state, fault);
        }
    }

    @Test
    void aStopOfExactlyTheThresholdIsDowntimeAndOneJustShorterIsAMicroStop() {
        hold(MachineState.RUNNING, 0, 0, 99);
        hold(MachineState.UNPLANNED_DOWN, 0, 100, 219); // stopped at 100 s ...
        hold(MachineState.RUNNING, 0, 220, 300);        // ... ran again at 220 s: exactly 120 s
        hold(MachineState.UNPLANNED_DOWN, 0, 300.5, 420); // stopped at 300.5 s ...
        hold(MachineState.RUNNING, 0, 420.4, 500);        // ... ran at 420.4 s: 119.9 s
        assertThat(closed).extracting(i -> i.state() + " " + i.range(T0).seconds())
                .containsExactly("RUNNING 100.0", "UNPLANNED_DOWN 120.0", "RUNNING 80.5", "MICRO_STOP 119.9");
    }

    /**
     * With a 3 s debounce the case packer's 1-2 s starved blips between cases and a 2 s running
     * flicker inside a stop belong to the state around them; a 5 s starved spell counts, from the
     * moment it began, and so does the stop it ends in.
     */
    @Test
    void blipsShorterThanTheDebounceBelongToTheStateAroundThem() {
        timeline.useThresholds(Duration.ofMinutes(2), Duration.ofSeconds(3));
        hold(MachineState.RUNNING, 0, 0, 9);
        hold(MachineState.STARVED, 0, 10, 10);   // 1 s
        hold(MachineState.RUNNING, 0, 11, 19);
        hold(MachineState.STARVED, 0, 20, 21);   // 2 s
        hold(MachineState.RUNNING, 0, 22, 29);
        hold(MachineState.STARVED, 0, 30, 34);   // 5 s: a real starved spell
        hold(MachineState.UNPLANNED_DOWN, 7, 35, 199);
        hold(MachineState.RUNNING, 0, 200, 201); // a 2 s flicker
        hold(MachineState.UNPLANNED_DOWN, 7, 202, 299);
        hold(MachineState.RUNNING, 0, 300, 320);
        assertThat(closed).extracting(i -> i.state() + " " + i.range(T0).seconds() + " " + i.faultCode())
                .containsExactly("RUNNING 30.0 0", "STARVED 5.0 0", "UNPLANNED_DOWN 265.0 7");
    }

    /** No observation needs to follow: a change that has held for the debounce time counts as time moves on. */
    @Test
    void aChangeCountsOnceItHasHeldEvenWithoutAnotherObservation() {
        timeline.useThresholds(Duration.ofMinutes(2), Duration.ofSeconds(3));
        hold(MachineState.RUNNING, 0, 0, 9);
        timeline.observe(at(10), MachineState.BLOCKED, 0);
        timeline.advanceTo(at(12));
        assertThat(timeline.current().state()).isEqualTo(MachineState.RUNNING); // 2 s: not yet
        timeline.advanceTo(at(14));
        assertThat(timeline.current().state()).isEqualTo(MachineState.BLOCKED);
        assertThat(timeline.current().start()).isEqualTo(at(10));
    }

    /** Losing the PLC is never debounced: the last state is believed for 10 s, then the machine is unknown at once. */
    @Test
    void losingThePlcIsNotDebounced() {
        timeline.useThresholds(Duration.ofMinutes(2), Duration.ofSeconds(30));
        hold(MachineState.RUNNING, 0, 0, 60);
        timeline.observe(at(61), MachineState.UNKNOWN, 0);
        assertThat(timeline.current().state()).isEqualTo(MachineState.UNKNOWN);
        assertThat(timeline.current().start()).isEqualTo(at(61));
    }

    @Test
    void aStopStillOpenWhenTheWindowClosesIsShownOpenNotGuessed() {
        hold(MachineState.RUNNING, 0, 0, 59);
        hold(MachineState.UNPLANNED_DOWN, 0, 60, 90); // 31 s down so far: it may yet become a micro-stop
        TimeRange window = new TimeRange(T0, at(90));
        StateInterval last = timeline.intervals(window).getLast();
        assertThat(last.isOpen()).isTrue();
        assertThat(last.state()).isEqualTo(MachineState.UNPLANNED_DOWN);
        OeeFigures oee = OeeCalculator.machine(OeeProfile.ISO_22400, window, at(90), timeline.intervals(window), List.of());
        assertThat(oee.openStopSeconds()).isEqualTo(30); // 60 s .. 90 s
        assertThat(oee.microStopSeconds()).isZero();
    }

    /**
     * The PLC answers until 60 s, then nothing until 300 s. The last state (running) is believed
     * for the 10 s a reading may be late, then the machine is unknown: 230 s that count neither
     * as running nor as down, and are reported.
     */
    @Test
    void aCommunicationGapIsUnknownNeverRunning() {
        hold(MachineState.RUNNING, 0, 0, 60);
        hold(MachineState.RUNNING, 0, 300, 360);
        assertThat(closed).extracting(i -> i.state() + " " + i.range(T0).seconds())
                .containsExactly("RUNNING 70.0", "UNKNOWN 230.0");
        TimeRange window = new TimeRange(T0, at(360));
        OeeFigures oee = OeeCalculator.machine(OeeProfile.ISO_22400, window, at(360), timeline.intervals(window), List.of());
        assertThat(oee.unknownSeconds()).isEqualTo(230);
        assertThat(oee.runSeconds()).isEqualTo(130); // 0..70 and 300..360
        assertThat(oee.loadingSeconds()).isEqualTo(130);
    }

    /**
     * The PLC stops answering after 60 s; at 75 s the dashboard moves on and the machine is unknown
     * from 70 s. A reply that was under way arrives afterwards stamped 65 s (a poll is stamped when
     * it is sent, and this one took long). That moment is already decided: it is ignored, and no interval ends before it
     * starts. The next reading, at 80 s, ends the gap.
     */
    @Test
    void aLateReplyStampedInsideAGapAlreadyDeclaredUnknownIsIgnored() {
        hold(MachineState.RUNNING, 0, 0, 60);
        timeline.advanceTo(at(75));
        timeline.observe(at(65), MachineState.RUNNING, 0);
        assertThat(timeline.current().state()).isEqualTo(MachineState.UNKNOWN);
        timeline.observe(at(80), MachineState.RUNNING, 0);
        assertThat(closed).extracting(i -> i.state() + " " + i.range(T0).seconds())
                .containsExactly("RUNNING 70.0", "UNKNOWN 10.0");
    }

    @Test
    void aBadReadingIsUnknownAtOnce() {
        hold(MachineState.RUNNING, 0, 0, 10);
        timeline.observe(at(11), MachineState.UNKNOWN, 0);
        assertThat(timeline.current().state()).isEqualTo(MachineState.UNKNOWN);
        assertThat(closed.getLast().range(T0).seconds()).isEqualTo(11);
    }

    @Test
    void aStopKeepsItsFirstFaultCodeAndADifferentFaultStartsANewStop() {
        hold(MachineState.RUNNING, 0, 0, 9);
        hold(MachineState.UNPLANNED_DOWN, 0, 10, 10); // the stop bit comes a scan before the fault code
        hold(MachineState.UNPLANNED_DOWN, 41, 11, 400);
        hold(MachineState.UNPLANNED_DOWN, 0, 401, 402); // code cleared while still stopped: same stop
        hold(MachineState.UNPLANNED_DOWN, 17, 403, 600); // a second fault
        hold(MachineState.RUNNING, 0, 601, 610);
        assertThat(closed).extracting(i -> i.state() + " " + i.faultCode() + " " + i.range(T0).seconds())
                .containsExactly("RUNNING 0 10.0", "UNPLANNED_DOWN 41 393.0", "UNPLANNED_DOWN 17 198.0");
    }

    @Test
    void performanceAboveOneHundredPercentIsFlaggedWithItsLikelyCauseNotClamped() {
        hold(MachineState.RUNNING, 0, 0, 120);
        TimeRange window = new TimeRange(T0, at(120));
        // 2 minutes running; 150 parts of 1 s ideal each: 125 %, spread evenly -> ideal cycle time too long
        List<ProductionMinute> even = List.of(new ProductionMinute("M1", T0, 75, 75, 75, false),
                new ProductionMinute("M1", at(60), 75, 75, 75, false));
        OeeFigures fast = OeeCalculator.machine(OeeProfile.ISO_22400, window, at(120), timeline.intervals(window), even);
        assertThat(fast.performance()).isEqualTo(1.25);
        assertThat(fast.flags()).singleElement().asString().contains("performance 125.0 %")
                .contains("ideal cycle time of the product is probably set too long");
        // the same 150 parts all in one minute: 150 s of ideal work in 60 s -> a counter glitch
        List<ProductionMinute> spike = List.of(new ProductionMinute("M1", T0, 0, 0, 0, false),
                new ProductionMinute("M1", at(60), 150, 150, 150, false));
        OeeFigures glitch = OeeCalculator.machine(OeeProfile.ISO_22400, window, at(120), timeline.intervals(window), spike);
        assertThat(glitch.flags()).singleElement().asString()
                .contains("150 parts were counted in the minute of 2026-11-24 08:01 UTC").contains("counter");
    }

    private static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }
}
