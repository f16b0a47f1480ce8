package com.ms5.floor.app.runtime;

import com.ms5.floor.analytics.MachineMetrics;
import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.app.AppConfig;
import com.ms5.floor.app.NamedThreads;
import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.persistence.ProductionMinuteRepository;
import com.ms5.floor.app.ui.LiveValueHub;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapFile;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.virtual.VirtualPlant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's data path: (virtual) PLC -> poller -> analytics -> hub and database.
 *
 * <p>{@link #start()} returns at once; the database and the plant start on {@code station-startup}.
 * Polling begins even while the database is still starting or unreachable.
 */
@Singleton
public final class StationRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationRuntime.class);

    private final AppConfig config;
    private final Clock clock;
    private final LiveValueHub hub;
    private final ProductionRecorder recorder;
    private static final Duration FIRST_DB_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_DB_RETRY = Duration.ofMinutes(1);

    private final ScheduledExecutorService startup =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("station-startup"));
    private Duration nextDbRetry = FIRST_DB_RETRY; // touched only on station-startup

    private volatile VirtualPlant plant;
    private final List<Poller> pollers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Poller shownPoller;
    private volatile AnalyticsRuntime analytics;
    private volatile Database database;
    private volatile ProductionMinuteRepository repository;
    private volatile String source = "Starting…";
    private volatile StationStatus status = new StationStatus("Starting…", "Database starting…", false);

    @Inject
    public StationRuntime(AppConfig config, Clock clock, LiveValueHub hub) {
        this.config = config;
        this.clock = clock;
        this.hub = hub;
        this.recorder = new ProductionRecorder(clock);
    }

    /** Starts polling and the database in the background. */
    public CompletableFuture<Void> start() {
        publishStatus(status);
        return CompletableFuture.runAsync(this::startPolling, startup)
                .thenRunAsync(this::openDatabase, startup)
                .exceptionally(e -> {
                    log.error("Station start-up failed", e);
                    return null;
                });
    }

    private void startPolling() {
        TagMap map;
        double idealCycle = config.idealCycleSeconds();
        if (config.demoPlant()) {
            try {
                plant = VirtualPlant.startDemo(clock);
            } catch (IOException e) {
                throw new IllegalStateException("The virtual plant could not start: " + e.getMessage(), e);
            }
            map = plant.pointAt(VirtualPlant.demoTagMap());
            idealCycle = plant.idealCycleSeconds(config.machineId());
            source = "Virtual plant (demo) · " + map.plant();
        } else {
            map = TagMapFile.load(config.tagMapFile());
            source = map.plant() + " · " + map.connections().size() + " PLC connection(s)";
        }
        AnalyticsRuntime plantAnalytics = new AnalyticsRuntime(config.demoPlant() ? PlantSetup.demo(plant.file())
                : PlantSetup.of(map, config.idealCycleSeconds()), clock, hub);
        analytics = plantAnalytics;
        MachineMetrics metrics = new MachineMetrics(config.machineId(), idealCycle, Duration.ofMinutes(1));
        String shownConnection = map.machine(config.machineId()).map(TagMap.Machine::connection).orElseThrow(() ->
                new IllegalArgumentException("machine.id " + config.machineId() + " is not a machine of the tag map"));
        for (TagMap.Connection connection : map.connections()) {
            boolean shown = connection.id().equals(shownConnection);
            Poller poller = new Poller(connection, PollTag.of(map, connection.id()), clock, batch -> {
                plantAnalytics.accept(batch);
                if (shown) {
                    onBatch(batch, metrics);
                }
            });
            pollers.add(poller);
            if (shown) {
                shownPoller = poller;
            }
            poller.start();
        }
        publishStatus(new StationStatus(source, status.database(), status.databaseOk()));
    }

    /** On the poll thread: cheap work only; database writes go to the recorder's thread. */
    private void onBatch(SampleBatch batch, MachineMetrics metrics) {
        String machine = config.machineId();
        TagValue total = batch.get(Role.TOTAL_COUNT.valueName(machine));
        if (total == null) {
            return; // a scan class that does not read the counters
        }
        var closedMinutes = metrics.accept(batch.scanTime(), total, batch.get(Role.GOOD_COUNT.valueName(machine)),
                batch.get(Role.STATE.valueName(machine)));
        for (ProductionMinute minute : closedMinutes) {
            recorder.record(minute);
        }
        hub.publish(LiveKeys.machine(machine), metrics.snapshot());
        hub.publish(LiveKeys.PLC_HEALTH, shownPoller.health());
    }

    /** On station-startup; retries with growing pauses until the database can be used. */
    private void openDatabase() {
        try {
            database = Database.open(config);
            repository = new ProductionMinuteRepository(database);
            recorder.attach(repository);
            publishStatus(new StationStatus(source, "Database: " + database.description(), true));
        } catch (IOException e) {
            log.warn("{} Retrying in {} s.", e.getMessage(), nextDbRetry.toSeconds());
            publishStatus(new StationStatus(source, "Database unavailable, retrying in " + nextDbRetry.toSeconds()
                    + " s: " + e.getMessage() + " Live values are shown; production minutes wait in memory.", false));
            if (!startup.isShutdown()) {
                startup.schedule(this::openDatabase, nextDbRetry.toMillis(), TimeUnit.MILLISECONDS);
            }
            Duration doubled = nextDbRetry.multipliedBy(2);
            nextDbRetry = doubled.compareTo(MAX_DB_RETRY) > 0 ? MAX_DB_RETRY : doubled;
        }
    }

    /** What the status bar shows; any thread. */
    public StationStatus status() {
        return status;
    }

    private void publishStatus(StationStatus newStatus) {
        status = newStatus;
        hub.publish(LiveKeys.STATION, newStatus);
    }

    /** The plant's analytics once polling started, else {@code null}. */
    public AnalyticsRuntime analytics() {
        return analytics;
    }

    /** The repository once the database is open, else {@code null}. Blocking calls: not on the FX thread. */
    public ProductionMinuteRepository repository() {
        return repository;
    }

    /** Stops polling, writes what is queued, stops the database. Returns within a few seconds. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        NamedThreads.shutdown(startup, 2);
        long t1 = System.nanoTime();
        pollers.parallelStream().forEach(Poller::close);
        if (analytics != null) {
            analytics.close();
        }
        long t2 = System.nanoTime();
        recorder.close();
        if (plant != null) {
            plant.close();
        }
        long t3 = System.nanoTime();
        if (database != null) {
            database.close();
        }
        long t4 = System.nanoTime();
        log.info("Stopped: start-up {} ms, poller {} ms, recorder and plant {} ms, database {} ms",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    }
}
