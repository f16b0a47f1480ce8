package com.ms5.floor.app.model;

import com.ms5.floor.app.persistence.StationRepository;
import com.ms5.floor.app.sync.EventRecorder;
import com.ms5.floor.plc.api.ConnectionHealth;
import java.time.Instant;
import java.util.List;

/**
 * What the diagnostics view shows: this station's database and journal, every PLC connection
 * with who polls it, and the other stations.
 *
 * @param stations  the stations as the database knows them; empty while it is away
 * @param resources what the station uses of its computer, and its backups
 */
public record StationDiagnostics(String stationId, StationStatus status, Backlog backlog,
                                 List<Connection> connections, List<StationInfo> stations, StationResources resources,
                                 Instant at) {

    /**
     * @param polledBy the station that polls it, or {@code null} if none is known to
     * @param health   the poller's health when this station polls it, else {@code null}
     */
    public record Connection(String id, String url, String polledBy, ConnectionHealth health) {
    }
}
