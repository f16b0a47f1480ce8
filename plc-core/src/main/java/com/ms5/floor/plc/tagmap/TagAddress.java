package com.ms5.floor.plc.tagmap;

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
            throw new InvalidAddressException("the address is empty");
        }
        if (type == null) {
            throw new InvalidAddressException("the data type is missing");
        }
        return switch (driver) {
            case LOGIX -> logix(address, type);
            case AB_ETH -> slc(address, type);
        };
    }

    private static String logix(String a, DataType type) throws InvalidAddressException {
        if (a.regionMatches(true, 0, "Program:", 0, 8)) {
            throw new InvalidAddressException("PLC4X's logix driver cannot read program-scoped tags ('" + a
                    + "'); make it a controller-scoped tag or alias");
        }
        boolean indexed = false;
        int i = 0;
        int segment = 0;
        while (true) {
            int start = i;
            if (i >= a.length() || !(Character.isLetter(a.charAt(i)) || a.charAt(i) == '_')) {
                throw invalid(a, i, "a tag or member name must start with a letter or _");
            }
            while (i < a.length() && (Character.isLetterOrDigit(a.charAt(i)) || a.charAt(i) == '_')) {
                i++;
            }
            if (i - start > 40) {
                throw invalid(a, start, "a name is at most 40 characters");
            }
            if (i < a.length() && a.charAt(i) == '[') {
                if (segment > 0 || indexed) {
                    throw invalid(a, i, "PLC4X can index only the tag itself, not a member");
                }
                int close = a.indexOf(']', i);
                if (close < 0) {
                    throw invalid(a, i, "']' is missing");
                }
                String index = a.substring(i + 1, close);
                if (index.contains(",")) {
                    throw invalid(a, i + 1, "PLC4X cannot read multi-dimensional arrays; read a 1-dimensional alias");
                }
                if (!index.matches("\\d{1,9}")) {
                    throw invalid(a, i + 1, "an array index is a number");
                }
                indexed = true;
                i = close + 1;
                if (i < a.length()) {
                    throw invalid(a, i, "PLC4X cannot read members of an array element");
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
            throw new InvalidAddressException(type + " reads as an empty value with PLC4X 0.13.1; bind it as "
                    + signedTwin(type) + " (same bits; values above the signed range read negative)");
        }
        if (type == DataType.BOOL && indexed) {
            throw new InvalidAddressException("BOOL array elements read as an empty value with PLC4X 0.13.1; "
                    + "read the DINT that holds the bits instead");
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
            throw invalid(a, 0, "PLC4X's ab-eth driver reads N (integer) files only, such as N7:0; copy the value"
                    + " into an N file in the SLC program");
        }
        int i = 1;
        int file = number(a, i, "a file number");
        i += digits(a, i);
        if (file > 255) {
            throw invalid(a, 1, "the file number is at most 255");
        }
        if (i >= a.length() || a.charAt(i) != ':') {
            throw invalid(a, i, "expected ':' and an element number, as in N7:0");
        }
        i++;
        int element = number(a, i, "an element number");
        i += digits(a, i);
        if (element > 255) {
            throw invalid(a, i - 1, "the element number is at most 255");
        }
        Integer bit = null;
        if (i < a.length() && a.charAt(i) == '/') {
            i++;
            bit = number(a, i, "a bit number 0-15");
            i += digits(a, i);
            if (bit > 15) {
                throw invalid(a, i - 1, "a bit number is 0-15");
            }
        }
        if (i < a.length()) {
            throw invalid(a, i, "unexpected '" + a.charAt(i) + "'");
        }
        String word = "N" + file + ":" + element;
        if (bit != null) {
            if (type != DataType.BOOL) {
                throw new InvalidAddressException("a bit address (/" + bit + ") is a BOOL, not " + type);
            }
            return word + "/" + bit + ":SINGLEBIT";
        }
        if (type != DataType.INT) {
            throw new InvalidAddressException("an N-file word is an INT; the ab-eth driver cannot read it as " + type
                    + (type == DataType.BOOL ? " (address a bit as N7:0/3)" : ""));
        }
        return word + ":WORD";
    }

    private static int number(String a, int at, String what) throws InvalidAddressException {
        int n = digits(a, at);
        if (n == 0 || n > 4) {
            throw invalid(a, at, "expected " + what);
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
        return new InvalidAddressException("'" + address + "' at position " + (index + 1) + ": " + problem);
    }
}
