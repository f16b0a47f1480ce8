package com.ms5.floor.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ms5.floor.analytics.job.Job;
import com.ms5.floor.analytics.job.JobTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendsAndJobsTest {
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    /**
     * 1,000 parts so far; the last minutes made 50, 54, 46, 52, 48 (mean 50, sample standard
     * deviation sqrt(40 / 4) = 3.162); 100 minutes left: 1,000 + 50 x 100 = 6,000, give or take
     * 1.96 x 3.162 x sqrt(100) = 62.0.
     */
    @Test
    void theEndOfShiftProjectionHasABandFromTheMinuteToMinuteSpread() {
        Projection p = Projection.of(1000, List.of(50, 54, 46, 52, 48), 100);
        assertThat(p.expected()).isCloseTo(6000, within(1e-9));
        assertThat(p.high() - p.expected()).isCloseTo(1.96 * Math.sqrt(10) * 10, within(1e-9));
        assertThat(p.low()).isCloseTo(6000 - 1.96 * Math.sqrt(10) * 10, within(1e-9));
        // as OEE: good ideal seconds projected over 480 min of loading time
        assertThat(p.over(480 * 60).expected()).isCloseTo(6000.0 / 28_800, within(1e-12));
    }

    /**
     * Rule: OEE of line 2 under 60 % for 10 minutes, cleared at 62 % (2 points of hysteresis).
     * A dip of 5 minutes raises nothing; a dip from 10:20 raises at 10:30; 61 % does not clear;
     * 62 % clears.
     */
    @Test
    void anAlertNeedsItsMinimumDurationAndClearsOnlyPastTheHysteresis() {
        AlertRule rule = new AlertRule("l2-oee", "L2.oee", AlertRule.Direction.BELOW, 0.60, 0.02,
                Duration.ofMinutes(10), "OEE of line 2 under 60 %");
        AlertEngine engine = new AlertEngine(List.of(rule));
        List<AlertEngine.AlertEvent> events = new ArrayList<>();
        double[] oeeByMinute = new double[45];
        java.util.Arrays.fill(oeeByMinute, 0.70);
        for (int m = 5; m < 10; m++) {
            oeeByMinute[m] = 0.55;
        }
        for (int m = 20; m < 35; m++) {
            oeeByMinute[m] = 0.50;
        }
        for (int m = 35; m < 40; m++) {
            oeeByMinute[m] = 0.61;
        }
        for (int m = 40; m < 45; m++) {
            oeeByMinute[m] = 0.62;
        }
        for (int m = 0; m < 45; m++) {
            events.addAll(engine.observe("L2.oee", oeeByMinute[m], T.plusSeconds(60L * m)));
        }
        assertThat(events).extracting(e -> (e.raised() ? "raised " : "cleared ") + e.at() + " since " + e.since())
                .containsExactly("raised 2026-11-24T10:30:00Z since 2026-11-24T10:20:00Z",
                        "cleared 2026-11-24T10:40:00Z since 2026-11-24T10:20:00Z");
    }

    @Test
    void smoothingDoesNotDependOnTheScanRate() {
        Ewma fast = new Ewma(Duration.ofSeconds(60));
        Ewma slow = new Ewma(Duration.ofSeconds(60));
        fast.add(T, 0);
        slow.add(T, 0);
        for (int s = 1; s <= 60; s++) {
            fast.add(T.plusSeconds(s), 100);
        }
        slow.add(T.plusSeconds(60), 100);
        // after one time constant: 1 - e^-1 = 63.2 % of the step, whatever the number of samples
        assertThat(fast.value()).isCloseTo(100 * (1 - Math.exp(-1)), within(1e-9));
        assertThat(slow.value()).isCloseTo(fast.value(), within(1e-9));
    }

    /**
     * Job WO-1 (500 ml, 6,000 bottles) starts from the PLC's job-id tag at 10:00 and makes 100
     * bottles a minute: after 10 minutes 1,000 are done, 5,000 remain, done at 11:00. Then WO-2
     * (1 l) starts at 10:10 and its first good part comes at 10:25: a 15-minute changeover.
     */
    @Test
    void aJobFromThePlcTagShowsTargetActualAndProjectedCompletionAndAProductChangeIsAChangeover() {
        List<JobTracker.Changeover> changeovers = new ArrayList<>();
        Job wo1 = new Job("WO-1", "500ml", 6000, 0.5, "FILLER");
        Job wo2 = new Job("WO-2", "1l", 3000, 0.8, "FILLER");
        JobTracker tracker = new JobTracker("FILLER", Map.of("WO-1", wo1, "WO-2", wo2), Duration.ofMinutes(5),
                changeovers::add);
        assertThat(tracker.onJobIdTag("WO-9", T)).as("unknown work order").isFalse();
        assertThat(tracker.onJobIdTag("WO-1", T)).isTrue();
        for (int s = 6; s <= 600; s += 6) {
            tracker.onGoodParts(10, T.plusSeconds(s));
        }
        JobTracker.Status status = tracker.status(T.plusSeconds(600));
        assertThat(status.good()).isEqualTo(1000);
        assertThat(status.remaining()).isEqualTo(5000);
        assertThat(status.ratePerMinute()).isCloseTo(100, within(1e-9));
        assertThat(status.projectedCompletion()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));

        tracker.onJobIdTag("WO-2", T.plusSeconds(600));
        tracker.onGoodParts(1, T.plusSeconds(1500));
        assertThat(changeovers).singleElement().satisfies(c -> {
            assertThat(c.fromProduct()).isEqualTo("500ml");
            assertThat(c.toProduct()).isEqualTo("1l");
            assertThat(c.range().duration()).isEqualTo(Duration.ofMinutes(15));
        });
    }
}
