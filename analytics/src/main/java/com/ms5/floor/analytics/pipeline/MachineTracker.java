package com.ms5.floor.analytics.pipeline;

import com.ms5.floor.analytics.CounterDelta;
import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.CallType;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.analytics.state.StateTimeline;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.PlcState;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.StateRule;
import com.ms5.floor.plc.api.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One machine's signals turned into its timeline, production minutes and Andon conditions.
 *
 * <p>Raw state: a bad or missing signal makes it UNKNOWN. Otherwise the machine's {@link StateRule}
 * decides (the plant's convention); without one, MS5's state word if it reads one, then the running
 * bit, and with counters alone a part in the last {@link #COUNT_IDLE_CYCLES} ideal cycles (at least
 * 10 s) means running. Fault codes name stops. Its {@link AndonSignal}s raise calls while they are
 * set. A machine that reads none of its Andon signals raises a maintenance call for each stop with
 * a fault code instead; one that does leaves that to its PLC program, so one fault never raises two
 * calls.
 */
final class MachineTracker {
    /** With counters only, a machine that made no part for this many ideal cycles has stopped. */
    static final int COUNT_IDLE_CYCLES = 5;
    /** Rejects within this time after a long stop or a changeover are startup losses. */
    static final Duration STARTUP_WINDOW = Duration.ofMinutes(10);
    /** How far back the live rate looks. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final int ROLES = Role.values().length;
    /** The roles by the key a rule names them with ({@code faultCode}). */
    private static final Map<String, Role> ROLE_BY_KEY = java.util.Arrays.stream(Role.values()).filter(r -> r != Role.CUSTOM)
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Role::key, r -> r));
    private static final Role[] COUNTERS = {Role.TOTAL_COUNT, Role.GOOD_COUNT, Role.REJECT_COUNT};

    PlantModel.Machine model;
    String lineId;
    final StateTimeline timeline;
    /** Whether the current batch set one of this machine's signals (reset after evaluation). */
    boolean touched;
    /** Its place in the plant (lines in order, machines in flow order): machines of one scan are evaluated in it. */
    int order;
    private final AndonBoard andon;
    private final AnalyticsListener listener;
    private final Duration retention;

    /** Signal values by index: the roles by ordinal, then {@link #customSignals} in order. */
    private long[] value = new long[ROLES];
    private boolean[] good = new boolean[ROLES];
    private boolean[] bound = new boolean[ROLES];
    /** The custom tags its rules read ({@code Faulted}), which come after the roles. */
    private List<String> customSignals = List.of();
    /** The signal index of each of its Andon signals, in order; -1 for one it does not bind. */
    private int[] andonIndex = new int[0];

    private boolean hasCounts;
    private long lastTotal;
    private long lastGood;
    private long lastReject;
    private Instant lastPartTime;
    private long minuteEpoch = Long.MIN_VALUE;
    /** A gap between reads longer than this (the machine went unknown) is one whose parts are spread. */
    private final Duration staleAfter;
    /** When the counters were read last, or null before the first read. */
    private Instant lastCountRead;
    private long minuteTotal;
    private long minuteGood;
    private double minuteIdeal;
    private Instant startupUntil = Instant.MIN;
    private final Deque<ProductionMinute> minutes = new ArrayDeque<>();
    private String faultCause;
    /** Which of the model's Andon signals are raising their call. */
    private boolean[] andonSet = new boolean[0];
    /** Parts counted since start, at each good read of the counters within the last {@link #RATE_WINDOW}. */
    private final Deque<PartsAt> rateWindow = new ArrayDeque<>();
    private long partsSinceStart;

    private record PartsAt(Instant time, long parts) {
    }

    MachineTracker(PlantModel.Machine model, String lineId, ShiftCalendar calendar, Duration staleAfter,
                   Duration retention, AndonBoard andon, AnalyticsListener listener, Consumer<StateInterval> closed) {
        this.model = model;
        this.lineId = lineId;
        this.andon = andon;
        this.listener = listener;
        this.retention = retention;
        this.staleAfter = staleAfter;
        this.timeline = new StateTimeline(model.id(), calendar, model.microStopThreshold(), staleAfter, retention,
                interval -> {
                    if (interval.state() == MachineState.UNPLANNED_DOWN || interval.state() == MachineState.CHANGEOVER) {
                        startupUntil = interval.end().plus(STARTUP_WINDOW);
                    }
                    closed.accept(interval);
                });
        use(model, Instant.EPOCH);
    }

    /**
     * The machine's new model (the engineer changed its convention, thresholds or cycle times): it
     * applies from the next values on. Calls its old Andon signals raised are cleared at {@code now}.
     */
    void use(PlantModel.Machine next, Instant now) {
        for (int i = 0; i < andonSet.length; i++) {
            if (andonSet[i]) {
                andon.clear(lineId, andonKey(model.andon().get(i)), now);
            }
        }
        andonSet = new boolean[next.andon().size()];
        model = next;
        timeline.useThresholds(next.microStopThreshold(), next.debounce());
        List<String> custom = new ArrayList<>();
        List<String> signals = new ArrayList<>(next.state() == null ? List.of() : next.state().signals());
        next.andon().forEach(a -> signals.add(a.signal()));
        for (String signal : signals) {
            if (!ROLE_BY_KEY.containsKey(signal) && !custom.contains(signal)) {
                custom.add(signal);
            }
        }
        if (!custom.equals(customSignals)) {
            int size = ROLES + custom.size();
            value = java.util.Arrays.copyOf(value, size);
            good = java.util.Arrays.copyOf(good, size);
            bound = java.util.Arrays.copyOf(bound, size);
            for (int i = ROLES; i < size; i++) {
                bound[i] = false;
                good[i] = false;
            }
            customSignals = List.copyOf(custom);
        }
        andonIndex = next.andon().stream().mapToInt(a -> indexOf(a.signal())).toArray(); // resolved once, not per scan
    }

    /** The custom tags its rules read, by value name ({@code L1-FILLER.Faulted}), to their signal index. */
    Map<String, Integer> customSlots() {
        Map<String, Integer> slots = new HashMap<>();
        for (int i = 0; i < customSignals.size(); i++) {
            slots.put(model.id() + "." + customSignals.get(i), ROLES + i);
        }
        return slots;
    }

    /** The index of a signal: a role's key or one of {@link #customSignals}; -1 if it has none. */
    private int indexOf(String signal) {
        Role role = ROLE_BY_KEY.get(signal);
        if (role != null) {
            return role.ordinal();
        }
        int custom = customSignals.indexOf(signal);
        return custom < 0 ? -1 : ROLES + custom;
    }


    void set(Role role, TagValue v) {
        set(role.ordinal(), v);
    }

    /** Takes a value of the signal at {@code index} (a role's ordinal, or a custom slot). */
    void set(int index, TagValue v) {
        bound[index] = true;
        Long signal = v.asSignal();
        good[index] = signal != null;
        if (signal != null) {
            value[index] = signal;
        }
    }

    /** A signal's value now, or null if it has none (not read yet, or bad). */
    private Long signal(String name) {
        int i = indexOf(name);
        return i >= 0 && bound[i] && good[i] ? value[i] : null;
    }

    /** The last good value of a role's tag (a product or job number), or null if it is not bound or not good. */
    Long last(Role role) {
        int r = role.ordinal();
        return bound[r] && good[r] ? value[r] : null;
    }

    /** Applies the signals last set, as of {@code time}. */
    void evaluate(Instant time) {
        long dTotal = 0;
        long dGood = 0;
        boolean countsOk = countsGood();
        Instant countedSince = null; // the counters' previous read, if they were read now
        if (countsOk && bound[Role.TOTAL_COUNT.ordinal()]) {
            countedSince = lastCountRead;
            lastCountRead = time;
            long total = value[Role.TOTAL_COUNT.ordinal()];
            long goodCount = value[Role.GOOD_COUNT.ordinal()];
            long reject = value[Role.REJECT_COUNT.ordinal()];
            if (hasCounts) {
                dTotal = CounterDelta.between(lastTotal, total);
                if (bound[Role.GOOD_COUNT.ordinal()]) {
                    dGood = Math.min(CounterDelta.between(lastGood, goodCount), dTotal);
                } else if (bound[Role.REJECT_COUNT.ordinal()]) {
                    dGood = dTotal - Math.min(CounterDelta.between(lastReject, reject), dTotal);
                } else {
                    dGood = dTotal;
                }
            }
            lastTotal = total;
            lastGood = goodCount;
            lastReject = reject;
            hasCounts = true;
            if (dTotal > 0) {
                lastPartTime = time;
            }
            partsSinceStart += dTotal;
            rateWindow.addLast(new PartsAt(time, partsSinceStart));
            // One read at or before the window's start stays, so the rate spans the whole window.
            Instant windowStart = time.minus(RATE_WINDOW);
            while (rateWindow.size() > 2 && !secondOldest().time().isAfter(windowStart)) {
                rateWindow.removeFirst();
            }
        }
        count(countedSince, time, dTotal, dGood);

        MachineState raw = rawState(time, countsOk);
        long fault = good[Role.FAULT_CODE.ordinal()] ? value[Role.FAULT_CODE.ordinal()] : 0;
        timeline.observe(time, raw, fault);
        andonConditions(raw, fault, time);
    }

    private PartsAt secondOldest() {
        var it = rateWindow.iterator();
        it.next();
        return it.next();
    }

    /**
     * Parts per minute over the last {@link #RATE_WINDOW} of counter reads, {@code NaN} before two
     * reads. Reads 10 s apart show a steady machine steadily, not as a saw-tooth of whole minutes.
     */
    double ratePerMinute() {
        if (rateWindow.size() < 2) {
            return Double.NaN;
        }
        PartsAt first = rateWindow.peekFirst();
        PartsAt last = rateWindow.peekLast();
        double seconds = Duration.between(first.time(), last.time()).toNanos() / 1e9;
        return seconds <= 0 ? Double.NaN : (last.parts() - first.parts()) * 60.0 / seconds;
    }

    private boolean countsGood() {
        for (Role r : COUNTERS) {
            if (bound[r.ordinal()] && !good[r.ordinal()]) {
                return false;
            }
        }
        return true;
    }

    private MachineState rawState(Instant time, boolean countsOk) {
        int state = Role.STATE.ordinal();
        int running = Role.RUNNING.ordinal();
        if (!countsOk || bound[Role.FAULT_CODE.ordinal()] && !good[Role.FAULT_CODE.ordinal()]) {
            return MachineState.UNKNOWN;
        }
        if (model.state() != null) {
            PlcState reported = model.state().stateOf(this::signal);
            return reported == null ? MachineState.UNKNOWN : of(reported);
        }
        if (bound[state] && !good[state] || bound[running] && !good[running]) {
            return MachineState.UNKNOWN;
        }
        if (bound[state]) {
            return of(StateRule.MS5_STATE_WORD.stateOfWord(value[state])); // the common case, without a lookup per scan
        }
        if (bound[running]) {
            return value[running] != 0 ? MachineState.RUNNING : MachineState.UNPLANNED_DOWN;
        }
        if (!bound[Role.TOTAL_COUNT.ordinal()]) {
            return MachineState.UNKNOWN;
        }
        long idleMillis = Math.max(10_000, Math.round(COUNT_IDLE_CYCLES * model.idealCycleSeconds() * 1000));
        return lastPartTime != null && Duration.between(lastPartTime, time).toMillis() <= idleMillis
                ? MachineState.RUNNING : MachineState.UNPLANNED_DOWN;
    }

    /** What the timeline calls what a PLC reports. */
    static MachineState of(PlcState reported) {
        return switch (reported) {
            case RUNNING -> MachineState.RUNNING;
            case DOWN -> MachineState.UNPLANNED_DOWN;
            case STARVED -> MachineState.STARVED;
            case BLOCKED -> MachineState.BLOCKED;
            case PLANNED_STOP -> MachineState.PLANNED_DOWN;
            case CHANGEOVER -> MachineState.CHANGEOVER;
        };
    }

    /**
     * The parts counted since the last read, in the minute of the read. Read after a gap longer than the
     * stale time that crosses minutes (the station froze, or the PLC did not answer), they were made over the
     * gap, not in its last minute: they are spread over its minutes by time, so no minute shows a rate the
     * machine cannot run at (rejects go to the later minutes).
     */
    private void count(Instant from, Instant time, long dTotal, long dGood) {
        long last = Math.floorDiv(time.getEpochSecond(), 60);
        long first = from == null ? last : Math.floorDiv(from.getEpochSecond(), 60);
        if (dTotal <= 0 || first >= last || Duration.between(from, time).compareTo(staleAfter) <= 0) {
            addToMinute(last, dTotal, dGood);
            return;
        }
        double span = Duration.between(from, time).toMillis();
        long totalDone = 0;
        long goodLeft = dGood;
        for (long m = first; m <= last; m++) {
            long upTo = Math.min(time.toEpochMilli(), (m + 1) * 60_000);
            long total = Math.round(dTotal * (upTo - from.toEpochMilli()) / span) - totalDone;
            long good = Math.min(total, goodLeft);
            addToMinute(m, total, good);
            totalDone += total;
            goodLeft -= good;
        }
    }

    private void addToMinute(long epochMinute, long dTotal, long dGood) {
        if (epochMinute != minuteEpoch) {
            closeMinute();
            minuteEpoch = epochMinute;
        }
        minuteTotal += dTotal;
        minuteGood += dGood;
        minuteIdeal += dTotal * idealCycle();
    }

    private void closeMinute() {
        if (minuteEpoch == Long.MIN_VALUE) {
            return;
        }
        ProductionMinute minute = minuteSoFar();
        minutes.addLast(minute);
        Instant keepFrom = minute.minuteStart().minus(retention);
        while (minutes.peekFirst().minuteStart().isBefore(keepFrom)) {
            minutes.removeFirst();
        }
        minuteTotal = 0;
        minuteGood = 0;
        minuteIdeal = 0;
        listener.onMinute(minute);
    }

    private double idealCycle() {
        int product = Role.PRODUCT_ID.ordinal();
        if (bound[product] && good[product]) {
            Double byProduct = model.idealCycleByProduct().get(value[product]);
            if (byProduct != null) {
                return byProduct;
            }
        }
        return model.idealCycleSeconds();
    }

    /** The machine now belongs to another line: its open Andon conditions clear there and are raised again here. */
    void moveTo(String newLineId, Instant now) {
        if (faultCause != null) {
            andon.clear(lineId, faultCause, now);
            faultCause = null;
        }
        for (int i = 0; i < andonSet.length; i++) {
            if (andonSet[i]) {
                andon.clear(lineId, andonKey(model.andon().get(i)), now);
                andonSet[i] = false;
            }
        }
        lineId = newLineId;
    }

    /** A stop with a fault code raises one maintenance call, or the Andon signals raise their calls. */
    private void andonConditions(MachineState raw, long fault, Instant time) {
        boolean fromFaults = true;
        for (int i : andonIndex) {
            fromFaults &= i < 0 || !bound[i];
        }
        String cause = fromFaults && raw.isDowntime() && fault != 0 ? model.id() + " fault " + fault : null;
        if (faultCause != null && !faultCause.equals(cause)) {
            andon.clear(lineId, faultCause, time);
        }
        if (cause != null && !cause.equals(faultCause)) {
            andon.raise(andon.callType(CallType.MAINTENANCE.id()), lineId, model.id(), cause, AndonCall.Source.FAULT_CODE, time);
        }
        faultCause = cause;

        for (int i = 0; i < andonSet.length; i++) {
            AndonSignal a = model.andon().get(i);
            int at = andonIndex[i];
            if (at < 0 || !bound[at] || !good[at]) {
                continue; // a bad read leaves the call as it was
            }
            boolean set = a.holds(value[at]);
            if (set && !andonSet[i]) {
                andon.raise(andon.callType(a.call()), lineId, model.id(), andonKey(a), AndonCall.Source.PLC_BIT, time);
            } else if (!set && andonSet[i]) {
                andon.clear(lineId, andonKey(a), time);
            }
            andonSet[i] = set;
        }
    }

    /** The condition a signal's call is raised under: one per call type and machine. */
    private String andonKey(AndonSignal a) {
        return model.id() + " andon " + a.call();
    }

    /** The minute being counted, as it stands. */
    private ProductionMinute minuteSoFar() {
        Instant start = Instant.ofEpochSecond(minuteEpoch * 60);
        return new ProductionMinute(model.id(), start, minuteTotal, minuteGood, minuteIdeal, start.isBefore(startupUntil));
    }

    /** The retained minutes that start inside {@code window}, the one being counted included. */
    List<ProductionMinute> minutes(TimeRange window) {
        List<ProductionMinute> found = new ArrayList<>();
        for (var newestFirst = minutes.descendingIterator(); newestFirst.hasNext(); ) {
            ProductionMinute m = newestFirst.next();
            if (m.minuteStart().isBefore(window.start())) {
                break;
            }
            if (window.contains(m.minuteStart())) {
                found.addFirst(m);
            }
        }
        if (minuteEpoch != Long.MIN_VALUE && window.contains(Instant.ofEpochSecond(minuteEpoch * 60))) {
            found.add(minuteSoFar());
        }
        return found;
    }
}
