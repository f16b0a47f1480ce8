package com.ms5.floor.app;

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

    /** Minutes in the killed app's database, read over its own port; -1 while it is not reachable. */
    private static long storedMinutes(String url) {
        try (Connection c = DriverManager.getConnection(url, "postgres", null);
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT count(DISTINCT minute_start) FROM production_minute WHERE machine_id = '" + VirtualPlant.MACHINE_ID + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }
}
