package com.ms5.floor.analytics;

import java.time.Instant;

/**
 * A machine's live figures after the latest sample.
 *
 * <p>The OEE here is the naive session figure of the foundation slice: since the first sample,
 * availability = running time / observed time, performance = parts x ideal cycle time / running
 * time, quality = good / total parts, OEE = A x P x Q. Each share is {@code NaN} until it has a
 * denominator. Performance is not clamped: above 1.0 means the ideal cycle time is set too long.
 *
 * @param totalCount    the PLC's total counter as last read
 * @param goodCount     the PLC's good counter as last read
 * @param state         what the machine is doing, {@code UNKNOWN} while the PLC is not answering
 * @param ratePerMinute parts per minute over the rate window
 */
public record MachineSnapshot(String machineId, Instant time, long totalCount, long goodCount, RunState state,
                              double ratePerMinute, double availability, double performance, double quality,
                              double oee) {

    /**
     * The machine state as resolved from the state word (the demo plant's convention: 1 running,
     * 2 stopped, 3 faulted, 4 starved, 5 blocked, 6 planned stop, 7 changeover; anything else
     * stopped). UNKNOWN while the PLC is not answering.
     */
    public enum RunState { RUNNING, STOPPED, FAULTED, STARVED, BLOCKED, PLANNED_STOP, CHANGEOVER, UNKNOWN }
}
