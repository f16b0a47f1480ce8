package com.ms5.floor.plc.virtual;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data files of a simulated SLC 5/05: numbered files of 16-bit words, each of one type.
 * Type codes and element sizes: Allen-Bradley DF1 Protocol and Command Set Reference Manual
 * (publication 1770-6.5.16), chapter 7, protected typed logical read/write.
 * Thread-safe.
 */
public final class PcccDataTable {
    /** File types with their PCCC type code and words per element. */
    public enum FileType {
        STATUS('S', 0x84, 1), BIT('B', 0x85, 1), TIMER('T', 0x86, 3), COUNTER('C', 0x87, 3),
        INTEGER('N', 0x89, 1), FLOAT('F', 0x8A, 2);

        final char letter;
        final int code;
        final int wordsPerElement;

        FileType(char letter, int code, int wordsPerElement) {
            this.letter = letter;
            this.code = code;
            this.wordsPerElement = wordsPerElement;
        }

        static FileType ofCode(int code) {
            for (FileType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    /** One data file: its type and its words. */
    public static final class DataFile {
        final FileType type;
        private final short[] words;

        DataFile(FileType type, int elements) {
            this.type = type;
            this.words = new short[elements * type.wordsPerElement];
        }

        public int elements() {
            return words.length / type.wordsPerElement;
        }

        public synchronized void setWord(int element, int subElement, int value) {
            words[element * type.wordsPerElement + subElement] = (short) value;
        }

        public synchronized short word(int element, int subElement) {
            return words[element * type.wordsPerElement + subElement];
        }

        public void setFloat(int element, float value) {
            int bits = Float.floatToIntBits(value);
            synchronized (this) {
                words[element * 2] = (short) bits; // low word first, as the SLC stores it
                words[element * 2 + 1] = (short) (bits >>> 16);
            }
        }

        /** Bytes from a word position on, little-endian as PCCC carries them; {@code null} past the end. */
        synchronized byte[] read(int wordIndex, int byteCount) {
            if (wordIndex < 0 || wordIndex * 2 + byteCount > words.length * 2) {
                return null;
            }
            byte[] out = new byte[byteCount];
            for (int i = 0; i < byteCount; i++) {
                short w = words[wordIndex + i / 2];
                out[i] = (byte) (i % 2 == 0 ? w : w >> 8);
            }
            return out;
        }

        synchronized boolean write(int wordIndex, byte[] bytes) {
            if (wordIndex < 0 || bytes.length % 2 != 0 || wordIndex * 2 + bytes.length > words.length * 2) {
                return false;
            }
            for (int i = 0; i < bytes.length; i += 2) {
                words[wordIndex + i / 2] = (short) ((bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8);
            }
            return true;
        }
    }

    private final Map<Integer, DataFile> files = new ConcurrentHashMap<>();
    private volatile Runnable beforeAccess = () -> { };

    /** Creates data file {@code number} (1-255) of {@code elements} elements. */
    public DataFile define(int number, FileType type, int elements) {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("SLC file numbers are 0-255, was " + number);
        }
        DataFile file = new DataFile(type, elements);
        if (files.putIfAbsent(number, file) != null) {
            throw new IllegalArgumentException("File " + type.letter + number + " is defined twice");
        }
        return file;
    }

    public DataFile file(int number) {
        return files.get(number);
    }

    /** Run before each request is served, so a simulation can bring the files up to date. */
    public void beforeAccess(Runnable hook) {
        this.beforeAccess = hook;
    }

    void touch() {
        beforeAccess.run();
    }
}
