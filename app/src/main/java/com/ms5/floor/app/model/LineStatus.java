package com.ms5.floor.app.model;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.state.MachineState;
import java.time.Instant;
import java.util.List;

/**
 * A line as the plant overview shows it, over the shift so far.
 *
 * @param shift       the running shift (e.g. "2026-11-24 Early"), or "no shift" outside shifts
 * @param window      what the figures cover: the shift so far, or the last 8 hours outside shifts
 * @param topLoss     the downtime reason that cost most this shift, or null
 * @param openCalls   open Andon calls on the line, shelved ones left out
 * @param unackCalls  of those, the ones nobody acknowledged yet
 * @param pace        where the line's good parts will stand at the shift's end at its recent rate, or null outside shifts
 */
public record LineStatus(String lineId, String name, String shift, TimeRange window, OeeFigures oee,
                         List<MachineStatus> machines, String topLoss, double topLossMinutes, int openCalls,
                         int unackCalls, List<Hour> hours, String job, Pace pace) {

    /**
     * Good parts projected at the shift's end from the last 30 minutes' rate (analytics'
     * {@code Projection}: expected, and a 95 % band), against the shift's target: the hours so far
     * plus the planned production time left at the ideal cycle time of what the line makes.
     */
    public record Pace(long expected, long low, long high, long shiftTarget) {
    }

    /** @param since when the machine entered its state */
    public record MachineStatus(String id, String name, MachineState state, long faultCode, Instant since) {
    }

    /**
     * One hour of the window, for the OEE trend and production against target.
     *
     * @param made   good parts out of the line's last machine
     * @param target what the last machine makes over the hour's planned time at the ideal cycle time of
     *               the products it made in it (its default cycle time in an hour without parts)
     */
    public record Hour(Instant start, double oee, long made, long target) {
    }

    public LineStatus {
        machines = List.copyOf(machines);
        hours = List.copyOf(hours);
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
