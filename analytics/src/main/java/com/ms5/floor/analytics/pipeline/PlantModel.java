package com.ms5.floor.analytics.pipeline;

import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.state.MachineState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What analytics needs to know about the plant: its lines and machines, how to read a machine's
 * state word, and the settings that shape the figures.
 *
 * @param retention how much recent history stays in memory for live figures (the rest is the
 *                  database's)
 */
public record PlantModel(List<Line> lines, OeeProfile profile, Duration staleAfter, Duration retention) {
    public record Line(String id, List<Machine> machines) {
        public Line {
            machines = List.copyOf(machines);
        }
    }

    /**
     * @param idealCycleSeconds  the default ideal cycle time
     * @param idealCycleByProduct ideal cycle times by the PLC's product id, where they differ
     * @param stateWords         the PLC's state word values and what they mean; others mean down
     * @param microStopThreshold stops shorter than this are micro-stops (2 minutes by default)
     */
    public record Machine(String id, double idealCycleSeconds, Map<Long, Double> idealCycleByProduct,
                          Map<Long, MachineState> stateWords, Duration microStopThreshold) {
        public Machine {
            idealCycleByProduct = Map.copyOf(idealCycleByProduct);
            stateWords = Map.copyOf(stateWords);
        }

        public static Machine standard(String id, double idealCycleSeconds) {
            return new Machine(id, idealCycleSeconds, Map.of(), DEMO_STATE_WORDS, Duration.ofMinutes(2));
        }
    }

    /** The virtual plant's state word: 1 running, 2 stopped, 3 faulted, 4 starved, 5 blocked,
     *  6 planned stop, 7 changeover. */
    public static final Map<Long, MachineState> DEMO_STATE_WORDS = Map.of(
            1L, MachineState.RUNNING, 2L, MachineState.UNPLANNED_DOWN, 3L, MachineState.UNPLANNED_DOWN,
            4L, MachineState.STARVED, 5L, MachineState.BLOCKED, 6L, MachineState.PLANNED_DOWN,
            7L, MachineState.CHANGEOVER);

    public PlantModel {
        lines = List.copyOf(lines);
    }
}
