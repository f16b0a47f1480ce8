package com.ms5.floor.app.model;

import java.time.Instant;
import java.util.List;

/**
 * A station as the shared database knows it, for the diagnostics view.
 *
 * @param polls         the PLC connections it polls, as of its last heartbeat
 * @param offlineEvents events waiting in its journal, as of its last heartbeat
 */
public record StationInfo(String id, String host, Instant startedAt, Instant heartbeatAt, List<String> polls,
                          int offlineEvents) {
}
