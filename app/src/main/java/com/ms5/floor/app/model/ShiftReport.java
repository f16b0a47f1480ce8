package com.ms5.floor.app.model;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.downtime.DowntimeCost;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeCalculator;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a shift report says about one line over one window. Its figures come from the engine the
 * live views use ({@link OeeCalculator} over the machines' intervals and minutes, summed with
 * {@link OeeFigures#sum}; {@link DowntimeStats} over the stops), so a report of a window equals what
 * the Line tab showed for it.
 *
 * @param period   the window in words: "Early shift, Mon 7 Dec 2026", "Week 49, 2026"
 * @param line     the line's figures: its machines' times and counts added up
 * @param machines one row per machine, in line order
 * @param good     good parts out of the line (its last machine)
 * @param total    all parts out of the line
 * @param target   what the last machine makes running at its ideal rate through the loading time; 0 if it made nothing
 * @param stops    the line's stops that overlap the window
 * @param calls    the line's Andon calls raised in the window
 * @param source   where it was read, in words
 */
public record ShiftReport(String lineId, String lineName, String period, TimeRange window, ZoneId zone,
                          OeeFigures line, List<MachineRow> machines, long good, long total, long target,
                          List<DowntimeEvent> stops, ReasonTree reasons, DowntimeCost cost, List<AndonCall> calls,
                          Instant builtAt, String source) {

    /** A machine's figures over the window, with its mean time between failures and to repair. */
    public record MachineRow(String id, String name, OeeFigures oee, DowntimeStats.Reliability reliability) {
    }

    public ShiftReport {
        machines = List.copyOf(machines);
        stops = List.copyOf(stops);
        calls = List.copyOf(calls);
    }

    /**
     * Computes the report from a line's history (intervals and stops) and its machines' minutes.
     *
     * @param now the present: an interval still open counts up to here, as in the live views
     */
    public static ShiftReport of(String lineName, String period, ZoneId zone, OeeProfile profile, LineHistory history,
                                 Map<String, List<ProductionMinute>> minutes, List<AndonCall> calls, Instant now) {
        TimeRange window = history.window();
        List<MachineRow> rows = new ArrayList<>();
        for (LineHistory.Row row : history.rows()) {
            OeeFigures figures = OeeCalculator.machine(profile, window, now, row.intervals(),
                    minutes.getOrDefault(row.machineId(), List.of()));
            List<DowntimeEvent> own = history.stops().stream().filter(s -> s.machineId().equals(row.machineId())).toList();
            rows.add(new MachineRow(row.machineId(), row.name(), figures,
                    DowntimeStats.reliability(own, window, figures.runSeconds())));
        }
        OeeFigures line = OeeFigures.sum(profile, rows.stream().map(MachineRow::oee).toList());
        OeeFigures out = rows.isEmpty() ? line : rows.getLast().oee();
        long target = out.idealSeconds() > 0 ? Math.round(out.loadingSeconds() * out.totalCount() / out.idealSeconds()) : 0;
        List<DowntimeEvent> stops = history.stops().stream().filter(s -> s.secondsWithin(window) > 0).toList();
        return new ShiftReport(history.lineId(), lineName, period, window, zone, line, rows, out.goodCount(),
                out.totalCount(), target, stops, history.reasons(), history.cost(), calls, now, history.source());
    }

    /** Reasons by time, count or cost, largest first. */
    public List<DowntimeStats.ParetoBar> pareto(DowntimeStats.Measure measure) {
        return DowntimeStats.pareto(stops, window, reasons, cost, measure);
    }

    /** The longest stops inside the window, longest first. */
    public List<DowntimeEvent> longestStops(int count) {
        return stops.stream().sorted(Comparator.comparingDouble((DowntimeEvent s) -> -s.secondsWithin(window))
                .thenComparing(DowntimeEvent::start)).limit(count).toList();
    }

    /** The display name of a machine of the line, or its id. */
    public String machineName(String id) {
        return machines.stream().filter(m -> m.id().equals(id)).map(MachineRow::name).findFirst().orElse(id);
    }
}
