package com.ms5.floor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL (embedded), a fresh server per test. */
class DatabaseMigrationsTest {
    private EmbeddedPostgres postgres;
    private DataSource db;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void migratesAnEmptyDatabaseAndIsANoOpTheSecondTime() throws Exception {
        assertThat(DatabaseMigrations.migrate(db)).isEqualTo("6");
        assertThat(DatabaseMigrations.migrate(db)).isEqualTo("6");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT ms5_ensure_partitions(1, 2)");
            s.executeUpdate("INSERT INTO production_minute (machine_id, minute_start, run_id, total_count, good_count) "
                    + "VALUES ('L1-FILLER', now(), gen_random_uuid(), 120, 118)");
            // more good parts than parts is refused by the schema
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO production_minute "
                    + "(machine_id, minute_start, run_id, total_count, good_count) VALUES ('X', now(), gen_random_uuid(), 1, 2)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("check constraint");
        }
    }

    @Test
    void version1CountsMoveIntoTheMinuteTableOfVersion2AndOn() throws Exception {
        assertThat(DatabaseMigrations.migrate(db, "1")).isEqualTo("1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO production_count_minute (machine_id, minute_start, total_count, good_count) "
                    + "VALUES ('L1-FILLER', '2026-11-24T08:00:00Z', 120, 118), ('L1-FILLER', '2026-11-24T08:01:00Z', 60, 60)");
        }
        assertThat(DatabaseMigrations.migrate(db)).isEqualTo("6");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            ResultSet rows = s.executeQuery("SELECT sum(total_count), sum(good_count), count(*) FROM production_minute "
                    + "WHERE machine_id = 'L1-FILLER'");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(180);
            assertThat(rows.getLong(2)).isEqualTo(178);
            assertThat(rows.getLong(3)).isEqualTo(2);
            ResultSet oldTable = s.executeQuery("SELECT to_regclass('production_count_minute')");
            oldTable.next();
            assertThat(oldTable.getString(1)).as("the version-1 table is gone").isNull();
        }
    }

    @Test
    void aMonthPartitionTakesOverTheRowsThatWaitedInTheDefaultOneAndRetentionDropsOldMonths() throws Exception {
        DatabaseMigrations.migrate(db);
        Instant fourMonthsAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(4).toInstant().truncatedTo(ChronoUnit.MINUTES);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO state_interval (id, machine_id, state, start_at, end_at) VALUES "
                    + "(gen_random_uuid(), 'M1', 'RUNNING', '" + fourMonthsAgo + "', '" + fourMonthsAgo.plusSeconds(60) + "')");
            s.executeUpdate("INSERT INTO audit_log (station_id, who, action, subject, detail, at) "
                    + "VALUES ('A', 'ann', 'acknowledge', 'call-1', 'by ann', '" + fourMonthsAgo + "')");
            assertThat(count(s, "state_interval_default")).isEqualTo(1);

            ResultSet created = s.executeQuery("SELECT ms5_ensure_partitions(5, 1)");
            created.next();
            assertThat(created.getInt(1)).isEqualTo(4 * 7); // 4 tables x 7 months
            assertThat(count(s, "state_interval_default")).isZero();
            assertThat(count(s, "state_interval")).isEqualTo(1);
            assertThat(count(s, "audit_log")).isEqualTo(1);

            // The audit log refuses changes...
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET who = 'bob'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");

            // ...and retention drops whole months older than the cutoff, its rows with them.
            Instant threeMonthsAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(3).toInstant();
            ResultSet dropped = s.executeQuery("SELECT ms5_drop_partitions_before('" + threeMonthsAgo + "')");
            dropped.next();
            assertThat(dropped.getInt(1)).isGreaterThanOrEqualTo(4 * 2);
            assertThat(count(s, "state_interval")).isZero();
            assertThat(count(s, "audit_log")).isZero();
        }
    }

    /** Retention by table: the history's old months go, the audit log's stay, and each dropped partition is named. */
    @Test
    void retentionDropsOnlyTheTablesItIsGivenAndNamesEachPartition() throws Exception {
        DatabaseMigrations.migrate(db);
        Instant fourMonthsAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(4).toInstant().truncatedTo(ChronoUnit.MINUTES);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT ms5_ensure_partitions(5, 1)");
            s.executeUpdate("INSERT INTO audit_log (station_id, who, action, subject, detail, at) "
                    + "VALUES ('A', 'ann', 'acknowledge', 'call-1', 'by ann', '" + fourMonthsAgo + "')");
            Instant threeMonthsAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(3).toInstant();
            ResultSet dropped = s.executeQuery("SELECT * FROM ms5_drop_partitions(ARRAY['state_interval', 'production_minute', "
                    + "'andon_call_event'], '" + threeMonthsAgo + "')");
            java.util.List<String> names = new java.util.ArrayList<>();
            while (dropped.next()) {
                names.add(dropped.getString(1));
            }
            String month = fourMonthsAgo.atZone(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("yyyy_MM"));
            assertThat(names).contains("state_interval_" + month, "production_minute_" + month, "andon_call_event_" + month)
                    .noneMatch(n -> n.startsWith("audit_log"));
            assertThat(count(s, "audit_log")).as("the audit log keeps its own, longer retention").isEqualTo(1);
        }
    }

    /**
     * The tables without month partitions lose their rows older than the cutoff, each counted;
     * an open call, the configuration in use and the recent rows stay.
     */
    @Test
    void pruningDeletesOnlyWhatEndedBeforeTheCutoffAndKeepsTheConfigurationInUse() throws Exception {
        DatabaseMigrations.migrate(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            String old = "now() - interval '30 months'";
            for (String when : java.util.List.of(old, "now()")) {
                s.executeUpdate("INSERT INTO downtime_event (id, machine_id, line_id, state, start_at, end_at, reason_id) "
                        + "VALUES (gen_random_uuid(), 'L1-FILLER', 'L1', 'DOWN', " + when + ", " + when + ", 'jam')");
                s.executeUpdate("INSERT INTO alert_event (id, rule_id, subject, raised, at, value, detail) "
                        + "VALUES (gen_random_uuid(), 'oee-low', 'L1', true, " + when + ", 0.4, 'OEE 40 %')");
                s.executeUpdate("INSERT INTO shift_report (line_id, shift_start, shift_end, shift_name, station_id) "
                        + "VALUES ('L1', " + when + " - interval '8 hours', " + when + ", 'Day', 'A')");
            }
            s.executeUpdate("INSERT INTO downtime_edit (event_id, at, who, action) SELECT id, now(), 'ann', 'reason' "
                    + "FROM downtime_event");
            s.executeUpdate("INSERT INTO andon_call (id, call_type, call_label, priority, line_id, machine_id, machines, "
                    + "root_cause, source, raised_at, alarm_state, active, level, closed_at, occurrences, chattering) VALUES "
                    + "(gen_random_uuid(), 'maint', 'Maintenance', 1, 'L1', 'L1-FILLER', '{}', 'jam', 'auto', " + old
                    + ", 'NORMAL', false, 0, " + old + ", 1, false), "
                    + "(gen_random_uuid(), 'maint', 'Maintenance', 1, 'L1', 'L1-FILLER', '{}', 'jam', 'auto', " + old
                    + ", 'UNACK', true, 0, NULL, 1, false)");
            s.executeUpdate("INSERT INTO config_version (kind, version, document, author, created_at, summary) VALUES "
                    + "('tagmap', 1, '{}', 'eve', now() - interval '10 years', 'first'), "
                    + "('tagmap', 2, '{}', 'eve', now() - interval '9 years', 'second'), "
                    + "('plant', 1, '{}', 'eve', now() - interval '10 years', 'only')");

            ResultSet pruned = s.executeQuery("SELECT * FROM ms5_prune_history(now() - interval '24 months', "
                    + "now() - interval '84 months')");
            java.util.Map<String, Long> deleted = new java.util.TreeMap<>();
            while (pruned.next()) {
                deleted.put(pruned.getString(1), pruned.getLong(2));
            }
            assertThat(deleted).containsEntry("downtime_event", 1L).containsEntry("andon_call", 1L)
                    .containsEntry("alert_event", 1L).containsEntry("shift_report", 1L).containsEntry("config_version", 1L);
            assertThat(count(s, "downtime_event")).isEqualTo(1);
            assertThat(count(s, "downtime_edit")).as("the old stop's edits went with it").isEqualTo(1);
            assertThat(count(s, "andon_call")).as("the open call stays however old").isEqualTo(1);
            assertThat(count(s, "alert_event")).isEqualTo(1);
            ResultSet kept = s.executeQuery("SELECT kind || ' ' || version FROM config_version ORDER BY 1");
            java.util.List<String> versions = new java.util.ArrayList<>();
            while (kept.next()) {
                versions.add(kept.getString(1));
            }
            assertThat(versions).as("the newest version of each kind is in use").containsExactly("plant 1", "tagmap 2");
        }
    }

    /** Another system (a BI tool) logs in with a role in ms5_reader: it reads the documented views, nothing else. */
    @Test
    void theReaderRoleSelectsTheViewsAndNothingElse() throws Exception {
        DatabaseMigrations.migrate(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT ms5_ensure_partitions(1, 1)");
            s.executeUpdate("INSERT INTO production_minute (machine_id, minute_start, run_id, total_count, good_count, ideal_seconds) "
                    + "VALUES ('L1-FILLER', date_trunc('minute', now()), gen_random_uuid(), 60, 58, 54), "
                    + "('L1-FILLER', date_trunc('minute', now()), gen_random_uuid(), 2, 2, 1.8)");
            s.execute("CREATE ROLE bi LOGIN PASSWORD 'bi-secret' IN ROLE ms5_reader");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        try (Connection bi = java.sql.DriverManager.getConnection(url, "bi", "bi-secret"); Statement s = bi.createStatement()) {
            ResultSet minute = s.executeQuery("SELECT total_count, good_count FROM ms5_minute WHERE machine_id = 'L1-FILLER'");
            assertThat(minute.next()).isTrue();
            assertThat(minute.getLong(1)).as("a minute's parts from two runs added up").isEqualTo(62);
            for (String view : java.util.List.of("ms5_shift", "ms5_stop", "ms5_call")) {
                assertThat(count(s, view)).as(view).isZero();
            }
            for (String table : java.util.List.of("production_minute", "downtime_event", "andon_call", "audit_log",
                    "config_version", "station", "shift_report")) {
                assertThatThrownBy(() -> count(s, table)).as(table).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM ms5_stop")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table);
        r.next();
        return r.getLong(1);
    }
}
