package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.model.StationResources;
import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.persistence.EmbeddedBackup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's daily upkeep (README, "Retention" and "Backups"): once a day at
 * {@code backup.time}, local wall-clock time whatever the demo's clock, the next months' partitions
 * are made, what is older than the retention settings goes, and an embedded database is backed
 * up, the newest {@code backup.keep} backups kept. "Back up now" on the Diagnostics tab does the
 * backup at once. The work runs on {@code upkeep-work}; {@link #backups()} is read on any thread.
 */
@Singleton
public final class DatabaseUpkeep {
    private static final Logger log = LoggerFactory.getLogger(DatabaseUpkeep.class);

    private final AppConfig config;
    private final StationThreads threads;
    private final StationDatabase database;
    private final Instant started = Instant.now();
    private volatile String problem;

    @Inject
    DatabaseUpkeep(AppConfig config, StationThreads threads, StationDatabase database) {
        this.config = config;
        this.threads = threads;
        this.database = database;
    }

    /** Plans the first daily run; on station-startup once the database is open. */
    void start() {
        ZonedDateTime now = ZonedDateTime.now();
        ZonedDateTime next = now.with(config.backups().at());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        long delay = Duration.between(now, next).toMillis();
        threads.startup().schedule(() -> threads.upkeep().execute(this::daily), delay, TimeUnit.MILLISECONDS);
        log.info("Daily upkeep{} planned at {}", config.embeddedDatabase() ? " and backup" : "",
                LocalDateTime.from(next).withNano(0));
    }

    private void daily() {
        try {
            Database db = openDatabase();
            db.keepUp(config);
            if (config.embeddedDatabase()) {
                backUp(db);
            }
        } catch (RuntimeException e) {
            log.error("The daily upkeep of the database failed ({}); it runs again tomorrow", e.getMessage());
        } finally {
            if (!threads.closing()) {
                start();
            }
        }
    }

    /** Backs the embedded database up now, on upkeep-work; completes with the backup, or with why not. */
    public CompletableFuture<EmbeddedBackup.Backup> backUpNow() {
        return CompletableFuture.supplyAsync(() -> {
            Database db = openDatabase();
            if (!config.embeddedDatabase()) {
                throw new IllegalStateException(Messages.get("backup.shared"));
            }
            return backUp(db);
        }, threads.upkeep());
    }

    private Database openDatabase() {
        return database.open().map(Connected::database).orElseThrow(() -> new IllegalStateException(
                Messages.get("backup.notOpen")));
    }

    private EmbeddedBackup.Backup backUp(Database db) {
        try {
            EmbeddedBackup.Backup made = EmbeddedBackup.take(db, db.embeddedDir().orElseThrow(), config.backups().folder());
            EmbeddedBackup.keepNewest(config.backups().folder(), config.backups().keep());
            problem = null;
            return made;
        } catch (IOException e) {
            problem = Messages.format("backup.problem", e.getMessage(), config.backups().folder());
            log.error("Backing up the embedded database failed: {}", problem);
            throw new IllegalStateException(problem, e);
        }
    }

    /** The backups as they stand, or {@code null} for a shared server. Reads the backup folder. */
    StationResources.Backups backups() {
        if (!config.embeddedDatabase()) {
            return null;
        }
        try {
            List<EmbeddedBackup.Backup> kept = EmbeddedBackup.list(config.backups().folder());
            EmbeddedBackup.Backup newest = kept.isEmpty() ? null : kept.getFirst();
            return new StationResources.Backups(config.backups().folder().toString(), newest == null ? null : newest.at(),
                    newest == null ? 0 : newest.bytes(), kept.size(), problem, started);
        } catch (IOException e) {
            return new StationResources.Backups(config.backups().folder().toString(), null, 0, 0,
                    Messages.format("backup.unreadable", e.getMessage()), started);
        }
    }
}
