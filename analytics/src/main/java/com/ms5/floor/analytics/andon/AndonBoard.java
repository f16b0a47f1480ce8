package com.ms5.floor.analytics.andon;

import com.ms5.floor.analytics.AnalyticsText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Andon calls of a plant, following the alarm states of ISA-18.2.
 *
 * <ul>
 *   <li>One open call per line and root cause: raising it again (the same bit on the next scan,
 *       or a flood of machines stopping for one fault) adds an occurrence, not a call.</li>
 *   <li>A call that closed and is raised again within the chatter window reopens; reopening
 *       {@code chatterCount} times in the window marks it chattering (ISA-18.2 suggests 3 in a
 *       minute as a chattering alarm).</li>
 *   <li>Escalation follows the call type's rule and {@link #tick(Instant)}; shelving takes a call
 *       off the board until it expires or is unshelved.</li>
 * </ul>
 *
 * <p>Deterministic (times come from the caller) and not thread-safe.
 */
public final class AndonBoard {
    /** A change based on an old revision of the call: somebody else was first. */
    public static final class Conflict extends Exception {
        public Conflict(String message) {
            super(message);
        }
    }

    private static final class Call {
        UUID id;
        CallType type;
        String lineId;
        String machineId;
        Set<String> machines = new LinkedHashSet<>();
        String rootCause;
        AndonCall.Source source;
        Instant raisedAt;
        boolean active;
        boolean acknowledged;
        int level;
        String acknowledgedBy;
        Instant acknowledgedAt;
        Instant clearedAt;
        Instant closedAt;
        int occurrences;
        boolean chattering;
        Deque<Instant> activations = new ArrayDeque<>();
        String shelvedBy;
        String shelveReason;
        Instant shelvedUntil;
        long revision;

        void acknowledge(String who, Instant at) {
            acknowledged = true;
            acknowledgedBy = who;
            acknowledgedAt = at;
        }

        AlarmState state() {
            if (shelvedUntil != null) {
                return AlarmState.SHELVED;
            }
            if (active) {
                return acknowledged ? AlarmState.ACK_ACTIVE : AlarmState.UNACK_ACTIVE;
            }
            return acknowledged ? AlarmState.NORMAL : AlarmState.RTN_UNACK;
        }

        AndonCall snapshot() {
            return new AndonCall(id, type, lineId, machineId, machines, rootCause, source, raisedAt, state(), active,
                    level, acknowledgedBy, acknowledgedAt, clearedAt, closedAt, occurrences, chattering, shelvedBy,
                    shelveReason, shelvedUntil, revision);
        }
    }

    private final Map<String, EscalationRule> rules = new HashMap<>();
    private final Map<String, CallType> types = new HashMap<>();
    private final int chatterCount;
    private final Duration chatterWindow;
    private final Consumer<AndonEvent> events;
    private final Map<String, Call> openByKey = new LinkedHashMap<>();
    private final Map<UUID, Call> open = new HashMap<>();
    /** Calls that closed recently, by key, so that a chattering condition reopens its call. */
    private final Map<String, Call> recentlyClosed = new HashMap<>();

    public AndonBoard(List<EscalationRule> rules, int chatterCount, Duration chatterWindow, Consumer<AndonEvent> events) {
        useRules(List.of(CallType.SAFETY, CallType.MAINTENANCE, CallType.QUALITY, CallType.MATERIAL), rules);
        this.chatterCount = chatterCount;
        this.chatterWindow = chatterWindow;
        this.events = events;
    }

    /**
     * New call types (labels, priorities) and escalation rules, from an engineer's change. Open
     * calls take the new label and priority at once; their escalation follows the new rule from
     * the next tick, and a level already reached stays.
     */
    public void useRules(List<CallType> newTypes, List<EscalationRule> newRules) {
        newTypes.forEach(t -> types.put(t.id(), t));
        rules.clear();
        newRules.forEach(r -> rules.put(r.callTypeId(), r));
        for (Call call : open.values()) {
            CallType now = types.get(call.type.id());
            if (now != null && !now.equals(call.type)) {
                call.type = now;
                call.revision++;
            }
        }
    }

    /** The call type with this id as configured, or a plain one named after it. */
    public CallType callType(String id) {
        return types.getOrDefault(id, CallType.custom(id, id));
    }

    /** The condition behind a call is active (a PLC bit, a fault code) or a person raised it. */
    public AndonCall raise(CallType type, String lineId, String machineId, String rootCause, AndonCall.Source source,
                           Instant at) {
        String key = key(lineId, rootCause);
        Call call = openByKey.get(key);
        if (call != null) {
            boolean newMachine = call.machines.add(machineId);
            if (newMachine || !call.active) {
                boolean reactivated = !call.active;
                call.active = true;
                call.occurrences++;
                call.revision++;
                if (reactivated) {
                    activation(call, at);
                }
                emit(AndonEvent.Kind.REPEATED, call, at, newMachine ? machineId + " raised it too" : "active again");
            }
            return call.snapshot();
        }
        call = recentlyClosed.remove(key);
        if (call != null && Duration.between(call.closedAt, at).compareTo(chatterWindow) <= 0) {
            call.closedAt = null;
            call.clearedAt = null;
            call.acknowledged = false;
            call.acknowledgedBy = null;
            call.acknowledgedAt = null;
            call.active = true;
            call.occurrences++;
            call.revision++;
            call.machines.add(machineId);
            track(key, call);
            activation(call, at);
            emit(AndonEvent.Kind.REPEATED, call, at, "raised again within " + chatterWindow.toSeconds() + " s");
            return call.snapshot();
        }
        call = new Call();
        call.id = UUID.nameUUIDFromBytes((key + "|" + at).getBytes(StandardCharsets.UTF_8));
        call.type = type;
        call.lineId = lineId;
        call.machineId = machineId;
        call.machines.add(machineId);
        call.rootCause = rootCause;
        call.source = source;
        call.raisedAt = at;
        call.active = true;
        call.occurrences = 1;
        call.activations.add(at);
        track(key, call);
        emit(AndonEvent.Kind.RAISED, call, at, type.label() + " at " + machineId);
        escalate(call, at);
        return call.snapshot();
    }

    /** The condition behind the call of {@code rootCause} on the line is no longer active. */
    public void clear(String lineId, String rootCause, Instant at) {
        Call call = openByKey.get(key(lineId, rootCause));
        if (call == null || !call.active) {
            return;
        }
        call.active = false;
        call.clearedAt = at;
        call.revision++;
        emit(AndonEvent.Kind.RETURNED, call, at, "condition cleared");
        closeIfNormal(call, at);
    }

    public AndonCall acknowledge(UUID id, long expectedRevision, String who, Instant at) throws Conflict {
        Call call = current(id, expectedRevision);
        if (call.acknowledged) {
            throw new Conflict(AnalyticsText.format("andon.alreadyAcknowledged", call.acknowledgedBy, call.acknowledgedAt));
        }
        call.acknowledge(who, at);
        call.revision++;
        emit(AndonEvent.Kind.ACKNOWLEDGED, call, at, "by " + who);
        closeIfNormal(call, at);
        return call.snapshot();
    }

    /** A person resolves a call by hand (a manual call, or a bit that will not clear): cleared and acknowledged. */
    public AndonCall resolve(UUID id, long expectedRevision, String who, Instant at) throws Conflict {
        Call call = current(id, expectedRevision);
        if (!call.acknowledged) {
            call.acknowledge(who, at);
        }
        call.active = false;
        call.clearedAt = at;
        call.revision++;
        emit(AndonEvent.Kind.RETURNED, call, at, "resolved by " + who);
        closeIfNormal(call, at);
        return call.snapshot();
    }

    public AndonCall shelve(UUID id, long expectedRevision, String reason, Instant until, String who, Instant at)
            throws Conflict {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(AnalyticsText.get("andon.shelveReason"));
        }
        if (!until.isAfter(at)) {
            throw new IllegalArgumentException(AnalyticsText.get("andon.shelveFuture"));
        }
        Call call = current(id, expectedRevision);
        call.shelvedBy = who;
        call.shelveReason = reason;
        call.shelvedUntil = until;
        call.revision++;
        emit(AndonEvent.Kind.SHELVED, call, at, "by " + who + " until " + until + ": " + reason);
        return call.snapshot();
    }

    public AndonCall unshelve(UUID id, String who, Instant at) {
        Call call = open.get(id);
        if (call == null || call.shelvedUntil == null) {
            throw new IllegalArgumentException(AnalyticsText.format("andon.notShelved", id));
        }
        endShelving(call, at, "by " + who);
        return call.snapshot();
    }

    /** Moves time on: escalations fall due and shelving expires. */
    public void tick(Instant now) {
        for (Call call : new ArrayList<>(open.values())) {
            if (call.shelvedUntil != null && !now.isBefore(call.shelvedUntil)) {
                endShelving(call, now, "expired");
            }
            escalate(call, now);
        }
    }

    /** Open calls, shelved ones left out, by priority and then oldest first: the board's order. */
    public List<AndonCall> board() {
        return open.values().stream().filter(c -> c.shelvedUntil == null).map(Call::snapshot)
                .sorted(Comparator.comparingInt((AndonCall c) -> c.type().priority()).thenComparing(AndonCall::raisedAt))
                .toList();
    }

    /** Every open call, shelved ones included. */
    public List<AndonCall> openCalls() {
        return open.values().stream().map(Call::snapshot).sorted(Comparator.comparing(AndonCall::raisedAt)).toList();
    }

    private void escalate(Call call, Instant now) {
        EscalationRule rule = rules.get(call.type.id());
        boolean escalating = rule != null && call.shelvedUntil == null
                && (rule.untilResolved() ? call.active : !call.acknowledged);
        if (!escalating) {
            return;
        }
        EscalationRule.Step step = rule.stepAfter(Duration.between(call.raisedAt, now));
        while (step != null && step.level() > call.level) {
            EscalationRule.Step next = nextStep(rule, call.level);
            call.level = next.level();
            call.revision++;
            emit(AndonEvent.Kind.ESCALATED, call, call.raisedAt.plus(next.after()), "level " + next.level()
                    + ": " + next.calls());
        }
    }

    private static EscalationRule.Step nextStep(EscalationRule rule, int level) {
        return rule.steps().stream().filter(s -> s.level() > level)
                .min(Comparator.comparingInt(EscalationRule.Step::level)).orElseThrow();
    }

    private void activation(Call call, Instant at) {
        call.activations.addLast(at);
        while (Duration.between(call.activations.peekFirst(), at).compareTo(chatterWindow) > 0) {
            call.activations.removeFirst();
        }
        if (!call.chattering && call.activations.size() >= chatterCount) {
            call.chattering = true;
            emit(AndonEvent.Kind.CHATTERING, call, at, call.activations.size() + " activations within "
                    + chatterWindow.toSeconds() + " s: check the sensor or the PLC logic");
        }
    }

    private void endShelving(Call call, Instant at, String how) {
        call.shelvedUntil = null;
        call.shelvedBy = null;
        call.shelveReason = null;
        call.revision++;
        emit(AndonEvent.Kind.UNSHELVED, call, at, how);
        closeIfNormal(call, at);
    }

    private void closeIfNormal(Call call, Instant at) {
        if (call.state() != AlarmState.NORMAL) {
            return;
        }
        call.closedAt = at;
        String key = key(call.lineId, call.rootCause);
        openByKey.remove(key);
        open.remove(call.id);
        recentlyClosed.values().removeIf(c -> Duration.between(c.closedAt, at).compareTo(chatterWindow) > 0);
        recentlyClosed.put(key, call);
        emit(AndonEvent.Kind.CLOSED, call, at, "");
    }

    private void track(String key, Call call) {
        openByKey.put(key, call);
        open.put(call.id, call);
    }

    private Call current(UUID id, long expectedRevision) throws Conflict {
        Call call = open.get(id);
        if (call == null) {
            throw new Conflict(AnalyticsText.get("andon.closed"));
        }
        if (call.revision != expectedRevision) {
            throw new Conflict(call.acknowledged ? AnalyticsText.format("andon.alreadyAcknowledged", call.acknowledgedBy,
                    call.acknowledgedAt) : AnalyticsText.format("andon.changed", call.state().label()));
        }
        return call;
    }

    private void emit(AndonEvent.Kind kind, Call call, Instant at, String detail) {
        events.accept(new AndonEvent(kind, call.snapshot(), at, detail));
    }

    private static String key(String lineId, String rootCause) {
        return lineId + "|" + rootCause;
    }
}
