package com.ms5.floor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterDeltaTest {
    @Test
    void countsForwardNormally() {
        assertThat(CounterDelta.between(100, 117)).isEqualTo(17);
        assertThat(CounterDelta.between(5, 5)).isZero();
    }

    @Test
    void countsAcrossTheDintWrap() {
        assertThat(CounterDelta.between(Integer.MAX_VALUE - 2, Integer.MIN_VALUE + 3)).isEqualTo(6);
    }

    @Test
    void aResetToZeroCountsWhatTheCounterShowsNow() {
        assertThat(CounterDelta.between(48_211, 0)).isZero();
        assertThat(CounterDelta.between(48_211, 12)).isEqualTo(12);
        // a counter past its wrap (negative) reset to 12: a step of 2.1 billion is no machine's
        assertThat(CounterDelta.between(Integer.MIN_VALUE + 50, 12)).isEqualTo(12);
    }
}
