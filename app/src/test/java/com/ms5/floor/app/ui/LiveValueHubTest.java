package com.ms5.floor.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class LiveValueHubTest {
    @BeforeAll
    static void fxToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBurstOfUpdatesReachesTheSubscriberAsItsLatestValueOnly() {
        LiveValueHub hub = onFx(LiveValueHub::new);
        List<Integer> seen = new ArrayList<>();
        onFx(() -> hub.subscribe("count", (Integer v) -> seen.add(v)));

        for (int i = 1; i <= 10_000; i++) {
            hub.publish("count", i);
        }
        onFx(() -> {
            hub.drain();
            return null;
        });
        assertThat(seen).containsExactly(10_000);
    }

    @Test
    void aNewSubscriberGetsTheCurrentValueAndNothingAfterUnsubscribing() {
        LiveValueHub hub = onFx(LiveValueHub::new);
        hub.publish("state", "RUNNING");
        onFx(() -> {
            hub.drain();
            return null;
        });
        List<String> seen = new ArrayList<>();
        Runnable unsubscribe = onFx(() -> hub.subscribe("state", (String v) -> seen.add(v)));
        onFx(() -> {
            hub.drain();
            return null;
        });
        assertThat(seen).containsExactly("RUNNING");

        unsubscribe.run();
        hub.publish("state", "FAULTED");
        onFx(() -> {
            hub.drain();
            return null;
        });
        assertThat(seen).containsExactly("RUNNING");
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
