package com.ms5.floor.app.persistence;

import com.ms5.floor.app.model.StationInfo;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The stations registered with the shared database, for the diagnostics view. Blocking: not on the FX thread; a failure is a {@link StorageException}. */
public final class StationRepository {
    private final Database database;

    public StationRepository(Database database) {
        this.database = database;
    }

    /** Every station, the most recently heard from first. */
    public List<StationInfo> stations() {
        try {
            List<StationInfo> stations = new ArrayList<>();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT station_id, host, started_at, heartbeat_at, owned_connections, "
                         + "offline_events FROM station ORDER BY heartbeat_at DESC")) {
                while (r.next()) {
                    Array polls = r.getArray(5);
                    stations.add(new StationInfo(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                            r.getTimestamp(4).toInstant(), List.of((String[]) polls.getArray()), r.getInt(6)));
                }
            }
            return stations;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
