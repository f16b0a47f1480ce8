package com.ms5.floor.plc.api;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Everything one scan of one scan class of one PLC connection read, keyed by value name.
 *
 * @param connectionId the connection that was scanned
 * @param scanClass    the scan class (for example {@code fast})
 * @param scanTime     when the scan was due (the poller's clock); scans do not drift
 * @param values       one value per tag of the scan class, failed ones included (never missing)
 * @param changed      the names whose value or quality changed since the previous batch, beyond the deadband
 */
public record SampleBatch(String connectionId, String scanClass, Instant scanTime, Map<String, TagValue> values,
                          Set<String> changed) {
    public SampleBatch {
        values = Map.copyOf(values);
        changed = Set.copyOf(changed);
    }

    /** The value of a name, or {@code null} if this batch's scan class does not read it. */
    public TagValue get(String name) {
        return values.get(name);
    }
}
