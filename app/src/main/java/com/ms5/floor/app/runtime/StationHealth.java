package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.Backlog;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationInfo;
import com.ms5.floor.app.model.StationResources;
import com.ms5.floor.app.model.StationStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import com.ms5.floor.app.persistence.StorageException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this station is doing, in words for people: the status bar ({@link LiveKeys#STATION}:
 * where the data comes from, the database or what is wrong with it) and the Diagnostics tab
 * ({@link LiveKeys#DIAGNOSTICS}: the journal, who polls each PLC connection and how it answers,
 * every station the database knows). {@link StationLifecycle} publishes both on a timer.
 */
@Singleton
public final class StationHealth {
    private static final Logger log = LoggerFactory.getLogger(StationHealth.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final StationDatabase database;
    private final PollingSupervisor polling;
    private final LiveValues live;
    private final String stationId;
    private final DatabaseUpkeep upkeep;
    private final java.nio.file.Path home;
    private volatile String source = Messages.get("station.starting");
    private volatile String databaseText = Messages.get("station.dbStarting");
    private volatile StationStatus status = new StationStatus(source, databaseText, false);

    @Inject
    StationHealth(StationDatabase database, PollingSupervisor polling, LiveValues live, AppConfig config, DatabaseUpkeep upkeep) {
        this.database = database;
        this.upkeep = upkeep;
        this.home = config.directories().home();
        this.polling = polling;
        this.live = live;
        this.stationId = config.stationName();
    }

    /** What the status bar shows; any thread. */
    public StationStatus status() {
        return status;
    }

    /** This station's name, as the others and the audit log show it. */
    public String stationId() {
        return stationId;
    }

    void source(String text) {
        source = text;
    }

    void database(String text) {
        databaseText = text;
        publishStatus();
    }

    void publishStatus() {
        Backlog backlog = database.backlog();
        boolean ok = database.open().isPresent() && backlog.online();
        String text = databaseText;
        if (!backlog.online()) {
            text = Messages.format("station.offline", TIME.format(backlog.offlineSince()), backlog.waiting());
        }
        status = new StationStatus(source, text, ok);
        live.publish(LiveKeys.STATION, status);
    }

    /** On db-work: this station, its connections and the other stations. */
    void publishDiagnostics() {
        List<StationInfo> stations = List.of();
        Connected connected = database.online().orElse(null);
        if (connected != null) {
            try {
                stations = connected.stations().stations();
            } catch (StorageException e) {
                log.debug("Reading the stations failed: {}", e.getMessage());
            }
        }
        List<StationInfo> known = stations;
        List<StationDiagnostics.Connection> connections = polling.connections().stream().map(p ->
                new StationDiagnostics.Connection(p.connection().id(), p.connection().url(), p.here() ? stationId
                        : known.stream().filter(st -> !st.id().equals(stationId) && st.polls().contains(p.connection().id()))
                        .map(StationInfo::id).findFirst().orElse(null), p.health())).toList();
        live.publish(LiveKeys.DIAGNOSTICS, new StationDiagnostics(stationId, status, database.backlog(), connections,
                stations, resources(connected), Instant.now()));
    }

    /** On db-work: the heap, threads, disk, journal, database and backups. */
    private StationResources resources(Connected connected) {
        Runtime runtime = Runtime.getRuntime();
        long diskFree;
        long journal;
        try {
            diskFree = java.nio.file.Files.getFileStore(home).getUsableSpace();
            java.nio.file.Path file = home.resolve(StationLifecycle.JOURNAL_FILE);
            journal = java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : 0;
        } catch (java.io.IOException e) {
            diskFree = 0; // a data folder that cannot be asked is as good as full
            journal = 0;
        }
        long databaseBytes = -1;
        if (connected != null) {
            try {
                databaseBytes = connected.database().sizeBytes();
            } catch (StorageException e) {
                log.debug("Reading the database's size failed: {}", e.getMessage());
            }
        }
        // what the last collections left: the heap between two collections is fuller than what the app keeps
        long afterCollection = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
        return new StationResources(afterCollection, runtime.maxMemory(),
                java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount(), diskFree, journal,
                databaseBytes, upkeep.backups());
    }
}
