package com.ms5.floor.analytics.pipeline;

import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.StateRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What analytics needs to know about the plant: its lines and machines, how to read a machine's
 * state and Andon calls from its signals, and the settings that shape the figures.
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
     * @param idealCycleSeconds   the default ideal cycle time
     * @param idealCycleByProduct ideal cycle times by the PLC's product id, where they differ
     * @param state               how its state is read from its signals, in the plant's convention;
     *                            {@code null}: MS5's state word if it has one, else its running bit,
     *                            else its counters
     * @param andon               the signals that raise its Andon calls; {@code null}: MS5's Andon word
     * @param microStopThreshold  stops shorter than this are micro-stops
     * @param debounce            a change of state that lasts less than this is merged into the state
     *                            around it (a 1 s starved blip of a running machine); zero keeps every change
     */
    public record Machine(String id, double idealCycleSeconds, Map<Long, Double> idealCycleByProduct,
                          StateRule state, List<AndonSignal> andon, Duration microStopThreshold, Duration debounce) {
        public Machine {
            idealCycleByProduct = Map.copyOf(idealCycleByProduct);
            andon = andon == null ? AndonSignal.MS5_ANDON_WORD : List.copyOf(andon);
        }

        /** A machine in MS5's conventions: 2-minute micro-stops, and the default debounce. */
        public static Machine standard(String id, double idealCycleSeconds) {
            return new Machine(id, idealCycleSeconds, Map.of(), null, null, DEFAULT_MICRO_STOP, DEFAULT_DEBOUNCE);
        }

        /** The same machine with another ideal cycle. */
        public Machine withCycles(double seconds, Map<Long, Double> byProduct) {
            return new Machine(id, seconds, byProduct, state, andon, microStopThreshold, debounce);
        }
    }

    /** Stops shorter than 2 minutes are micro-stops unless the rules say otherwise. */
    public static final Duration DEFAULT_MICRO_STOP = Duration.ofMinutes(2);

    /**
     * State changes shorter than 3 seconds are merged into the state around them unless the rules say
     * otherwise: a sensor flickering between two parts is not a stop a person gives a reason for, and 3 s
     * is still far below the shortest micro-stop anyone tracks.
     */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(3);

    public PlantModel {
        lines = List.copyOf(lines);
    }
}
