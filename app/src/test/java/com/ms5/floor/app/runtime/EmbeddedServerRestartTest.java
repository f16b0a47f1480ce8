package com.ms5.floor.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.Await;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.plc.api.ScaledClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's own embedded PostgreSQL is killed while the demo plant runs (as the kernel's
 * out-of-memory killer or a careless `kill -9` would): the station starts it again by itself, on its
 * folder and port, and every event of the outage is stored, without an app restart.
 */
class EmbeddedServerRestartTest {
    @TempDir
    Path home;

    @Test
    void aKilledEmbeddedServerIsStartedAgainAndTheJournalDrainsIntoIt() throws Exception {
        Path file = Files.writeString(home.resolve("ms5.properties"), "demo.startTime=07:00\n");
        AppConfig config = AppConfig.load(new AppDirectories(home), file);
        Clock clock = new ScaledClock(Clock.systemUTC(), 30,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).atTime(7, 0).toInstant(java.time.ZoneOffset.UTC));
        try (TestStation station = TestStation.of(config, clock)) {
            station.start();
            Await.until(Duration.ofSeconds(90), "the first intervals are stored", () -> station.repository() != null
                    && count(station, "SELECT count(*) FROM state_interval") > 0);

            ProcessHandle server = postmaster(config);
            Instant killed = clock.instant();
            server.destroyForcibly();
            server.onExit().join();

            Await.until(Duration.ofSeconds(60), "a new server on the same folder", () -> postmasterOrNull(config) != null
                    && postmasterOrNull(config).pid() != server.pid());
            Await.until(Duration.ofSeconds(60), "intervals of the outage stored and nothing waiting in the journal", () ->
                    station.get(StationDatabase.class).backlog().online() && station.get(StationDatabase.class).backlog().waiting() == 0
                            && count(station, "SELECT count(*) FROM state_interval WHERE start_at > '" + killed + "'") > 0);
            Await.until(Duration.ofSeconds(5), "the status bar says it stores again", () -> station.status().databaseOk());
        }
    }

    private static long count(TestStation station, String sql) {
        try (Connection c = station.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // the server is away: the condition waits
        }
    }

    private static ProcessHandle postmaster(AppConfig config) {
        ProcessHandle p = postmasterOrNull(config);
        assertThat(p).as("the embedded server's process").isNotNull();
        return p;
    }

    /** The live postmaster named in the data folder's postmaster.pid, or null. */
    private static ProcessHandle postmasterOrNull(AppConfig config) {
        try {
            long pid = Long.parseLong(Files.readAllLines(config.directories().embeddedDatabaseDir().resolve("postmaster.pid"))
                    .getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
