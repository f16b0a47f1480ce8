package com.ms5.floor.app.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Which station writes a line's automatic report of a shift (table {@code shift_report}, V4): the
 * first to claim it. Blocking: not on the FX thread; a failure is a {@link StorageException}.
 */
public final class ShiftReportRepository {
    private final Database database;
    private final String stationId;

    public ShiftReportRepository(Database database, String stationId) {
        this.database = database;
        this.stationId = stationId;
    }

    /** Claims the report of the line's shift for this station; false if a station claimed it before. */
    public boolean claim(String lineId, Instant shiftStart, Instant shiftEnd, String shiftName) {
        return update("INSERT INTO shift_report (line_id, shift_start, shift_end, shift_name, station_id) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", lineId, shiftStart, shiftEnd, shiftName, stationId) == 1;
    }

    /** Records where the claimed report was written. */
    public void written(String lineId, Instant shiftStart, String files) {
        update("UPDATE shift_report SET files = ?, written_at = now() WHERE line_id = ? AND shift_start = ?",
                files, lineId, shiftStart);
    }

    /** Gives a claim back after the report could not be written, so that the next try (here or elsewhere) writes it. */
    public void release(String lineId, Instant shiftStart) {
        update("DELETE FROM shift_report WHERE line_id = ? AND shift_start = ? AND files IS NULL", lineId, shiftStart);
    }

    private int update(String sql, Object... values) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i] instanceof Instant t ? Timestamp.from(t) : values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
