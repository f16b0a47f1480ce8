package com.ms5.floor.plc.virtual;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A tag value as a Logix controller puts it on the wire: the CIP data type code and the
 * little-endian bytes that follow it in a Read Tag reply.
 *
 * <p>Type codes from the CIP specification, Vol. 1 appendix C (elementary data types).
 */
public record CipValue(int typeCode, byte[] data) {
    public static final int BOOL = 0xC1;
    public static final int SINT = 0xC2;
    public static final int INT = 0xC3;
    public static final int DINT = 0xC4;
    public static final int LINT = 0xC5;
    public static final int REAL = 0xCA;
    public static final int LREAL = 0xCB;

    public static CipValue dint(int value) {
        return new CipValue(DINT, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    public static CipValue real(float value) {
        return new CipValue(REAL, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
    }

    public static CipValue bool(boolean value) {
        return new CipValue(BOOL, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }
}
