package com.ms5.floor.app.bench;

import ch.qos.logback.classic.Level;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.Await;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.FloorDashboardApp;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.runtime.TestStation;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.LogixTag;
import com.ms5.floor.plc.virtual.LogixType;
import com.ms5.floor.plc.virtual.TagDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * What the screen costs while the plant is busy: the real app (virtual plant, embedded PostgreSQL,
 * PLC4X) at 20x plant speed, with 10,000 extra DINT tags polled on the two Logix controllers besides
 * the machines' own, rendered by JavaFX (Monocle headless, software pipeline). Two phases, each on a
 * fresh station: the control room turning through its tabs every 10 s, and the Andon wall turning
 * its pages. Prints, per interval: the share of wall time the FX thread spent on the CPU, the frame
 * time (pulse start to the end of layout: animation timers, the hub's drain, CSS and layout, i.e. the
 * FX thread's work per frame) p50/p99/max, pulses per second, and the used heap after a full GC.
 *
 * <p>Run: {@code ./mvnw -Pbench-ui -pl app -am -DskipTests package}; options in {@code -Dbench.args}:
 * {@code --minutes=N} per phase (default 5), {@code --phases=control-room,wall}, {@code --tags=N}
 * (default 10000), {@code --sample-seconds=N} (default 60), {@code --time-scale=N} (default 20; analytics
 * keeps one plant day in memory, so the heap levels off after 24 h of plant time: 72 min at 20x).
 * Each row also counts the process's live threads and open files (sockets included).
 *
 * <p>The wall soak (issue 24), a plant week at 120x with a row per plant day:
 * {@code -Dbench.args="--phases=wall --time-scale=120 --minutes=84 --sample-seconds=720 --tags=0"}.
 */
public final class UiBenchmark {
    private static final List<String> TABS = List.of("plantTab", "lineTab", "andonTab", "machineTab", "diagnosticsTab");

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int minutes = 5;
        int tags = 10_000;
        int sampleSeconds = 60;
        double timeScale = 20;
        List<String> phases = List.of("control-room", "wall");
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--minutes=")) {
                minutes = Integer.parseInt(value);
            } else if (arg.startsWith("--tags=")) {
                tags = Integer.parseInt(value);
            } else if (arg.startsWith("--sample-seconds=")) {
                sampleSeconds = Integer.parseInt(value);
            } else if (arg.startsWith("--time-scale=")) {
                timeScale = Double.parseDouble(value);
            } else if (arg.startsWith("--phases=")) {
                phases = List.of(value.split(","));
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (--minutes, --tags, --sample-seconds, --time-scale, --phases)");
            }
        }
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Platform.startup(() -> toolkit.complete(null));
        toolkit.join();
        Platform.setImplicitExit(false);
        System.out.printf("UI benchmark: demo plant at %.0fx, %,d extra tags polled every 1 s (plus the machines' own), "
                + "Monocle headless %s, %d cores%n", timeScale, tags, System.getProperty("headless.geometry", "1280x800"),
                Runtime.getRuntime().availableProcessors());
        for (String phase : phases) {
            runPhase(phase, tags, timeScale, Duration.ofMinutes(minutes), Duration.ofSeconds(sampleSeconds));
        }
        System.out.println("\nFX busy: the FX thread's CPU time over wall time. Frame: pulse start to end of layout, ms of wall"
                + " time;\nFX CPU p99: the same frames in the FX thread's own CPU time (the rest is waiting for a core or a GC)."
                + "\nTargets (issue 7): FX busy under 30 %, frame p99 under 20 ms, heap flat.");
        Platform.exit();
        System.exit(0);
    }

    private static void runPhase(String phase, int tagCount, double timeScale, Duration length, Duration sample)
            throws Exception {
        Path home = Files.createTempDirectory("ms5-bench-ui");
        AppDirectories dirs = new AppDirectories(home);
        AppConfig config = AppConfig.load(dirs, dirs.configFile()).withTimeScale(timeScale);
        if (phase.equals("wall")) {
            config = config.withWall(10);
        } else if (!phase.equals("control-room")) {
            throw new IllegalArgumentException("unknown phase " + phase + ": control-room or wall");
        }
        FloorDashboardApp app = new FloorDashboardApp(config);
        FrameMeter meter = onFx(FrameMeter::new);
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            meter.watch(s);
            return s;
        });
        TestStation station = TestStation.in(app.injector());
        LiveValues hub = station.live();
        Await.until(Duration.ofMinutes(2), "the demo tag map stored", () -> station.tagMapVersion() == 1);
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-tag-changes"));
        int expected = addTags(station, tagCount, load);
        long started = System.nanoTime();
        Await.until(Duration.ofMinutes(5), "every tag polled", () -> polledTags(hub) >= expected);
        System.out.printf("%n%s: %,d tags polled after %.0f s of probing each new tag; measuring %d min%n", phase,
                polledTags(hub), (System.nanoTime() - started) / 1e9, length.toMinutes());
        System.out.println("   min  plant h  FX busy  frame ms p50 /  p99 /   max  FX CPU p99  GC ms  pulses/s  heap MB  threads  files  tags polled");

        ScheduledExecutorService tabs = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-tabs"));
        if (phase.equals("control-room")) {
            int[] next = {0};
            tabs.scheduleAtFixedRate(() -> Platform.runLater(() -> {
                TabPane pane = (TabPane) stage.getScene().lookup("#tabs");
                String id = TABS.get(next[0]++ % TABS.size());
                meter.showing(id);
                pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                        .ifPresent(t -> pane.getSelectionModel().select(t));
            }), 0, 10, TimeUnit.SECONDS);
        } else {
            onFx(() -> {
                meter.showing("wall");
                return null;
            });
        }
        List<double[]> rows = new ArrayList<>();
        long start = System.nanoTime();
        long samples = Math.max(1, length.toMillis() / sample.toMillis());
        meter.reset();
        long[] gcBefore = {gcMillis()};
        // One sample per interval on a timer; the phase ends with the last one.
        CompletableFuture<Void> measured = new CompletableFuture<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-sampler"));
        sampler.scheduleAtFixedRate(() -> {
            FrameMeter.Interval interval = meter.reset();
            long gc = gcMillis() - gcBefore[0];
            System.gc(); // for the heap figure; its own pause is left out of the next interval's GC time
            gcBefore[0] = gcMillis();
            double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
            double minute = (System.nanoTime() - start) / 60e9;
            double plantHours = minute * timeScale / 60;
            int threads = Thread.getAllStackTraces().size();
            int files = openFiles();
            System.out.printf("  %4.1f  %7.1f  %6.1f%%  %12.2f / %4.1f / %5.1f  %10.1f  %5d  %8.1f  %7.0f  %7d  %5d  %11d%n", minute,
                    plantHours, interval.busy() * 100, interval.p50(), interval.p99(), interval.max(), interval.cpuP99(), gc,
                    interval.pulsesPerSecond(), heapMb, threads, files, polledTags(hub));
            rows.add(new double[] {interval.busy(), interval.p99(), heapMb, threads, files});
            if (rows.size() >= samples) {
                measured.complete(null);
            }
        }, sample.toMillis(), sample.toMillis(), TimeUnit.MILLISECONDS);
        measured.join();
        sampler.shutdownNow();
        tabs.shutdownNow();
        load.shutdownNow();
        System.out.println("  by view (a tab's frames include its first layout each time it is shown):");
        meter.printByView();
        double busy = rows.stream().mapToDouble(r -> r[0]).average().orElse(0);
        double worstP99 = rows.stream().mapToDouble(r -> r[1]).max().orElse(0);
        System.out.printf("  all: FX busy %.1f %%, worst interval's frame p99 %.1f ms, heap %.0f MB after the first sample, "
                + "%.0f MB at the end; threads %.0f -> %.0f, open files %.0f -> %.0f%n", busy * 100, worstP99, rows.getFirst()[2],
                rows.getLast()[2], rows.getFirst()[3], rows.getLast()[3], rows.getFirst()[4], rows.getLast()[4]);
        onFx(() -> {
            meter.stop();
            app.stop();
            stage.close();
            return null;
        });
    }

    /**
     * 10,000 DINTs on the line 1 and line 2 controllers, half each, bound as custom tags of their
     * machines at the 1 s scan class (stored as a new tag-map version, as an engineer would); a tenth
     * of them change every second. Returns how many tags the new version polls in all.
     */
    private static int addTags(TestStation station, int count, ScheduledExecutorService changes) {
        TagMap map = station.tagMap();
        List<String> connections = List.of("line1-plc", "line2-plc");
        List<LogixTag> added = new ArrayList<>();
        List<TagMap.Line> lines = new ArrayList<>();
        int perConnection = count / connections.size();
        for (TagMap.Line line : map.lines()) {
            List<TagMap.Machine> machines = new ArrayList<>();
            for (TagMap.Machine m : line.machines()) {
                int c = connections.indexOf(m.connection());
                if (c < 0) {
                    machines.add(m);
                    continue;
                }
                long onConnection = map.machines().stream().filter(x -> x.connection().equals(m.connection())).count();
                int index = (int) map.machines().stream().filter(x -> x.connection().equals(m.connection()))
                        .takeWhile(x -> !x.id().equals(m.id())).count();
                int from = (int) (perConnection * index / onConnection);
                int to = (int) (perConnection * (index + 1) / onConnection);
                TagDatabase tags = station.virtualPlant().controller(m.connection()).tags();
                List<TagMap.Binding> bindings = new ArrayList<>(m.bindings());
                for (int i = from; i < to; i++) {
                    String name = "Bench_" + c + "_" + i;
                    LogixTag tag = tags.define(name, LogixType.Atomic.DINT);
                    tag.setDint(i);
                    added.add(tag);
                    bindings.add(new TagMap.Binding(Role.CUSTOM, "B" + i, name, DataType.DINT, null, 0, "normal"));
                }
                machines.add(new TagMap.Machine(m.id(), m.name(), m.connection(), bindings));
            }
            lines.add(new TagMap.Line(line.id(), line.name(), machines));
        }
        TagMap withTags = new TagMap(map.plant(), map.connections(), lines);
        station.get(ConfigService.class).save(ConfigKind.TAG_MAP, withTags, station.tagMapVersion()).join();
        int[] round = {0};
        changes.scheduleAtFixedRate(() -> {
            int r = round[0]++;
            for (int i = r % 10; i < added.size(); i += 10) {
                added.get(i).setDint(added.get(i).getDint() + 1);
            }
        }, 1, 1, TimeUnit.SECONDS);
        return withTags.machines().stream().mapToInt(m -> m.bindings().size()).sum();
    }

    /** Time all collectors have spent, in ms (G1: mostly stop-the-world pauses). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** This process's open file descriptors (sockets included), on Linux. */
    private static int openFiles() {
        String[] fds = new java.io.File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    private static int polledTags(LiveValues hub) {
        StationDiagnostics d = hub.latest(LiveKeys.DIAGNOSTICS);
        return d == null ? 0 : d.connections().stream().filter(c -> c.health() != null)
                .mapToInt(c -> c.health().tags() - c.health().quarantined().size()).sum();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    /**
     * Frame times and the FX thread's CPU share. A pulse starts at the time its animation timers are
     * given ({@code now}); the scene's post-layout listener marks the end of its FX-thread work. Each
     * frame is also kept under what the screen showed (a tab, or the wall), for the whole phase.
     */
    private static final class FrameMeter {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long fxThread = Thread.currentThread().threadId();
        private final AnimationTimer timer;
        private long pulseStart;
        private long pulseCpuStart;
        private Frames intervalCpu = new Frames();
        private Frames interval = new Frames();
        private final java.util.Map<String, Frames> byView = new java.util.LinkedHashMap<>();
        private String view = "";
        private long since = System.nanoTime();
        private long cpuSince;

        record Interval(double busy, double p50, double p99, double max, double cpuP99, double pulsesPerSecond) {
        }

        FrameMeter() {
            cpuSince = threads.getThreadCpuTime(fxThread);
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulseStart = now;
                    pulseCpuStart = threads.getCurrentThreadCpuTime();
                }
            };
            timer.start();
        }

        void watch(Stage stage) {
            stage.getScene().addPostLayoutPulseListener(this::pulseEnded);
        }

        /** What the screen shows from now on; FX thread. */
        synchronized void showing(String what) {
            view = what;
        }

        private synchronized void pulseEnded() {
            if (pulseStart == 0) {
                return;
            }
            long took = System.nanoTime() - pulseStart;
            interval.add(took);
            intervalCpu.add(threads.getCurrentThreadCpuTime() - pulseCpuStart);
            byView.computeIfAbsent(view, v -> new Frames()).add(took);
            pulseStart = 0;
        }

        /** The figures since the last reset; any thread. */
        synchronized Interval reset() {
            long now = System.nanoTime();
            long cpu = threads.getThreadCpuTime(fxThread);
            long[] sorted = interval.sorted();
            double seconds = (now - since) / 1e9;
            Interval result = new Interval((cpu - cpuSince) / (double) (now - since), percentile(sorted, 0.50),
                    percentile(sorted, 0.99), percentile(sorted, 1), percentile(intervalCpu.sorted(), 0.99),
                    sorted.length / seconds);
            interval = new Frames();
            intervalCpu = new Frames();
            since = now;
            cpuSince = cpu;
            return result;
        }

        /** Frames, p50, p99 and max (ms) of each view over the whole phase. */
        synchronized void printByView() {
            byView.forEach((what, frames) -> {
                long[] sorted = frames.sorted();
                System.out.printf("  %-16s %8d frames  p50 %5.2f  p99 %5.1f  max %6.1f ms%n", what, sorted.length,
                        percentile(sorted, 0.5), percentile(sorted, 0.99), percentile(sorted, 1));
            });
        }

        void stop() {
            timer.stop();
        }

        private static double percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /** A growing list of frame times in ns. */
    private static final class Frames {
        private long[] values = new long[4096];
        private int count;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = nanos;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, count);
            Arrays.sort(copy);
            return copy;
        }
    }
}
