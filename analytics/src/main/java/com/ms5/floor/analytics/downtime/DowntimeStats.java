package com.ms5.floor.analytics.downtime;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.state.MachineState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports over downtime events: Pareto by reason, top loss, MTBF and MTTR. */
public final class DowntimeStats {
    /** What a Pareto ranks reasons by. */
    public enum Measure { TIME, COUNT, COST }

    /** One bar of a Pareto chart; {@code cumulativeShare} of the measure ranked by runs from the biggest bar to 1.0. */
    public record ParetoBar(String reasonId, String reasonPath, LossCategory category, int count, double seconds,
                            double cost, double cumulativeShare) {
    }

    /** Mean time between failures and to repair, from unplanned stops (not starved, blocked or setup). */
    public record Reliability(int failures, double mtbfSeconds, double mttrSeconds) {
    }

    private DowntimeStats() {
    }

    /** Reasons by downtime inside {@code window}, the longest first. */
    public static List<ParetoBar> pareto(List<DowntimeEvent> events, TimeRange window, ReasonTree reasons,
                                         DowntimeCost cost) {
        return pareto(events, window, reasons, cost, Measure.TIME);
    }

    /**
     * Reasons by {@code measure} inside {@code window}, largest first (ties by reason id). An event
     * that straddles the window counts with the part inside it.
     */
    public static List<ParetoBar> pareto(List<DowntimeEvent> events, TimeRange window, ReasonTree reasons,
                                         DowntimeCost cost, Measure measure) {
        Map<String, double[]> byReason = new LinkedHashMap<>(); // count, seconds, cost
        for (DowntimeEvent e : events) {
            double s = e.secondsWithin(window);
            if (s <= 0) {
                continue;
            }
            double[] sums = byReason.computeIfAbsent(e.reasonId(), k -> new double[3]);
            sums[0]++;
            sums[1] += s;
            sums[2] += s / 60 * cost.perMinute(e.lineId(), reasons.node(e.reasonId()).category());
        }
        int m = switch (measure) {
            case COUNT -> 0;
            case TIME -> 1;
            case COST -> 2;
        };
        double all = byReason.values().stream().mapToDouble(v -> v[m]).sum();
        List<Map.Entry<String, double[]>> sorted = new ArrayList<>(byReason.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, double[]>>comparingDouble(en -> -en.getValue()[m])
                .thenComparing(en -> -en.getValue()[1]).thenComparing(Map.Entry::getKey));
        List<ParetoBar> bars = new ArrayList<>();
        double running = 0;
        for (var en : sorted) {
            running += en.getValue()[m];
            ReasonTree.Node node = reasons.node(en.getKey());
            bars.add(new ParetoBar(en.getKey(), reasons.path(en.getKey()), node.category(), (int) en.getValue()[0],
                    en.getValue()[1], en.getValue()[2], all > 0 ? running / all : Double.NaN));
        }
        return bars;
    }

    /** The reason that cost the most downtime in the window, or {@code null} if there was none. */
    public static ParetoBar topLoss(List<DowntimeEvent> events, TimeRange window, ReasonTree reasons) {
        List<ParetoBar> bars = pareto(events, window, reasons, DowntimeCost.NONE);
        return bars.isEmpty() ? null : bars.getFirst();
    }

    /**
     * @param runSeconds the machine's run time in the window (from its OEE figures)
     */
    public static Reliability reliability(List<DowntimeEvent> events, TimeRange window, double runSeconds) {
        int failures = 0;
        double repair = 0;
        for (DowntimeEvent e : events) {
            if (e.state() == MachineState.UNPLANNED_DOWN && e.secondsWithin(window) > 0) {
                failures++;
                repair += e.secondsWithin(window);
            }
        }
        return failures == 0 ? new Reliability(0, Double.NaN, Double.NaN)
                : new Reliability(failures, runSeconds / failures, repair / failures);
    }
}
