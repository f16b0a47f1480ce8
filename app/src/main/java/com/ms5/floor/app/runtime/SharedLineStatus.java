package com.ms5.floor.app.runtime;

import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.live.StationEvent;
import com.ms5.floor.app.live.StationEvents;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.base.AppConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import com.ms5.floor.app.persistence.StorageException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each line's status across stations: the station that polls a line writes its status to the
 * database every {@code SNAPSHOT_EVERY}, and every other station shows what the owner wrote when
 * its change notice comes. Database work on {@code db-work}.
 */
@Singleton
public final class SharedLineStatus {
    private static final Logger log = LoggerFactory.getLogger(SharedLineStatus.class);

    private final StationThreads threads;
    private final StationDatabase database;
    private final PollingSupervisor polling;
    private final LiveValues live;
    private final String stationId;

    @Inject
    SharedLineStatus(StationThreads threads, StationDatabase database, PollingSupervisor polling, LiveValues live,
                     AppConfig config, StationEvents events) {
        this.threads = threads;
        this.database = database;
        this.polling = polling;
        this.live = live;
        this.stationId = config.stationName();
        events.subscribe(StationEvent.LineChanged.class, this::onChanged);
    }

    /** On db-work: the lines this station polls, as the others show them. */
    void writeOwnLines() {
        Connected connected = database.online().orElse(null);
        List<String> lines = live.latest(LiveKeys.LINES);
        if (connected == null || lines == null) {
            return;
        }
        List<LineStatus> own = lines.stream().filter(polling::pollsLine).map(id -> live.latest(LiveKeys.line(id)))
                .filter(Objects::nonNull).toList();
        if (own.isEmpty()) {
            return;
        }
        try {
            connected.snapshots().write(own);
        } catch (RuntimeException e) {
            log.debug("Line snapshots not written: {}", e.getMessage());
        }
    }

    /** On db-listen: another station stored the status of a line it polls. */
    private void onChanged(StationEvent.LineChanged changed) {
        String lineId = changed.lineId();
        Connected connected = database.open().orElse(null);
        if (connected == null || changed.station().equals(stationId) || polling.pollsLine(lineId)) {
            return;
        }
        threads.db().execute(() -> {
            try {
                LineStatus status = connected.snapshots().read(lineId);
                if (status != null && !polling.pollsLine(lineId)) {
                    live.publish(LiveKeys.line(lineId), status);
                }
            } catch (StorageException e) {
                log.warn("Reading the status of line {} failed: {}", lineId, e.getMessage());
            }
        });
    }
}
