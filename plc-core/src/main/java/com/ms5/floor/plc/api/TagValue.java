package com.ms5.floor.plc.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One polled value.
 *
 * @param value      the decoded value ({@link Long} for integer types, {@link Double} for REAL/LREAL,
 *                   {@link Boolean} for BOOL, {@link String}); {@code null} unless quality is GOOD or STALE
 * @param quality    how far the value can be trusted
 * @param sourceTime when the value was read (the poller's clock)
 */
public record TagValue(Object value, Quality quality, Instant sourceTime) {
    public TagValue {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(sourceTime, "sourceTime");
    }

    public static TagValue good(Object value, Instant time) {
        return new TagValue(value, Quality.GOOD, time);
    }

    public static TagValue failed(Quality quality, Instant time) {
        return new TagValue(null, quality, time);
    }

    public boolean isGood() {
        return quality == Quality.GOOD;
    }

    /**
     * The value as a state rule or Andon signal reads it ({@link StateRule}): a BOOL as 1 or 0, an
     * integer as itself; {@code null} if it is not good or not a number.
     */
    public Long asSignal() {
        if (!isGood()) {
            return null;
        }
        return value instanceof Boolean b ? (b ? 1L : 0L) : value instanceof Number n ? n.longValue() : null;
    }

    /** The value as a long; only valid for GOOD/STALE integer values. */
    public long asLong() {
        return ((Number) value).longValue();
    }
}
