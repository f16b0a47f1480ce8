package com.ms5.floor.app.model;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeCost;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.state.StateInterval;
import java.util.List;

/**
 * A line's past over a window, for the line detail: each machine's closed state intervals and the
 * line's stops with their reasons and edits.
 *
 * @param rows   one per machine, in line order
 * @param cost   what a minute of its stops costs, under the rules in force
 * @param source where it was read, in words ("shared database", or this station's memory while offline)
 */
public record LineHistory(String lineId, TimeRange window, List<Row> rows, List<DowntimeEvent> stops,
                          ReasonTree reasons, DowntimeCost cost, String source) {

    public record Row(String machineId, String name, List<StateInterval> intervals) {
        public Row {
            intervals = List.copyOf(intervals);
        }
    }

    public LineHistory {
        rows = List.copyOf(rows);
        stops = List.copyOf(stops);
    }
}
