package com.ms5.floor.plc.api;

/** How far a polled value can be trusted. */
public enum Quality {
    /** Read from the controller in this scan. */
    GOOD,
    /** The binding is wrong (address or type the controller rejects); fix the tag map. */
    BAD_CONFIG,
    /** The controller did not answer this scan; the value is absent. */
    COMM_FAILURE,
    /** The last good value, older than the scan that carries it. */
    STALE
}
