package com.ms5.floor.app.runtime;

import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.model.LineHistory;
import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.Await;
import com.ms5.floor.plc.api.ScaledClock;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapFile;
import com.ms5.floor.plc.virtual.VirtualPlant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stations sharing one real PostgreSQL and one virtual plant, over real TCP: each station has its
 * own services, live values, journal, pool and sessions, as two workstations would.
 */
class StationSyncTest {
    private static final Logger log = LoggerFactory.getLogger(StationSyncTest.class);

    @TempDir
    Path dir;

    private final Clock clock = new ScaledClock(Clock.systemUTC(), 30,
            LocalDate.now(ZoneOffset.UTC).atTime(7, 0).toInstant(ZoneOffset.UTC));
    private int port;
    private EmbeddedPostgres server;
    private VirtualPlant plant;
    private Path tagMap;
    private Set<String> connections;
    private final List<TestStation> stations = new ArrayList<>();

    @BeforeEach
    void plantAndDatabase() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = startServer();
        plant = VirtualPlant.startDemo(clock);
        TagMap map = plant.pointAt(VirtualPlant.demoTagMap());
        connections = map.connections().stream().map(TagMap.Connection::id).collect(Collectors.toSet());
        tagMap = dir.resolve("plant-tagmap.json");
        TagMapFile.save(map, tagMap);
    }

    @AfterEach
    void stopAll() throws Exception {
        stations.forEach(TestStation::close);
        plant.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneStationPollsAnAcknowledgementIsSeenOnTheOtherAndOfTwoAtOnceOneIsRefused() throws Exception {
        TestStation a = ownerA();
        TestStation b = secondStationB();
        Await.until(Duration.ofSeconds(10), "B has tried the locks once", () -> b.status().databaseOk());
        assertThat(b.get(PollingSupervisor.class).polledConnections()).as("B leaves the connections to A").isEmpty();
        // B shows every line as A sees it, from A's snapshots.
        for (TagMap.Line line : TagMapFile.load(tagMap).lines()) {
            Await.until(Duration.ofSeconds(20), "B shows line " + line.id() + " with live machine states", () -> {
                LineStatus status = b.live().latest(LiveKeys.line(line.id()));
                return status != null && status.machines().stream()
                        .anyMatch(m -> m.state() != com.ms5.floor.analytics.state.MachineState.UNKNOWN);
            });
        }

        // The plant raises calls by itself (a fault on any of 15 machines at 30x speed).
        AndonCall call = awaitCallOnBoard(b, Duration.ofSeconds(120));
        CompletableFuture<AndonCall> atA = a.andon().acknowledge(call.id(), call.revision());
        CompletableFuture<AndonCall> atB = b.andon().acknowledge(call.id(), call.revision());
        List<Throwable> refused = new ArrayList<>();
        List<AndonCall> won = new ArrayList<>();
        for (CompletableFuture<AndonCall> attempt : List.of(atA, atB)) {
            try {
                won.add(attempt.join());
            } catch (CompletionException e) {
                refused.add(e.getCause());
            }
        }
        assertThat(won).as("exactly one acknowledgement wins").hasSize(1);
        assertThat(refused).singleElement().isInstanceOf(AndonBoard.Conflict.class);
        String winner = won.getFirst().acknowledgedBy();
        assertThat(refused.getFirst().getMessage()).startsWith("Already acknowledged by " + winner + " at ");

        // Both boards show it acknowledged by the winner, and the owner's escalation stops with it.
        for (TestStation station : List.of(a, b)) {
            Await.until(Duration.ofSeconds(10), station.stationId() + "'s board shows the acknowledgement",
                    () -> board(station).stream().filter(c -> c.id().equals(call.id()))
                            .allMatch(c -> winner.equals(c.acknowledgedBy())));
        }
        Await.until(Duration.ofSeconds(10), "A, which polls the line, has the acknowledgement in its own board",
                () -> a.analytics().openCalls().join().stream().filter(c -> c.id().equals(call.id()))
                        .allMatch(c -> winner.equals(c.acknowledgedBy())));
    }

    @Test
    void whenTheOwnersDatabaseSessionIsKilledTheOtherStationTakesOverPolling() throws Exception {
        TestStation a = ownerA();
        TestStation b = secondStationB();

        long killedAt = System.nanoTime();
        try (Connection c = admin(); PreparedStatement kill = c.prepareStatement(
                "SELECT pg_terminate_backend(backend_pid) FROM station WHERE station_id = 'A'")) {
            ResultSet r = kill.executeQuery();
            assertThat(r.next() && r.getBoolean(1)).as("A's lock session was terminated").isTrue();
        }
        Await.until(Duration.ofSeconds(10), "B polls every connection within 10 s",
                () -> b.get(PollingSupervisor.class).polledConnections().equals(connections));
        log.info("Takeover after the owner's session was killed: {} ms", (System.nanoTime() - killedAt) / 1_000_000);
        Await.until(Duration.ofSeconds(10), "A stops polling", () -> a.get(PollingSupervisor.class).polledConnections().isEmpty());
        // B's data reaches the database: its intervals appear.
        Instant takeover = clock.instant();
        Await.until(Duration.ofSeconds(60), "B stores intervals",
                () -> count("SELECT count(*) FROM state_interval WHERE end_at > '" + takeover + "'") > 0);
    }

    @Test
    void theDatabaseStoppedForAMinuteWhilePollingLosesNothingAndDoublesNothing() throws Exception {
        TestStation a = ownerA();
        Instant start = clock.instant();
        Await.until(Duration.ofSeconds(60), "the first intervals are stored", () -> count("SELECT count(*) FROM state_interval") > 0);

        server.close();
        server = null;
        long stoppedAt = System.nanoTime();
        Await.until(Duration.ofSeconds(30), "the station says it is offline with events waiting",
                () -> !a.get(StationDatabase.class).backlog().online() && a.get(StationDatabase.class).backlog().waiting() > 0);
        Await.until(Duration.ofSeconds(5), "the status bar says since when it is offline and how much waits",
                () -> a.status().database().matches("Offline since \\d\\d:\\d\\d:\\d\\d, \\d+ event\\(s\\) waiting.*"));
        // The outage lasts a minute of real time (30 plant minutes); polling goes on meanwhile.
        Await.until(Duration.ofSeconds(90), "a minute passes with the database down",
                () -> System.nanoTime() - stoppedAt >= Duration.ofSeconds(60).toNanos());
        assertThat(a.get(PollingSupervisor.class).polledConnections()).as("the owner keeps polling").isEqualTo(connections);
        long waiting = a.get(StationDatabase.class).backlog().waiting();
        log.info("After 60 s offline: {} events waiting in the journal", waiting);

        server = startServer();
        Await.until(Duration.ofSeconds(60), "every waiting event is stored",
                () -> a.get(StationDatabase.class).backlog().online() && a.get(StationDatabase.class).backlog().waiting() == 0);
        Instant end = clock.instant();

        TimeRange window = new TimeRange(start.minus(Duration.ofHours(1)), end);
        for (String line : TagMapFile.load(tagMap).lines().stream().map(TagMap.Line::id).toList()) {
            LineHistory remembered = a.analytics().history(line, window, "memory").join();
            for (LineHistory.Row row : remembered.rows()) {
                List<StateInterval> closed = row.intervals().stream()
                        .filter(i -> i.end().isBefore(end.minus(Duration.ofSeconds(30)))).toList();
                List<String> stored = storedIntervals(row.machineId(), closed.isEmpty() ? end : closed.getLast().end());
                assertThat(stored).as("intervals of %s in the database", row.machineId())
                        .containsExactlyElementsOf(closed.stream().map(i -> i.state() + " " + micros(i.start()) + " " + micros(i.end())).toList());
            }
            List<UUID> stops = remembered.stops().stream()
                    .filter(s -> s.end().isBefore(end.minus(Duration.ofSeconds(30)))).map(DowntimeEvent::id).toList();
            for (UUID stop : stops) {
                assertThat(count("SELECT count(*) FROM downtime_event WHERE id = '" + stop + "'"))
                        .as("stop %s of %s stored once", stop, line).isEqualTo(1);
            }
        }
        assertThat(waiting).as("events waited during the outage").isPositive();
    }

    /** PostgreSQL keeps microseconds; the driver rounds half up. */
    private static Instant micros(Instant t) {
        return Instant.ofEpochSecond(t.getEpochSecond(), (t.getNano() + 500L) / 1000 * 1000);
    }

    private List<String> storedIntervals(String machine, Instant until) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(
                "SELECT state, start_at, end_at FROM state_interval WHERE machine_id = ? AND end_at <= ? ORDER BY start_at")) {
            s.setString(1, machine);
            s.setTimestamp(2, java.sql.Timestamp.from(until));
            ResultSet r = s.executeQuery();
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getTimestamp(2).toInstant() + " " + r.getTimestamp(3).toInstant());
            }
        }
        return rows;
    }

    /** Station A, started first: it polls every PLC connection. */
    /** Closing a busy station writes its last events to the database before the database closes. */
    @Test
    void aStationClosedWhilePollingLeavesNothingInItsJournal() throws Exception {
        TestStation a = ownerA();
        Await.until(Duration.ofSeconds(60), "the first intervals are stored", () -> count("SELECT count(*) FROM state_interval") > 0);
        a.close();
        stations.remove(a);
        try (var journal = com.ms5.floor.app.sync.Journal.open(dir.resolve("station-A").resolve("journal.db"))) {
            assertThat(journal.size()).as("events left in the journal after a clean stop").isZero();
            assertThat(journal.setAsideCount()).isZero();
        }
    }

    private TestStation ownerA() throws Exception {
        TestStation a = station("A");
        Await.until(Duration.ofSeconds(60), "station A polls every PLC connection",
                () -> a.get(PollingSupervisor.class).polledConnections().equals(connections));
        return a;
    }

    /** Station B, started once A polls, registered with the database. */
    private TestStation secondStationB() throws Exception {
        TestStation b = station("B");
        Await.until(Duration.ofSeconds(60), "station B registers with the database", () -> heartbeats().contains("B"));
        return b;
    }

    private AndonCall awaitCallOnBoard(TestStation station, Duration deadline) {
        Await.until(deadline, station.stationId() + "'s board shows an unacknowledged call",
                () -> board(station).stream().anyMatch(c -> c.acknowledgedAt() == null));
        return board(station).stream().filter(c -> c.acknowledgedAt() == null).findFirst().orElseThrow();
    }

    /** What the station's Andon board shows. */
    private List<AndonCall> board(TestStation station) {
        List<AndonCall> board = station.live().latest(LiveKeys.ANDON_BOARD);
        return board == null ? List.of() : board;
    }

    private TestStation station(String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve("station-" + name));
        Path file = Files.writeString(home.resolve("ms5.properties"), String.join("\n",
                "tagmap.file=" + tagMap, "machine.id=" + VirtualPlant.MACHINE_ID,
                "db.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres", "db.user=postgres", "station.name=" + name, ""));
        AppConfig config = AppConfig.load(new AppDirectories(home), file);
        TestStation station = TestStation.of(config, clock);
        stations.add(station);
        station.start();
        return station;
    }

    private EmbeddedPostgres startServer() throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false).start();
    }

    private Connection admin() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    }

    private Set<String> heartbeats() {
        try (Connection c = admin(); ResultSet r = c.createStatement().executeQuery("SELECT station_id FROM station")) {
            Set<String> ids = new java.util.HashSet<>();
            while (r.next()) {
                ids.add(r.getString(1));
            }
            return ids;
        } catch (Exception e) {
            return Set.of();
        }
    }

    private long count(String sql) {
        try (Connection c = admin(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
