package com.ms5.floor.plc.virtual;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every line of a plant file, stepped in fixed 100 ms steps of plant time: machines pass parts
 * through the buffers between them (so a stop upstream starves, and a stop downstream blocks,
 * the machines around it), shift breaks and times without a shift stop the plant, and a line
 * changes product when its job is done.
 *
 * <p>Deterministic: the same plant file (seed) and the same clock readings give the same values,
 * however often it is read. Thread-safe: {@link #advance()} and the readers synchronise on it.
 */
public final class LineSimulation {
    static final Duration STEP = Duration.ofMillis(100);

    private final PlantFile plant;
    private final Clock clock;
    private final ZoneId zone;
    private final List<LineState> lines = new ArrayList<>();
    private final Map<String, SimulatedMachine> machines = new LinkedHashMap<>();
    private Instant simulatedUntil;
    private int plannedStop;
    private long steps;

    /** A line's moving parts. */
    final class LineState {
        final PlantFile.Line spec;
        final List<SimulatedMachine> machines = new ArrayList<>();
        final int[] buffers;
        int jobIndex;
        int jobId;
        long jobStartGood;
        double changeoverSecondsLeft;

        LineState(PlantFile.Line spec, int firstJobId) {
            this.spec = spec;
            this.buffers = new int[spec.machines().size()];
            this.jobId = firstJobId;
        }

        PlantFile.Job job() {
            return spec.jobs().get(jobIndex);
        }

        double cycleFactor() {
            return plant.product(job().product()).cycleFactor();
        }
    }

    /** The plant file this simulation runs. */
    public PlantFile plant() {
        return plant;
    }

    public LineSimulation(PlantFile plant, Clock clock) {
        this.plant = plant;
        this.clock = clock;
        this.zone = ZoneId.of(plant.timeZone());
        SplittableRandom seeds = new SplittableRandom(plant.seed());
        int lineNumber = 0;
        for (PlantFile.Line line : plant.lines()) {
            LineState state = new LineState(line, 10_000 * ++lineNumber + 1);
            for (PlantFile.Machine m : line.machines()) {
                List<PlantFile.FaultCode> codes = m.faultCodes().stream().map(plant::faultCode).toList();
                SimulatedMachine machine = new SimulatedMachine(m, codes, seeds.split());
                state.machines.add(machine);
                machines.put(m.id(), machine);
            }
            lines.add(state);
        }
        this.simulatedUntil = clock.instant();
    }

    /** Brings every machine up to the clock's now. */
    public synchronized void advance() {
        Instant now = clock.instant();
        double dt = STEP.toNanos() / 1e9;
        while (!simulatedUntil.plus(STEP).isAfter(now)) {
            simulatedUntil = simulatedUntil.plus(STEP);
            if (steps++ % 10 == 0) { // the calendar changes in whole minutes: checking every second is enough
                plannedStop = calendarStop(simulatedUntil);
            }
            for (LineState line : lines) {
                step(line, dt);
            }
        }
    }

    private void step(LineState line, double dt) {
        int lineStop = plannedStop;
        if (line.changeoverSecondsLeft > 0) {
            line.changeoverSecondsLeft -= dt;
            lineStop = lineStop != 0 ? lineStop : SimulatedMachine.STATE_CHANGEOVER;
        }
        int last = line.machines.size() - 1;
        // Downstream first, so a part taken from a buffer frees room in the same step.
        for (int i = last; i >= 0; i--) {
            boolean input = i == 0 || line.buffers[i - 1] > 0;
            boolean space = i == last || line.buffers[i] < line.spec.machines().get(i).bufferAfter();
            SimulatedMachine.Flow flow = line.machines.get(i).step(dt, line.cycleFactor(), input, space, lineStop);
            boolean took = flow == SimulatedMachine.Flow.TOOK_INPUT || flow == SimulatedMachine.Flow.TOOK_INPUT_AND_MADE_PART;
            boolean made = flow == SimulatedMachine.Flow.MADE_PART || flow == SimulatedMachine.Flow.TOOK_INPUT_AND_MADE_PART;
            if (took && i > 0) {
                line.buffers[i - 1]--;
            }
            if (made && i < last) {
                line.buffers[i]++;
            }
        }
        SimulatedMachine end = line.machines.get(last);
        if (line.changeoverSecondsLeft <= 0 && end.goodCount() - line.jobStartGood >= line.job().quantity()) {
            startChangeover(line);
        }
    }

    private void startChangeover(LineState line) {
        line.jobIndex = (line.jobIndex + 1) % line.spec.jobs().size();
        line.jobId++;
        line.jobStartGood = line.machines.getLast().goodCount();
        line.changeoverSecondsLeft = line.spec.changeoverMinutes() * 60;
        java.util.Arrays.fill(line.buffers, 0);
        line.machines.forEach(SimulatedMachine::clearPart);
    }

    /** Planned stop from the shift calendar at {@code time}: break or no shift, else 0. */
    private int calendarStop(Instant time) {
        if (plant.shifts() == null || plant.shifts().isEmpty()) {
            return 0; // no calendar: the plant runs around the clock
        }
        LocalTime t = time.atZone(zone).toLocalTime();
        for (PlantFile.Shift shift : plant.shifts()) {
            if (within(t, LocalTime.parse(shift.start()), LocalTime.parse(shift.end()))) {
                for (PlantFile.Break b : shift.breaks() == null ? List.<PlantFile.Break>of() : shift.breaks()) {
                    LocalTime start = LocalTime.parse(b.start());
                    if (within(t, start, start.plusMinutes(b.minutes()))) {
                        return SimulatedMachine.STATE_PLANNED_STOP;
                    }
                }
                return 0;
            }
        }
        return SimulatedMachine.STATE_PLANNED_STOP;
    }

    /** Whether {@code t} is in [start, end), for spans that may cross midnight. */
    private static boolean within(LocalTime t, LocalTime start, LocalTime end) {
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** The machine with this id, or {@code null}; read it while holding this simulation's lock. */
    public SimulatedMachine machine(String id) {
        return machines.get(id);
    }

    /** The line a machine belongs to. */
    LineState lineOf(String machineId) {
        for (LineState line : lines) {
            for (SimulatedMachine m : line.machines) {
                if (m.spec().id().equals(machineId)) {
                    return line;
                }
            }
        }
        throw new IllegalArgumentException("no machine " + machineId);
    }

    public synchronized int productId(String machineId) {
        return lineOf(machineId).job().product();
    }

    public synchronized int jobId(String machineId) {
        return lineOf(machineId).jobId;
    }

    public synchronized double cycleFactor(String machineId) {
        return lineOf(machineId).cycleFactor();
    }
}
