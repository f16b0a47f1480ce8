package com.ms5.floor.plc.virtual;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One production machine as its PLC program sees it: a cycle counter that follows an ideal cycle
 * time with speed losses, a good-part counter, and a state word that goes to faulted and back.
 *
 * <p>Deterministic: the simulation advances in fixed steps of plant time drawn from a seeded
 * random source, so the same seed and the same clock give the same counts whenever they are read.
 * Thread-safe: reads from several controller connections advance it under one lock.
 */
public final class SimulatedMachine {
    /** State word values written by the machine's PLC program (demo plant convention). */
    public static final int STATE_RUNNING = 1;
    public static final int STATE_STARVED = 2;
    public static final int STATE_FAULTED = 3;

    private static final Duration STEP = Duration.ofMillis(100);

    private final Clock clock;
    private final SplittableRandom random;
    private final double idealCycleSeconds;
    private final double speedFactor;
    private final double rejectRate;
    private final double mtbfSeconds;
    private final double mttrSeconds;
    private final double starvedPerHour;

    private Instant simulatedUntil;
    private int state = STATE_RUNNING;
    private double secondsLeftInStop;
    private double cycleProgress;
    private int totalCount;
    private int goodCount;
    private int faultCode;

    /**
     * @param idealCycleSeconds the machine's ideal cycle time
     * @param speedFactor       actual speed as a share of ideal (0.9 = 10 % speed loss)
     * @param rejectRate        share of parts that are rejected
     * @param mtbfSeconds       mean running time between faults
     * @param mttrSeconds       mean time to repair a fault
     */
    public SimulatedMachine(Clock clock, long seed, double idealCycleSeconds, double speedFactor,
                            double rejectRate, double mtbfSeconds, double mttrSeconds) {
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.idealCycleSeconds = idealCycleSeconds;
        this.speedFactor = speedFactor;
        this.rejectRate = rejectRate;
        this.mtbfSeconds = mtbfSeconds;
        this.mttrSeconds = mttrSeconds;
        this.starvedPerHour = 2;
        this.simulatedUntil = clock.instant();
    }

    public synchronized int totalCount() {
        advance();
        return totalCount;
    }

    public synchronized int goodCount() {
        advance();
        return goodCount;
    }

    public synchronized int state() {
        advance();
        return state;
    }

    public synchronized int faultCode() {
        advance();
        return faultCode;
    }

    public double idealCycleSeconds() {
        return idealCycleSeconds;
    }

    private void advance() {
        Instant now = clock.instant();
        double dt = STEP.toNanos() / 1e9;
        while (!simulatedUntil.plus(STEP).isAfter(now)) {
            simulatedUntil = simulatedUntil.plus(STEP);
            step(dt);
        }
    }

    private void step(double dt) {
        if (state == STATE_RUNNING) {
            cycleProgress += dt * speedFactor / idealCycleSeconds;
            while (cycleProgress >= 1) {
                cycleProgress -= 1;
                totalCount++; // wraps at 2^31 like a DINT counter
                if (random.nextDouble() >= rejectRate) {
                    goodCount++;
                }
            }
            if (random.nextDouble() < dt / mtbfSeconds) {
                state = STATE_FAULTED;
                faultCode = 100 + random.nextInt(8);
                secondsLeftInStop = exponential(mttrSeconds);
            } else if (random.nextDouble() < dt * starvedPerHour / 3600) {
                state = STATE_STARVED;
                secondsLeftInStop = exponential(45);
            }
        } else {
            secondsLeftInStop -= dt;
            if (secondsLeftInStop <= 0) {
                state = STATE_RUNNING;
                faultCode = 0;
            }
        }
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
