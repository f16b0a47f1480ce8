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
    /** One bar of a Pareto chart; {@code cumulativeShare} runs from the biggest bar to 1.0. */
    public record ParetoBar(String reasonId, String reasonPath, LossCategory category, int count, double seconds,
                            double cost, double cumulativeShare) {
    }

    /** Mean time between failures and to repair, from unplanned stops (not starved, blocked or setup). */
    public record Reliability(int failures, double mtbfSeconds, double mttrSeconds) {
    }

    private DowntimeStats() {
    }

    /**
     * Reasons by downtime inside {@code window}, largest first (ties by reason id). An event that
     * straddles the window counts with the part inside it.
     *
     * @param costPerMinute what a minute of downtime costs, by line id (a line without a rate costs 0)
     */
    public static List<ParetoBar> pareto(List<DowntimeEvent> events, TimeRange window, ReasonTree reasons,
                                         Map<String, Double> costPerMinute) {
        Map<String, double[]> byReason = new LinkedHashMap<>(); // count, seconds, cost
        double all = 0;
        for (DowntimeEvent e : events) {
            double s = e.secondsWithin(window);
            if (s <= 0) {
                continue;
            }
            double[] sums = byReason.computeIfAbsent(e.reasonId(), k -> new double[3]);
            sums[0]++;
            sums[1] += s;
            sums[2] += s / 60 * costPerMinute.getOrDefault(e.lineId(), 0.0);
            all += s;
        }
        List<Map.Entry<String, double[]>> sorted = new ArrayList<>(byReason.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, double[]>>comparingDouble(en -> -en.getValue()[1])
                .thenComparing(Map.Entry::getKey));
        List<ParetoBar> bars = new ArrayList<>();
        double running = 0;
        for (var en : sorted) {
            running += en.getValue()[1];
            ReasonTree.Node node = reasons.node(en.getKey());
            bars.add(new ParetoBar(en.getKey(), reasons.path(en.getKey()), node.category(), (int) en.getValue()[0],
                    en.getValue()[1], en.getValue()[2], running / all));
        }
        return bars;
    }

    /** The reason that cost the most downtime in the window, or {@code null} if there was none. */
    public static ParetoBar topLoss(List<DowntimeEvent> events, TimeRange window, ReasonTree reasons) {
        List<ParetoBar> bars = pareto(events, window, reasons, Map.of());
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
