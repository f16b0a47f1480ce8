package com.ms5.floor.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import com.ms5.floor.app.Fx;

class LiveValueHubTest {
    @BeforeAll
    static void fxToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBurstOfUpdatesReachesTheSubscriberAsItsLatestValueOnly() {
        LiveValueHub hub = Fx.get(LiveValueHub::new);
        List<Integer> seen = new ArrayList<>();
        Fx.get(() -> hub.subscribe("count", (Integer v) -> seen.add(v)));

        for (int i = 1; i <= 10_000; i++) {
            hub.publish("count", i);
        }
        Fx.run(hub::drain);
        assertThat(seen).containsExactly(10_000);
    }

    @Test
    void aNewSubscriberGetsTheCurrentValueAndNothingAfterUnsubscribing() {
        LiveValueHub hub = Fx.get(LiveValueHub::new);
        hub.publish("state", "RUNNING");
        Fx.run(hub::drain);
        List<String> seen = new ArrayList<>();
        Runnable unsubscribe = Fx.get(() -> hub.subscribe("state", (String v) -> seen.add(v)));
        Fx.run(hub::drain);
        assertThat(seen).containsExactly("RUNNING");

        unsubscribe.run();
        hub.publish("state", "FAULTED");
        Fx.run(hub::drain);
        assertThat(seen).containsExactly("RUNNING");
    }

}
