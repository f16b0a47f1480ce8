package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.NamedThreads;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.StoredEvent;
import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.sync.EventRecorder;
import com.ms5.floor.app.sync.Journal;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapFile;
import com.ms5.floor.plc.virtual.VirtualPlant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the station's data path: (virtual) PLC -> pollers -> analytics -> journal ->
 * database (shared/DESIGN.md, "Data flow" and "Station sync").
 *
 * <p>{@link #start()} returns at once; the work happens on {@code station-startup}: the journal,
 * the virtual plant in demo mode, the configuration from this station's files and analytics
 * first, then the database. A database that is unreachable at start does not stop polling: the
 * station polls every connection, keeps its events in the journal, and retries with growing
 * pauses; once it answers, the stored configuration is adopted, ownership settles which
 * connections this station polls, and the change feed starts. {@link #close()} undoes it in order.
 */
@Singleton
public final class StationLifecycle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationLifecycle.class);
    private static final Duration FIRST_DB_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_DB_RETRY = Duration.ofMinutes(1);
    private static final Duration SNAPSHOT_EVERY = Duration.ofSeconds(2);
    /** The journal's file in the data folder. */
    static final String JOURNAL_FILE = "journal.db";

    private final AppConfig config;
    private final Clock clock;
    private final LiveValues live;
    private final StationThreads threads;
    private final StationDatabase database;
    private final StationPlant plant;
    private final ConfigService configuration;
    private final PollingSupervisor polling;
    private final AndonService andon;
    private final SharedLineStatus lines;
    private final ChangeFeedRouter changes;
    private final StationHealth health;
    private final ShiftReportWriter reportWriter;
    private final DatabaseUpkeep upkeep;
    private Duration nextDbRetry = FIRST_DB_RETRY; // station-startup only

    @Inject
    StationLifecycle(AppConfig config, Clock clock, LiveValues live, StationThreads threads, StationDatabase database,
                     StationPlant plant, ConfigService configuration, PollingSupervisor polling, AndonService andon,
                     SharedLineStatus lines, ChangeFeedRouter changes, StationHealth health, ShiftReportWriter reportWriter,
                     DatabaseUpkeep upkeep) {
        this.upkeep = upkeep;
        this.config = config;
        this.clock = clock;
        this.live = live;
        this.threads = threads;
        this.database = database;
        this.plant = plant;
        this.configuration = configuration;
        this.polling = polling;
        this.andon = andon;
        this.lines = lines;
        this.changes = changes;
        this.health = health;
        this.reportWriter = reportWriter;
    }

    /** Starts the plant, the journal and the database in the background. */
    public CompletableFuture<Void> start() {
        health.publishStatus();
        threads.startup().scheduleWithFixedDelay(health::publishStatus, 1, 1, TimeUnit.SECONDS);
        threads.startup().scheduleWithFixedDelay(() -> threads.db().execute(health::publishDiagnostics), 1, 2,
                TimeUnit.SECONDS);
        if (config.embeddedDatabase()) {
            threads.startup().scheduleWithFixedDelay(() -> threads.db().execute(this::restartEmbeddedServerIfDead), 2, 2,
                    TimeUnit.SECONDS);
        }
        return CompletableFuture.runAsync(this::prepare, threads.startup())
                .thenRunAsync(this::openDatabase, threads.startup())
                .exceptionally(e -> {
                    log.error("Station start-up failed", e);
                    // Not only the log: the window says it, since the station will not poll or store anything.
                    Throwable problem = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                    live.publish(LiveKeys.STARTUP_PROBLEM, String.valueOf(problem.getMessage()));
                    return null;
                });
    }

    /** The embedded PostgreSQL is this station's own: if its process dies, it is started again (db-work). */
    private void restartEmbeddedServerIfDead() {
        database.open().ifPresent(connected -> {
            try {
                connected.database().restartEmbeddedIfDead();
            } catch (IOException | RuntimeException e) {
                log.error("The embedded PostgreSQL could not be started again ({}); the journal keeps every event "
                        + "until it can, and it is tried again in 2 s", e.getMessage());
            }
        });
    }

    private void prepare() {
        try {
            database.useJournal(new EventRecorder(Journal.open(config.directories().home().resolve(JOURNAL_FILE)),
                    Clock.systemUTC()));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        TagMap configured;
        if (config.demoPlant()) {
            try {
                plant.use(VirtualPlant.startDemo(clock));
            } catch (IOException e) {
                throw new IllegalStateException(Messages.format("station.virtualPlantFailed", e.getMessage()), e);
            }
            configured = VirtualPlant.demoTagMap();
            health.source(Messages.format("station.virtualPlant", configured.plant()));
        } else {
            configured = TagMapFile.load(config.tagMapFile());
            health.source(Messages.format("station.plant", configured.plant(), configured.connections().size()));
        }
        configured.machine(config.machineId()).orElseThrow(() -> new IllegalArgumentException(Messages.format(
                "station.noSuchMachine", config.machineId(),
                String.join(", ", configured.machines().stream().map(TagMap.Machine::id).toList()))));
        configuration.begin(configured, config.demoPlant() ? PlantSetup.demoRules() : PlantSetup.defaultRules());
        TagMap polled = plant.pointed(configured);
        AnalyticsRuntime analytics = new AnalyticsRuntime(configuration.setup(polled), clock, live, this::store);
        plant.use(analytics);
        polling.begin(polled);
        if (config.embeddedDatabase()) {
            polling.pollOwnPlant(); // its own database: no other station can poll these PLCs, so no lock to wait for
        }
        analytics.publishLinesWhere(polling::pollsLine);
        log.info("Plant and analytics ready, {} ms after start", com.ms5.floor.app.base.StartupTimes.sinceJvmStart());
        analytics.publishFiguresOf(config.machineId());
    }

    /** On analytics: stores what concerns the machines this station polls; the others' owner stores theirs. */
    private void store(StoredEvent event) {
        String machine = switch (event) {
            case StoredEvent.IntervalClosed e -> e.interval().machineId();
            case StoredEvent.MinuteClosed e -> e.minute().machineId();
            case StoredEvent.DowntimeClosed e -> e.event().machineId();
            case StoredEvent.AndonChanged e -> e.event().call().machineId();
            case StoredEvent.ShiftClosed e -> e.machineId();
        };
        if (polling.pollsMachine(machine)) {
            database.record(event);
        }
    }

    /** On station-startup; retries with growing pauses until the database can be used. */
    private void openDatabase() {
        Database opened;
        try {
            opened = Database.open(config);
        } catch (IOException e) {
            polling.pollEverything();
            log.warn("{} Retrying in {} s.", e.getMessage(), nextDbRetry.toSeconds());
            health.database(Messages.format("station.dbRetry", nextDbRetry.toSeconds(), e.getMessage()));
            if (!threads.closing()) {
                threads.startup().schedule(this::openDatabase, nextDbRetry.toMillis(), TimeUnit.MILLISECONDS);
            }
            Duration doubled = nextDbRetry.multipliedBy(2);
            nextDbRetry = doubled.compareTo(MAX_DB_RETRY) > 0 ? MAX_DB_RETRY : doubled;
            return;
        }
        Connected connected = Connected.on(opened, config.stationName());
        if (threads.closing()) {
            opened.close(); // closed while the database started
            return;
        }
        configuration.adoptStored(connected, config.demoPlant() ? "the virtual plant's demo" : String.valueOf(config.tagMapFile()));
        database.connect(connected);
        plant.analytics().orElseThrow().publishBoard(false);
        changes.listen(connected);
        andon.reloadBoard(connected);
        polling.own(connected, () -> database.backlog().waiting());
        threads.startup().scheduleWithFixedDelay(() -> threads.db().execute(lines::writeOwnLines), 0,
                SNAPSHOT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        reportWriter.start();
        upkeep.start();
        health.database(Messages.format("station.database", opened.description()));
        log.info("Database ready, {} ms after start", com.ms5.floor.app.base.StartupTimes.sinceJvmStart());
    }

    /** Stops polling, writes what is queued, stops the database. Returns within a few seconds. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        // Start-up work under way (the embedded PostgreSQL's first start) finishes before the rest
        // closes, so nothing it opens outlives the station.
        NamedThreads.shutdown(threads.startup(), 30);
        long t1 = System.nanoTime();
        polling.close();
        plant.close();
        long t2 = System.nanoTime();
        changes.close();
        NamedThreads.shutdown(threads.db(), 2);
        threads.setup().shutdownNow();
        threads.upkeep().shutdownNow(); // a backup under way is abandoned; the server forgets it
        database.closeJournal();
        plant.closeVirtualPlant();
        long t3 = System.nanoTime();
        database.closeDatabase();
        long t4 = System.nanoTime();
        log.info("Stopped: start-up {} ms, pollers and analytics {} ms, journal and plant {} ms, database {} ms",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    }
}
