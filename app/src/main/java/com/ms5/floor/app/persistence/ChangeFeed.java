package com.ms5.floor.app.persistence;

import com.ms5.floor.app.base.NamedThreads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other stations changed, as PostgreSQL NOTIFY messages on one channel with small payloads:
 * {@code andon:<call id>@<station>}, {@code downtime:<event id>@<station>} or {@code line:<line id>@<station>}. Listens on a session
 * of its own on thread {@code db-listen}, reconnecting while the database is away; each message is
 * handed to the consumer on that thread.
 */
public final class ChangeFeed implements AutoCloseable {
    public static final String CHANNEL = "ms5_change";
    public static final String ANDON = "andon:";
    public static final String DOWNTIME = "downtime:";
    public static final String LINE = "line:";
    /** A new configuration version: {@code config:<kind>}. */
    public static final String CONFIG = "config:";
    public static final String FROM = "@";
    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?)";
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Database database;
    private final Consumer<String> consumer;
    private final ExecutorService thread = NamedThreads.singleThread("db-listen");
    private volatile boolean running = true;
    private volatile Connection session;

    public ChangeFeed(Database database, Consumer<String> consumer) {
        this.database = database;
        this.consumer = consumer;
        thread.execute(this::listen);
    }

    /**
     * Announces changes ({@code kind + id}, e.g. {@code andon:<id>}) in the caller's transaction:
     * every station hears them when it commits, and not at all if it rolls back. Hibernate
     * repositories call it through {@code session.doWork}.
     */
    static void announce(Connection c, String stationId, Collection<String> changes) throws SQLException {
        try (PreparedStatement notify = c.prepareStatement(NOTIFY)) {
            for (String what : changes) {
                notify.setString(1, what + FROM + stationId);
                notify.addBatch();
            }
            notify.executeBatch();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = database.openSession(); Statement s = c.createStatement()) {
                session = c;
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for other stations' changes failed ({}); retrying in {} s", e.getMessage(),
                            RETRY.toSeconds());
                    try {
                        Thread.sleep(RETRY.toMillis()); // reconnect pause, not a wait for asynchrony
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            consumer.accept(payload);
        } catch (RuntimeException e) {
            log.error("Handling the change '{}' failed", payload, e);
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = session;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        NamedThreads.shutdown(thread, 2);
    }
}
