package com.ms5.floor.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live values as a view gets them: only the latest per key, at each drain (the UI drains once per frame). */
class CoalescingLiveValuesTest {
    private static final LiveKey<Integer> COUNT = new LiveKey<>("count");
    private static final LiveKey<String> STATE = new LiveKey<>("state");

    @Test
    void aBurstOfUpdatesReachesTheSubscriberAsItsLatestValueOnly() {
        CoalescingLiveValues values = new CoalescingLiveValues();
        List<Integer> seen = new ArrayList<>();
        values.subscribe(COUNT, seen::add);

        for (int i = 1; i <= 10_000; i++) {
            values.publish(COUNT, i);
        }
        values.drain();
        assertThat(seen).containsExactly(10_000);
    }

    @Test
    void aNewSubscriberGetsTheCurrentValueAndNothingAfterUnsubscribing() {
        CoalescingLiveValues values = new CoalescingLiveValues();
        values.publish(STATE, "RUNNING");
        values.drain();
        List<String> seen = new ArrayList<>();
        Runnable unsubscribe = values.subscribe(STATE, seen::add);
        values.drain();
        assertThat(seen).containsExactly("RUNNING");

        unsubscribe.run();
        values.publish(STATE, "FAULTED");
        values.drain();
        assertThat(seen).containsExactly("RUNNING");
    }

    @Test
    void keysWithTheSameNameAreTheSameKey() {
        CoalescingLiveValues values = new CoalescingLiveValues();
        values.publish(LiveKeys.configVersion("tagmap"), 3);
        assertThat(values.latest(LiveKeys.configVersion("tagmap"))).isEqualTo(3);
        assertThat(values.latest(LiveKeys.configVersion("plant-rules"))).isNull();
    }
}
