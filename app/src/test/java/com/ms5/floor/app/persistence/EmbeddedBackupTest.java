package com.ms5.floor.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of the embedded database, on a real PostgreSQL: a backup taken while the server runs,
 * restored into a fresh data folder (and over an existing one), starts and holds every row; only
 * the newest backups are kept; what is not a backup, or a running database, is refused.
 */
class EmbeddedBackupTest {
    @TempDir
    Path plant;
    @TempDir
    Path spare;

    @Test
    void aBackupRestoredIntoAFreshDataFolderHoldsEveryRow() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(plant), plant.resolve("ms5.properties"));
        Map<String, Long> before;
        EmbeddedBackup.Backup backup;
        try (Database db = Database.open(config)) {
            fill(db);
            before = rowsOfEveryTable(db);
            backup = EmbeddedBackup.take(db, config.directories().embeddedDatabaseDir(), config.backups().folder());
        }
        assertThat(before.get("production_minute")).isEqualTo(20_000);
        assertThat(backup.file()).exists().hasParent(plant.resolve("backups"));
        assertThat(backup.file().getFileName().toString()).matches("ms5-backup-\\d{8}-\\d{6}\\.tar\\.gz");

        AppConfig fresh = AppConfig.load(new AppDirectories(spare), spare.resolve("ms5.properties"));
        assertThat(com.ms5.floor.app.Main.restore(fresh, backup.file())).isZero();
        try (Database restored = Database.open(fresh)) {
            assertThat(rowsOfEveryTable(restored)).isEqualTo(before);
        }
    }

    @Test
    void restoringOverADatabaseMovesItAsideAndTheRestoredOneGetsANewPassword() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(plant), plant.resolve("ms5.properties"));
        Map<String, Long> atBackup;
        EmbeddedBackup.Backup backup;
        try (Database db = Database.open(config)) {
            fill(db);
            atBackup = rowsOfEveryTable(db);
            backup = EmbeddedBackup.take(db, config.directories().embeddedDatabaseDir(), config.backups().folder());
            // the day goes on after the backup, then the disk is lost
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO audit_log (station_id, who, action, subject, detail) "
                        + "VALUES ('A', 'ann', 'acknowledge', 'call-9', 'after the backup')");
            }
            assertThatThrownBy(() -> EmbeddedBackup.restore(backup.file(), config.directories().embeddedDatabaseDir(),
                    config.backups().folder())).isInstanceOf(IOException.class).hasMessageContaining("close MS5");
        }

        Path aside = EmbeddedBackup.restore(backup.file(), config.directories().embeddedDatabaseDir(),
                config.backups().folder()).orElseThrow();
        assertThat(aside.resolve("PG_VERSION")).as("the former database kept").exists();
        assertThat(plant.resolve("pgdata.secret")).doesNotExist();
        try (Database restored = Database.open(config)) {
            assertThat(rowsOfEveryTable(restored)).isEqualTo(atBackup);
            // it archives again, and backs up again
            EmbeddedBackup.take(restored, config.directories().embeddedDatabaseDir(), config.backups().folder());
        }
        assertThat(plant.resolve("pgdata.secret")).as("a new password for the restored server").exists();
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(plant), plant.resolve("ms5.properties"));
        try (Database db = Database.open(config)) {
            for (int i = 0; i < 3; i++) {
                EmbeddedBackup.take(db, config.directories().embeddedDatabaseDir(), config.backups().folder());
                // one name per second: the next backup must not take this one's name
                long second = System.currentTimeMillis() / 1000;
                com.ms5.floor.app.Await.until(java.time.Duration.ofSeconds(3), "the next second",
                        () -> System.currentTimeMillis() / 1000 > second);
            }
        }
        List<EmbeddedBackup.Backup> all = EmbeddedBackup.list(config.backups().folder());
        assertThat(all).hasSize(3);
        EmbeddedBackup.keepNewest(config.backups().folder(), 2);
        assertThat(EmbeddedBackup.list(config.backups().folder())).containsExactlyElementsOf(all.subList(0, 2));
    }

    @Test
    void whatIsNotABackupIsRefusedAndNothingIsMoved() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(plant), plant.resolve("ms5.properties"));
        Path notABackup = Files.writeString(spare.resolve("ms5-backup-20260101-000000.tar.gz"), "not gzip");
        Files.createDirectories(config.directories().embeddedDatabaseDir());
        assertThatThrownBy(() -> EmbeddedBackup.restore(spare.resolve("notes.txt"), config.directories().embeddedDatabaseDir(),
                config.backups().folder())).isInstanceOf(IOException.class).hasMessageContaining("is not an MS5 backup");
        assertThat(config.directories().embeddedDatabaseDir()).as("nothing moved").exists();
        assertThat(com.ms5.floor.app.Main.restore(config, notABackup)).isEqualTo(2);
    }

    /** Some of everything a station stores: minutes in a month partition, stops, calls, the audit log. */
    private static void fill(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO production_minute (machine_id, minute_start, run_id, total_count, good_count) "
                    + "SELECT 'M' || (i % 20), date_trunc('minute', now()) - make_interval(mins => i / 20), "
                    + "gen_random_uuid(), 60, 59 FROM generate_series(1, 20000) i");
            st.executeUpdate("INSERT INTO downtime_event (id, machine_id, line_id, state, start_at, end_at, reason_id) "
                    + "SELECT gen_random_uuid(), 'M1', 'L1', 'DOWN', now() - make_interval(mins => i), now(), 'jam' "
                    + "FROM generate_series(1, 300) i");
            st.executeUpdate("INSERT INTO audit_log (station_id, who, action, subject, detail) "
                    + "SELECT 'A', 'ann', 'acknowledge', 'call-' || i, 'by ann' FROM generate_series(1, 500) i");
            st.executeUpdate("INSERT INTO config_version (kind, version, document, author, summary) "
                    + "VALUES ('tagmap', 1, '{\"plant\": \"Demo\"}', 'eve', 'first')");
        }
    }

    /** Every table's rows, partitions included. */
    private static Map<String, Long> rowsOfEveryTable(Database db) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet r = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    r.next();
                    rows.put(table, r.getLong(1));
                }
            }
        }
        return rows;
    }
}
