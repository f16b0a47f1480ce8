package com.ms5.floor.analytics;

import com.ms5.floor.plc.api.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns one machine's polled counters and state word into a live rate, a naive OEE and one
 * production row per minute.
 *
 * <p>Time comes only from the samples' source times, so results are deterministic. Time between
 * two samples is credited to the state of the earlier one; parts between them go to the minute of
 * the later one. Samples that are not GOOD are ignored for counts and make the state UNKNOWN.
 *
 * <p>Not thread-safe: feed it from one thread (the poller's scan thread).
 */
public final class MachineMetrics {
    private final String machineId;
    private final double idealCycleSeconds;
    private final Duration rateWindow;

    private final Deque<CountPoint> window = new ArrayDeque<>();
    private Instant lastTime;
    private long lastTotal;
    private long lastGood;
    private MachineSnapshot.RunState lastState = MachineSnapshot.RunState.UNKNOWN;
    private boolean hasCounts;

    private double observedSeconds;
    private double runningSeconds;
    private long sessionTotal;
    private long sessionGood;

    private Instant currentMinute;
    private long minuteTotal;
    private long minuteGood;
    private MachineSnapshot snapshot;

    private record CountPoint(Instant time, long cumulativeParts) {
    }

    /**
     * @param idealCycleSeconds the machine's ideal cycle time, for performance
     * @param rateWindow        how far back the live rate looks (for example one minute)
     */
    public MachineMetrics(String machineId, double idealCycleSeconds, Duration rateWindow) {
        if (!(idealCycleSeconds > 0)) {
            throw new IllegalArgumentException("The ideal cycle time of " + machineId + " must be positive, was "
                    + idealCycleSeconds);
        }
        this.machineId = machineId;
        this.idealCycleSeconds = idealCycleSeconds;
        this.rateWindow = rateWindow;
        this.snapshot = new MachineSnapshot(machineId, null, 0, 0, MachineSnapshot.RunState.UNKNOWN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Takes one scan's values for this machine.
     *
     * @return the minutes that this sample closed (usually none, one when a minute boundary passed)
     */
    public List<ProductionMinute> accept(Instant time, TagValue total, TagValue good, TagValue state) {
        List<ProductionMinute> closed = new ArrayList<>(1);
        Instant minute = time.truncatedTo(ChronoUnit.MINUTES);
        if (currentMinute != null && minute.isAfter(currentMinute)) {
            closed.add(new ProductionMinute(machineId, currentMinute, minuteTotal, minuteGood));
            minuteTotal = 0;
            minuteGood = 0;
        }
        if (currentMinute == null || minute.isAfter(currentMinute)) {
            currentMinute = minute;
        }

        if (lastTime != null && time.isAfter(lastTime) && lastState != MachineSnapshot.RunState.UNKNOWN) {
            double seconds = Duration.between(lastTime, time).toNanos() / 1e9;
            observedSeconds += seconds;
            if (lastState == MachineSnapshot.RunState.RUNNING) {
                runningSeconds += seconds;
            }
        }

        boolean countsGood = total.isGood() && good.isGood();
        if (countsGood) {
            long t = total.asLong();
            long g = good.asLong();
            if (hasCounts) {
                long dTotal = CounterDelta.between(lastTotal, t);
                long dGood = Math.min(CounterDelta.between(lastGood, g), dTotal);
                sessionTotal += dTotal;
                sessionGood += dGood;
                minuteTotal += dTotal;
                minuteGood += dGood;
            }
            lastTotal = t;
            lastGood = g;
            hasCounts = true;
            window.addLast(new CountPoint(time, sessionTotal));
        }
        // Keep one point at or before the window's start, so the rate always spans the whole window.
        Instant windowStart = time.minus(rateWindow);
        while (window.size() > 2 && !secondPoint().time().isAfter(windowStart)) {
            window.removeFirst();
        }

        lastState = countsGood && state.isGood() ? resolve(state.asLong()) : MachineSnapshot.RunState.UNKNOWN;
        lastTime = time;
        double availability = ratio(runningSeconds, observedSeconds);
        double performance = ratio(sessionTotal * idealCycleSeconds, runningSeconds);
        double quality = ratio(sessionGood, sessionTotal);
        snapshot = new MachineSnapshot(machineId, time, lastTotal, lastGood, lastState, rate(),
                availability, performance, quality, availability * performance * quality);
        return closed;
    }

    public MachineSnapshot snapshot() {
        return snapshot;
    }

    private CountPoint secondPoint() {
        var it = window.iterator();
        it.next();
        return it.next();
    }

    private double rate() {
        if (window.size() < 2) {
            return Double.NaN;
        }
        CountPoint first = window.peekFirst();
        CountPoint last = window.peekLast();
        double seconds = Duration.between(first.time(), last.time()).toNanos() / 1e9;
        return seconds <= 0 ? Double.NaN : (last.cumulativeParts() - first.cumulativeParts()) * 60.0 / seconds;
    }

    private static MachineSnapshot.RunState resolve(long stateWord) {
        return switch ((int) stateWord) {
            case 1 -> MachineSnapshot.RunState.RUNNING;
            case 3 -> MachineSnapshot.RunState.FAULTED;
            case 4 -> MachineSnapshot.RunState.STARVED;
            case 5 -> MachineSnapshot.RunState.BLOCKED;
            case 6 -> MachineSnapshot.RunState.PLANNED_STOP;
            case 7 -> MachineSnapshot.RunState.CHANGEOVER;
            default -> MachineSnapshot.RunState.STOPPED;
        };
    }

    private static double ratio(double part, double whole) {
        return whole > 0 ? part / whole : Double.NaN;
    }
}
