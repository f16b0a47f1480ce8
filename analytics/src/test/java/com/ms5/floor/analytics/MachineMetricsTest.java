package com.ms5.floor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures in these tests can be checked by hand: the comments show the arithmetic. */
class MachineMetricsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private final MachineMetrics metrics = new MachineMetrics("M1", 0.5, Duration.ofMinutes(1));

    private List<ProductionMinute> sample(int second, long total, long good, long state) {
        Instant t = T0.plusSeconds(second);
        return metrics.accept(t, TagValue.good(total, t), TagValue.good(good, t), TagValue.good(state, t));
    }

    @Test
    void rateIsPartsPerMinuteOverTheWindow() {
        sample(0, 1000, 990, 1);
        sample(30, 1060, 1049, 1);
        // 60 parts in 30 s = 120 parts/min
        assertThat(metrics.snapshot().ratePerMinute()).isCloseTo(120.0, within(1e-9));
    }

    @Test
    void naiveOeeIsAvailabilityTimesPerformanceTimesQuality() {
        sample(0, 0, 0, 1);
        sample(60, 100, 95, 3); // ran 60 s, made 100 parts, 95 good; now faulted
        sample(120, 100, 95, 1); // faulted for 60 s
        MachineSnapshot s = metrics.snapshot();
        // A = 60 / 120 = 0.5; P = 100 x 0.5 s / 60 s = 0.8333; Q = 95 / 100 = 0.95
        assertThat(s.availability()).isCloseTo(0.5, within(1e-9));
        assertThat(s.performance()).isCloseTo(100 * 0.5 / 60, within(1e-9));
        assertThat(s.quality()).isCloseTo(0.95, within(1e-9));
        assertThat(s.oee()).isCloseTo(0.5 * (100 * 0.5 / 60) * 0.95, within(1e-9));
        assertThat(s.state()).isEqualTo(MachineSnapshot.RunState.RUNNING);
    }

    @Test
    void performanceAboveOneIsReportedNotClamped() {
        sample(0, 0, 0, 1);
        sample(10, 30, 30, 1); // 30 parts x 0.5 s = 15 s of ideal work in 10 s
        assertThat(metrics.snapshot().performance()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void aMinuteIsClosedWhenTheFirstSampleOfTheNextMinuteArrives() {
        assertThat(sample(0, 500, 500, 1)).isEmpty();
        assertThat(sample(20, 540, 538, 1)).isEmpty();
        assertThat(sample(40, 580, 577, 1)).isEmpty();
        List<ProductionMinute> closed = sample(61, 622, 619, 1);
        // minute 08:00 holds the parts of the samples at 20 s and 40 s: 80 total, 77 good
        assertThat(closed).containsExactly(new ProductionMinute("M1", T0, 80, 77));
        // the 42 parts between 40 s and 61 s belong to 08:01
        assertThat(sample(125, 630, 627, 1))
                .containsExactly(new ProductionMinute("M1", T0.plusSeconds(60), 42, 42));
    }

    @Test
    void lostCommunicationIsUnknownNeverRunning() {
        sample(0, 10, 10, 1);
        Instant t = T0.plusSeconds(5);
        metrics.accept(t, TagValue.failed(Quality.COMM_FAILURE, t), TagValue.failed(Quality.COMM_FAILURE, t),
                TagValue.failed(Quality.COMM_FAILURE, t));
        assertThat(metrics.snapshot().state()).isEqualTo(MachineSnapshot.RunState.UNKNOWN);
        sample(65, 40, 40, 1);
        // the 60 s without communication count neither as running nor as observed time
        assertThat(metrics.snapshot().availability()).isCloseTo(1.0, within(1e-9));
        assertThat(metrics.snapshot().totalCount()).isEqualTo(40);
    }

    @Test
    void theStateWordNamesWhyAMachineIsNotRunning() {
        sample(0, 10, 10, 4);
        assertThat(metrics.snapshot().state()).isEqualTo(MachineSnapshot.RunState.STARVED);
        sample(1, 10, 10, 5);
        assertThat(metrics.snapshot().state()).isEqualTo(MachineSnapshot.RunState.BLOCKED);
        sample(2, 10, 10, 6);
        assertThat(metrics.snapshot().state()).isEqualTo(MachineSnapshot.RunState.PLANNED_STOP);
        sample(3, 10, 10, 7);
        assertThat(metrics.snapshot().state()).isEqualTo(MachineSnapshot.RunState.CHANGEOVER);
        sample(4, 10, 10, 99);
        assertThat(metrics.snapshot().state()).isEqualTo(MachineSnapshot.RunState.STOPPED);
    }

    @Test
    void figuresAreUndefinedBeforeThereIsAnythingToDivideBy() {
        sample(0, 10, 10, 2);
        MachineSnapshot s = metrics.snapshot();
        assertThat(s.oee()).isNaN();
        assertThat(s.ratePerMinute()).isNaN();
        assertThat(s.state()).isEqualTo(MachineSnapshot.RunState.STOPPED);
    }
}
