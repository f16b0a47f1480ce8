package com.ms5.floor.plc.virtual;

import java.nio.charset.StandardCharsets;

/**
 * Turns a Logix request path of ANSI extended symbol segments (0x91) and member/element segments
 * (0x28, 0x29, 0x2A) into the tag's name as written in Logix, for example {@code Line.Counts[3]}.
 * CIP Vol. 1 appendix C-1.5 (data segments) and Logix 5000 Data Access (publication 1756-PM020).
 */
final class SymbolicPath {
    private SymbolicPath() {
    }

    static String parse(byte[] path) {
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < path.length) {
            int segment = path[i] & 0xFF;
            switch (segment) {
                case 0x91 -> {
                    if (i + 1 >= path.length) {
                        throw new IllegalArgumentException("symbol segment without a length");
                    }
                    int len = path[i + 1] & 0xFF;
                    if (i + 2 + len > path.length || len == 0) {
                        throw new IllegalArgumentException("symbol segment longer than the path");
                    }
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(new String(path, i + 2, len, StandardCharsets.US_ASCII));
                    i += 2 + len + (len % 2); // padded to an even length
                }
                case 0x28 -> {
                    requireLength(path, i + 2);
                    name.append('[').append(path[i + 1] & 0xFF).append(']');
                    i += 2;
                }
                case 0x29 -> {
                    requireLength(path, i + 4);
                    name.append('[').append((path[i + 2] & 0xFF) | (path[i + 3] & 0xFF) << 8).append(']');
                    i += 4;
                }
                case 0x2A -> {
                    requireLength(path, i + 6);
                    long index = (path[i + 2] & 0xFFL) | (path[i + 3] & 0xFFL) << 8
                            | (path[i + 4] & 0xFFL) << 16 | (path[i + 5] & 0xFFL) << 24;
                    name.append('[').append(index).append(']');
                    i += 6;
                }
                default -> throw new IllegalArgumentException("unsupported segment 0x" + Integer.toHexString(segment));
            }
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty tag path");
        }
        return name.toString();
    }

    private static void requireLength(byte[] path, int needed) {
        if (path.length < needed) {
            throw new IllegalArgumentException("segment runs past the end of the path");
        }
    }
}
