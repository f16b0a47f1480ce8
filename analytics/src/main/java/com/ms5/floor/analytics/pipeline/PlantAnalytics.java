package com.ms5.floor.analytics.pipeline;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.CallType;
import com.ms5.floor.analytics.andon.EscalationRule;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeLog;
import com.ms5.floor.analytics.downtime.FaultReasonMap;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeCalculator;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics pipeline of a plant: sample batches in; state intervals, production minutes,
 * downtime events and Andon events out (to an {@link AnalyticsListener}), and live OEE on request.
 *
 * <p>Values are matched by name, {@code <machine>.<role key>} as plc-core names them. Time comes
 * from the batches' scan times only, so a replay gives the same result. Not thread-safe: feed it
 * from one thread (a poller's callback thread, or one analytics thread for several pollers).
 */
public final class PlantAnalytics {
    /** Where a value goes: a machine's signal, by its index there (a role's ordinal or a custom signal's). */
    private record Slot(MachineTracker machine, int signal) {
    }

    private final PlantModel model;
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<String, MachineTracker> machines = new LinkedHashMap<>();
    private final Map<String, List<MachineTracker>> lines = new LinkedHashMap<>();
    private final DowntimeLog downtime;
    private final AndonBoard andon;
    private final AnalyticsListener listener;
    private ShiftCalendar calendar;
    private final List<MachineTracker> touched = new ArrayList<>();
    private static final java.util.Comparator<MachineTracker> PLANT_ORDER = java.util.Comparator.comparingInt(m -> m.order);
    private long samples;

    public PlantAnalytics(PlantModel model, ShiftCalendar calendar, ReasonTree reasons, List<EscalationRule> rules,
                          AnalyticsListener listener) {
        this.model = model;
        this.listener = listener;
        this.calendar = calendar;
        this.downtime = new DowntimeLog(reasons, Map.of(), model.retention());
        this.andon = new AndonBoard(rules, 3, Duration.ofSeconds(60), listener::onAndon);
        useLines(model.lines(), Instant.EPOCH);
    }

    /**
     * The plant's lines and machines, live (a tag-map version added, moved or reordered machines):
     * a new machine starts without history; a moved one keeps its history and counts for its new
     * line from {@code now}, its open Andon conditions raised again there; a machine no longer
     * listed stops taking values. A machine's order is its line's flow (the last one's output is
     * the line's). A machine's new state convention, Andon signals and thresholds apply from its
     * next values on.
     */
    public void useLines(List<PlantModel.Line> newLines, Instant now) {
        Map<String, String> lineOfMachine = new HashMap<>();
        lines.clear();
        for (PlantModel.Line line : newLines) {
            List<MachineTracker> members = new ArrayList<>();
            for (PlantModel.Machine m : line.machines()) {
                MachineTracker tracker = machines.get(m.id());
                if (tracker == null) {
                    tracker = track(m, line.id());
                } else {
                    if (!tracker.lineId.equals(line.id())) {
                        tracker.moveTo(line.id(), now);
                        tracker.timeline.useCalendar(calendar.forLine(line.id()));
                    }
                    if (!tracker.model.equals(m)) {
                        tracker.use(m, now);
                    }
                }
                tracker.order = lineOfMachine.size();
                members.add(tracker);
                lineOfMachine.put(m.id(), line.id());
            }
            lines.put(line.id(), members);
        }
        machines.keySet().removeIf(id -> !lineOfMachine.containsKey(id));
        slots.clear();
        machines.values().forEach(this::addSlots);
        downtime.useLines(lineOfMachine);
    }

    private void addSlots(MachineTracker tracker) {
        String id = tracker.model.id();
        for (Role role : Role.values()) {
            if (role != Role.CUSTOM) {
                slots.put(role.valueName(id), new Slot(tracker, role.ordinal()));
            }
        }
        tracker.customSlots().forEach((name, index) -> slots.put(name, new Slot(tracker, index)));
    }

    private MachineTracker track(PlantModel.Machine m, String lineId) {
        MachineTracker tracker = new MachineTracker(m, lineId, calendar.forLine(lineId), model.staleAfter(), model.retention(), andon,
                listener, interval -> {
                    listener.onInterval(interval);
                    DowntimeEvent event = downtime.record(interval);
                    if (event != null) {
                        listener.onDowntime(event);
                    }
                });
        machines.put(m.id(), tracker);
        return tracker;
    }

    /**
     * An engineer's new rules, live: the shift plan, the reason tree and fault-code table, Andon
     * call types and escalation. Each machine's cycle times and thresholds come with its model
     * ({@link #useLines}). What already happened keeps the rules it happened under.
     */
    public void useRules(ShiftCalendar newCalendar, ReasonTree reasons, FaultReasonMap faults, List<CallType> callTypes,
                         List<EscalationRule> rules) {
        calendar = newCalendar;
        downtime.useReasons(reasons);
        downtime.useMapping(faults);
        andon.useRules(callTypes, rules);
        for (MachineTracker m : machines.values()) {
            m.timeline.useCalendar(newCalendar.forLine(m.lineId));
        }
    }

    /** Takes one scan's values; machines it touched move to the scan's time. */
    public void accept(SampleBatch batch) {
        for (Map.Entry<String, TagValue> e : batch.values().entrySet()) {
            Slot slot = slots.get(e.getKey());
            if (slot == null) {
                continue; // a custom tag or another machine's: not for analytics
            }
            samples++;
            if (!slot.machine.touched) {
                slot.machine.touched = true;
                touched.add(slot.machine);
            }
            slot.machine.set(slot.signal, e.getValue());
        }
        // In the plant's order, not the batch's: what one scan concludes comes out the same however the PLC's values are read.
        touched.sort(PLANT_ORDER);
        for (MachineTracker m : touched) {
            m.touched = false;
            m.evaluate(batch.scanTime());
        }
        touched.clear();
        andon.tick(batch.scanTime());
    }

    /** Moves every machine to {@code now} without data: staleness, plan changes, escalations. */
    public void advanceTo(Instant now) {
        machines.values().forEach(m -> m.timeline.advanceTo(now));
        andon.tick(now);
    }

    /** OEE of a machine, or of a line (time-weighted over its machines), over {@code window}. */
    public OeeFigures oee(String machineOrLine, TimeRange window, Instant now) {
        List<MachineTracker> members = lines.containsKey(machineOrLine) ? lines.get(machineOrLine)
                : List.of(machine(machineOrLine));
        List<OeeFigures> parts = new ArrayList<>();
        for (MachineTracker m : members) {
            parts.add(OeeCalculator.machine(model.profile(), window, now, m.timeline.intervals(window),
                    m.minutes(window)));
        }
        return OeeFigures.sum(model.profile(), parts);
    }

    /** The machine's open interval: what it is doing now. */
    public StateInterval currentState(String machineId) {
        return machine(machineId).timeline.current();
    }

    /** A machine's parts per minute over the last minute of counter reads, {@code NaN} before there are two. */
    public double ratePerMinute(String machineId) {
        return machine(machineId).ratePerMinute();
    }

    /** A machine's last good value of a numeric role (its product or job number), or null if it has none. */
    public Long lastValue(String machineId, Role role) {
        return machine(machineId).last(role);
    }

    public List<StateInterval> intervals(String machineId, TimeRange window) {
        return machine(machineId).timeline.intervals(window);
    }

    /** A machine's minutes that start in {@code window}, of the day analytics keeps in memory, oldest first. */
    public List<ProductionMinute> minutes(String machineId, TimeRange window) {
        return machine(machineId).minutes(window);
    }

    public DowntimeLog downtime() {
        return downtime;
    }

    public AndonBoard andon() {
        return andon;
    }

    /** Values taken so far that belonged to a machine. */
    public long samplesProcessed() {
        return samples;
    }

    private MachineTracker machine(String id) {
        MachineTracker m = machines.get(id);
        if (m == null) {
            throw new IllegalArgumentException("No machine or line '" + id + "' in the plant model");
        }
        return m;
    }
}
