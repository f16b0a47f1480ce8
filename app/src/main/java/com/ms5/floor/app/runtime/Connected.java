package com.ms5.floor.app.runtime;

import com.ms5.floor.app.persistence.AndonCallRepository;
import com.ms5.floor.app.persistence.AuditRepository;
import com.ms5.floor.app.persistence.ConfigVersionRepository;
import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.persistence.DowntimeRepository;
import com.ms5.floor.app.persistence.EventStore;
import com.ms5.floor.app.persistence.LineSnapshotRepository;
import com.ms5.floor.app.persistence.ProductionMinuteRepository;
import com.ms5.floor.app.persistence.ShiftReportRepository;
import com.ms5.floor.app.persistence.StationRepository;
import com.ms5.floor.app.persistence.TimelineRepository;
import com.ms5.floor.app.persistence.TrendRepository;

/**
 * The open database and every repository on it: one value that exists once the database has
 * answered, so no service keeps repositories of its own that may still be {@code null}. Every
 * call on a repository blocks: on {@code db-work}, never the FX thread.
 */
public record Connected(Database database, ProductionMinuteRepository minutes, AndonCallRepository calls,
                        DowntimeRepository downtime, TimelineRepository timeline, LineSnapshotRepository snapshots,
                        StationRepository stations, ConfigVersionRepository configVersions, EventStore events,
                        ShiftReportRepository reports, TrendRepository trends, AuditRepository audit) {

    static Connected on(Database database, String stationId) {
        return new Connected(database, new ProductionMinuteRepository(database),
                new AndonCallRepository(database, stationId), new DowntimeRepository(database, stationId),
                new TimelineRepository(database), new LineSnapshotRepository(database, stationId),
                new StationRepository(database), new ConfigVersionRepository(database, stationId),
                new EventStore(database, stationId), new ShiftReportRepository(database, stationId),
                new TrendRepository(database), new AuditRepository(database));
    }
}
