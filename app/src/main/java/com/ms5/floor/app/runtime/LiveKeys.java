package com.ms5.floor.app.runtime;

/** Keys under which the runtime publishes live values to the hub. */
public final class LiveKeys {
    /** {@link com.ms5.floor.analytics.MachineSnapshot} of a machine. */
    public static String machine(String machineId) {
        return "machine/" + machineId;
    }

    /** {@link com.ms5.floor.plc.api.ConnectionHealth} of the PLC connection. */
    public static final String PLC_HEALTH = "plc/health";

    /** {@link LineStatus} of a line. */
    public static String line(String lineId) {
        return "line/" + lineId;
    }

    /** The plant's line ids, in order ({@code List<String>}). */
    public static final String LINES = "lines";

    /** The open Andon calls as the board sorts them ({@code List<AndonCall>}, shelved ones left out). */
    public static final String ANDON_BOARD = "andon/board";

    /** Some stop changed (a reason, a split), here or at another station; the value only marks the change. */
    public static final String DOWNTIME_CHANGED = "downtime/changed";

    /** {@link StationStatus} of the station: database and data source in words. */
    public static final String STATION = "station";

    /** {@link StationDiagnostics}: this station, its PLC connections and the other stations. */
    public static final String DIAGNOSTICS = "diagnostics";

    private LiveKeys() {
    }
}
