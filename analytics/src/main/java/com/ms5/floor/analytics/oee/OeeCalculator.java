package com.ms5.floor.analytics.oee;

import com.ms5.floor.analytics.AnalyticsText;
import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.shift.PlannedStatus;
import com.ms5.floor.analytics.state.StateInterval;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * OEE of one machine over a window, from its state intervals and its production minutes.
 * Minutes count toward the window they start in, so windows are best cut on whole minutes.
 */
public final class OeeCalculator {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private OeeCalculator() {
    }

    /**
     * @param now the present: an open interval counts up to here (and no further than the window)
     */
    public static OeeFigures machine(OeeProfile profile, TimeRange window, Instant now, List<StateInterval> intervals,
                                     List<ProductionMinute> minutes) {
        double calendar = window.seconds();
        double covered = 0;
        double run = 0;
        double micro = 0;
        double unplanned = 0;
        double changeover = 0;
        double planned = 0;
        double notScheduled = 0;
        double unknown = 0;
        double openStop = 0;
        for (StateInterval interval : intervals) {
            double s = interval.range(now).overlapSeconds(window);
            covered += s;
            switch (interval.state()) {
                case RUNNING -> run += s;
                case MICRO_STOP -> {
                    run += s;
                    micro += s;
                }
                case UNPLANNED_DOWN, STARVED, BLOCKED -> {
                    unplanned += s;
                    if (interval.isOpen()) {
                        openStop += s;
                    }
                }
                case CHANGEOVER -> changeover += s;
                case PLANNED_DOWN -> {
                    if (outsideSchedule(interval)) {
                        notScheduled += s;
                    } else {
                        planned += s;
                    }
                }
                case UNKNOWN -> unknown += s;
            }
        }
        unknown += Math.max(0, calendar - covered); // before the first observation
        double loading = run + unplanned + changeover + (profile == OeeProfile.PLANNED_STOPS_AS_LOSS ? planned : 0);

        long total = 0;
        long good = 0;
        double ideal = 0;
        double goodIdeal = 0;
        double startupRejects = 0;
        ProductionMinute busiest = null;
        for (ProductionMinute m : minutes) {
            if (!window.contains(m.minuteStart())) {
                continue;
            }
            total += m.totalCount();
            good += m.goodCount();
            ideal += m.idealSeconds();
            goodIdeal += m.goodIdealSeconds();
            if (m.startup()) {
                startupRejects += m.idealSeconds() - m.goodIdealSeconds();
            }
            if (busiest == null || m.idealSeconds() > busiest.idealSeconds()) {
                busiest = m;
            }
        }
        List<String> flags = new ArrayList<>();
        if (run > 0 && ideal > run * (1 + 1e-9)) {
            flags.add(overSpeedCause(machineOf(intervals), ideal / run, busiest));
        }
        return new OeeFigures(profile, calendar, loading, run, micro, unplanned, changeover, planned, notScheduled,
                unknown, openStop, total, good, ideal, goodIdeal, startupRejects, flags);
    }

    /** Why performance is above 100 %: a minute with more than twice the ideal work it has room
     *  for is a counter glitch (no machine runs at double its ideal rate); otherwise the ideal
     *  cycle time is set too long. */
    private static String overSpeedCause(String machine, double performance, ProductionMinute busiest) {
        String figure = AnalyticsText.format("oee.overSpeed", machine, performance * 100); // 100.4 %, not "100 %"
        if (busiest != null && busiest.idealSeconds() > 120) {
            return AnalyticsText.format("oee.counterGlitch", figure, busiest.totalCount(), MINUTE.format(busiest.minuteStart()),
                    Math.round(busiest.idealSeconds()));
        }
        return AnalyticsText.format("oee.cycleTooLong", figure);
    }

    private static String machineOf(List<StateInterval> intervals) {
        return intervals.isEmpty() ? "machine" : intervals.getFirst().machineId();
    }

    private static boolean outsideSchedule(StateInterval interval) {
        return PlannedStatus.NOT_SCHEDULED.label().equals(interval.reason())
                || PlannedStatus.HOLIDAY.label().equals(interval.reason());
    }
}
