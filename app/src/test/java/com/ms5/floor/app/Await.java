package com.ms5.floor.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline instead of sleeping a fixed time. */
public final class Await {
    private Await() {
    }

    public static void until(Duration deadline, String what, BooleanSupplier condition) {
        until(deadline, what, condition, () -> "");
    }

    /** @param seen what was there instead, for the failure message */
    public static void until(Duration deadline, String what, BooleanSupplier condition, Supplier<String> seen) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                String instead = seen.get();
                throw new AssertionError("Not within " + deadline.toSeconds() + " s: " + what
                        + (instead.isEmpty() ? "" : " (seen: " + instead + ")"));
            }
            try {
                Thread.sleep(25); // polling interval of the wait, not a wait for the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }
}
