package com.ms5.floor.plc.poll;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Counters and recent round trips of one poller; touched only by its poll thread. */
final class PollerStats {
    private static final int ROUND_TRIPS_KEPT = 512;
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    long reconnects;
    long readErrors;
    long connectFailures;
    long missedScans;

    private final long[] roundTrips = new long[ROUND_TRIPS_KEPT];
    private int roundTripCount;
    /** (time, values) of recent reads, oldest first. */
    private final ArrayDeque<long[]> reads = new ArrayDeque<>();
    private long valuesInWindow;

    void roundTrip(long nanos) {
        roundTrips[roundTripCount++ % ROUND_TRIPS_KEPT] = nanos;
    }

    void valuesRead(int count, long atNanos) {
        reads.addLast(new long[] {atNanos, count});
        valuesInWindow += count;
        while (!reads.isEmpty() && atNanos - reads.peekFirst()[0] > RATE_WINDOW_NANOS) {
            valuesInWindow -= reads.removeFirst()[1];
        }
    }

    double valuesPerSecond() {
        if (reads.isEmpty()) {
            return 0;
        }
        long span = Math.max(reads.peekLast()[0] - reads.peekFirst()[0], TimeUnit.SECONDS.toNanos(1));
        return valuesInWindow * 1e9 / span;
    }

    double p50() {
        return percentile(0.50);
    }

    double p99() {
        return percentile(0.99);
    }

    private double percentile(double p) {
        int n = Math.min(roundTripCount, ROUND_TRIPS_KEPT);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(roundTrips, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.ceil(p * n) - 1)] / 1e6;
    }
}
