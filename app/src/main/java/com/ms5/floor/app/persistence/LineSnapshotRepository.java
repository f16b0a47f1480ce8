package com.ms5.floor.app.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.ms5.floor.app.model.LineStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The compact live status of each line, written by the station that polls it and read by the
 * others (shared/DESIGN.md, "Station sync"); a change is announced as {@code line:<id>}.
 * Blocking: not on the FX thread; a failure is a {@link StorageException}.
 */
public final class LineSnapshotRepository {
    private final Database database;
    private final String stationId;

    public LineSnapshotRepository(Database database, String stationId) {
        this.database = database;
        this.stationId = stationId;
    }

    /** Stores the lines' statuses and tells the other stations, in one transaction. */
    public void write(List<LineStatus> lines) {
        try {
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement upsert = c.prepareStatement("INSERT INTO line_snapshot (line_id, station_id, updated_at, status) "
                         + "VALUES (?, ?, now(), ?::jsonb) ON CONFLICT (line_id) DO UPDATE SET station_id = excluded.station_id, "
                         + "updated_at = excluded.updated_at, status = excluded.status")) {
                c.setAutoCommit(false);
                for (LineStatus line : lines) {
                    upsert.setString(1, line.lineId());
                    upsert.setString(2, stationId);
                    upsert.setString(3, Json.MAPPER.writeValueAsString(line));
                    upsert.addBatch();
                }
                upsert.executeBatch();
                ChangeFeed.announce(c, stationId, lines.stream().map(l -> ChangeFeed.LINE + l.lineId()).toList());
                c.commit();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A line status cannot be written as JSON: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** The line's latest status from whichever station polls it, or {@code null}. */
    public LineStatus read(String lineId) {
        try {
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT status::text FROM line_snapshot WHERE line_id = ?")) {
                s.setString(1, lineId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Json.MAPPER.readValue(r.getString(1), LineStatus.class) : null;
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("The snapshot of line " + lineId + " cannot be read: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
