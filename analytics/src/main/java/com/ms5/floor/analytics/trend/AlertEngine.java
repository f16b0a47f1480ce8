package com.ms5.floor.analytics.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Evaluates alert rules on metric values as they come; deterministic, not thread-safe. */
public final class AlertEngine {
    /** An alert raised or cleared; {@code since} is when the metric first went beyond the threshold. */
    public record AlertEvent(AlertRule rule, boolean raised, Instant at, Instant since, double value) {
    }

    private static final class RuleState {
        Instant beyondSince;
        boolean raised;
    }

    private final Map<String, List<AlertRule>> rulesByMetric = new HashMap<>();
    private final Map<String, RuleState> states = new HashMap<>();

    public AlertEngine(List<AlertRule> rules) {
        for (AlertRule r : rules) {
            rulesByMetric.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
            states.put(r.id(), new RuleState());
        }
    }

    /** Takes a metric's value at a time; returns the alerts this raised or cleared. NaN is ignored. */
    public List<AlertEvent> observe(String metric, double value, Instant at) {
        List<AlertRule> rules = rulesByMetric.get(metric);
        if (rules == null || Double.isNaN(value)) {
            return List.of();
        }
        List<AlertEvent> out = new ArrayList<>(0);
        for (AlertRule rule : rules) {
            RuleState s = states.get(rule.id());
            if (s.raised) {
                if (rule.recovered(value)) {
                    s.raised = false;
                    out.add(new AlertEvent(rule, false, at, s.beyondSince, value));
                    s.beyondSince = null;
                }
            } else if (rule.beyond(value)) {
                if (s.beyondSince == null) {
                    s.beyondSince = at;
                }
                if (Duration.between(s.beyondSince, at).compareTo(rule.minDuration()) >= 0) {
                    s.raised = true;
                    out.add(new AlertEvent(rule, true, at, s.beyondSince, value));
                }
            } else {
                s.beyondSince = null;
            }
        }
        return out;
    }
}
