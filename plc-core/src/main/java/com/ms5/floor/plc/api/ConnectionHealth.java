package com.ms5.floor.plc.api;

import java.time.Instant;

/**
 * What a poller knows about its connection, for diagnostics and the offline badge.
 *
 * @param state        the connection state
 * @param lastGoodRead the last scan that read successfully, or {@code null} if none yet
 * @param lastError    the last failure in words a person can act on, or {@code null}
 * @param reconnects   how many times the connection was rebuilt
 */
public record ConnectionHealth(State state, Instant lastGoodRead, String lastError, long reconnects) {
    public enum State { CONNECTING, CONNECTED, RECONNECTING, STOPPED }
}
