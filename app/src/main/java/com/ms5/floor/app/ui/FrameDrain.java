package com.ms5.floor.app.ui;

import com.ms5.floor.app.live.CoalescingLiveValues;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javafx.animation.AnimationTimer;

/**
 * Delivers the live values to the screen (shared/DESIGN.md, threading rule 3): one
 * {@link AnimationTimer} drains what changed at most every {@value #DRAIN_INTERVAL_MS} ms on the
 * FX thread, so a burst of updates costs each view one call per key per drain, however fast the
 * PLC is polled.
 */
@Singleton
public final class FrameDrain {
    static final long DRAIN_INTERVAL_MS = 100;

    private final AnimationTimer timer;

    @Inject
    FrameDrain(CoalescingLiveValues values) {
        timer = new AnimationTimer() {
            private long lastDrain;

            @Override
            public void handle(long now) {
                if (now - lastDrain >= DRAIN_INTERVAL_MS * 1_000_000) {
                    lastDrain = now;
                    values.drain();
                }
            }
        };
    }

    /** FX thread. */
    public void start() {
        timer.start();
    }

    /** FX thread. */
    public void stop() {
        timer.stop();
    }
}
