package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.shift.ShiftInstance;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.model.ShiftReport;
import com.ms5.floor.app.report.ShiftReportCsv;
import com.ms5.floor.app.report.ShiftReportPdf;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each line's report of a shift as PDF and CSV into {@code reports.folder} once the shift
 * has ended and its last events are stored. Of several stations, the one that polls the line writes
 * it, and only the first to claim the shift in the database does (a takeover does not write it
 * twice). Shifts that ended before this station started are left alone. Runs on
 * {@code station-startup}, the reads on {@code db-work}.
 */
@Singleton
public final class ShiftReportWriter {
    private static final Logger log = LoggerFactory.getLogger(ShiftReportWriter.class);
    /** Plant time after a shift's end before its report is written: its last minute closes and is stored. */
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final AppConfig config;
    private final Clock clock;
    private final StationThreads threads;
    private final StationDatabase database;
    private final StationPlant plant;
    private final PollingSupervisor polling;
    private final ReportService reports;
    /** When the station started: a shift that ends after it is this station's to report, even if it ended
     *  while the database was still opening. */
    private final Instant startedAt;

    @Inject
    ShiftReportWriter(AppConfig config, Clock clock, StationThreads threads, StationDatabase database, StationPlant plant,
                      PollingSupervisor polling, ReportService reports) {
        this.config = config;
        this.clock = clock;
        this.threads = threads;
        this.database = database;
        this.plant = plant;
        this.polling = polling;
        this.reports = reports;
        this.startedAt = clock.instant();
    }

    /** Checks for shifts that ended since the station started, every 5 s from now on. */
    void start() {
        threads.startup().scheduleWithFixedDelay(this::writeEndedShifts, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void writeEndedShifts() {
        Connected connected = database.online().orElse(null);
        AnalyticsRuntime analytics = plant.analytics().orElse(null);
        if (connected == null || analytics == null || database.backlog().waiting() > 0) {
            return; // its events are not all stored yet: a later check writes it
        }
        Instant now = clock.instant();
        for (String lineId : analytics.lineIds()) {
            if (!polling.pollsLine(lineId)) {
                continue;
            }
            List<ShiftInstance> ended = reports.calendar(lineId).shifts(new TimeRange(startedAt, now)).stream()
                    .filter(s -> s.end().isAfter(startedAt) && !s.end().plus(SETTLE).isAfter(now)).toList();
            for (ShiftInstance shift : ended) {
                try {
                    if (connected.reports().claim(lineId, shift.start(), shift.end(), shift.name())) {
                        write(connected, lineId, shift);
                    }
                } catch (RuntimeException e) {
                    log.error("The shift report of {} for {} could not be written ({}); it is tried again in {} s", lineId,
                            ReportService.period(shift), e.getMessage(), CHECK_EVERY.toSeconds());
                    try {
                        connected.reports().release(lineId, shift.start());
                    } catch (RuntimeException again) {
                        log.warn("Giving back the claim failed too: {}", again.getMessage());
                    }
                }
            }
        }
    }

    private void write(Connected connected, String lineId, ShiftInstance shift) {
        ShiftReport report = reports.build(lineId, shift.span(), ReportService.period(shift), done -> { }).join();
        String name = "report-" + lineId + "-" + shift.date() + "-" + shift.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Path folder = config.reportsFolder();
        Path pdf = folder.resolve(name + ".pdf");
        Path csv = folder.resolve(name + ".csv");
        try {
            Files.createDirectories(folder);
            Files.write(pdf, ShiftReportPdf.of(report));
            Files.writeString(csv, ShiftReportCsv.of(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(Messages.format("reports.writeFailed", folder, e.getMessage()), e);
        }
        connected.reports().written(lineId, shift.start(), pdf + "\n" + csv);
        log.info("Shift report of {}, {}, written: {} and {}", report.lineName(), report.period(), pdf, csv);
    }
}
