package com.ms5.floor.plc.virtual;

/** Reads CIP logical-segment paths (class and instance), CIP Vol. 1 appendix C-1.4.2. */
final class LogicalPath {
    private LogicalPath() {
    }

    /**
     * @return {class, instance, attribute} of a path of 8- or 16-bit class, instance and attribute
     *         segments (-1 where absent), or {@code null} if the path is not of that form
     */
    static int[] classAndInstance(byte[] path) {
        int[] result = {-1, -1, -1};
        int i = 0;
        while (i < path.length) {
            int segment = path[i] & 0xFF;
            int kind = segment & 0xFC; // logical type in bits 2-4, format in bits 0-1
            int format = segment & 0x03;
            int value;
            if (format == 0 && i + 1 < path.length) {
                value = path[i + 1] & 0xFF;
                i += 2;
            } else if (format == 1 && i + 3 < path.length) {
                value = (path[i + 2] & 0xFF) | (path[i + 3] & 0xFF) << 8;
                i += 4;
            } else {
                return null;
            }
            switch (kind) {
                case 0x20 -> result[0] = value;
                case 0x24 -> result[1] = value;
                case 0x30 -> result[2] = value;
                default -> {
                    return null;
                }
            }
        }
        return result[0] < 0 ? null : result;
    }
}
