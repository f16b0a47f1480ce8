package com.ms5.floor.plc.api;

import java.time.Instant;
import java.util.Map;

/**
 * Everything one scan of one PLC connection read, keyed by binding name.
 *
 * @param connectionId the connection that was scanned
 * @param scanTime     when the scan's read request was sent, or when it failed (the poller's clock)
 * @param values       one value per binding of the scan, including failed ones (never missing)
 */
public record SampleBatch(String connectionId, Instant scanTime, Map<String, TagValue> values) {
    public SampleBatch {
        values = Map.copyOf(values);
    }

    public TagValue get(String binding) {
        return values.get(binding);
    }
}
