package com.ms5.floor.app.model;

import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.plc.tagmap.BindingCsv;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** A line's stops as CSV (Export stops…): one row per stop, with its reason and who edited it last. */
public final class StopsCsv {
    private StopsCsv() {
    }

    /** @param names a machine's display name by its id */
    public static String of(LineHistory history, UnaryOperator<String> names) {
        StringBuilder csv = new StringBuilder();
        BindingCsv.appendRecord(csv, List.of("line", "machine", "machineName", "start", "end", "minutes", "state",
                "faultCode", "reason", "reasonPath", "comment", "lastEditedBy"));
        for (DowntimeEvent stop : history.stops()) {
            BindingCsv.appendRecord(csv, List.of(stop.lineId(), stop.machineId(), names.apply(stop.machineId()),
                    stop.start().toString(), stop.end().toString(), String.format(Locale.ROOT, "%.2f", stop.seconds() / 60.0),
                    stop.state().name(), Long.toString(stop.faultCode()), stop.reasonId(),
                    history.reasons().contains(stop.reasonId()) ? history.reasons().path(stop.reasonId()) : "",
                    stop.comment() == null ? "" : stop.comment(),
                    stop.history().isEmpty() ? "" : stop.history().getLast().who()));
        }
        return csv.toString();
    }
}
