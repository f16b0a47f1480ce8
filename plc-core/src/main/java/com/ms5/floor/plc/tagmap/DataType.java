package com.ms5.floor.plc.tagmap;

/** A tag's data type, by its Logix name; on an SLC, INT is an N-file word and BOOL a bit of one. */
public enum DataType {
    BOOL, SINT, INT, DINT, LINT, USINT, UINT, UDINT, ULINT, REAL, LREAL, STRING;

    public boolean isInteger() {
        return this != BOOL && this != REAL && this != LREAL && this != STRING;
    }

    public boolean isNumeric() {
        return this != BOOL && this != STRING;
    }

    /** PLC4X 0.13.1's logix driver answers these with OK and a null value (shared/PLC4X-WIRE.md). */
    public boolean isUnsigned() {
        return this == USINT || this == UINT || this == UDINT || this == ULINT;
    }
}
