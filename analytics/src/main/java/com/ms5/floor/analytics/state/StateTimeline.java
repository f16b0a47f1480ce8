package com.ms5.floor.analytics.state;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.shift.PlannedStatus;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One machine's state timeline: non-overlapping intervals with no gaps, built from observed raw
 * states and the shift calendar.
 *
 * <ul>
 *   <li>Time between two observations belongs to the earlier one's state.</li>
 *   <li>No observation for longer than {@code staleAfter} makes the machine UNKNOWN from that
 *       moment on: lost communication is never running.</li>
 *   <li>A stop outside production time (a break, planned downtime, no shift) is PLANNED_DOWN
 *       with the plan's reason; a running machine is RUNNING whatever the plan says.</li>
 *   <li>An unplanned stop shorter than the micro-stop threshold becomes a MICRO_STOP when it
 *       ends; one of exactly the threshold or longer stays down. An open stop stays open.</li>
 *   <li>A stop keeps the first fault code it saw; another non-zero code starts a new interval.</li>
 *   <li>A change of observed state counts only once it has held for the debounce time, and then
 *       from when it began: a blip shorter than that (starved for a second between two parts, running
 *       for a second inside a stop) belongs to the state around it. Losing the PLC (UNKNOWN) and
 *       coming back count at once.</li>
 * </ul>
 *
 * <p>Deterministic and not thread-safe: feed it from one thread, in time order.
 */
public final class StateTimeline {
    private final String machineId;
    private ShiftCalendar calendar;
    private Duration microStopThreshold;
    private Duration debounce = Duration.ZERO;
    private final Duration staleAfter;
    private final Duration retention;
    private final Consumer<StateInterval> closedSink;

    private final Deque<StateInterval> closed = new ArrayDeque<>();
    private StateInterval open;
    private Instant lastObservation;
    /** The state observed last, and its fault code. */
    private MachineState lastRaw = MachineState.UNKNOWN;
    private long lastFault;
    /** The state the timeline follows: the last observed one once it has held for the debounce time. */
    private MachineState settledRaw = MachineState.UNKNOWN;
    private long settledFault;
    /** When the observed state began to differ from the settled one, or null while they agree. */
    private Instant pendingSince;
    private ShiftCalendar.PlannedPeriod plan;

    /**
     * @param retention  how long closed intervals stay here for live figures (older ones went to
     *                   {@code closedSink} and are the database's)
     * @param closedSink receives every interval as it closes, in order
     */
    public StateTimeline(String machineId, ShiftCalendar calendar, Duration microStopThreshold, Duration staleAfter,
                         Duration retention, Consumer<StateInterval> closedSink) {
        this.machineId = machineId;
        this.calendar = calendar;
        this.microStopThreshold = microStopThreshold;
        this.staleAfter = staleAfter;
        this.retention = retention;
        this.closedSink = closedSink;
    }

    /** Records what the machine is doing at {@code time} (RUNNING, a stop kind, or UNKNOWN). */
    public void observe(Instant time, MachineState raw, long faultCode) {
        if (raw == MachineState.MICRO_STOP) {
            throw new IllegalArgumentException("A micro-stop is classified by the timeline, not observed");
        }
        if (lastObservation != null && time.isBefore(lastObservation)) {
            return; // out of order: the earlier observation already covers this moment
        }
        if (open != null && time.isBefore(open.start())) {
            return; // a late reply from inside a gap already declared unknown: that moment is decided
        }
        advanceTo(time);
        if (raw != lastRaw) {
            pendingSince = time;
        }
        lastObservation = time;
        lastRaw = raw;
        lastFault = faultCode;
        if (raw == settledRaw || raw == MachineState.UNKNOWN || settledRaw == MachineState.UNKNOWN
                || !time.isBefore(pendingSince.plus(debounce))) {
            settle(time);
        }
    }

    /** The observed state counts: from when it began if it was pending, else from {@code at}. */
    private void settle(Instant at) {
        Instant from = pendingSince != null && settledRaw != lastRaw && lastRaw != MachineState.UNKNOWN
                && settledRaw != MachineState.UNKNOWN ? pendingSince : at;
        if (open != null && from.isBefore(open.start())) {
            from = open.start(); // a plan change inside the pending time already cut there
        }
        settledRaw = lastRaw;
        settledFault = lastFault;
        pendingSince = null;
        apply(from);
    }

    /** Moves the timeline to {@code now} without an observation: plan changes and staleness. */
    public void advanceTo(Instant now) {
        while (true) {
            Instant staleAt = lastObservation != null && lastRaw != MachineState.UNKNOWN
                    ? lastObservation.plus(staleAfter) : null;
            Instant planEnds = plan != null ? plan.range().end() : null;
            Instant settles = pendingSince != null && lastRaw != settledRaw ? pendingSince.plus(debounce) : null;
            Instant next = earliest(earliest(staleAt, planEnds), settles);
            if (next == null || !next.isBefore(now)) { // an event at `now` itself is the caller's to apply
                return;
            }
            if (next.equals(settles)) {
                settle(next);
            } else if (next.equals(staleAt)) {
                lastRaw = MachineState.UNKNOWN;
                lastFault = 0;
                settle(next);
            } else {
                apply(next);
            }
        }
    }

    /** The open interval, or {@code null} before the first observation. */
    public StateInterval current() {
        return open;
    }

    /** Retained intervals overlapping {@code range}, the open one included, in order. */
    public List<StateInterval> intervals(TimeRange range) {
        List<StateInterval> found = new ArrayList<>();
        for (StateInterval i : closed) {
            if (i.end().isAfter(range.start()) && i.start().isBefore(range.end())) {
                found.add(i);
            }
        }
        if (open != null && open.start().isBefore(range.end())) {
            found.add(open);
        }
        return found;
    }

    /** New thresholds (an engineer changed the rules): they apply to stops that end from now on. */
    public void useThresholds(Duration newMicroStopThreshold, Duration newDebounce) {
        microStopThreshold = newMicroStopThreshold;
        debounce = newDebounce;
    }

    /** A new shift plan (an engineer changed the shifts): it applies from the next observation on. */
    public void useCalendar(ShiftCalendar newCalendar) {
        calendar = newCalendar;
        plan = null;
    }

    private void apply(Instant at) {
        if (plan == null || !plan.range().contains(at)) {
            plan = calendar.periodAt(at);
        }
        MachineState state = settledRaw;
        String reason = null;
        if (state != MachineState.RUNNING && state != MachineState.UNKNOWN) {
            if (plan.status() != PlannedStatus.PRODUCTION) {
                state = MachineState.PLANNED_DOWN;
                reason = plan.reason();
            } else if (state == MachineState.PLANNED_DOWN) {
                reason = "planned stop (PLC)";
            }
        }
        long fault = state.isDowntime() ? settledFault : 0;
        if (open != null && open.state() == state && Objects.equals(open.reason(), reason)
                && (open.faultCode() == fault || open.faultCode() != 0 && fault == 0 || open.faultCode() == 0)) {
            if (open.faultCode() == 0 && fault != 0) {
                open = new StateInterval(machineId, state, open.start(), null, fault, reason); // first cause found
            }
            return;
        }
        if (open != null) {
            close(at);
        }
        open = new StateInterval(machineId, state, at, null, fault, reason);
    }

    private void close(Instant at) {
        MachineState finalState = open.state();
        if (finalState == MachineState.UNPLANNED_DOWN
                && Duration.between(open.start(), at).compareTo(microStopThreshold) < 0) {
            finalState = MachineState.MICRO_STOP;
        }
        StateInterval done = open.closedAt(at, finalState);
        open = null;
        if (done.start().equals(done.end())) {
            return;
        }
        closed.addLast(done);
        Instant keepFrom = at.minus(retention);
        while (!closed.isEmpty() && closed.peekFirst().end().isBefore(keepFrom)) {
            closed.removeFirst();
        }
        closedSink.accept(done);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
