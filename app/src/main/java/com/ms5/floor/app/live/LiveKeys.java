package com.ms5.floor.app.live;

import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.model.MachineFigures;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationStatus;
import java.util.List;

/** The keys under which the station publishes its live values. */
public final class LiveKeys {
    /** The plant's line ids, in order. */
    public static final LiveKey<List<String>> LINES = new LiveKey<>("lines");

    /** The open Andon calls as the board sorts them, shelved ones left out. */
    public static final LiveKey<List<AndonCall>> ANDON_BOARD = new LiveKey<>("andon/board");

    /** The station's database and data source in words. */
    public static final LiveKey<StationStatus> STATION = new LiveKey<>("station");

    /** Why the station could not start (a tag map, rules or settings it cannot use), in words for the window; absent while all is well. */
    public static final LiveKey<String> STARTUP_PROBLEM = new LiveKey<>("startup/problem");

    /** This station, its PLC connections and the other stations. */
    public static final LiveKey<StationDiagnostics> DIAGNOSTICS = new LiveKey<>("diagnostics");

    /** A line over the shift so far. */
    public static LiveKey<LineStatus> line(String lineId) {
        return new LiveKey<>("line/" + lineId);
    }

    /** One machine's state, rate and OEE over the shift so far. */
    public static LiveKey<MachineFigures> machine(String machineId) {
        return new LiveKey<>("machine/" + machineId);
    }

    /** The version of a configuration document ({@code config_version.kind}) the station runs by; 0: loaded, not stored yet. */
    public static LiveKey<Integer> configVersion(String kind) {
        return new LiveKey<>("config/" + kind);
    }

    private LiveKeys() {
    }
}
