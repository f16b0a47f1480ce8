package com.ms5.floor.plc.tagmap;

import com.ms5.floor.plc.api.PlcText;
/** The PLC4X driver a connection uses. */
public enum Driver {
    /** CompactLogix / ControlLogix over EtherNet/IP: {@code logix://host:port?slot=N}. */
    LOGIX("logix", 44818),
    /** SLC 5/05 over CSP/PCCC: {@code ab-eth:tcp://host:port?station=N}; reads N-file words only, cannot write. */
    AB_ETH("ab-eth", 2222);

    private final String id;
    private final int defaultPort;

    Driver(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return id;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Driver of(String id) {
        for (Driver d : values()) {
            if (d.id.equalsIgnoreCase(id) || d.name().equalsIgnoreCase(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException(PlcText.format("driver.unknown", id));
    }
}
