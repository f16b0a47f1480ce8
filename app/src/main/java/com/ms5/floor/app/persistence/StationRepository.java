package com.ms5.floor.app.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The stations registered with the shared database, for the diagnostics view. Blocking: not on the FX thread. */
public final class StationRepository {
    /**
     * @param polls         the PLC connections it polls, as of its last heartbeat
     * @param offlineEvents events waiting in its journal, as of its last heartbeat
     */
    public record Station(String id, String host, Instant startedAt, Instant heartbeatAt, List<String> polls,
                          int offlineEvents) {
    }

    private final Database database;

    public StationRepository(Database database) {
        this.database = database;
    }

    /** Every station, the most recently heard from first. */
    public List<Station> stations() throws SQLException {
        List<Station> stations = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT station_id, host, started_at, heartbeat_at, owned_connections, "
                     + "offline_events FROM station ORDER BY heartbeat_at DESC")) {
            while (r.next()) {
                Array polls = r.getArray(5);
                stations.add(new Station(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                        r.getTimestamp(4).toInstant(), List.of((String[]) polls.getArray()), r.getInt(6)));
            }
        }
        return stations;
    }
}
