package com.ms5.floor.plc.bench;

import ch.qos.logback.classic.Level;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.LogixType;
import com.ms5.floor.plc.virtual.TagDatabase;
import com.ms5.floor.plc.virtual.VirtualController;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * How much the poller carries: N tags at a 100 ms scan class over PLC4X's {@code logix://} driver
 * against the virtual controller on 127.0.0.1, spread over 1..k connections to that controller.
 * Prints values/s, scan-to-callback latency (from the scan's start to the batch reaching the
 * listener) and CPU, split between the poller side (poll threads, PLC4X, Netty) and the virtual
 * controller, which shares this machine's cores.
 *
 * <p>Run: {@code ./mvnw -Pbench-poller -pl plc-core -am -DskipTests package}. Options in
 * {@code -Dbench.args}: {@code --seconds=N} per row (default 15),
 * {@code --only=TAGSxCONNECTIONS} for one row; JVM options in {@code -Dbench.jvmArgs}.
 */
public final class PollerBenchmark {
    private static final long SCAN_MILLIS = 100;

    record Row(int tags, int connections, double valuesPerSecond, double p50, double p99, double max, long missedScans,
               double pollerCores, double controllerCores, long heapMb) {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int seconds = 15;
        int[][] scenarios = {{1_000, 1}, {10_000, 1}, {10_000, 2}, {10_000, 4}, {10_000, 8}};
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            } else if (arg.startsWith("--only=")) { // e.g. --only=10000x1
                String[] parts = arg.substring("--only=".length()).split("x");
                scenarios = new int[][] {{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])}};
            }
        }
        System.out.printf("Poller benchmark: %d ms scan class, logix:// to the virtual controller on 127.0.0.1, %d s per row, %d cores%n%n",
                SCAN_MILLIS, seconds, Runtime.getRuntime().availableProcessors());
        System.out.println("  tags  conns    values/s  target/s  scan-to-callback ms p50 / p99 / max  missed scans  poller CPU  controller CPU  heap MB");
        for (int[] scenario : scenarios) {
            Row row = run(scenario[0], scenario[1], Duration.ofSeconds(seconds));
            System.out.printf("%6d  %5d  %10.0f  %8d  %19.1f / %5.1f / %5.1f  %12d  %9.0f%%  %13.0f%%  %7d%n",
                    row.tags, row.connections, row.valuesPerSecond, row.tags * 1000 / SCAN_MILLIS, row.p50, row.p99,
                    row.max, row.missedScans, row.pollerCores * 100, row.controllerCores * 100, row.heapMb);
        }
        System.out.println("\nCPU is in % of one core. Target (issue 4): 10,000 tags every 100 ms, p99 under 50 ms, poller under 25 %.");
    }

    static Row run(int tagCount, int connections, Duration measure) throws Exception {
        TagDatabase tags = new TagDatabase();
        for (int i = 0; i < tagCount; i++) {
            tags.define(tagName(i), LogixType.Atomic.DINT).setDint(i);
        }
        Clock clock = Clock.systemUTC();
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        AtomicLong goodValues = new AtomicLong();
        Map<Integer, Boolean> allGood = new ConcurrentHashMap<>();
        AtomicBoolean measuring = new AtomicBoolean();
        List<Poller> pollers = new ArrayList<>();
        try (VirtualController controller = VirtualController.logix(0, tags, "1756-L83E/B ControlLogix5583E")) {
            for (int c = 0; c < connections; c++) {
                int connection = c;
                List<PollTag> share = new ArrayList<>();
                for (int i = c; i < tagCount; i += connections) {
                    share.add(new PollTag(tagName(i), tagName(i) + ":DINT", DataType.DINT, null, 0, "fast", SCAN_MILLIS));
                }
                var conn = new TagMap.Connection("bench" + c, Driver.LOGIX, "127.0.0.1", controller.port(), 0,
                        List.of(new TagMap.ScanClass("fast", SCAN_MILLIS)));
                Poller poller = new Poller(conn, share, clock, batch -> {
                    long good = batch.values().values().stream().filter(v -> v.quality() == Quality.GOOD).count();
                    allGood.put(connection, good == share.size());
                    if (measuring.get()) {
                        latenciesMicros.add(micros(clock) - micros(batch));
                        goodValues.addAndGet(good);
                    }
                }, Poller.DEFAULTS);
                pollers.add(poller);
                poller.start();
            }
            // every tag is probed alone before it joins the scan: wait until each connection reads all of its tags
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (allGood.size() < connections || allGood.containsValue(false)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pollers did not read every tag within 5 minutes");
                }
                Thread.sleep(100); // polling interval of this wait
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpuBefore = cpuByThread(threads);
            long missedBefore = pollers.stream().mapToLong(p -> p.health().missedScans()).sum();
            long started = System.nanoTime();
            measuring.set(true);
            Thread.sleep(measure.toMillis()); // the measurement window itself
            measuring.set(false);
            double elapsed = (System.nanoTime() - started) / 1e9;
            Map<Long, Long> cpuAfter = cpuByThread(threads);
            long missed = pollers.stream().mapToLong(p -> p.health().missedScans()).sum() - missedBefore;
            double pollerCpu = 0;
            double controllerCpu = 0;
            Map<Long, String> names = new HashMap<>();
            Thread.getAllStackTraces().keySet().forEach(t -> names.put(t.threadId(), t.getName()));
            for (var entry : cpuAfter.entrySet()) {
                long used = entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L);
                String name = names.getOrDefault(entry.getKey(), "");
                if (name.startsWith("virtual-")) {
                    controllerCpu += used;
                } else if (!name.equals("main")) {
                    pollerCpu += used;
                }
            }
            long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
            System.gc(); // heap while polling, after a collection
            Runtime rt = Runtime.getRuntime();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            pollers.forEach(Poller::close); // before the controller goes away
            return new Row(tagCount, connections, goodValues.get() / elapsed, percentile(sorted, 0.50) / 1000.0,
                    percentile(sorted, 0.99) / 1000.0, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                    missed, pollerCpu / 1e9 / elapsed, controllerCpu / 1e9 / elapsed, heapMb);
        } finally {
            pollers.forEach(Poller::close);
        }
    }

    private static String tagName(int i) {
        return String.format("Line%02d_Machine%02d_Value%03d", i / 1000, (i / 100) % 10, i % 100);
    }

    private static long micros(Clock clock) {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static long micros(SampleBatch batch) {
        return batch.scanTime().getEpochSecond() * 1_000_000 + batch.scanTime().getNano() / 1000;
    }

    private static Map<Long, Long> cpuByThread(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private PollerBenchmark() {
    }
}
