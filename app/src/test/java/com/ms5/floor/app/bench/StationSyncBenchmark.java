package com.ms5.floor.app.bench;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.persistence.ChangeFeed;
import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.persistence.EventStore;
import com.ms5.floor.app.model.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Persistence and station-sync figures on the embedded PostgreSQL (fsync on, as the app runs it):
 * event ingest through {@link EventStore}, the NOTIFY round trip from one station's session to
 * another's {@link ChangeFeed}, and the shift-report queries over 90 days of 50 machines.
 *
 * <p>Run: {@code ./mvnw -Pbench-sync -pl app -am -DskipTests package} (README, "Benchmarks").
 */
public final class StationSyncBenchmark {
    private static final int MACHINES = 50;
    private static final int DAYS = 90;

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("ms5-bench-sync");
        AppConfig config = AppConfig.load(new AppDirectories(home), home.resolve("none.properties"));
        try (Database database = Database.open(config)) {
            ingest(database);
            notifyRoundTrip(database);
            shiftReport(database);
        }
        System.out.printf("%nheap used at the end: %d MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    /** Batches of 5,000 events as the forwarder sends them: intervals and minutes of 50 machines. */
    private static void ingest(Database database) throws Exception {
        EventStore store = new EventStore(database, "bench");
        UUID run = UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(20));
        int batches = 40;
        int perBatch = 5000;
        List<Double> batchMillis = new ArrayList<>();
        long rows = 0;
        long t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            List<StoredEvent> events = new ArrayList<>(perBatch);
            for (int i = 0; i < perBatch; i += 2) {
                int n = b * perBatch / 2 + i / 2;
                String machine = "M" + (n % MACHINES);
                Instant minute = start.plus(Duration.ofMinutes(n / MACHINES));
                events.add(new StoredEvent.MinuteClosed(run, new ProductionMinute(machine, minute, 60, 59, 55.0, false)));
                events.add(new StoredEvent.IntervalClosed(new StateInterval(machine, MachineState.RUNNING, minute,
                        minute.plusSeconds(50), 0, null)));
            }
            long b0 = System.nanoTime();
            store.store(events);
            batchMillis.add((System.nanoTime() - b0) / 1e6);
            rows += events.size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] sorted = batchMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%n%-44s %12s %14s %14s%n", "ingest (EventStore, 5,000 events per batch)", "rows/s",
                "batch p50 ms", "batch p99 ms");
        System.out.printf("%-44s %12.0f %14.1f %14.1f%n", rows + " rows (minutes + intervals)", rows / seconds,
                percentile(sorted, 50), percentile(sorted, 99));
    }

    /** A station commits a NOTIFY; how long until another station's change feed hands it over. */
    private static void notifyRoundTrip(Database database) throws Exception {
        int rounds = 1000;
        ConcurrentHashMap<String, Long> received = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(1);
        long[] latencies = new long[rounds];
        try (ChangeFeed feed = new ChangeFeed(database, payload -> {
                 if (payload.startsWith("ready")) {
                     ready.countDown();
                 } else {
                     received.put(payload, System.nanoTime());
                 }
             });
             Connection stationA = database.openSession();
             PreparedStatement notify = stationA.prepareStatement("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', ?)")) {
            // The feed is listening once a probe gets through.
            while (!ready.await(100, TimeUnit.MILLISECONDS)) {
                notify.setString(1, "ready");
                notify.execute();
            }
            for (int i = 0; i < rounds; i++) {
                String payload = ChangeFeed.ANDON + UUID.randomUUID() + ChangeFeed.FROM + "A";
                long sent = System.nanoTime();
                notify.setString(1, payload);
                notify.execute();
                long deadline = sent + TimeUnit.SECONDS.toNanos(5);
                Long at;
                while ((at = received.get(payload)) == null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                latencies[i] = at == null ? Long.MAX_VALUE : at - sent;
            }
        }
        Arrays.sort(latencies);
        System.out.printf("%n%-44s %12s %14s %14s%n", "NOTIFY station A -> change feed of station B", "round trips",
                "p50 ms", "p99 ms");
        System.out.printf("%-44s %12d %14.2f %14.2f%n", "commit to delivery", rounds, latencies[rounds / 2] / 1e6,
                latencies[rounds * 99 / 100] / 1e6);
    }

    /** 90 days x 50 machines of minutes and intervals, then the queries behind one shift's report. */
    private static void shiftReport(Database database) throws Exception {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant begin = end.minus(Duration.ofDays(DAYS));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT ms5_ensure_partitions(4, 1)");
            long g0 = System.nanoTime();
            // One row per machine and minute; one interval per machine every 10 minutes (running 9, down 1).
            s.execute("INSERT INTO production_minute (machine_id, minute_start, run_id, total_count, good_count, ideal_seconds) "
                    + "SELECT 'M' || m, t, '00000000-0000-0000-0000-000000000001', 60, 58 + (m % 3), 57.0 "
                    + "FROM generate_series(0, " + (MACHINES - 1) + ") m, generate_series('" + begin + "'::timestamptz, '"
                    + end + "'::timestamptz - interval '1 minute', interval '1 minute') t ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO state_interval (id, machine_id, state, start_at, end_at, fault_code) "
                    + "SELECT gen_random_uuid(), 'M' || m, CASE WHEN k = 0 THEN 'RUNNING' ELSE 'UNPLANNED_DOWN' END, "
                    + "t + k * interval '9 minutes', t + CASE WHEN k = 0 THEN interval '9 minutes' ELSE interval '10 minutes' END, k * 17 "
                    + "FROM generate_series(0, " + (MACHINES - 1) + ") m, generate_series(0, 1) k, generate_series('" + begin
                    + "'::timestamptz, '" + end + "'::timestamptz - interval '10 minutes', interval '10 minutes') t");
            s.execute("ANALYZE production_minute");
            s.execute("ANALYZE state_interval");
            ResultSet counted = s.executeQuery("SELECT (SELECT count(*) FROM production_minute), (SELECT count(*) FROM state_interval)");
            counted.next();
            System.out.printf("%nhistory: %,d minute rows and %,d intervals of %d machines over %d days, made in %.0f s%n",
                    counted.getLong(1), counted.getLong(2), MACHINES, DAYS, (System.nanoTime() - g0) / 1e9);
        }
        String counts = "SELECT machine_id, sum(total_count), sum(good_count), sum(ideal_seconds) FROM production_minute "
                + "WHERE minute_start >= ? AND minute_start < ? GROUP BY machine_id";
        String states = "SELECT machine_id, state, sum(extract(epoch FROM least(end_at, ?) - greatest(start_at, ?))) "
                + "FROM state_interval WHERE start_at < ? AND end_at > ? AND start_at > ? GROUP BY machine_id, state";
        System.out.printf("%n%-44s %12s %14s %14s%n", "shift report (8 h, all 50 machines)", "runs", "p50 ms", "p99 ms");
        int runs = 200;
        double[] millis = new double[runs];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement countQuery = c.prepareStatement(counts);
             PreparedStatement stateQuery = c.prepareStatement(states)) {
            for (int i = 0; i < runs; i++) {
                Instant from = begin.plus(Duration.ofHours(8L * random.nextInt(DAYS * 3 - 1)));
                Instant to = from.plus(Duration.ofHours(8));
                long t0 = System.nanoTime();
                countQuery.setTimestamp(1, Timestamp.from(from));
                countQuery.setTimestamp(2, Timestamp.from(to));
                drain(countQuery.executeQuery());
                stateQuery.setTimestamp(1, Timestamp.from(to));
                stateQuery.setTimestamp(2, Timestamp.from(from));
                stateQuery.setTimestamp(3, Timestamp.from(to));
                stateQuery.setTimestamp(4, Timestamp.from(from));
                // intervals are closed at most a day long (an open stop is cut at the day's end), which bounds the scan
                stateQuery.setTimestamp(5, Timestamp.from(from.minus(Duration.ofDays(1))));
                drain(stateQuery.executeQuery());
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf("%-44s %12d %14.1f %14.1f%n", "counts per machine + time per state", runs,
                percentile(millis, 50), percentile(millis, 99));
    }

    private static void drain(ResultSet rows) throws Exception {
        try (rows) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private StationSyncBenchmark() {
    }
}
