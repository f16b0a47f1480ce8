package com.ms5.floor.plc.virtual;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Logix request path: ANSI extended symbol segments (0x91) for tag and member names
 * and 8/16/32-bit member-ID segments (0x28, 0x29, 0x2A) for array indices.
 * CIP Vol. 1 appendix C-1.5 and Logix 5000 Data Access (publication 1756-PM020).
 */
final class SymbolicPath {
    sealed interface Segment permits Symbol, Index {
    }

    record Symbol(String name) implements Segment {
    }

    record Index(long value) implements Segment {
    }

    private SymbolicPath() {
    }

    static List<Segment> parse(byte[] path) throws CipException {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (i < path.length) {
            int segment = path[i] & 0xFF;
            switch (segment) {
                case 0x91 -> {
                    require(path, i + 2);
                    int len = path[i + 1] & 0xFF;
                    require(path, i + 2 + len);
                    if (len == 0) {
                        throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
                    }
                    segments.add(new Symbol(new String(path, i + 2, len, StandardCharsets.US_ASCII)));
                    i += 2 + len + (len % 2); // padded to an even length
                }
                case 0x28 -> {
                    require(path, i + 2);
                    segments.add(new Index(path[i + 1] & 0xFF));
                    i += 2;
                }
                case 0x29 -> {
                    require(path, i + 4);
                    segments.add(new Index((path[i + 2] & 0xFF) | (path[i + 3] & 0xFF) << 8));
                    i += 4;
                }
                case 0x2A -> {
                    require(path, i + 6);
                    segments.add(new Index((path[i + 2] & 0xFFL) | (path[i + 3] & 0xFFL) << 8
                            | (path[i + 4] & 0xFFL) << 16 | (path[i + 5] & 0xFFL) << 24));
                    i += 6;
                }
                default -> throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
            }
        }
        if (segments.isEmpty()) {
            throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
        }
        return segments;
    }

    private static void require(byte[] path, int length) throws CipException {
        if (path.length < length) {
            throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
        }
    }
}
