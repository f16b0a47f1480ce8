package com.ms5.floor.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.Await;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.persistence.ShiftReportRepository;
import com.ms5.floor.plc.api.ScaledClock;
import com.ms5.floor.plc.tagmap.TagMapFile;
import com.ms5.floor.plc.virtual.VirtualPlant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stations on one shared PostgreSQL and one virtual plant while a shift ends: each
 * line's report of the shift is written once, by the station that polls the line, into its reports
 * folder; the other station writes none, and cannot claim one again.
 */
class ShiftReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void atShiftEndEachLinesReportIsWrittenOnceByTheStationThatPollsIt() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // A plant without rules of its own works one shift around the clock: "Day", midnight to midnight.
        Instant day = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Clock clock = new ScaledClock(Clock.systemUTC(), 60, today.atTime(23, 57).toInstant(ZoneOffset.UTC));
        List<TestStation> stations = new ArrayList<>();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
             VirtualPlant plant = VirtualPlant.startDemo(clock)) {
            Path tagMap = dir.resolve("plant-tagmap.json");
            TagMapFile.save(plant.pointAt(VirtualPlant.demoTagMap()), tagMap);
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
            TestStation a = station("A", url, tagMap, clock, stations);
            Await.until(Duration.ofSeconds(60), "A polls every connection", () -> a.get(PollingSupervisor.class)
                    .polledConnections().size() == 3);
            TestStation b = station("B", url, tagMap, clock, stations);

            Await.until(Duration.ofSeconds(90), "each line's report of the day shift written", () ->
                    count(url, "SELECT count(*) FROM shift_report WHERE shift_start = '" + day + "' AND files IS NOT NULL") == 3);
            try (Connection c = DriverManager.getConnection(url, "postgres", null);
                 ResultSet r = c.createStatement().executeQuery("SELECT DISTINCT station_id FROM shift_report")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("A");
                assertThat(r.next()).as("no other station wrote one").isFalse();
            }
            assertThat(files(dir.resolve("station-A/reports"))).containsExactlyInAnyOrder(
                    "report-L1-" + today + "-day.pdf", "report-L1-" + today + "-day.csv",
                    "report-L2-" + today + "-day.pdf", "report-L2-" + today + "-day.csv",
                    "report-L3-" + today + "-day.pdf", "report-L3-" + today + "-day.csv");
            assertThat(files(dir.resolve("station-B/reports"))).isEmpty();
            // A station taking over polling later finds the shift claimed: it does not write it again.
            ShiftReportRepository bReports = b.get(StationDatabase.class).online().orElseThrow().reports();
            assertThat(bReports.claim("L1", day, day.plus(Duration.ofDays(1)), "Day")).isFalse();
        } finally {
            stations.forEach(TestStation::close);
        }
    }

    private TestStation station(String name, String url, Path tagMap, Clock clock, List<TestStation> stations)
            throws Exception {
        Path home = Files.createDirectories(dir.resolve("station-" + name));
        Path file = Files.writeString(home.resolve("ms5.properties"), String.join("\n", "tagmap.file=" + tagMap,
                "machine.id=" + VirtualPlant.MACHINE_ID, "db.url=" + url, "db.user=postgres", "station.name=" + name, ""));
        TestStation station = TestStation.of(AppConfig.load(new AppDirectories(home), file), clock);
        stations.add(station);
        station.start();
        return station;
    }

    private static List<String> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", null); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
