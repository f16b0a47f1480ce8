package com.ms5.floor.app.runtime;

import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.state.MachineState;
import java.time.Instant;
import java.util.List;

/**
 * A line as the plant overview shows it, over the shift so far.
 *
 * @param shift       the running shift (e.g. "2026-11-24 Early"), or "no shift" outside shifts
 * @param topLoss     the downtime reason that cost most this shift, or null
 * @param openCalls   open Andon calls on the line, shelved ones left out
 * @param unackCalls  of those, the ones nobody acknowledged yet
 */
public record LineStatus(String lineId, String name, String shift, OeeFigures oee, List<MachineStatus> machines,
                         String topLoss, double topLossMinutes, int openCalls, int unackCalls) {

    /** @param since when the machine entered its state */
    public record MachineStatus(String id, String name, MachineState state, long faultCode, Instant since) {
    }

    public LineStatus {
        machines = List.copyOf(machines);
    }

    /** The state a supervisor should see first: down or unknown machines before running ones. */
    public MachineState headline() {
        MachineState worst = MachineState.RUNNING;
        for (MachineStatus m : machines) {
            if (rank(m.state()) > rank(worst)) {
                worst = m.state();
            }
        }
        return worst;
    }

    private static int rank(MachineState s) {
        return switch (s) {
            case RUNNING, MICRO_STOP -> 0;
            case PLANNED_DOWN -> 1;
            case STARVED, BLOCKED -> 2;
            case CHANGEOVER -> 3;
            case UNPLANNED_DOWN -> 4;
            case UNKNOWN -> 5;
        };
    }
}
