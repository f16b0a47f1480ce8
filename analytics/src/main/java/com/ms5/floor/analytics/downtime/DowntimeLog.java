package com.ms5.floor.analytics.downtime;

import com.ms5.floor.analytics.AnalyticsText;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.state.StateInterval;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The downtime events of a plant: made from closed state intervals, named by the fault-code table,
 * and corrected by people (reason, split, merge), each edit recorded with who and when.
 *
 * <p>Event ids derive from machine and start time, so the same stop always gets the same id
 * (replays and stations agree). Not thread-safe.
 */
public final class DowntimeLog {
    /** An edit based on an old revision: someone else changed the event first. */
    public static final class EditConflict extends Exception {
        public EditConflict(String message) {
            super(message);
        }
    }

    private ReasonTree reasons;
    private Map<String, String> lineOfMachine;
    private final Duration retention;
    private final Map<UUID, DowntimeEvent> events = new LinkedHashMap<>();
    private FaultReasonMap mapping = FaultReasonMap.empty();

    public DowntimeLog(ReasonTree reasons, Map<String, String> lineOfMachine, Duration retention) {
        this.reasons = reasons;
        this.lineOfMachine = Map.copyOf(lineOfMachine);
        this.retention = retention;
    }

    /** Which line each machine is on, from now on (a machine moved); past events keep their line. */
    public void useLines(Map<String, String> newLineOfMachine) {
        lineOfMachine = Map.copyOf(newLineOfMachine);
    }

    /** An engineer changed the reason tree: names and categories follow; retired reasons stay for history. */
    public void useReasons(ReasonTree newReasons) {
        reasons = newReasons;
    }

    /** From now on, new events take their reasons from {@code newMapping}; old events keep theirs. */
    public void useMapping(FaultReasonMap newMapping) {
        for (String reason : newMapping.reasonByCode().values()) {
            reasons.node(reason); // fail now, with the reason's id, not when a fault occurs
        }
        this.mapping = newMapping;
    }

    /** Records a closed interval if it is downtime; returns the event, or {@code null}. */
    public DowntimeEvent record(StateInterval interval) {
        if (!interval.state().isDowntime() || interval.isOpen()) {
            return null;
        }
        String reason = interval.faultCode() != 0 ? mapping.reasonFor(interval.faultCode())
                : switch (interval.state()) {
                    case STARVED -> ReasonTree.STARVED;
                    case BLOCKED -> ReasonTree.BLOCKED;
                    default -> ReasonTree.UNASSIGNED;
                };
        DowntimeEvent event = new DowntimeEvent(idOf(interval.machineId(), interval.start()), interval.machineId(),
                lineOfMachine.getOrDefault(interval.machineId(), ""), interval.state(), interval.start(), interval.end(),
                interval.faultCode(), reason, interval.faultCode() != 0 ? mapping.version() : 0, "", List.of(), 0);
        events.put(event.id(), event);
        prune(interval.end());
        return event;
    }

    public DowntimeEvent event(UUID id) {
        DowntimeEvent e = events.get(id);
        if (e == null) {
            throw new IllegalArgumentException(AnalyticsText.format("downtime.noEvent", id, retention.toDays()));
        }
        return e;
    }

    /** Sets the reason a person chose. */
    public DowntimeEvent assignReason(UUID id, long expectedRevision, String reasonId, String comment, String who,
                                      Instant when) throws EditConflict {
        DowntimeEvent e = current(id, expectedRevision);
        reasons.node(reasonId);
        DowntimeEvent edited = e.edited(reasonId, 0, comment, e.start(), e.end(),
                new DowntimeEvent.Edit(when, who, "reason " + reasons.path(reasonId)
                        + (comment.isBlank() ? "" : " (" + comment + ")")));
        events.put(id, edited);
        return edited;
    }

    /** Splits an event at {@code at}: the first part keeps the id and reason, the second is unassigned. */
    public List<DowntimeEvent> split(UUID id, long expectedRevision, Instant at, String who, Instant when)
            throws EditConflict {
        DowntimeEvent e = current(id, expectedRevision);
        if (!at.isAfter(e.start()) || !at.isBefore(e.end())) {
            throw new IllegalArgumentException(AnalyticsText.format("downtime.splitOutside", at, e.start(), e.end()));
        }
        DowntimeEvent.Edit edit = new DowntimeEvent.Edit(when, who, "split at " + at);
        DowntimeEvent first = e.edited(e.reasonId(), e.mappingVersion(), e.comment(), e.start(), at, edit);
        DowntimeEvent second = new DowntimeEvent(idOf(e.machineId(), at), e.machineId(), e.lineId(), e.state(), at,
                e.end(), e.faultCode(), ReasonTree.UNASSIGNED, 0, "", List.of(edit), 0);
        events.put(first.id(), first);
        events.put(second.id(), second);
        return List.of(first, second);
    }

    /** Merges two events of one machine that follow each other; the earlier one's reason wins. */
    public DowntimeEvent merge(UUID earlierId, long earlierRevision, UUID laterId, long laterRevision, String who,
                               Instant when) throws EditConflict {
        DowntimeEvent a = current(earlierId, earlierRevision);
        DowntimeEvent b = current(laterId, laterRevision);
        if (!a.machineId().equals(b.machineId()) || !a.end().equals(b.start())) {
            throw new IllegalArgumentException(AnalyticsText.format("downtime.mergeOnly", a.machineId(), a.end(), b.machineId(),
                    b.start()));
        }
        DowntimeEvent merged = a.edited(a.reasonId(), a.mappingVersion(), a.comment(), a.start(), b.end(),
                new DowntimeEvent.Edit(when, who, "merged with the stop from " + b.start()));
        events.remove(laterId);
        events.put(earlierId, merged);
        return merged;
    }

    /** Events overlapping {@code window}, of one machine or line (or all when {@code equipment} is null). */
    public List<DowntimeEvent> events(String equipment, TimeRange window) {
        List<DowntimeEvent> found = new ArrayList<>();
        for (DowntimeEvent e : events.values()) {
            boolean mine = equipment == null || equipment.equals(e.machineId()) || equipment.equals(e.lineId());
            if (mine && e.range().intersect(window) != null) {
                found.add(e);
            }
        }
        found.sort(Comparator.comparing(DowntimeEvent::start));
        return found;
    }

    public ReasonTree reasons() {
        return reasons;
    }

    private DowntimeEvent current(UUID id, long expectedRevision) throws EditConflict {
        DowntimeEvent e = event(id);
        if (e.revision() != expectedRevision) {
            DowntimeEvent.Edit last = e.history().getLast();
            throw new EditConflict("Already changed by " + last.who() + " at " + last.at() + " (" + last.action()
                    + "); look at it again before you change it");
        }
        return e;
    }

    private void prune(Instant now) {
        Instant keepFrom = now.minus(retention);
        var oldestFirst = events.values().iterator(); // recorded in time order
        while (oldestFirst.hasNext() && oldestFirst.next().end().isBefore(keepFrom)) {
            oldestFirst.remove();
        }
    }

    /** The id of a machine's stop that starts at {@code start}: the same on every station and in every replay. */
    public static UUID idOf(String machineId, Instant start) {
        return UUID.nameUUIDFromBytes((machineId + "|" + start).getBytes(StandardCharsets.UTF_8));
    }
}
