package com.ms5.floor.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.Await;
import com.ms5.floor.plc.api.ScaledClock;
import com.ms5.floor.plc.virtual.VirtualPlant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station against a shared PostgreSQL that is down when the station starts. */
class StationLifecycleTest {
    @TempDir
    Path home;

    @Test
    void keepsPollingWhileTheDatabaseIsDownAndStoresTheWaitingMinutesOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path file = Files.writeString(home.resolve("ms5.properties"),
                "db.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres\ndb.user=postgres\n");
        AppConfig config = AppConfig.load(new AppDirectories(home), file);
        Clock clock = new ScaledClock(Clock.systemUTC(), 30,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).atTime(7, 0).toInstant(java.time.ZoneOffset.UTC));
        try (TestStation station = TestStation.of(config, clock)) {
            station.start();
            Await.until(Duration.ofSeconds(60), "the station says the database is unavailable",
                    () -> station.status().database().startsWith("Database unavailable, retrying"));
            assertThat(station.status().databaseOk()).isFalse();
            assertThat(station.status().database()).contains("127.0.0.1:" + port);

            // Two plant minutes pass with no database.
            Instant before = clock.instant();
            Await.until(Duration.ofSeconds(30), "two plant minutes pass",
                    () -> clock.instant().isAfter(before.plus(Duration.ofMinutes(2))));
            try (EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).start()) {
                Instant databaseUp = clock.instant();
                Await.until(Duration.ofSeconds(60), "the station connects to the database on a retry",
                        () -> station.repository() != null);
                Await.until(Duration.ofSeconds(30), "the minutes that closed while it was down are stored",
                        () -> station.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH).stream()
                                .anyMatch(m -> m.minuteStart().isBefore(databaseUp.minus(Duration.ofMinutes(1)))));
                List<ProductionMinute> minutes = station.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH);
                assertThat(minutes).allSatisfy(m -> assertThat(m.goodCount()).isLessThanOrEqualTo(m.totalCount()));
                assertThat(station.status().databaseOk()).isTrue();
                station.close(); // before the server goes
            }
        }
    }
}
