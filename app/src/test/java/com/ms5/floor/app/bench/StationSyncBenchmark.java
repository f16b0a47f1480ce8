package com.ms5.floor.app.bench;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.DowntimeCost;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.app.model.OeeTrend;
import com.ms5.floor.app.model.ShiftReport;
import com.ms5.floor.app.persistence.AndonCallRepository;
import com.ms5.floor.app.persistence.DowntimeRepository;
import com.ms5.floor.app.persistence.ProductionMinuteRepository;
import com.ms5.floor.app.persistence.TimelineRepository;
import com.ms5.floor.app.persistence.TrendRepository;
import com.ms5.floor.app.report.ShiftReportPdf;
import java.util.Map;
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
 * another's {@link ChangeFeed}, and over 90 days of 50 machines' history, a line's shift report to PDF
 * and the 90-day trends as the Reports tab builds them.
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
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            // Line L of machines M0-M9: its stops are the down intervals. Every machine: three shifts a day of figures.
            s.execute("INSERT INTO downtime_event (id, machine_id, line_id, state, start_at, end_at, fault_code, reason_id) "
                    + "SELECT id, machine_id, 'L', state, start_at, end_at, fault_code, 'unassigned' FROM state_interval "
                    + "WHERE state = 'UNPLANNED_DOWN' AND machine_id IN ('M0','M1','M2','M3','M4','M5','M6','M7','M8','M9')");
            s.execute("INSERT INTO oee_shift (machine_id, shift_start, shift_end, shift_key, profile, planned_seconds, run_seconds, "
                    + "total_count, good_count, availability, performance, quality, oee) "
                    + "SELECT 'M' || m, t, t + interval '8 hours', 'k', 'ISO_22400', 28800, 25920, 27000, 26500, 0.9, 0.95, 0.98, 0.84 "
                    + "FROM generate_series(0, " + (MACHINES - 1) + ") m, generate_series('" + begin + "'::timestamptz, '"
                    + end + "'::timestamptz - interval '8 hours', interval '8 hours') t");
            s.execute("ANALYZE downtime_event");
            s.execute("ANALYZE oee_shift");
        }
        List<String> line = java.util.stream.IntStream.range(0, 10).mapToObj(m -> "M" + m).toList();
        List<String> plant = java.util.stream.IntStream.range(0, MACHINES).mapToObj(m -> "M" + m).toList();
        TimelineRepository timeline = new TimelineRepository(database);
        ProductionMinuteRepository minutes = new ProductionMinuteRepository(database);
        DowntimeRepository stops = new DowntimeRepository(database, "bench");
        AndonCallRepository calls = new AndonCallRepository(database, "bench");
        TrendRepository trends = new TrendRepository(database);
        ReasonTree reasons = new ReasonTree(List.of());
        System.out.printf("%n%-44s %12s %14s %14s%n", "reports (as the Reports tab builds them)", "runs", "p50 ms", "p99 ms");
        int runs = 50;
        double[] pdfMillis = new double[runs];
        double[] lineTrendMillis = new double[runs];
        double[] plantTrendMillis = new double[runs];
        int pages = 0;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < runs; i++) {
            Instant from = begin.plus(Duration.ofHours(8L * random.nextInt(DAYS * 3 - 1)));
            TimeRange window = new TimeRange(from, from.plus(Duration.ofHours(8)));
            long t0 = System.nanoTime();
            // The shift report of line L: its machines' intervals, minutes, stops and calls, the figures, the PDF.
            Map<String, List<StateInterval>> intervals = timeline.intervals(line, window.start(), window.end());
            Map<String, List<com.ms5.floor.analytics.ProductionMinute>> counted = new java.util.LinkedHashMap<>();
            line.forEach(m -> counted.put(m, minutes.minutes(m, window.start(), window.end())));
            LineHistory history = new LineHistory("L", window, line.stream().map(m -> new LineHistory.Row(m, m, intervals.get(m)))
                    .toList(), stops.events("L", window.start(), window.end()), reasons, DowntimeCost.NONE, "shared database");
            ShiftReport report = ShiftReport.of("Line L", "Early shift", java.time.ZoneOffset.UTC, OeeProfile.ISO_22400, history,
                    counted, calls.raisedIn("L", window.start(), window.end()), window.end());
            byte[] pdf = ShiftReportPdf.of(report);
            pdfMillis[i] = (System.nanoTime() - t0) / 1e6;
            pages = pdf.length;
            long t1 = System.nanoTime();
            trends.byPeriod(line, end.minus(Duration.ofDays(DAYS)), end, OeeTrend.Unit.DAY, java.time.ZoneOffset.UTC, OeeProfile.ISO_22400);
            trends.stopSecondsByReason("L", end.minus(Duration.ofDays(DAYS)), end);
            lineTrendMillis[i] = (System.nanoTime() - t1) / 1e6;
            long t2 = System.nanoTime();
            trends.byPeriod(plant, end.minus(Duration.ofDays(DAYS)), end, OeeTrend.Unit.DAY, java.time.ZoneOffset.UTC, OeeProfile.ISO_22400);
            plantTrendMillis[i] = (System.nanoTime() - t2) / 1e6;
        }
        // The first build loads the classes and fonts: a station's first report of the day, shown apart.
        System.out.printf("%-44s %12d %14.1f %14s%n", "shift PDF, the first (cold)", 1, pdfMillis[0], "");
        double[] warm = Arrays.copyOfRange(pdfMillis, 1, runs);
        Arrays.sort(warm);
        Arrays.sort(lineTrendMillis);
        Arrays.sort(plantTrendMillis);
        System.out.printf("%-44s %12d %14.1f %14.1f%n", "shift PDF, one line of 10 machines, 8 h", runs - 1,
                percentile(warm, 50), percentile(warm, 99));
        System.out.printf("%-44s %12d %14.1f %14.1f%n", "trend by day, 90 days, one line + its losses", runs,
                percentile(lineTrendMillis, 50), percentile(lineTrendMillis, 99));
        System.out.printf("%-44s %12d %14.1f %14.1f%n", "trend by day, 90 days, all 50 machines", runs,
                percentile(plantTrendMillis, 50), percentile(plantTrendMillis, 99));
        System.out.printf("(the PDF: %,d bytes)%n", pages);
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
