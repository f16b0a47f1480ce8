package com.ms5.floor.app.persistence;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.db.DatabaseMigrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's database: the shared PostgreSQL from the configuration, or with none configured
 * an embedded PostgreSQL whose data lives in the app-data folder across restarts. Migrates the
 * schema with Flyway, then opens Hibernate with {@code validate} so code and schema cannot drift.
 *
 * <p>Blocking: call {@link #open} off the FX thread.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** The embedded server, or null for a shared one; replaced when it is restarted (db-work). */
    private volatile EmbeddedPostgres embedded;
    private final Path embeddedDir;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final String description;
    private final java.util.Properties sessionProperties;
    private final String jdbcUrl;
    /** The embedded server's WAL archiving settings (empty for a shared server). */
    private final java.util.Map<String, String> archiving;

    private Database(EmbeddedPostgres embedded, Path embeddedDir, java.util.Map<String, String> archiving, HikariDataSource dataSource,
                     SessionFactory sessionFactory, String description, String jdbcUrl, java.util.Properties sessionProperties) {
        this.embedded = embedded;
        this.archiving = archiving;
        this.embeddedDir = embeddedDir;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.description = description;
        this.jdbcUrl = jdbcUrl;
        this.sessionProperties = sessionProperties;
    }

    public static Database open(AppConfig config) throws IOException {
        EmbeddedPostgres embedded = null;
        java.util.Map<String, String> archiving = java.util.Map.of();
        String jdbcUrl;
        String user;
        String password;
        String description;
        if (config.embeddedDatabase()) {
            Path dataDir = config.directories().embeddedDatabaseDir();
            String embeddedSecret;
            Files.createDirectories(dataDir);
            OrphanedPostgres.stopIfRunning(dataDir);
            try {
                embeddedSecret = embeddedPassword(dataDir);
                archiving = EmbeddedBackup.archiveSettings(config.backups().folder());
                embedded = startEmbedded(dataDir, config.embeddedDbPort(), embeddedSecret, archiving);
            } catch (IOException | RuntimeException e) {
                throw new IOException(Messages.format("db.embeddedDidNotStart", dataDir, rootMessage(e), secretOf(dataDir)), e);
            }
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = embeddedSecret;
            description = Messages.format("db.embeddedDescription", embedded.getPort());
        } else {
            jdbcUrl = config.dbUrl();
            user = config.dbUser();
            password = DatabasePassword.read(config);
            description = config.dbUrl();
        }
        java.util.Properties session = new java.util.Properties();
        session.setProperty("user", user);
        if (password != null) {
            session.setProperty("password", password);
        }
        if (config.dbSslMode() != null) {
            session.setProperty("sslmode", config.dbSslMode());
        }
        if (config.dbSslRootCert() != null) {
            session.setProperty("sslrootcert", config.dbSslRootCert().toString());
        }
        session.setProperty("connectTimeout", "5");
        session.setProperty("reWriteBatchedInserts", "true"); // one multi-row INSERT per batch: several times the rows/s
        session.setProperty("ApplicationName", "MS5 " + config.stationName());

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setDataSourceProperties(session);
        pool.setMaximumPoolSize(4);
        pool.setPoolName("ms5-db");
        pool.setInitializationFailTimeout(-1); // a server that is down fails below with a clear message
        pool.setConnectionTimeout(5000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            String version = DatabaseMigrations.migrate(dataSource);
            log.info("Database {} at schema version {}", description, version);
            try {
                keepUp(dataSource, config);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Preparing the monthly partitions failed: " + e.getMessage(), e);
            }
            Configuration hibernate = new Configuration()
                    .addAnnotatedClass(ProductionMinuteEntity.class)
                    .addAnnotatedClass(AndonCallEntity.class)
                    .addAnnotatedClass(DowntimeEventEntity.class)
                    .setProperty(AvailableSettings.HBM2DDL_AUTO, "validate")
                    .setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
            hibernate.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
            return new Database(embedded, config.embeddedDatabase() ? config.directories().embeddedDatabaseDir() : null,
                    archiving, dataSource, hibernate.buildSessionFactory(), description, jdbcUrl, session);
        } catch (RuntimeException e) {
            dataSource.close();
            closeEmbedded(embedded);
            String hint = config.embeddedDatabase()
                    ? Messages.format("db.otherVersion", config.directories().embeddedDatabaseDir())
                    : Messages.format("db.checkServer", config.dbPasswordFile() != null ? config.dbPasswordFile()
                            : "$" + config.dbPasswordEnv());
            throw new IOException(Messages.format("db.cannotBeUsed", description, rootMessage(e)) + hint, e);
        }
    }

    /**
     * The database's daily upkeep, also run at start: next months' partitions are made, and what is
     * older than the retention settings goes (README, "Retention"), each table and partition named
     * in the log. Blocking.
     */
    public void keepUp(AppConfig config) {
        try {
            keepUp(dataSource, config);
        } catch (java.sql.SQLException e) {
            throw new StorageException(e);
        }
    }

    /** The database's size on disk, in bytes. Blocking. */
    public long sizeBytes() {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet size = st.executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new StorageException(e);
        }
    }

    private static void keepUp(javax.sql.DataSource dataSource, AppConfig config) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT ms5_ensure_partitions(1, 2)");
            dropOldMonths(st, "'state_interval', 'production_minute', 'andon_call_event'", "db.retentionMonths",
                    config.retentionMonths());
            dropOldMonths(st, "'audit_log'", "db.auditRetentionMonths", config.auditRetentionMonths());
            try (java.sql.ResultSet pruned = st.executeQuery("SELECT * FROM ms5_prune_history(now() - make_interval(months => "
                    + config.retentionMonths() + "), now() - make_interval(months => " + config.auditRetentionMonths() + "))")) {
                while (pruned.next()) {
                    if (pruned.getLong(2) > 0) {
                        log.info("Deleted {} row(s) of {} older than the retention settings", pruned.getLong(2),
                                pruned.getString(1));
                    }
                }
            }
        }
    }

    /** Drops the tables' month partitions older than {@code months}, naming each in the log: history leaves only on purpose. */
    private static void dropOldMonths(java.sql.Statement st, String tables, String key, int months) throws java.sql.SQLException {
        try (java.sql.ResultSet dropped = st.executeQuery("SELECT * FROM ms5_drop_partitions(ARRAY[" + tables
                + "], now() - make_interval(months => " + months + "))")) {
            while (dropped.next()) {
                log.info("Dropped partition {}: its month is older than {}={}", dropped.getString(1), key, months);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** The server's JDBC address (without credentials). */
    String jdbcUrl() {
        return jdbcUrl;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection of its own, outside the pool, for a session that must live on: the polling locks
     * and LISTEN. Fails fast (5 s) when the server is unreachable.
     */
    public java.sql.Connection openSession() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, sessionProperties);
    }

    /** The embedded server's password file, beside its data folder, readable by its owner only. */
    private static Path secretOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".secret");
    }

    private static String embeddedPassword(Path dataDir) throws IOException {
        Path secret = secretOf(dataDir);
        if (!Files.exists(secret) && Files.isRegularFile(dataDir.resolve("pg_hba.conf"))) {
            // A server whose password file is gone: trusted for this one start, and given a new password in it.
            Path hba = dataDir.resolve("pg_hba.conf");
            Files.writeString(hba, Files.readString(hba).replaceAll("(?m)scram-sha-256\\s*$", "trust"));
        }
        return DatabasePassword.embedded(secret);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, int port, String password,
                                                  java.util.Map<String, String> archiving) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        archiving.forEach(builder::setServerConfig); // every finished WAL segment kept for the next backup
        EmbeddedPostgres server = builder
                .setConnectConfig("password", password)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky's own shutdown hook would stop the server while the station's hook still writes
                // the last events to it; the station stops it in order (FloorDashboardApp), and a
                // server left by a killed app is taken back at the next start (OrphanedPostgres).
                .setRegisterShutdownHook(false)
                // zonky starts PostgreSQL for throwaway test databases (-F, no synchronous
                // commit); these are the plant's records: a committed minute must survive a power cut.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("wal_level", "replica") // what a backup of a running server needs
                .start();
        requirePassword(server, dataDir, password);
        return server;
    }

    /**
     * initdb sets a new server up to trust every local connection, which makes any local user its
     * superuser: the superuser gets the password, and pg_hba.conf asks every connection for it
     * (scram-sha-256) from then on. Does nothing once that is so.
     */
    private static void requirePassword(EmbeddedPostgres server, Path dataDir, String password) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        String conf = Files.readString(hba);
        String asking = conf.replaceAll("(?m)trust\\s*$", "scram-sha-256");
        if (asking.equals(conf)) {
            return;
        }
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", "postgres");
        login.setProperty("password", password);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), login);
             java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER ROLE postgres PASSWORD '" + password + "'"); // base64url: nothing to escape
            Files.writeString(hba, asking);
            st.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("The embedded PostgreSQL could not be given its password: " + e.getMessage(), e);
        }
        log.info("The embedded PostgreSQL now asks every connection for its password (kept in {})", secretOf(dataDir));
    }

    /**
     * For the embedded server: starts it again, on its folder and port, if its process has died (killed,
     * out of memory). The pool and every session reconnect to it by themselves, and the journal drains.
     * Does nothing for a shared server or a running one. On db-work.
     *
     * @return whether it was restarted
     */
    public boolean restartEmbeddedIfDead() throws IOException {
        EmbeddedPostgres server = embedded;
        if (server == null || OrphanedPostgres.serverOf(embeddedDir).isPresent()) {
            return false;
        }
        int port = server.getPort();
        log.warn("The embedded PostgreSQL on port {} has stopped; starting it again on {}", port, embeddedDir);
        closeEmbedded(server); // releases its hold on the folder
        embedded = startEmbedded(embeddedDir, port, embeddedPassword(embeddedDir), archiving);
        log.info("The embedded PostgreSQL is running again on port {}", port);
        return true;
    }

    /** The embedded server's data folder, or empty for a shared server. */
    public java.util.Optional<Path> embeddedDir() {
        return java.util.Optional.ofNullable(embeddedDir);
    }

    /** Where the data is, in words for the status bar. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
        closeEmbedded(embedded);
    }

    private static void closeEmbedded(EmbeddedPostgres embedded) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("Stopping the embedded PostgreSQL failed", e);
            }
        }
    }
}
