package com.ms5.floor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL (embedded). */
class DatabaseMigrationsTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void migratesAnEmptyDatabaseAndIsANoOpTheSecondTime() throws Exception {
        assertThat(DatabaseMigrations.migrate(postgres.getPostgresDatabase())).isEqualTo("1");
        assertThat(DatabaseMigrations.migrate(postgres.getPostgresDatabase())).isEqualTo("1");

        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            var insert = c.prepareStatement(
                    "INSERT INTO production_count_minute (machine_id, minute_start, total_count, good_count) VALUES (?,?,?,?)");
            insert.setString(1, "L1-FILLER");
            insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-24T08:00:00Z")));
            insert.setLong(3, 120);
            insert.setLong(4, 118);
            assertThat(insert.executeUpdate()).isEqualTo(1);

            // one row per machine and minute
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("duplicate key");
            // more good parts than parts is refused by the schema
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO production_count_minute "
                        + "(machine_id, minute_start, total_count, good_count) VALUES ('X', now(), 1, 2)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("check constraint");
            }
        }
    }
}
