package com.ms5.floor.plc.poll;

/** Turns a value to write into what PLC4X takes for the tag's type, and checks a read-back. */
final class WriteValues {
    private WriteValues() {
    }

    /** The raw value for the driver: scaling undone, the Java type PLC4X expects for the data type. */
    static Object toRaw(PollTag tag, Object value) {
        if (tag.type() == com.ms5.floor.plc.tagmap.DataType.BOOL) {
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
                return n.doubleValue() == 1;
            }
            throw new IllegalArgumentException(tag.name() + " is a BOOL: write true or false, not " + value);
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(tag.name() + " is a " + tag.type() + ": write a number, not " + value);
        }
        double raw = number.doubleValue();
        if (tag.scaling() != null) {
            var s = tag.scaling();
            raw = s.rawLow() + (raw - s.engLow()) * (s.rawHigh() - s.rawLow()) / (s.engHigh() - s.engLow());
        }
        return switch (tag.type()) {
            case REAL -> (float) raw;
            case LREAL -> raw;
            case SINT -> (byte) checkedRange(tag, raw, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case INT -> (short) checkedRange(tag, raw, Short.MIN_VALUE, Short.MAX_VALUE);
            case DINT -> (int) checkedRange(tag, raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LINT -> Math.round(raw);
            default -> throw new IllegalArgumentException(tag.type() + " cannot be written with PLC4X 0.13.1");
        };
    }

    private static long checkedRange(PollTag tag, double raw, long min, long max) {
        long rounded = Math.round(raw);
        if (rounded < min || rounded > max) {
            throw new IllegalArgumentException(raw + " does not fit " + tag.name() + " (" + tag.type() + ": " + min
                    + " to " + max + ")");
        }
        return rounded;
    }

    /** Whether the read-back value is what was written (REAL within its precision). */
    static boolean same(PollTag tag, Object written, Object readBack) {
        if (written instanceof Boolean || readBack instanceof Boolean) {
            return toRaw(tag, written).equals(readBack);
        }
        double a = ((Number) written).doubleValue();
        double b = ((Number) readBack).doubleValue();
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)) + (tag.scaling() != null ? 1e-3 : 0);
    }
}
