package com.ms5.floor.analytics.andon;

import java.time.Duration;
import java.util.List;

/**
 * When a call of one type escalates, for example level 1 at once (the line lead), level 2 after 5
 * minutes (the maintenance planner), level 3 after 15 (the plant manager).
 *
 * @param untilResolved {@code false}: escalation stops when someone acknowledges; {@code true}: it
 *                      goes on until the condition clears
 */
public record EscalationRule(String callTypeId, List<Step> steps, boolean untilResolved) {
    /** @param calls who this level calls (a role or a group, shown on the board) */
    public record Step(int level, Duration after, String calls) {
    }

    public EscalationRule {
        steps = List.copyOf(steps);
    }

    /** The level reached after {@code elapsed}: 0 before the first step. */
    public Step stepAfter(Duration elapsed) {
        Step reached = null;
        for (Step s : steps) {
            if (elapsed.compareTo(s.after()) >= 0) {
                reached = s;
            }
        }
        return reached;
    }
}
