package com.ms5.floor.app.sync;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.model.StoredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ms5.floor.app.persistence.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The station's durable queue of events on their way to the database: an SQLite file in the
 * app-data folder, every append synced to disk before it returns (WAL, synchronous=FULL), so a
 * power cut or a kill loses nothing that was appended. Entries leave only once the database has them.
 *
 * <p>Not thread-safe: one thread (the recorder's) uses it.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = Json.MAPPER;

    /** One waiting event with its place in the journal. */
    public record Entry(long seq, Instant writtenAt, StoredEvent event) {
    }

    private final Connection connection;
    private final Path file;

    private Journal(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Opens the journal in {@code file}, creating it if needed. */
    public static Journal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE IF NOT EXISTS waiting (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "written_at INTEGER NOT NULL, event TEXT NOT NULL)");
                // Events the database refused for what they say: kept, with why, for a person to look at.
                s.execute("CREATE TABLE IF NOT EXISTS set_aside (seq INTEGER PRIMARY KEY, written_at INTEGER NOT NULL, "
                        + "event TEXT NOT NULL, reason TEXT NOT NULL, set_aside_at INTEGER NOT NULL)");
            }
            c.setAutoCommit(false);
            return new Journal(c, file);
        } catch (SQLException e) {
            throw new IOException(Messages.format("journal.cannotOpen", file, e.getMessage()), e);
        }
    }

    /** Appends the events in order, in one transaction synced to disk. */
    public void append(List<StoredEvent> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO waiting (written_at, event) VALUES (?, ?)")) {
            for (StoredEvent event : events) {
                insert.setLong(1, now.toEpochMilli());
                insert.setString(2, JSON.writeValueAsString(event));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | IOException e) {
            rollback();
            throw new IllegalStateException(Messages.format("journal.writeFailed", events.size(), file, e.getMessage()), e);
        }
    }

    /** The oldest waiting events, at most {@code max}, oldest first. */
    public List<Entry> oldest(int max) {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, written_at, event FROM waiting ORDER BY seq LIMIT ?")) {
            select.setInt(1, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                            JSON.readValue(rows.getString(3), StoredEvent.class)));
                }
            }
            connection.commit();
            return entries;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException(Messages.format("journal.readFailed", file, e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.format("journal.entryUnreadable", file), e);
        }
    }

    /** Removes every entry up to and including {@code seq}: the database has them. */
    public void removeUpTo(long seq) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM waiting WHERE seq <= ?")) {
            delete.setLong(1, seq);
            delete.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException(Messages.format("journal.removeFailed", file, e.getMessage()), e);
        }
    }

    /**
     * Moves one waiting event to the set-aside table with the database's reason, in one
     * transaction: the events behind it go on, and it is kept, not lost.
     */
    public void setAside(Entry entry, String reason, Instant now) {
        try (PreparedStatement copy = connection.prepareStatement("INSERT OR REPLACE INTO set_aside (seq, written_at, event, "
                + "reason, set_aside_at) SELECT seq, written_at, event, ?, ? FROM waiting WHERE seq = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM waiting WHERE seq = ?")) {
            copy.setString(1, reason);
            copy.setLong(2, now.toEpochMilli());
            copy.setLong(3, entry.seq());
            copy.executeUpdate();
            delete.setLong(1, entry.seq());
            delete.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException(Messages.format("journal.setAsideFailed", file, e.getMessage()), e);
        }
    }

    /** How many events were set aside, over the journal's life. */
    public long setAsideCount() {
        return count("set_aside");
    }

    /** How many events wait. */
    public long size() {
        return count("waiting");
    }

    private long count(String table) {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            long size = r.getLong(1);
            connection.commit();
            return size;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException(Messages.format("journal.countFailed", file, e.getMessage()), e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.format("journal.closeFailed", file, e.getMessage()), e);
        }
    }
}
