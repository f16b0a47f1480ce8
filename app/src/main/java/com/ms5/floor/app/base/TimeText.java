package com.ms5.floor.app.base;

import java.time.Duration;

/** Durations as the views write them. */
public final class TimeText {
    private TimeText() {
    }

    /** A running clock: "4:07", or "1:04:07" past an hour (how long a call has been open). */
    public static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** A length in words: "42 s", "5 min 07 s", "1 h 04 min" (how long a stop lasted). */
    public static String length(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d h %02d min", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
