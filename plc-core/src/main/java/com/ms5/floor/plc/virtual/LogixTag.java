package com.ms5.floor.plc.virtual;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One tag of the virtual controller: its type, array dimensions (none, or one to three) and its
 * data, little-endian as a Logix controller holds it. Thread-safe: the simulation writes while
 * client connections read.
 */
public final class LogixTag {
    private final String name;
    private final LogixType type;
    private final int[] dimensions;
    private final byte[] data;

    LogixTag(String name, LogixType type, int[] dimensions) {
        if (dimensions.length > 3) {
            throw new IllegalArgumentException(name + ": Logix arrays have at most three dimensions");
        }
        if (type == LogixType.Atomic.BOOL && dimensions.length > 0) {
            throw new IllegalArgumentException(name + ": BOOL arrays are not supported; use DINT bits");
        }
        this.name = name;
        this.type = type;
        this.dimensions = dimensions.clone();
        this.data = new byte[type.size() * elementCount()];
    }

    public String name() {
        return name;
    }

    public LogixType type() {
        return type;
    }

    public int[] dimensions() {
        return dimensions.clone();
    }

    public int elementCount() {
        int count = 1;
        for (int d : dimensions) {
            count *= d;
        }
        return count;
    }

    /** Copies {@code length} bytes from {@code offset}. */
    public synchronized byte[] read(int offset, int length) {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    public synchronized void write(int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, data, offset, bytes.length);
    }

    // Typed setters for the simulation, at the start of the tag (or of a member via its offset).

    public void setDint(int offset, int value) {
        write(offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    public void setDint(int value) {
        setDint(0, value);
    }

    public void setInt(int offset, short value) {
        write(offset, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(value).array());
    }

    public void setReal(int offset, float value) {
        write(offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
    }

    public void setReal(float value) {
        setReal(0, value);
    }

    public void setBool(boolean value) {
        write(0, new byte[] {(byte) (value ? 1 : 0)});
    }

    public void setLint(long value) {
        write(0, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    public void setLreal(double value) {
        write(0, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array());
    }

    /** Sets a Logix STRING at {@code offset} (LEN, then up to 82 characters). */
    public void setString(int offset, String value) {
        byte[] chars = value.getBytes(StandardCharsets.US_ASCII);
        int len = Math.min(chars.length, 82);
        ByteBuffer b = ByteBuffer.allocate(88).order(ByteOrder.LITTLE_ENDIAN).putInt(len).put(chars, 0, len);
        write(offset, b.array());
    }

    public int getDint(int offset) {
        return ByteBuffer.wrap(read(offset, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    public int getDint() {
        return getDint(0);
    }
}
