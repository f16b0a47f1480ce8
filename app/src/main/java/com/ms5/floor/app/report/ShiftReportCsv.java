package com.ms5.floor.app.report;

import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.app.model.ShiftReport;
import com.ms5.floor.plc.tagmap.BindingCsv;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A shift report as CSV, for a spreadsheet: one table per section (figures, machines, losses,
 * reasons, stops, calls), each with its own header row, a blank line between them. Numbers in
 * plain notation (a dot for decimals), times in ISO 8601.
 */
public final class ShiftReportCsv {
    private ShiftReportCsv() {
    }

    public static String of(ShiftReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, "report", "line", "period", "from", "to", "profile", "built", "source");
        row(csv, "MS5 shift report", report.lineName(), report.period(), report.window().start().toString(),
                report.window().end().toString(), report.line().profile().name(), report.builtAt().toString(), report.source());

        csv.append('\n');
        row(csv, "figure", "value");
        OeeFigures line = report.line();
        row(csv, "OEE %", percent(line.oee()));
        row(csv, "availability %", percent(line.availability()));
        row(csv, "performance %", percent(line.performance()));
        row(csv, "quality %", percent(line.quality()));
        row(csv, "TEEP %", percent(line.teep()));
        row(csv, "good parts", Long.toString(report.good()));
        row(csv, "all parts", Long.toString(report.total()));
        row(csv, "target parts", Long.toString(report.target()));

        csv.append('\n');
        row(csv, "machine", "name", "OEE %", "availability %", "performance %", "quality %", "run min", "loading min",
                "good", "total", "failures", "MTBF min", "MTTR min");
        for (ShiftReport.MachineRow m : report.machines()) {
            row(csv, m.id(), m.name(), percent(m.oee().oee()), percent(m.oee().availability()), percent(m.oee().performance()),
                    percent(m.oee().quality()), minutes(m.oee().runSeconds()), minutes(m.oee().loadingSeconds()),
                    Long.toString(m.oee().goodCount()), Long.toString(m.oee().totalCount()),
                    Integer.toString(m.reliability().failures()), minutes(m.reliability().mtbfSeconds()),
                    minutes(m.reliability().mttrSeconds()));
        }

        csv.append('\n');
        row(csv, "loss", "minutes");
        line.sixBigLosses().forEach((loss, seconds) -> row(csv, loss, minutes(seconds)));

        csv.append('\n');
        row(csv, "reason", "category", "stops", "minutes", "cost " + report.cost().currency());
        for (DowntimeStats.ParetoBar bar : report.pareto(DowntimeStats.Measure.TIME)) {
            row(csv, bar.reasonPath(), bar.category().name(), Integer.toString(bar.count()), minutes(bar.seconds()),
                    String.format(Locale.ROOT, "%.2f", bar.cost()));
        }

        csv.append('\n');
        row(csv, "stop start", "end", "machine", "minutes in window", "state", "fault code", "reason", "comment");
        for (DowntimeEvent stop : report.longestStops(Integer.MAX_VALUE)) {
            row(csv, stop.start().toString(), stop.end().toString(), report.machineName(stop.machineId()),
                    minutes(stop.secondsWithin(report.window())), stop.state().name(), Long.toString(stop.faultCode()),
                    report.reasons().contains(stop.reasonId()) ? report.reasons().path(stop.reasonId()) : stop.reasonId(),
                    stop.comment() == null ? "" : stop.comment());
        }

        csv.append('\n');
        row(csv, "call raised", "type", "machine", "acknowledged by", "response s", "resolution s", "closed");
        for (AndonCall call : report.calls()) {
            row(csv, call.raisedAt().toString(), call.type().label(), report.machineName(call.machineId()),
                    call.acknowledgedBy() == null ? "" : call.acknowledgedBy(), seconds(call.responseTime()),
                    seconds(call.resolutionTime()), call.closedAt() == null ? "" : call.closedAt().toString());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        BindingCsv.appendRecord(csv, new ArrayList<>(List.of(fields)));
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
    }

    private static String minutes(double seconds) {
        return Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.1f", seconds / 60);
    }

    private static String seconds(Duration d) {
        return d == null ? "" : Long.toString(d.toSeconds());
    }
}
