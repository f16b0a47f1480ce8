package com.ms5.floor.app;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.persistence.ProductionMinuteRepository;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app killed outright (power cut, kill -9) leaves its embedded PostgreSQL running on the data
 * folder. The next start must take the folder back, and every minute the killed app had stored
 * must still be there.
 */
class AppKilledTest {
    private static final Pattern PORT = Pattern.compile("embedded PostgreSQL on port (\\d+)");

    @TempDir
    Path home;

    @Test
    void aKilledAppsDatabaseIsTakenBackWithItsMinutes() throws Exception {
        long storedBeforeKill;
        java.nio.file.Files.writeString(home.resolve("ms5.properties"), "demo.startTime=07:00\n"); // no break while testing
        try (ChildApp app = ChildApp.start(Main.class, "--data-dir=" + home, "--time-scale=30")) {
            Await.until(Duration.ofSeconds(90), "the killed-to-be app opens its database",
                    () -> app.printed("embedded PostgreSQL on port") || !app.process().isAlive());
            Matcher port = PORT.matcher(String.valueOf(app.line("embedded PostgreSQL on port")));
            assertThat(port.find()).as("output:\n%s", app.output()).isTrue();
            String url = "jdbc:postgresql://127.0.0.1:" + port.group(1) + "/postgres";
            Await.until(Duration.ofSeconds(60), "the app stores production minutes", () -> storedMinutes(url) >= 2);
            app.process().destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            storedBeforeKill = storedMinutes(url);
        }

        AppConfig config = AppConfig.load(new AppDirectories(home), home.resolve("none.properties"));
        try (Database database = Database.open(config)) {
            long stored = new ProductionMinuteRepository(database).minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH).size();
            assertThat(stored).isEqualTo(storedBeforeKill);
            try (Connection c = database.dataSource().getConnection();
                 ResultSet fsync = c.createStatement().executeQuery("SHOW fsync")) {
                fsync.next();
                assertThat(fsync.getString(1)).as("the embedded server syncs commits to disk").isEqualTo("on");
            }
        }
    }

    @Test
    void anAppKilledWhileItsDatabaseIsAwayLosesNoEventOfItsJournal() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path settings = java.nio.file.Files.writeString(home.resolve("ms5.properties"), String.join("\n",
                "db.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres", "db.user=postgres", "station.name=killed",
                "demo.startTime=07:00", ""));
        Path journalFile = home.resolve("journal.db");
        try (ChildApp app = ChildApp.start(Main.class, "--data-dir=" + home, "--time-scale=30")) {
            Await.until(Duration.ofSeconds(90), "the offline app has 100 events in its journal",
                    () -> journalSize(journalFile) >= 100 || !app.process().isAlive());
            assertThat(app.process().isAlive()).as("output:\n%s", app.output()).isTrue();
            app.process().destroyForcibly().waitFor(); // SIGKILL while offline
        }
        java.util.List<com.ms5.floor.app.sync.Journal.Entry> waiting;
        try (var journal = com.ms5.floor.app.sync.Journal.open(journalFile)) {
            waiting = journal.oldest(Integer.MAX_VALUE);
        }
        assertThat(waiting).hasSizeGreaterThanOrEqualTo(100);

        // The database comes back; the next start of the station replays the journal.
        try (var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(port).start();
             Database database = Database.open(AppConfig.load(new AppDirectories(home), settings));
             var recorder = new com.ms5.floor.app.sync.EventRecorder(com.ms5.floor.app.sync.Journal.open(journalFile),
                     java.time.Clock.systemUTC())) {
            recorder.attach(new com.ms5.floor.app.persistence.EventStore(database, "killed"));
            Await.until(Duration.ofSeconds(60), "the journal is replayed", () -> recorder.backlog().waiting() == 0
                    && recorder.backlog().online() && recorder.backlog().stored() >= waiting.size());
            try (Connection c = database.dataSource().getConnection()) {
                for (var entry : waiting) {
                    assertThat(rowsOf(c, entry.event())).as("rows of %s", entry.event()).isEqualTo(1);
                }
            }
        }
    }

    /**
     * Ended by the system (SIGTERM: a logout, a shutdown, a service stop) rather than from its window,
     * the app still closes its station in order: its last events reach the database, the journal is
     * empty, and the embedded server is stopped, not left running for the next start to take back.
     */
    @Test
    void anAppEndedBySigtermStoresItsLastEventsAndStopsItsDatabase() throws Exception {
        java.nio.file.Files.writeString(home.resolve("ms5.properties"), "demo.startTime=07:00\n");
        try (ChildApp app = ChildApp.start(Main.class, "--data-dir=" + home, "--time-scale=30")) {
            Await.until(Duration.ofSeconds(90), "the app opens its database",
                    () -> app.printed("embedded PostgreSQL on port") || !app.process().isAlive());
            Matcher port = PORT.matcher(String.valueOf(app.line("embedded PostgreSQL on port")));
            assertThat(port.find()).as("output:\n%s", app.output()).isTrue();
            String url = "jdbc:postgresql://127.0.0.1:" + port.group(1) + "/postgres";
            Await.until(Duration.ofSeconds(60), "the app stores production minutes", () -> storedMinutes(url) >= 1);
            app.process().toHandle().destroy(); // SIGTERM; Process.destroy() would also close the pipe of its output
            assertThat(app.awaitExit(Duration.ofSeconds(30))).as("output:\n%s", app.output()).isTrue();

            assertThat(app.output()).contains("Shut down in");
            assertThat(storedMinutes(url)).as("the embedded server is stopped").isEqualTo(-1);
        }
        assertThat(journalSize(home.resolve("journal.db"))).as("events left in the journal").isZero();
    }

    /** How many rows the database holds for one journal event: 1 when it was stored once. */
    private static long rowsOf(Connection c, com.ms5.floor.app.model.StoredEvent event) throws java.sql.SQLException {
        String sql;
        Object[] keys;
        switch (event) {
            case com.ms5.floor.app.model.StoredEvent.IntervalClosed e -> {
                sql = "SELECT count(*) FROM state_interval WHERE id = ?";
                keys = new Object[] {e.id()};
            }
            case com.ms5.floor.app.model.StoredEvent.MinuteClosed e -> {
                sql = "SELECT count(*) FROM production_minute WHERE machine_id = ? AND minute_start = ? AND run_id = ?";
                keys = new Object[] {e.minute().machineId(), java.sql.Timestamp.from(e.minute().minuteStart()), e.runId()};
            }
            case com.ms5.floor.app.model.StoredEvent.DowntimeClosed e -> {
                sql = "SELECT count(*) FROM downtime_event WHERE id = ?";
                keys = new Object[] {e.event().id()};
            }
            case com.ms5.floor.app.model.StoredEvent.ShiftClosed e -> {
                sql = "SELECT count(*) FROM oee_shift WHERE machine_id = ? AND shift_start = ?";
                keys = new Object[] {e.machineId(), java.sql.Timestamp.from(e.start())};
            }
            case com.ms5.floor.app.model.StoredEvent.AndonChanged e -> {
                sql = "SELECT count(*) FROM andon_call_event WHERE id = ?";
                keys = new Object[] {e.id()};
            }
        }
        try (var s = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                s.setObject(i + 1, keys[i]);
            }
            ResultSet r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    /** Entries in the journal file, read beside the app that writes it; 0 while it does not exist. */
    private static long journalSize(Path file) {
        if (!java.nio.file.Files.exists(file)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM waiting")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0; // not created yet
        }
    }

    /** Production minutes stored, read as another program would: with the embedded server's password from its file. */
    private long storedMinutes(String url) {
        try (Connection c = DriverManager.getConnection(url, "postgres", embeddedPassword());
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT count(DISTINCT minute_start) FROM production_minute WHERE machine_id = '" + VirtualPlant.MACHINE_ID + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private String embeddedPassword() {
        try {
            return java.nio.file.Files.readString(home.resolve("pgdata.secret")).strip();
        } catch (java.io.IOException e) {
            return null; // not written yet
        }
    }
}
