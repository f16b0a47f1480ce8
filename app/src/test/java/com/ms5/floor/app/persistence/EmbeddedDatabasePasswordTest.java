package com.ms5.floor.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL asks every connection for a password of its own, generated on its first
 * start and kept beside its data folder for its owner only: another local user is not its superuser.
 * A server whose password file was lost is given a new one at the next start.
 */
class EmbeddedDatabasePasswordTest {
    @TempDir
    Path home;

    @Test
    void onlyTheStationWithThePasswordFileGetsIn() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(home), home.resolve("ms5.properties"));
        Path secret = home.resolve("pgdata.secret");
        String url;
        try (Database db = Database.open(config)) {
            url = db.jdbcUrl();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThatThrownBy(() -> login(url, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> login(url, "postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection c = login(url, Files.readString(secret).strip())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }

        // The next start keeps the password; a lost password file gets a new one.
        try (Database db = Database.open(config)) {
            try (Connection c = login(db.jdbcUrl(), Files.readString(secret).strip())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        String old = Files.readString(secret).strip();
        Files.delete(secret);
        try (Database db = Database.open(config)) {
            String fresh = Files.readString(secret).strip();
            assertThat(fresh).isNotEqualTo(old);
            try (Connection c = login(db.jdbcUrl(), fresh)) {
                assertThat(c.isValid(2)).isTrue();
            }
            assertThatThrownBy(() -> login(db.jdbcUrl(), old)).isInstanceOf(SQLException.class);
        }
    }

    private static Connection login(String url, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }
}
