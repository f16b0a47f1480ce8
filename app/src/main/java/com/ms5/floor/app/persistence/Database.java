package com.ms5.floor.app.persistence;

import com.ms5.floor.app.AppConfig;
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

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final String description;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource, SessionFactory sessionFactory,
                     String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.description = description;
    }

    public static Database open(AppConfig config) throws IOException {
        EmbeddedPostgres embedded = null;
        String jdbcUrl;
        String user;
        String password;
        String description;
        if (config.embeddedDatabase()) {
            Path dataDir = config.directories().embeddedDatabaseDir();
            Files.createDirectories(dataDir);
            OrphanedPostgres.stopIfRunning(dataDir);
            try {
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(config.embeddedDbPort())
                        // zonky starts PostgreSQL for throwaway test databases (-F, no synchronous
                        // commit); these are the plant's records: a committed minute must survive a power cut.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
            } catch (IOException | RuntimeException e) {
                throw new IOException("The embedded PostgreSQL in " + dataDir + " did not start ("
                        + rootMessage(e) + "). If another copy of the app uses this folder, close it; "
                        + "if db.embeddedPort is set, choose a free port.", e);
            }
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = null;
            description = "embedded PostgreSQL on port " + embedded.getPort();
        } else {
            jdbcUrl = config.dbUrl();
            user = config.dbUser();
            password = System.getenv(config.dbPasswordEnv());
            description = config.dbUrl();
        }

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(4);
        pool.setPoolName("ms5-db");
        pool.setInitializationFailTimeout(-1); // a server that is down fails below with a clear message
        pool.setConnectionTimeout(5000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            String version = DatabaseMigrations.migrate(dataSource);
            log.info("Database {} at schema version {}", description, version);
            Configuration hibernate = new Configuration()
                    .addAnnotatedClass(ProductionMinuteEntity.class)
                    .setProperty(AvailableSettings.HBM2DDL_AUTO, "validate")
                    .setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
            hibernate.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
            return new Database(embedded, dataSource, hibernate.buildSessionFactory(), description);
        } catch (RuntimeException e) {
            dataSource.close();
            closeEmbedded(embedded);
            String hint = config.embeddedDatabase()
                    ? ". The data folder " + config.directories().embeddedDatabaseDir() + " may be from another version."
                    : ". Check that the server runs and that db.url, db.user and the password in $"
                            + config.dbPasswordEnv() + " are right.";
            throw new IOException("The database " + description + " cannot be used: " + rootMessage(e) + hint, e);
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

    public javax.sql.DataSource dataSource() {
        return dataSource;
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
