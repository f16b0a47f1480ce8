package com.ms5.floor.plc.virtual;

/**
 * A CIP error reply: general status and, where Logix gives one, an extended status word.
 * Codes: CIP Vol. 1 appendix B (general) and Logix 5000 Data Access, publication 1756-PM020
 * (extended status of the tag services).
 */
final class CipException extends Exception {
    static final int CONNECTION_FAILURE = 0x01;
    static final int PATH_SEGMENT_ERROR = 0x04;
    static final int PATH_DESTINATION_UNKNOWN = 0x05;
    static final int PARTIAL_TRANSFER = 0x06;
    static final int SERVICE_NOT_SUPPORTED = 0x08;
    static final int NOT_ENOUGH_DATA = 0x13;
    static final int TOO_MUCH_DATA = 0x15;
    static final int GENERAL_ERROR = 0xFF;
    /** Extended status with 0xFF: the request reaches beyond the end of the tag. */
    static final int EXT_BEYOND_END = 0x2105;
    /** Extended status with 0xFF: the data type does not match the tag's. */
    static final int EXT_TYPE_MISMATCH = 0x2107;

    private final int generalStatus;
    private final int extendedStatus;

    CipException(int generalStatus, int extendedStatus) {
        super(String.format("CIP status 0x%02X/0x%04X", generalStatus, extendedStatus), null, false, false);
        this.generalStatus = generalStatus;
        this.extendedStatus = extendedStatus;
    }

    int generalStatus() {
        return generalStatus;
    }

    int extendedStatus() {
        return extendedStatus;
    }
}
