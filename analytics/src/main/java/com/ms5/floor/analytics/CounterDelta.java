package com.ms5.floor.analytics;

/**
 * The number of parts between two reads of a PLC part counter, which is a 32-bit DINT that
 * wraps and that a PLC program or a download can reset to zero.
 */
public final class CounterDelta {
    private static final long RANGE = 1L << 32;
    /** No machine makes this many parts between two reads: a bigger step is a reset, not parts. */
    private static final long PLAUSIBLE_STEP = 1_000_000;

    private CounterDelta() {
    }

    /**
     * @param previous the earlier reading (as read: a signed 32-bit value)
     * @param current  the later reading
     * @return parts counted in between, never negative
     */
    public static long between(long previous, long current) {
        long delta = current - previous;
        if (delta >= 0 && delta < PLAUSIBLE_STEP) {
            return delta;
        }
        long wrapped = delta + RANGE;
        if (wrapped >= 0 && wrapped < PLAUSIBLE_STEP) {
            return wrapped; // 2147483647 -> -2147483648 and on
        }
        // The counter was reset (also from a negative value after a wrap, which looks like a
        // huge step forward): what it shows now was counted since the reset.
        return Math.max(current, 0);
    }
}
