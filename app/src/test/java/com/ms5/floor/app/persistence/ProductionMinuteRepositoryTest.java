package com.ms5.floor.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.app.AppConfig;
import com.ms5.floor.app.AppDirectories;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL in the app-data folder, through Flyway and Hibernate (validate). */
class ProductionMinuteRepositoryTest {
    private static final Instant EIGHT = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path home;

    @Test
    void minutesSurviveARestartAndARestartWithinAMinuteAddsToIt() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(home), home.resolve("none.properties"));
        try (Database database = Database.open(config)) {
            ProductionMinuteRepository repository = new ProductionMinuteRepository(database);
            repository.record(new ProductionMinute("L1-FILLER", EIGHT, 100, 97), Instant.now());
            repository.record(new ProductionMinute("L1-FILLER", EIGHT.plusSeconds(60), 110, 110), Instant.now());
        }
        try (Database database = Database.open(config)) {
            ProductionMinuteRepository repository = new ProductionMinuteRepository(database);
            // the app restarted during 08:01 and counted 5 more parts of it
            repository.record(new ProductionMinute("L1-FILLER", EIGHT.plusSeconds(60), 5, 4), Instant.now());
            assertThat(repository.minutesSince("L1-FILLER", EIGHT)).containsExactly(
                    new ProductionMinute("L1-FILLER", EIGHT, 100, 97),
                    new ProductionMinute("L1-FILLER", EIGHT.plusSeconds(60), 115, 114));
            assertThat(repository.minutesSince("L1-FILLER", EIGHT.plusSeconds(60))).hasSize(1);
            assertThat(repository.minutesSince("L2-CAPPER", EIGHT)).isEmpty();
        }
    }
}
