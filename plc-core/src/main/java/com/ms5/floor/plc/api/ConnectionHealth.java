package com.ms5.floor.plc.api;

import java.time.Instant;
import java.util.Map;

/**
 * What a poller knows about its connection, for the diagnostics view and the offline badge.
 *
 * @param state            the connection state
 * @param lastGoodRead     the last read that succeeded, or {@code null} if none yet
 * @param lastError        the last failure in words a person can act on, or {@code null}
 * @param reconnects       how many times the connection was rebuilt
 * @param roundTripP50Millis median time of a read request over the last few hundred, or NaN
 * @param roundTripP99Millis 99th percentile of the same, or NaN
 * @param valuesPerSecond  values read over the last ten seconds, per second
 * @param readErrors       read requests that failed or timed out
 * @param connectFailures  connection attempts that failed
 * @param missedScans      scans skipped because the one before ran late (never made up in a burst)
 * @param tags             tags on this connection
 * @param quarantined      tags the controller rejects: value name -> why; retried now and then
 */
public record ConnectionHealth(State state, Instant lastGoodRead, String lastError, long reconnects,
                               double roundTripP50Millis, double roundTripP99Millis, double valuesPerSecond,
                               long readErrors, long connectFailures, long missedScans, int tags,
                               Map<String, String> quarantined) {
    public enum State { CONNECTING, CONNECTED, RECONNECTING, STOPPED }

    public ConnectionHealth {
        quarantined = Map.copyOf(quarantined);
    }

    /** A connection that has not done anything yet. */
    public static ConnectionHealth starting() {
        return new ConnectionHealth(State.CONNECTING, null, null, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, Map.of());
    }
}
