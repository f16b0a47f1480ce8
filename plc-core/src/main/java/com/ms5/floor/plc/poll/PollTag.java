package com.ms5.floor.plc.poll;

import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.TagAddress;
import com.ms5.floor.plc.tagmap.TagMap;
import java.util.ArrayList;
import java.util.List;

/**
 * One tag as a poller reads it.
 *
 * @param name          the value's name in sample batches ({@code L1-FILLER.totalCount})
 * @param driverAddress the address as the PLC4X driver takes it ({@code L1_Filler.TotalCount:DINT})
 * @param scaling       raw to engineering units, or {@code null}
 * @param scanClass     the scan class's name; tags with the same name are read together
 * @param periodMillis  the scan class's period
 */
public record PollTag(String name, String driverAddress, DataType type, TagMap.Scaling scaling, double deadband,
                      String scanClass, long periodMillis) {

    /**
     * The tags of one connection of a valid tag map.
     *
     * @throws IllegalArgumentException if the map has not been validated and a binding is unreadable
     */
    public static List<PollTag> of(TagMap map, String connectionId) {
        TagMap.Connection connection = map.connection(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("no connection " + connectionId));
        List<PollTag> tags = new ArrayList<>();
        for (TagMap.Machine machine : map.machines()) {
            if (!connectionId.equals(machine.connection())) {
                continue;
            }
            for (TagMap.Binding b : machine.bindings()) {
                TagMap.ScanClass scan = connection.scanClass(b.scanClass()).orElseThrow(() ->
                        new IllegalArgumentException(machine.id() + ": no scan class " + b.scanClass()));
                try {
                    tags.add(new PollTag(b.valueName(machine.id()), TagAddress.plc4x(connection.driver(), b.address(), b.type()),
                            b.type(), b.scaling(), b.deadband(), scan.name(), scan.periodMillis()));
                } catch (TagAddress.InvalidAddressException e) {
                    throw new IllegalArgumentException(machine.id() + ": " + e.getMessage(), e);
                }
            }
        }
        return tags;
    }

    /** Bytes this tag adds to a Multiple Service Packet request and to its reply (CIP Vol. 1, 4-4 / Logix 1756-PM020). */
    int requestBytes() {
        String symbol = driverAddress.substring(0, driverAddress.lastIndexOf(':'));
        int path = 0;
        for (String segment : symbol.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            path += 2 + name.length() + (name.length() % 2);
            if (bracket >= 0) {
                long index = Long.parseLong(segment.substring(bracket + 1, segment.length() - 1));
                path += index <= 0xFF ? 2 : index <= 0xFFFF ? 4 : 6;
            }
        }
        return 2 /* offset */ + 2 /* service, path size */ + path + 2 /* element count */;
    }

    int replyBytes() {
        int data = switch (type) {
            case BOOL, SINT, USINT -> 1;
            case INT, UINT -> 2;
            case DINT, UDINT, REAL -> 4;
            case LINT, ULINT, LREAL -> 8;
            case STRING -> 2 + 88; // structure handle, then LEN and 82 characters, padded
        };
        return 2 /* offset */ + 4 /* reply header */ + 2 /* type */ + data;
    }
}
