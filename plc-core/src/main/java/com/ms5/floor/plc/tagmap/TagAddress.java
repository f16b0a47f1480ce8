package com.ms5.floor.plc.tagmap;

import com.ms5.floor.plc.api.PlcText;
/**
 * Checks a binding's address against what the PLC4X 0.13.1 driver of its connection can read, and
 * turns it into the driver's address string. Messages name the position (1-based) of the first
 * character that is wrong, so an engineer can find it in a long member path.
 *
 * <p>Logix: {@code Tag}, {@code Tag.Member.Member}, {@code Array[3]} with the index on the first
 * name only; PLC4X cannot address program scope, multi-dimensional arrays or members of array
 * elements (shared/PLC4X-WIRE.md). SLC: {@code N<file>:<element>} or {@code N<file>:<element>/<bit>},
 * file, element up to 255, bit 0-15; N files only.
 */
public final class TagAddress {
    private TagAddress() {
    }

    /** An address that cannot be read; {@link #getMessage()} says why and where. */
    public static final class InvalidAddressException extends Exception {
        InvalidAddressException(String message) {
            super(message, null, false, false);
        }
    }

    /** The address string the PLC4X driver takes, after checking the address and type. */
    public static String plc4x(Driver driver, String address, DataType type) throws InvalidAddressException {
        if (address == null || address.isBlank()) {
            throw new InvalidAddressException(PlcText.get("address.empty"));
        }
        if (type == null) {
            throw new InvalidAddressException(PlcText.get("address.noType"));
        }
        return switch (driver) {
            case LOGIX -> logix(address, type);
            case AB_ETH -> slc(address, type);
        };
    }

    private static String logix(String a, DataType type) throws InvalidAddressException {
        if (a.regionMatches(true, 0, "Program:", 0, 8)) {
            throw new InvalidAddressException(PlcText.format("address.programScope", a));
        }
        boolean indexed = false;
        int i = 0;
        int segment = 0;
        while (true) {
            int start = i;
            if (i >= a.length() || !(Character.isLetter(a.charAt(i)) || a.charAt(i) == '_')) {
                throw invalid(a, i, PlcText.get("address.start"));
            }
            while (i < a.length() && (Character.isLetterOrDigit(a.charAt(i)) || a.charAt(i) == '_')) {
                i++;
            }
            if (i - start > 40) {
                throw invalid(a, start, PlcText.get("address.long"));
            }
            if (i < a.length() && a.charAt(i) == '[') {
                if (segment > 0 || indexed) {
                    throw invalid(a, i, PlcText.get("address.indexMember"));
                }
                int close = a.indexOf(']', i);
                if (close < 0) {
                    throw invalid(a, i, "']' is missing");
                }
                String index = a.substring(i + 1, close);
                if (index.contains(",")) {
                    throw invalid(a, i + 1, PlcText.get("address.multiDim"));
                }
                if (!index.matches("\\d{1,9}")) {
                    throw invalid(a, i + 1, PlcText.get("address.indexNumber"));
                }
                indexed = true;
                i = close + 1;
                if (i < a.length()) {
                    throw invalid(a, i, PlcText.get("address.elementMember"));
                }
            }
            if (i == a.length()) {
                break;
            }
            if (a.charAt(i) != '.') {
                throw invalid(a, i, "unexpected '" + a.charAt(i) + "'");
            }
            i++;
            segment++;
        }
        if (type.isUnsigned()) {
            throw new InvalidAddressException(PlcText.format("address.unsigned", type, signedTwin(type)));
        }
        if (type == DataType.BOOL && indexed) {
            throw new InvalidAddressException(PlcText.get("address.boolArray"));
        }
        return a + ":" + type;
    }

    private static DataType signedTwin(DataType unsigned) {
        return switch (unsigned) {
            case USINT -> DataType.SINT;
            case UINT -> DataType.INT;
            case UDINT -> DataType.DINT;
            default -> DataType.LINT;
        };
    }

    private static String slc(String a, DataType type) throws InvalidAddressException {
        if (a.charAt(0) != 'N' && a.charAt(0) != 'n') {
            throw invalid(a, 0, PlcText.get("address.nFiles"));
        }
        int i = 1;
        int file = number(a, i, PlcText.get("address.fileNumber"));
        i += digits(a, i);
        if (file > 255) {
            throw invalid(a, 1, PlcText.get("address.fileMax"));
        }
        if (i >= a.length() || a.charAt(i) != ':') {
            throw invalid(a, i, PlcText.get("address.colon"));
        }
        i++;
        int element = number(a, i, PlcText.get("address.elementNumber"));
        i += digits(a, i);
        if (element > 255) {
            throw invalid(a, i - 1, PlcText.get("address.elementMax"));
        }
        Integer bit = null;
        if (i < a.length() && a.charAt(i) == '/') {
            i++;
            bit = number(a, i, PlcText.get("address.bitNumber"));
            i += digits(a, i);
            if (bit > 15) {
                throw invalid(a, i - 1, PlcText.get("address.bitRange"));
            }
        }
        if (i < a.length()) {
            throw invalid(a, i, "unexpected '" + a.charAt(i) + "'");
        }
        String word = "N" + file + ":" + element;
        if (bit != null) {
            if (type != DataType.BOOL) {
                throw new InvalidAddressException(PlcText.format("address.bitBool", bit, type));
            }
            return word + "/" + bit + ":SINGLEBIT";
        }
        if (type != DataType.INT) {
            throw new InvalidAddressException(PlcText.format(type == DataType.BOOL ? "address.nWordBit" : "address.nWord", type));
        }
        return word + ":WORD";
    }

    private static int number(String a, int at, String what) throws InvalidAddressException {
        int n = digits(a, at);
        if (n == 0 || n > 4) {
            throw invalid(a, at, PlcText.format("address.expected", what));
        }
        return Integer.parseInt(a.substring(at, at + n));
    }

    private static int digits(String a, int at) {
        int i = at;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
            i++;
        }
        return i - at;
    }

    private static InvalidAddressException invalid(String address, int index, String problem) {
        return new InvalidAddressException(PlcText.format("address.at", address, index + 1, problem));
    }
}
