package com.ms5.floor.plc.virtual;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One machine as its PLC program sees it: a state word, a fault code, part counters that follow
 * an ideal cycle time with speed losses and rejects, and Andon call bits. Stepped by
 * {@link LineSimulation}, which decides whether parts can come in and go out.
 *
 * <p>Not thread-safe on its own: the line simulation steps and reads it under its lock.
 */
public final class SimulatedMachine {
    /** State word values (demo plant convention, README "The virtual plant"). */
    public static final int STATE_RUNNING = 1;
    public static final int STATE_STOPPED = 2;
    public static final int STATE_FAULTED = 3;
    public static final int STATE_STARVED = 4;
    public static final int STATE_BLOCKED = 5;
    public static final int STATE_PLANNED_STOP = 6;
    public static final int STATE_CHANGEOVER = 7;

    /** Andon call bits in the machine's Andon word. */
    public static final int ANDON_MAINTENANCE = 1;
    public static final int ANDON_QUALITY = 2;
    public static final int ANDON_MATERIAL = 4;
    public static final int ANDON_SAFETY = 8;

    private static final double MAINTENANCE_CALL_AFTER_S = 60;
    private static final double MATERIAL_CALL_AFTER_S = 120;
    private static final double QUALITY_CALLS_PER_HOUR = 0.3;
    private static final double SAFETY_CALLS_PER_HOUR = 0.02;

    private final PlantFile.Machine spec;
    private final List<PlantFile.FaultCode> faults;
    private final double totalFaultWeight;
    private final SplittableRandom random;

    private int state = STATE_RUNNING;
    private double stateSeconds;
    private double stopSecondsLeft;
    private int faultCode;
    private double cycleProgress;
    private boolean partInMachine;
    private long totalCount;
    private long rejectCount;
    private int andon;
    private double qualityCallSecondsLeft;
    private double safetyCallSecondsLeft;

    SimulatedMachine(PlantFile.Machine spec, List<PlantFile.FaultCode> faults, SplittableRandom random) {
        this.spec = spec;
        this.faults = List.copyOf(faults);
        this.totalFaultWeight = faults.stream().mapToDouble(PlantFile.FaultCode::weight).sum();
        this.random = random;
    }

    /** What one step did to the parts around the machine. */
    enum Flow { NONE, TOOK_INPUT, MADE_PART, TOOK_INPUT_AND_MADE_PART }

    /**
     * Advances {@code dt} seconds.
     *
     * @param inputAvailable a part is waiting on the infeed (always true for a line's first machine)
     * @param outputSpace    the outfeed can take a part (always true for a line's last machine)
     * @param lineStop       the line's planned stop or changeover state, or 0 when the line may run
     */
    Flow step(double dt, double cycleFactor, boolean inputAvailable, boolean outputSpace, int lineStop) {
        int before = state;
        Flow flow = Flow.NONE;
        if (lineStop != 0) {
            state = lineStop;
        } else if (state == STATE_FAULTED || state == STATE_STOPPED) {
            stopSecondsLeft -= dt;
            if (stopSecondsLeft <= 0) {
                state = STATE_RUNNING;
                faultCode = 0;
            }
        } else if (before == STATE_RUNNING && random.nextDouble() < dt / (spec.mtbfMinutes() * 60)) {
            PlantFile.FaultCode fault = pickFault();
            state = STATE_FAULTED;
            faultCode = fault.code();
            stopSecondsLeft = exponential(fault.mttrMinutes() * 60);
        } else if (before == STATE_RUNNING && random.nextDouble() < dt * spec.microStopsPerHour() / 3600) {
            state = STATE_STOPPED;
            stopSecondsLeft = 5 + random.nextDouble() * 55;
        } else {
            boolean tookInput = false;
            if (!partInMachine && inputAvailable) {
                partInMachine = true;
                tookInput = true;
            }
            if (!partInMachine) {
                state = STATE_STARVED;
            } else {
                double cycle = spec.idealCycleSeconds() * cycleFactor / spec.speedFactor();
                double progress = cycleProgress + dt / cycle;
                if (progress >= 1 && !outputSpace) {
                    state = STATE_BLOCKED;
                    cycleProgress = 1;
                } else {
                    state = STATE_RUNNING;
                    cycleProgress = progress;
                    if (cycleProgress >= 1) {
                        cycleProgress -= 1;
                        partInMachine = false;
                        totalCount++;
                        boolean rejected = random.nextDouble() < spec.rejectRate();
                        if (rejected) {
                            rejectCount++;
                        }
                        flow = rejected ? Flow.NONE : Flow.MADE_PART;
                    }
                }
            }
            if (tookInput) {
                flow = flow == Flow.MADE_PART ? Flow.TOOK_INPUT_AND_MADE_PART : Flow.TOOK_INPUT;
            }
        }
        stateSeconds = state == before ? stateSeconds + dt : dt;
        updateAndon(dt);
        return flow;
    }

    /** A line changeover empties the machine. */
    void clearPart() {
        partInMachine = false;
        cycleProgress = 0;
    }

    private void updateAndon(double dt) {
        if (qualityCallSecondsLeft > 0) {
            qualityCallSecondsLeft -= dt;
        } else if (state == STATE_RUNNING && random.nextDouble() < dt * QUALITY_CALLS_PER_HOUR / 3600) {
            qualityCallSecondsLeft = exponential(240);
        }
        if (safetyCallSecondsLeft > 0) {
            safetyCallSecondsLeft -= dt;
        } else if (random.nextDouble() < dt * SAFETY_CALLS_PER_HOUR / 3600) {
            safetyCallSecondsLeft = exponential(120);
        }
        andon = (state == STATE_FAULTED && stateSeconds >= MAINTENANCE_CALL_AFTER_S ? ANDON_MAINTENANCE : 0)
                | (qualityCallSecondsLeft > 0 ? ANDON_QUALITY : 0)
                | (state == STATE_STARVED && stateSeconds >= MATERIAL_CALL_AFTER_S ? ANDON_MATERIAL : 0)
                | (safetyCallSecondsLeft > 0 ? ANDON_SAFETY : 0);
    }

    private PlantFile.FaultCode pickFault() {
        double pick = random.nextDouble() * totalFaultWeight;
        for (PlantFile.FaultCode fault : faults) {
            pick -= fault.weight();
            if (pick < 0) {
                return fault;
            }
        }
        return faults.getLast();
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    public PlantFile.Machine spec() {
        return spec;
    }

    public int state() {
        return state;
    }

    public int faultCode() {
        return faultCode;
    }

    /** Parts made, good and rejected; a PLC's DINT counter shows it modulo 2^32. */
    public long totalCount() {
        return totalCount;
    }

    public long goodCount() {
        return totalCount - rejectCount;
    }

    public long rejectCount() {
        return rejectCount;
    }

    public int andon() {
        return andon;
    }

    /** Current speed in parts per minute: the actual rate while running, else 0. */
    public double speed(double cycleFactor) {
        return state == STATE_RUNNING ? 60 * spec.speedFactor() / (spec.idealCycleSeconds() * cycleFactor) : 0;
    }
}
