package com.ms5.floor.analytics.oee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ms5.floor.analytics.Plans;
import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.analytics.state.StateTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of OEE that oee.com (Vorne) uses, played through the state timeline:
 *
 * <pre>
 * shift length             480 min   06:00-14:00
 * breaks                    60 min   2 x 15 min + 30 min lunch
 * planned production time  420 min   480 - 60
 * downtime                  47 min   09:00-09:47, fault 12
 * run time                 373 min   420 - 47
 * ideal cycle time         1.0 s
 * total count           19,271 parts
 * reject count             423 parts  -> good count 18,848
 *
 * availability  = 373 / 420                     = 0.8881
 * performance   = 19,271 x 1.0 s / (373 x 60 s) = 0.8611
 * quality       = 18,848 / 19,271               = 0.9780
 * OEE           = 18,848 x 1.0 s / (420 x 60 s) = 0.7479
 * </pre>
 */
class TextbookShiftTest {
    static final Instant SIX = Instant.parse("2026-11-24T06:00:00Z");
    static final TimeRange SHIFT = new TimeRange(SIX, SIX.plus(Duration.ofHours(8)));

    private final List<StateInterval> closed = new ArrayList<>();
    private final StateTimeline timeline = new StateTimeline("FILLER", Plans.textbookDay(), Duration.ofMinutes(2),
            Duration.ofSeconds(10), Duration.ofDays(2), closed::add);

    @Test
    void aTextbookShiftGivesTheTextbookFigures() {
        List<ProductionMinute> minutes = playTheShift();

        OeeFigures oee = OeeCalculator.machine(OeeProfile.ISO_22400, SHIFT, SHIFT.end(), timeline.intervals(SHIFT), minutes);

        assertThat(oee.loadingSeconds()).isEqualTo(420 * 60);
        assertThat(oee.runSeconds()).isEqualTo(373 * 60);
        assertThat(oee.unplannedSeconds()).isEqualTo(47 * 60);
        assertThat(oee.plannedStopSeconds()).isEqualTo(60 * 60);
        assertThat(oee.totalCount()).isEqualTo(19_271);
        assertThat(oee.goodCount()).isEqualTo(18_848);
        assertThat(oee.availability()).isCloseTo(373.0 / 420, within(1e-9)); // 0.8881
        assertThat(oee.performance()).isCloseTo(19_271.0 / (373 * 60), within(1e-9)); // 0.8611
        assertThat(oee.quality()).isCloseTo(18_848.0 / 19_271, within(1e-9)); // 0.9780
        assertThat(oee.oee()).isCloseTo(18_848.0 / (420 * 60), within(1e-9)); // 0.7479
        assertThat(oee.oee()).isCloseTo(oee.availability() * oee.performance() * oee.quality(), within(1e-12));
        // TEEP over the 8-hour window: 18,848 s of good parts in 480 min
        assertThat(oee.teep()).isCloseTo(18_848.0 / (480 * 60), within(1e-9));
        assertThat(oee.flags()).isEmpty();

        // Six big losses, in seconds: 47 min down, no setup, no small stops;
        // reduced speed = 373 x 60 - 19,271 = 3,109 s; rejects = 423 s
        assertThat(oee.sixBigLosses()).containsEntry("Unplanned stops", 2820.0).containsEntry("Small stops", 0.0)
                .containsEntry("Reduced speed", 3109.0).containsEntry("Production rejects", 423.0);
    }

    @Test
    void countingPlannedStopsAsLossPutsTheBreaksIntoTheDenominator() {
        List<ProductionMinute> minutes = playTheShift();
        OeeFigures oee = OeeCalculator.machine(OeeProfile.PLANNED_STOPS_AS_LOSS, SHIFT, SHIFT.end(),
                timeline.intervals(SHIFT), minutes);
        // availability = 373 / 480; OEE = 18,848 / (480 x 60)
        assertThat(oee.availability()).isCloseTo(373.0 / 480, within(1e-9));
        assertThat(oee.oee()).isCloseTo(18_848.0 / (480 * 60), within(1e-9));
        assertThat(oee.sixBigLosses()).containsEntry("Planned stops", 3600.0);
    }

    @Test
    void theTimelineOfTheShiftReadsLikeTheShift() {
        playTheShift();
        assertThat(timeline.intervals(SHIFT)).extracting(i -> i.state() + " " + hhmm(i.start()) + "-"
                        + (i.isOpen() ? "open" : hhmm(i.end())) + (i.reason() == null ? "" : " " + i.reason())
                        + (i.faultCode() == 0 ? "" : " fault " + i.faultCode()))
                .containsExactly(
                        "RUNNING 06:00-08:00",
                        "PLANNED_DOWN 08:00-08:15 Morning break",
                        "RUNNING 08:15-09:00",
                        "UNPLANNED_DOWN 09:00-09:47 fault 12",
                        "RUNNING 09:47-10:00",
                        "PLANNED_DOWN 10:00-10:30 Lunch",
                        "RUNNING 10:30-12:00",
                        "PLANNED_DOWN 12:00-12:15 Afternoon break",
                        "RUNNING 12:15-14:00");
        assertThat(timeline.current().reason()).isEqualTo("no shift scheduled"); // after 14:00
    }

    /**
     * The machine reports every 5 s: running, stopped (by the operator) in the breaks, faulted from
     * 09:00 to 09:47. The parts are spread evenly over the 373 running minutes.
     */
    private List<ProductionMinute> playTheShift() {
        List<Instant> runningMinutes = new ArrayList<>();
        for (Instant t = SIX; !t.isAfter(SHIFT.end()); t = t.plusSeconds(5)) {
            String hhmm = hhmm(t);
            boolean onBreak = in(hhmm, "08:00", "08:15") || in(hhmm, "10:00", "10:30") || in(hhmm, "12:00", "12:15")
                    || hhmm.equals("14:00");
            boolean faulted = in(hhmm, "09:00", "09:47");
            if (faulted) {
                timeline.observe(t, MachineState.UNPLANNED_DOWN, 12);
            } else if (onBreak) {
                timeline.observe(t, MachineState.UNPLANNED_DOWN, 0);
            } else {
                timeline.observe(t, MachineState.RUNNING, 0);
                if (t.getEpochSecond() % 60 == 0) {
                    runningMinutes.add(t);
                }
            }
        }
        assertThat(runningMinutes).hasSize(373);
        List<ProductionMinute> minutes = new ArrayList<>();
        int n = runningMinutes.size();
        for (int i = 0; i < n; i++) {
            long total = 19_271L * (i + 1) / n - 19_271L * i / n;
            long good = 18_848L * (i + 1) / n - 18_848L * i / n;
            minutes.add(new ProductionMinute("FILLER", runningMinutes.get(i), total, good, total * 1.0, false));
        }
        return minutes;
    }

    private static boolean in(String hhmm, String from, String to) {
        return hhmm.compareTo(from) >= 0 && hhmm.compareTo(to) < 0;
    }

    static String hhmm(Instant t) {
        return t.toString().substring(11, 16);
    }
}
