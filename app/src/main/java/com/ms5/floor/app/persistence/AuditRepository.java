package com.ms5.floor.app.persistence;

import com.ms5.floor.app.model.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log (written by {@link Audit}). Blocking: not on the FX thread; a failure is a {@link StorageException}. */
public final class AuditRepository {
    private final Database database;

    public AuditRepository(Database database) {
        this.database = database;
    }

    /**
     * The entries of [{@code from}, {@code to}), newest first, at most {@code limit}; with
     * {@code text}, only those whose station, person, action, subject or detail contain it (any case).
     */
    public List<AuditEntry> entries(Instant from, Instant to, String text, int limit) {
        String sql = "SELECT at, station_id, who, action, subject, detail FROM audit_log WHERE at >= ? AND at < ? "
                + "AND (? = '' OR concat_ws(' ', station_id, who, action, subject, detail) ILIKE '%' || ? || '%') "
                + "ORDER BY at DESC, id DESC LIMIT ?";
        // LIKE's own characters in what a person types are meant literally
        String filter = text == null ? "" : text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            s.setString(3, filter);
            s.setString(4, filter);
            s.setInt(5, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new AuditEntry(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
