package com.ms5.floor.app.runtime;

import com.ms5.floor.analytics.MachineMetrics;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.analytics.downtime.DowntimeLog;
import com.ms5.floor.app.AppConfig;
import com.ms5.floor.app.NamedThreads;
import com.ms5.floor.app.persistence.AndonCallRepository;
import com.ms5.floor.app.persistence.ChangeFeed;
import com.ms5.floor.app.persistence.ConfigVersionRepository;
import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.persistence.DowntimeRepository;
import com.ms5.floor.app.persistence.EventStore;
import com.ms5.floor.app.persistence.LineSnapshotRepository;
import com.ms5.floor.app.persistence.StationRepository;
import com.ms5.floor.app.persistence.TimelineRepository;
import com.ms5.floor.app.persistence.ProductionMinuteRepository;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.sync.EventRecorder;
import com.ms5.floor.app.sync.Journal;
import com.ms5.floor.app.sync.PollingOwnership;
import com.ms5.floor.app.sync.StoredEvent;
import com.ms5.floor.app.ui.LiveValueHub;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.poll.ConnectionCheck;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapFile;
import com.ms5.floor.plc.virtual.VirtualPlant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's data path: (virtual) PLC -> poller -> analytics -> journal -> database, and the
 * station's part in the plant (shared/DESIGN.md, "Station sync"): it polls the PLC connections
 * whose lock it holds, stores what analytics concludes for their machines, and follows what other
 * stations change through the change feed.
 *
 * <p>{@link #start()} returns at once; the work happens on {@code station-startup}. A database
 * that is unreachable at start does not stop polling: the station polls every connection, keeps
 * its events in the journal, and settles ownership once the database answers.
 */
@Singleton
public final class StationRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationRuntime.class);
    private static final Duration FIRST_DB_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_DB_RETRY = Duration.ofMinutes(1);
    private static final Duration SNAPSHOT_EVERY = Duration.ofSeconds(2);
    private static final Duration TEST_DEADLINE = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AppConfig config;
    private final Clock clock;
    private final LiveValueHub hub;
    private final String stationId;

    private final ScheduledThreadPoolExecutor startup = startupThread();
    private final ExecutorService dbWork = NamedThreads.singleThread("db-work");
    /** The engineering dialogs' slow work: test connections and reads, import and export files. */
    private final ExecutorService setupWork = NamedThreads.singleThread("setup-work");
    private Duration nextDbRetry = FIRST_DB_RETRY; // touched only on station-startup

    private volatile VirtualPlant plant;
    /** The tag map as the plant's configuration holds it; {@link #map} is the same pointed at the virtual plant in demo mode. */
    private volatile TagMap configured;
    private volatile int tagMapVersion;
    /** The plant rules analytics runs by, and their stored version (0: not stored yet). */
    private volatile PlantRules rules;
    private volatile int rulesVersion;
    private volatile TagMap map;
    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();
    private final Set<String> polled = ConcurrentHashMap.newKeySet();
    private volatile AnalyticsRuntime analytics;
    private volatile MachineMetrics shownMachine;
    private volatile EventRecorder recorder;
    private volatile Database database;
    private volatile PollingOwnership ownership;
    private volatile ChangeFeed feed;
    private volatile ProductionMinuteRepository minutes;
    private volatile AndonCallRepository calls;
    private volatile DowntimeRepository downtime;
    private volatile TimelineRepository timeline;
    private volatile LineSnapshotRepository snapshots;
    private volatile StationRepository stationList;
    private volatile ConfigVersionRepository configVersions;
    private final AtomicBoolean boardReloadQueued = new AtomicBoolean();
    private volatile String source = "Starting…";
    private volatile String databaseText = "Database starting…";
    private volatile StationStatus status = new StationStatus("Starting…", "Database starting…", false);

    @Inject
    public StationRuntime(AppConfig config, Clock clock, LiveValueHub hub) {
        this.config = config;
        this.clock = clock;
        this.hub = hub;
        this.stationId = config.stationName();
    }

    /** Closing drops a pending database retry instead of waiting for it. */
    private static ScheduledThreadPoolExecutor startupThread() {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, NamedThreads.factory("station-startup"));
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return thread;
    }

    /** Starts the plant, the journal and the database in the background. */
    public CompletableFuture<Void> start() {
        publishStatus();
        startup.scheduleWithFixedDelay(this::publishStatus, 1, 1, TimeUnit.SECONDS);
        startup.scheduleWithFixedDelay(() -> dbWork.execute(this::publishDiagnostics), 1, 2, TimeUnit.SECONDS);
        return CompletableFuture.runAsync(this::prepare, startup)
                .thenRunAsync(this::openDatabase, startup)
                .exceptionally(e -> {
                    log.error("Station start-up failed", e);
                    return null;
                });
    }

    private void prepare() {
        try {
            recorder = new EventRecorder(Journal.open(config.directories().home().resolve("journal.db")), Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (config.demoPlant()) {
            try {
                plant = VirtualPlant.startDemo(clock);
            } catch (IOException e) {
                throw new IllegalStateException("The virtual plant could not start: " + e.getMessage(), e);
            }
            configured = VirtualPlant.demoTagMap();
            source = "Virtual plant (demo) · " + configured.plant();
        } else {
            configured = TagMapFile.load(config.tagMapFile());
            source = configured.plant() + " · " + configured.connections().size() + " PLC connection(s)";
        }
        map = pointed(configured);
        hub.publish(ConfigKind.TAG_MAP.liveKey(), 0); // loaded, not stored yet
        map.machine(config.machineId()).orElseThrow(() ->
                new IllegalArgumentException("machine.id " + config.machineId() + " is not a machine of the tag map"));
        double idealCycle = config.demoPlant() ? plant.idealCycleSeconds(config.machineId()) : config.idealCycleSeconds();
        shownMachine = new MachineMetrics(config.machineId(), idealCycle, Duration.ofMinutes(1));
        rules = config.demoPlant() ? PlantSetup.demoRules() : PlantSetup.defaultRules();
        analytics = new AnalyticsRuntime(PlantSetup.of(map, rules, 0, config.idealCycleSeconds()), clock, hub, this::store);
        hub.publish(ConfigKind.PLANT_RULES.liveKey(), 0);
        analytics.publishLinesWhere(this::pollsLine);
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
        if (map.machine(machine).map(m -> polled.contains(m.connection())).orElse(false)) {
            recorder.record(event);
        }
    }

    /** Whether this station polls a machine of the line. */
    private boolean pollsLine(String lineId) {
        return map.lines().stream().filter(l -> l.id().equals(lineId))
                .anyMatch(l -> l.machines().stream().anyMatch(m -> polled.contains(m.connection())));
    }

    private void startPolling(String connectionId) {
        if (!polled.add(connectionId)) {
            return;
        }
        TagMap.Connection connection = map.connections().stream().filter(c -> c.id().equals(connectionId)).findFirst()
                .orElseThrow();
        boolean shown = map.machine(config.machineId()).map(m -> m.connection().equals(connectionId)).orElse(false);
        AnalyticsRuntime plantAnalytics = analytics;
        Poller[] self = new Poller[1];
        Poller poller = new Poller(connection, PollTag.of(map, connectionId), clock, batch -> {
            plantAnalytics.accept(batch);
            if (shown) {
                onShownMachineBatch(batch, self[0]);
            }
        });
        self[0] = poller;
        pollers.put(connectionId, poller);
        poller.start();
    }

    private void stopPolling(String connectionId) {
        polled.remove(connectionId);
        Poller poller = pollers.remove(connectionId);
        if (poller != null) {
            poller.close();
        }
    }

    /** On the poll thread: the Machine tab's figures; cheap work only. */
    private void onShownMachineBatch(SampleBatch batch, Poller poller) {
        String machine = config.machineId();
        TagValue total = batch.get(Role.TOTAL_COUNT.valueName(machine));
        if (total == null) {
            return; // a scan class that does not read the counters
        }
        shownMachine.accept(batch.scanTime(), total, batch.get(Role.GOOD_COUNT.valueName(machine)),
                batch.get(Role.STATE.valueName(machine)));
        hub.publish(LiveKeys.machine(machine), shownMachine.snapshot());
        hub.publish(LiveKeys.PLC_HEALTH, poller.health());
    }

    /** On station-startup; retries with growing pauses until the database can be used. */
    private void openDatabase() {
        try {
            database = Database.open(config);
            if (startup.isShutdown()) {
                return; // closing: close() closes the database
            }
        } catch (IOException e) {
            if (polled.isEmpty()) {
                log.warn("The database cannot be reached at start; this station polls every PLC connection until it can");
                map.connections().forEach(c -> startPolling(c.id()));
            }
            log.warn("{} Retrying in {} s.", e.getMessage(), nextDbRetry.toSeconds());
            databaseText = "Database unavailable, retrying in " + nextDbRetry.toSeconds() + " s: " + e.getMessage()
                    + " Polling goes on; events wait in this station's journal.";
            publishStatus();
            if (!startup.isShutdown()) {
                startup.schedule(this::openDatabase, nextDbRetry.toMillis(), TimeUnit.MILLISECONDS);
            }
            Duration doubled = nextDbRetry.multipliedBy(2);
            nextDbRetry = doubled.compareTo(MAX_DB_RETRY) > 0 ? MAX_DB_RETRY : doubled;
            return;
        }
        minutes = new ProductionMinuteRepository(database);
        calls = new AndonCallRepository(database, stationId);
        downtime = new DowntimeRepository(database, stationId);
        timeline = new TimelineRepository(database);
        snapshots = new LineSnapshotRepository(database, stationId);
        configVersions = new ConfigVersionRepository(database, stationId);
        // The rules first: the tag map's adoption hands analytics the rules' stored version.
        adoptStored(ConfigKind.PLANT_RULES, rules, "first version: " + rules.shifts().size() + " shift(s), "
                + rules.reasons().size() + " reason(s), " + rules.products().size() + " product(s), from "
                + (config.demoPlant() ? "the virtual plant's demo" : "the defaults"), this::adoptRules);
        String origin = config.demoPlant() ? "the virtual plant's demo" : String.valueOf(config.tagMapFile());
        adoptStored(ConfigKind.TAG_MAP, configured, "first version: " + configured.connections().size()
                + " connection(s), " + configured.machines().size() + " machine(s), from " + origin, this::adopt);
        recorder.attach(new EventStore(database, stationId));
        analytics.publishBoard(false);
        feed = new ChangeFeed(database, this::onChange);
        reloadBoard();
        PollingOwnership owner = new PollingOwnership(database, stationId,
                map.connections().stream().map(TagMap.Connection::id).toList(), Set.copyOf(polled),
                new PollingOwnership.Listener() {
                    @Override
                    public void acquired(String connectionId) {
                        startPolling(connectionId);
                    }

                    @Override
                    public void lost(String connectionId) {
                        stopPolling(connectionId);
                    }
                }, () -> recorder.backlog().waiting());
        ownership = owner;
        startup.scheduleWithFixedDelay(() -> dbWork.execute(this::writeLineSnapshots), 0, SNAPSHOT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        stationList = new StationRepository(database);
        databaseText = "Database: " + database.description();
        publishStatus();
    }

    /** The demo's tag map names the virtual controllers' usual ports; they listen elsewhere. */
    private TagMap pointed(TagMap configuredMap) {
        return plant == null ? configuredMap : plant.pointAt(configuredMap);
    }

    /**
     * On station-startup: the plant's configuration is the newest version in the database, whatever
     * this station's files say; a database without one is given this station's (its first version).
     */
    private <T> void adoptStored(ConfigKind<T> kind, T seed, String firstSummary,
                                 java.util.function.Consumer<ConfigVersionRepository.Version> adopt) {
        try {
            if (configVersions.latest(kind.id()).isEmpty()) {
                configVersions.saveIfChanged(kind.id(), kind.json().apply(seed), System.getProperty("user.name"),
                        firstSummary);
            }
            configVersions.latest(kind.id()).ifPresent(adopt);
        } catch (java.sql.SQLException | IllegalArgumentException e) {
            log.warn("The stored {} could not be used ({}); this station goes on with its own", kind.title(), e.getMessage());
        }
    }

    /** A stored tag-map version becomes what this station polls by, without a restart. */
    private synchronized void adopt(ConfigVersionRepository.Version version) {
        if (version.version() <= tagMapVersion) {
            return; // already adopted, or older than what this station has
        }
        TagMap next = ConfigKind.TAG_MAP.parse(version);
        TagMap before = map;
        TagMap after = pointed(next);
        configured = next;
        map = after;
        tagMapVersion = version.version();
        analytics.use(PlantSetup.of(after, rules, rulesVersion, config.idealCycleSeconds())).join();
        for (TagMap.Connection c : before.connections()) {
            TagMap.Connection now = after.connection(c.id()).orElse(null);
            if (!polled.contains(c.id())) {
                continue;
            }
            if (now == null || !now.equals(c)) {
                stopPolling(c.id()); // a new endpoint or scan classes: a new session
                if (now != null) {
                    startPolling(c.id());
                }
            } else {
                pollers.get(c.id()).updateTags(PollTag.of(after, c.id()));
            }
        }
        List<String> ids = after.connections().stream().map(TagMap.Connection::id).toList();
        if (ownership != null) {
            ownership.connections(ids);
        } else if (!polled.isEmpty()) {
            ids.forEach(this::startPolling); // no database at start: this station polls them all
        }
        hub.publish(ConfigKind.TAG_MAP.liveKey(), tagMapVersion);
        log.info("Tag map version {} by {} is live: {}", version.version(), version.author(), version.summary());
    }

    /** A stored version of the plant rules becomes what analytics runs by, without a restart. */
    private synchronized void adoptRules(ConfigVersionRepository.Version version) {
        if (version.version() <= rulesVersion) {
            return;
        }
        PlantRules next = ConfigKind.PLANT_RULES.parse(version);
        analytics.use(PlantSetup.of(map, next, version.version(), config.idealCycleSeconds())).join();
        rules = next;
        rulesVersion = version.version();
        hub.publish(ConfigKind.PLANT_RULES.liveKey(), rulesVersion);
        log.info("Plant rules version {} by {} are live: {}", version.version(), version.author(), version.summary());
    }

    /** The plant rules analytics runs by and their version; any thread. */
    public PlantRules rules() {
        return rules;
    }

    public int rulesVersion() {
        return rulesVersion;
    }

    /** The ideal cycle time of a machine the plant rules give none (station setting {@code machine.idealCycleSeconds}). */
    public double defaultIdealCycleSeconds() {
        return config.idealCycleSeconds();
    }

    /** The plant's tag map as configured (not pointed at the virtual plant) and its version; any thread. */
    public TagMap tagMap() {
        return configured;
    }

    public int tagMapVersion() {
        return tagMapVersion;
    }

    /**
     * Stores {@code edited} as the next version of a configuration document, with the changes as its
     * summary; every station (this one too) picks it up from the change notice. Refused with the
     * problems listed if it is not valid, while the database is away (the configuration lives
     * there), and if someone saved a version after {@code baseVersion}, the one the edits started
     * from (never a silent overwrite).
     *
     * @return the new version's number
     */
    public <T> CompletableFuture<Integer> save(ConfigKind<T> kind, T edited, int baseVersion, String who) {
        List<?> problems = kind.problems().apply(edited);
        if (!problems.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("There are " + problems.size()
                    + " problem(s) in the " + kind.title() + "; fix them first:\n" + problems.stream().map(Object::toString)
                    .collect(java.util.stream.Collectors.joining("\n"))));
        }
        ConfigVersionRepository versions = configVersions;
        if (versions == null || !recorder.backlog().online()) {
            return CompletableFuture.failedFuture(new IllegalStateException("The database is offline, and the plant's "
                    + "configuration is kept there for every station. Your edits stay in this window; save again once the "
                    + "status bar says the database is back."));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                ConfigVersionRepository.Version latest = versions.latest(kind.id()).orElseThrow();
                if (latest.version() > baseVersion) {
                    throw new CompletionException(new IllegalStateException("Version " + latest.version() + " was saved by "
                            + latest.author() + " at " + TIME.format(latest.createdAt()) + " after you started from version "
                            + baseVersion + " (" + latest.summary() + "). Your edits stay here; look at Versions…, then make "
                            + "them again on the newest version."));
                }
                return versions.saveIfChanged(kind.id(), kind.json().apply(edited), who,
                        kind.summary(kind.parse(latest), edited));
            } catch (java.sql.SQLException e) {
                throw new CompletionException(new IllegalStateException("The " + kind.title() + " could not be stored: "
                        + e.getMessage() + ". Nothing changed; try again.", e));
            }
        }, dbWork);
    }

    /** Every stored version of a configuration document, newest first. */
    public CompletableFuture<List<ConfigVersionRepository.Version>> versions(ConfigKind<?> kind) {
        ConfigVersionRepository versions = configVersions;
        if (versions == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("The database is not connected yet; versions "
                    + "are kept there."));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return versions.versions(kind.id());
            } catch (java.sql.SQLException e) {
                throw new CompletionException(new IllegalStateException("The versions could not be read: "
                        + e.getMessage(), e));
            }
        }, dbWork);
    }

    /** "Test connection" for a connection as edited (demo mode: at the virtual controller's real port). */
    public CompletableFuture<ConnectionCheck.Outcome> testConnection(TagMap.Connection connection) {
        return CompletableFuture.supplyAsync(() -> ConnectionCheck.testConnection(pointed(
                new TagMap(configured.plant(), List.of(connection), List.of())).connections().get(0), TEST_DEADLINE), setupWork);
    }

    /** "Test read" of one machine's bindings as edited in {@code edited}; bindings that are not valid are left out. */
    public CompletableFuture<List<ConnectionCheck.Reading>> testRead(TagMap edited, String machineId) {
        return CompletableFuture.supplyAsync(() -> {
            TagMap pointedMap = pointed(edited);
            TagMap.Machine machine = pointedMap.machine(machineId).orElseThrow();
            TagMap.Connection connection = pointedMap.connection(machine.connection()).orElseThrow(() ->
                    new IllegalArgumentException(machineId + " has no valid connection"));
            TagMap one = new TagMap(pointedMap.plant(), List.of(connection), List.of(new TagMap.Line("test", "test",
                    List.of(new TagMap.Machine(machine.id(), machine.name(), connection.id(), machine.bindings().stream()
                            .filter(b -> validBinding(b, connection)).toList())))));
            try {
                return ConnectionCheck.testRead(connection, PollTag.of(one, connection.id()), TEST_DEADLINE, clock);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, setupWork);
    }

    private static boolean validBinding(TagMap.Binding b, TagMap.Connection connection) {
        List<com.ms5.floor.plc.tagmap.TagMapValidator.Problem> problems = new java.util.ArrayList<>();
        com.ms5.floor.plc.tagmap.TagMapValidator.binding(problems, "", b, connection);
        return problems.isEmpty();
    }

    /** Runs file work (import, export) off the FX thread. */
    public <T> CompletableFuture<T> inBackground(java.util.concurrent.Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, setupWork);
    }

    /** On db-work: another station (or this one) stored a version of {@code kind}. */
    private void readLatest(ConfigKind<?> kind, java.util.function.Consumer<ConfigVersionRepository.Version> adopt) {
        try {
            configVersions.latest(kind.id()).ifPresent(v -> startup.execute(() -> {
                try {
                    adopt.accept(v);
                } catch (RuntimeException e) {
                    log.error("{} version {} cannot be used: {}", kind.title(), v.version(), e.getMessage());
                }
            }));
        } catch (java.sql.SQLException e) {
            log.warn("Reading the new {} version failed: {}", kind.title(), e.getMessage());
        }
    }

    /** On db-work: this station, its connections and the other stations, for the diagnostics view. */
    private void publishDiagnostics() {
        if (map == null) {
            return;
        }
        List<StationRepository.Station> stations = List.of();
        if (stationList != null && recorder.backlog().online()) {
            try {
                stations = stationList.stations();
            } catch (java.sql.SQLException e) {
                log.debug("Reading the stations failed: {}", e.getMessage());
            }
        }
        List<StationDiagnostics.Connection> connections = new java.util.ArrayList<>();
        for (TagMap.Connection c : map.connections()) {
            Poller poller = pollers.get(c.id());
            String polledBy = polled.contains(c.id()) ? stationId : stations.stream()
                    .filter(st -> !st.id().equals(stationId) && st.polls().contains(c.id()))
                    .map(StationRepository.Station::id).findFirst().orElse(null);
            connections.add(new StationDiagnostics.Connection(c.id(), c.url(), polledBy,
                    poller == null ? null : poller.health()));
        }
        hub.publish(LiveKeys.DIAGNOSTICS, new StationDiagnostics(stationId, status, backlog(), connections, stations,
                Instant.now()));
    }

    /** On db-work: the lines this station polls, as the others show them. */
    private void writeLineSnapshots() {
        List<LineStatus> local = map.lines().stream().map(TagMap.Line::id).filter(this::pollsLine)
                .map(id -> hub.<LineStatus>latest(LiveKeys.line(id))).filter(java.util.Objects::nonNull).toList();
        if (local.isEmpty() || !recorder.backlog().online()) {
            return;
        }
        try {
            snapshots.write(local);
        } catch (java.sql.SQLException | RuntimeException e) {
            log.debug("Line snapshots not written: {}", e.getMessage());
        }
    }

    /** On db-listen: another station (or this one) changed a call, a stop or a line. */
    private void onChange(String payload) {
        int at = payload.lastIndexOf(ChangeFeed.FROM);
        String what = at < 0 ? payload : payload.substring(0, at);
        String from = at < 0 ? "" : payload.substring(at + 1);
        if (what.startsWith(ChangeFeed.LINE)) {
            String lineId = what.substring(ChangeFeed.LINE.length());
            if (!from.equals(stationId) && !pollsLine(lineId)) {
                dbWork.execute(() -> {
                    try {
                        LineStatus status = snapshots.read(lineId);
                        if (status != null && !pollsLine(lineId)) {
                            hub.publish(LiveKeys.line(lineId), status);
                        }
                    } catch (java.sql.SQLException e) {
                        log.warn("Reading the status of line {} failed: {}", lineId, e.getMessage());
                    }
                });
            }
        } else if (what.equals(ChangeFeed.CONFIG + ConfigKind.TAG_MAP.id())) {
            dbWork.execute(() -> readLatest(ConfigKind.TAG_MAP, this::adopt));
        } else if (what.equals(ChangeFeed.CONFIG + ConfigKind.PLANT_RULES.id())) {
            dbWork.execute(() -> readLatest(ConfigKind.PLANT_RULES, this::adoptRules));
        } else if (what.startsWith(ChangeFeed.DOWNTIME)) {
            hub.publish(LiveKeys.DOWNTIME_CHANGED, payload); // views showing stops read them again
        } else if (what.startsWith(ChangeFeed.ANDON)) {
            if (!from.equals(stationId)) {
                UUID id = UUID.fromString(what.substring(ChangeFeed.ANDON.length()));
                dbWork.execute(() -> {
                    AndonCall call = calls.find(id);
                    if (call != null) {
                        analytics.follow(call);
                    }
                });
            }
            reloadBoard(); // every station's board, this one's own changes included, is read back from here
        }
    }

    /** Reads the open calls from the database, at most one read queued at a time. */
    private void reloadBoard() {
        if (boardReloadQueued.compareAndSet(false, true)) {
            dbWork.execute(() -> {
                boardReloadQueued.set(false);
                try {
                    hub.publish(LiveKeys.ANDON_BOARD, calls.openCalls().stream()
                            .filter(c -> c.shelvedUntil() == null).toList());
                    analytics.publishBoard(false);
                } catch (RuntimeException e) {
                    log.warn("Reading the open calls failed ({}); the board shows this station's own calls", e.getMessage());
                    analytics.publishBoard(true);
                }
            });
        }
    }

    /**
     * Acknowledges a call as {@code who}, for every station at once through the database. Completes
     * exceptionally with {@link AndonBoard.Conflict} ("Already acknowledged by X at T") when another
     * person or station was first. With the database away, the station that polls the call's line
     * acknowledges it on its own and stores it later.
     */
    public CompletableFuture<AndonCall> acknowledge(UUID callId, long revision, String who) {
        return changeCall(repository -> repository.acknowledge(callId, who, clock.instant()),
                (board, rev, now) -> board.acknowledge(callId, rev, who, now), revision);
    }

    /** Resolves a call by hand; see {@link #acknowledge}. */
    public CompletableFuture<AndonCall> resolve(UUID callId, long revision, String who) {
        return changeCall(repository -> repository.resolve(callId, who, clock.instant()),
                (board, rev, now) -> board.resolve(callId, rev, who, now), revision);
    }

    /** Shelves a call for {@code length}, for {@code reason}; see {@link #acknowledge}. */
    public CompletableFuture<AndonCall> shelve(UUID callId, long revision, String reason, Duration length, String who) {
        return changeCall(repository -> repository.shelve(callId, reason, clock.instant().plus(length), who, clock.instant()),
                (board, rev, now) -> board.shelve(callId, rev, reason, now.plus(length), who, now), revision);
    }

    /** Puts a shelved call back on every board; see {@link #acknowledge}. */
    public CompletableFuture<AndonCall> unshelve(UUID callId, long revision, String who) {
        return changeCall(repository -> repository.unshelve(callId, who, clock.instant()),
                (board, rev, now) -> board.unshelve(callId, who, now), revision);
    }

    /** The shelved calls, with why, by whom and until when: from the database, or this station's board while it is away. */
    public CompletableFuture<List<AndonCall>> shelvedCalls() {
        AndonCallRepository repository = calls;
        CompletableFuture<List<AndonCall>> open = repository == null || !recorder.backlog().online()
                ? analytics.openCalls() : CompletableFuture.supplyAsync(repository::openCalls, dbWork);
        return open.thenApply(list -> list.stream().filter(c -> c.shelvedUntil() != null).toList());
    }

    private interface StoredCallChange {
        AndonCall apply(AndonCallRepository repository) throws AndonBoard.Conflict;
    }

    private CompletableFuture<AndonCall> changeCall(StoredCallChange stored, AnalyticsRuntime.CallAction offline,
                                                    long revision) {
        AndonCallRepository repository = calls;
        if (repository == null || !recorder.backlog().online()) {
            return analytics.change(revision, offline);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                AndonCall call = stored.apply(repository);
                analytics.follow(call); // the board itself follows from the change notice
                return call;
            } catch (AndonBoard.Conflict e) {
                throw new CompletionException(e);
            }
        }, dbWork);
    }

    /**
     * A line's machine timelines and stops over {@code window}: from the shared database, which
     * holds every station's edits; from this station's memory while the database is away. The
     * database is read a day at a time on db-work, telling {@code progress} the share done (any
     * thread calls it); cancelling the future stops the read at the next day.
     */
    public CompletableFuture<LineHistory> lineHistory(String lineId, TimeRange window,
                                                      java.util.function.DoubleConsumer progress) {
        AnalyticsRuntime plant = analytics;
        if (plant == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("The station is still starting"));
        }
        TimelineRepository intervals = timeline;
        if (intervals == null || !recorder.backlog().online()) {
            return plant.history(lineId, window, "this station's memory (the database is not connected)");
        }
        CompletableFuture<LineHistory> result = new CompletableFuture<>();
        dbWork.execute(() -> {
            List<String> machines = plant.line(lineId).machines().stream().map(m -> m.id()).toList();
            Map<String, Map<Instant, StateInterval>> byMachine = new java.util.LinkedHashMap<>();
            machines.forEach(id -> byMachine.put(id, new java.util.LinkedHashMap<>()));
            Map<UUID, DowntimeEvent> stops = new java.util.LinkedHashMap<>();
            long days = Math.max(1, (Duration.between(window.start(), window.end()).toHours() + 23) / 24);
            try {
                for (int day = 0; day < days && !result.isDone(); day++) {
                    Instant from = window.start().plus(Duration.ofDays(day));
                    Instant to = day == days - 1 ? window.end() : from.plus(Duration.ofDays(1));
                    // Something that spans midnight is read on both days: keyed, it is kept once.
                    intervals.intervals(machines, from, to).forEach((id, list) -> list.forEach(i ->
                            byMachine.get(id).put(i.start(), i)));
                    downtime.events(lineId, from, to).forEach(e -> stops.put(e.id(), e));
                    progress.accept((day + 1.0) / days);
                }
            } catch (java.sql.SQLException | RuntimeException e) {
                result.completeExceptionally(new IllegalStateException(
                        "The history could not be read from the database: " + e.getMessage(), e));
                return;
            }
            List<LineHistory.Row> rows = new java.util.ArrayList<>();
            byMachine.forEach((id, list) -> rows.add(new LineHistory.Row(id, plant.name(id), List.copyOf(list.values()))));
            result.complete(new LineHistory(lineId, window, rows, List.copyOf(stops.values()), plant.reasons(),
                    "shared database"));
        });
        return result;
    }

    /**
     * Sets the reason of a stop for every station. Completes exceptionally with
     * {@link DowntimeLog.EditConflict} when someone changed the stop since it was read, and with a
     * clear message while the database is away (reasons are kept only there).
     */
    public CompletableFuture<DowntimeEvent> assignReason(DowntimeEvent stop, String reasonId, String comment, String who) {
        return editStop(repository -> repository.assignReason(stop.id(), stop.revision(), reasonId, comment, who,
                clock.instant()));
    }

    /** Splits a stop at {@code at}; the part after it is a new stop without a reason. See {@link #assignReason}. */
    public CompletableFuture<List<DowntimeEvent>> splitStop(DowntimeEvent stop, Instant at, String who) {
        return editStop(repository -> repository.split(stop.id(), stop.revision(), at, who, clock.instant()));
    }

    private interface StopEdit<T> {
        T apply(DowntimeRepository repository) throws DowntimeLog.EditConflict;
    }

    private <T> CompletableFuture<T> editStop(StopEdit<T> edit) {
        DowntimeRepository repository = downtime;
        if (repository == null || !recorder.backlog().online()) {
            return CompletableFuture.failedFuture(new IllegalStateException("The database is offline, and reasons are "
                    + "kept only there. Enter it again once the status bar says the database is back; the stop itself is safe "
                    + "in this station's journal."));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return edit.apply(repository); // views read the stop again on its change notice
            } catch (DowntimeLog.EditConflict e) {
                throw new CompletionException(e);
            }
        }, dbWork);
    }

    /** What the status bar shows; any thread. */
    public StationStatus status() {
        return status;
    }

    private void publishStatus() {
        EventRecorder.Backlog backlog = recorder == null ? null : recorder.backlog();
        boolean ok = database != null && (backlog == null || backlog.online());
        String text = databaseText;
        if (backlog != null && !backlog.online()) {
            text = "Offline since " + TIME.format(backlog.offlineSince()) + ", " + backlog.waiting()
                    + " event(s) waiting in the journal. Polling goes on.";
        }
        status = new StationStatus(source, text, ok);
        hub.publish(LiveKeys.STATION, status);
    }

    /** A line's or machine's display name (its id until the plant is loaded); any thread, no I/O. */
    public String name(String id) {
        AnalyticsRuntime plant = analytics;
        return plant == null ? id : plant.name(id);
    }

    /** The machine the Machine tab shows ({@code machine.id}). */
    public String shownMachineId() {
        return config.machineId();
    }

    /** This station's name, as the others and the audit log show it. */
    public String stationId() {
        return stationId;
    }

    /** The PLC connections this station polls now. */
    public Set<String> polledConnections() {
        return Set.copyOf(polled);
    }

    /** How storing goes: online, or offline since when with how many events waiting. */
    public EventRecorder.Backlog backlog() {
        return recorder == null ? new EventRecorder.Backlog(null, 0, 0, 0) : recorder.backlog();
    }

    /** The built-in virtual plant in demo mode once started, else {@code null}. */
    public VirtualPlant virtualPlant() {
        return plant;
    }

    /** The plant's analytics once started, else {@code null}. */
    public AnalyticsRuntime analytics() {
        return analytics;
    }

    /** The repositories once the database is open, else {@code null}. Blocking calls: not on the FX thread. */
    public ProductionMinuteRepository repository() {
        return minutes;
    }

    public Database database() {
        return database;
    }

    public AndonCallRepository calls() {
        return calls;
    }

    public DowntimeRepository downtime() {
        return downtime;
    }

    /** Stops polling, writes what is queued, stops the database. Returns within a few seconds. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        // Start-up work under way (the embedded PostgreSQL's first start) finishes before the rest
        // closes, so nothing it opens outlives the station.
        NamedThreads.shutdown(startup, 30);
        if (ownership != null) {
            ownership.close();
        }
        long t1 = System.nanoTime();
        List.copyOf(pollers.values()).parallelStream().forEach(Poller::close);
        if (analytics != null) {
            analytics.close();
        }
        long t2 = System.nanoTime();
        if (feed != null) {
            feed.close();
        }
        NamedThreads.shutdown(dbWork, 2);
        setupWork.shutdownNow();
        if (recorder != null) {
            recorder.close();
        }
        if (plant != null) {
            plant.close();
        }
        long t3 = System.nanoTime();
        if (database != null) {
            database.close();
        }
        long t4 = System.nanoTime();
        log.info("Stopped: start-up and ownership {} ms, pollers {} ms, journal and plant {} ms, database {} ms",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    }
}
