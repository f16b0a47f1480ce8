package com.ms5.floor.app.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends to the audit log in the caller's transaction: the change and its record commit together.
 * Hibernate repositories call it through {@code session.doWork}.
 */
final class Audit {
    private Audit() {
    }

    static void record(Connection c, String stationId, String who, String action, String subject, String detail)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_log (station_id, who, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, stationId);
            insert.setString(2, who);
            insert.setString(3, action);
            insert.setString(4, subject);
            insert.setString(5, detail);
            insert.executeUpdate();
        }
    }
}
