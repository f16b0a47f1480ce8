package com.ms5.floor.app.persistence;

import com.ms5.floor.app.model.ConfigVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Versions of the plant's configuration documents (tag map, plant model, reason tree, ...): each
 * change is a new row with its author, time and a summary; nothing is overwritten, so any version
 * can be looked at or brought back. A new version is announced on the change feed
 * ({@link ChangeFeed#CONFIG}). Blocking: not on the FX thread; a failure is a {@link StorageException}.
 */
public final class ConfigVersionRepository {
    private final Database database;
    private final String stationId;

    public ConfigVersionRepository(Database database, String stationId) {
        this.database = database;
        this.stationId = stationId;
    }

    /** The newest version of {@code kind}, if any. */
    public Optional<ConfigVersion> latest(String kind) {
        try {
            return read(kind, "ORDER BY version DESC LIMIT 1", null).stream().findFirst();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Every version of {@code kind}, newest first. */
    public List<ConfigVersion> versions(String kind) {
        try {
            return read(kind, "ORDER BY version DESC", null);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** One version of {@code kind}, if it exists. */
    public Optional<ConfigVersion> version(String kind, int version) {
        try {
            return read(kind, "AND version = ?", version).stream().findFirst();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private List<ConfigVersion> read(String kind, String rest, Integer version) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version, document::text, author, created_at, summary "
                     + "FROM config_version WHERE kind = ? " + rest)) {
            s.setString(1, kind);
            if (version != null) {
                s.setInt(2, version);
            }
            List<ConfigVersion> versions = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versions.add(new ConfigVersion(kind, r.getInt(1), r.getString(2), r.getString(3),
                            r.getTimestamp(4).toInstant(), r.getString(5)));
                }
            }
            return versions;
        }
    }

    /**
     * Stores {@code document} as the next version of {@code kind} unless the newest version already
     * says the same (as JSON, whatever the formatting). Two stations doing this at once store it once.
     *
     * @return the version that holds the document
     */
    public int saveIfChanged(String kind, String document, String who, String summary) {
        try {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO config_version (kind, version, document, author, summary) "
                                + "SELECT ?, coalesce(max(version), 0) + 1, ?::jsonb, ?, ? FROM config_version WHERE kind = ? "
                                + "HAVING NOT EXISTS (SELECT 1 FROM config_version v WHERE v.kind = ? AND v.document = ?::jsonb "
                                + "  AND v.version = (SELECT max(version) FROM config_version WHERE kind = ?)) "
                                + "ON CONFLICT DO NOTHING RETURNING version")) {
                    String author = who + " at " + stationId;
                    insert.setString(1, kind);
                    insert.setString(2, document);
                    insert.setString(3, author);
                    insert.setString(4, summary);
                    insert.setString(5, kind);
                    insert.setString(6, kind);
                    insert.setString(7, document);
                    insert.setString(8, kind);
                    try (ResultSet r = insert.executeQuery()) {
                        if (r.next()) {
                            int version = r.getInt(1);
                            ChangeFeed.announce(c, stationId, List.of(ChangeFeed.CONFIG + kind));
                            Audit.record(c, stationId, who, "config-version", kind, "version " + version + ": " + summary);
                            c.commit();
                            return version;
                        }
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
            return latest(kind).orElseThrow(() -> new SQLException("No version of " + kind + " was stored")).version();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
