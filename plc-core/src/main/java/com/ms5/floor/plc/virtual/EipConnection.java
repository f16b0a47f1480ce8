package com.ms5.floor.plc.virtual;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * One client's TCP connection to the virtual Logix controller: EtherNet/IP encapsulation and the
 * CIP services a Logix client uses to read tags.
 *
 * <p>Byte layouts follow the ODVA EtherNet/IP and CIP specifications (Vol. 1 and 2) and what
 * shared/PLC4X-WIRE.md observed PLC4X 0.13.1 send. Everything is little-endian. Served:
 * <ul>
 *   <li>encapsulation: ListServices (0x0004), ListIdentity (0x0063), RegisterSession (0x0065),
 *       UnRegisterSession (0x0066), SendRRData (0x006F), SendUnitData (0x0070); anything else gets
 *       encapsulation status 0x0001 (invalid command)</li>
 *   <li>CIP: GetAttributesAll (0x01) on the Message Router, Forward Open (0x54), Large Forward Open
 *       (0x5B), Forward Close (0x4E), Unconnected Send (0x52), Multiple Service Packet (0x0A),
 *       Read Tag (0x4C); anything else gets general status 0x08 (service not supported)</li>
 * </ul>
 */
final class EipConnection {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EipConnection.class);
    // Encapsulation commands (EtherNet/IP spec, Vol. 2, table 2-3.2).
    private static final int LIST_SERVICES = 0x0004;
    private static final int LIST_IDENTITY = 0x0063;
    private static final int REGISTER_SESSION = 0x0065;
    private static final int UNREGISTER_SESSION = 0x0066;
    private static final int SEND_RR_DATA = 0x006F;
    private static final int SEND_UNIT_DATA = 0x0070;

    // Encapsulation status codes (Vol. 2, table 2-3.3).
    private static final int STATUS_INVALID_COMMAND = 0x0001;
    private static final int STATUS_INVALID_SESSION = 0x0064;
    private static final int STATUS_INVALID_LENGTH = 0x0065;
    private static final int STATUS_UNSUPPORTED_PROTOCOL = 0x0069;

    // Common packet format item types (Vol. 2, table 2-6.3).
    private static final int ITEM_NULL_ADDRESS = 0x0000;
    private static final int ITEM_CONNECTED_ADDRESS = 0x00A1;
    private static final int ITEM_CONNECTED_DATA = 0x00B1;
    private static final int ITEM_UNCONNECTED_DATA = 0x00B2;

    // CIP services and general status codes (Vol. 1, appendix A and B).
    private static final int SVC_GET_ATTRIBUTES_ALL = 0x01;
    private static final int SVC_MULTIPLE_SERVICE_PACKET = 0x0A;
    private static final int SVC_READ_TAG = 0x4C;
    private static final int SVC_FORWARD_CLOSE = 0x4E;
    private static final int SVC_UNCONNECTED_SEND = 0x52;
    private static final int SVC_FORWARD_OPEN = 0x54;
    private static final int SVC_LARGE_FORWARD_OPEN = 0x5B;
    private static final int GS_SUCCESS = 0x00;
    private static final int GS_CONNECTION_FAILURE = 0x01;
    private static final int GS_PATH_SEGMENT_ERROR = 0x04;
    private static final int GS_PATH_DESTINATION_UNKNOWN = 0x05;
    private static final int GS_SERVICE_NOT_SUPPORTED = 0x08;
    private static final int GS_NOT_ENOUGH_DATA = 0x13;
    private static final int GS_EMBEDDED_SERVICE_ERROR = 0x1E;

    private static final int CLASS_MESSAGE_ROUTER = 0x02;
    private static final int CLASS_CONNECTION_MANAGER = 0x06;
    /** Classes a 1769-L3x lists in its Message Router object list (identity, router, connection manager, symbol, template). */
    private static final int[] ROUTER_OBJECT_LIST = {0x01, 0x02, 0x06, 0x6B, 0x6C, 0xAC, 0xF5, 0xF6};
    /** Connection size granted when a client asks for more (a 1769-L3x accepts 4002 bytes). */
    private static final int MAX_CONNECTION_SIZE = 4002;

    private final DataInputStream in;
    private final OutputStream out;
    private final TagTable tags;
    private final String productName;
    private final IntSupplier sessionHandles;
    private final Map<Integer, ConnectedSession> connections = new HashMap<>();
    private int sessionHandle;
    private int nextConnectionId = 0x7F000001;

    /** A CIP class-3 connection opened with Forward Open. */
    private static final class ConnectedSession {
        final int otConnectionId;
        final int toConnectionId;
        final int serial;
        final int vendor;
        final int originatorSerial;
        final int maxSize;
        int lastSequence = -1;
        byte[] lastReply;

        ConnectedSession(int otId, int toId, int serial, int vendor, int originatorSerial, int maxSize) {
            this.otConnectionId = otId;
            this.toConnectionId = toId;
            this.serial = serial;
            this.vendor = vendor;
            this.originatorSerial = originatorSerial;
            this.maxSize = maxSize;
        }
    }

    EipConnection(InputStream in, OutputStream out, TagTable tags, String productName, IntSupplier sessionHandles) {
        this.in = new DataInputStream(in);
        this.out = out;
        this.tags = tags;
        this.productName = productName;
        this.sessionHandles = sessionHandles;
    }

    /** Serves requests until the client closes the connection or unregisters its session. */
    void run() throws IOException {
        byte[] header = new byte[24];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return;
            }
            ByteBuffer h = le(header);
            int command = h.getShort(0) & 0xFFFF;
            int length = h.getShort(2) & 0xFFFF;
            int session = h.getInt(4);
            byte[] body = new byte[length];
            in.readFully(body);
            if (!handle(command, session, header, le(body))) {
                return;
            }
        }
    }

    private boolean handle(int command, int session, byte[] requestHeader, ByteBuffer body) throws IOException {
        if (log.isTraceEnabled()) {
            log.trace("command 0x{} session 0x{} body {}", Integer.toHexString(command), Integer.toHexString(session),
                    java.util.HexFormat.ofDelimiter(" ").formatHex(body.array()));
        }
        switch (command) {
            case LIST_SERVICES -> reply(requestHeader, 0, 0, listServicesReply());
            case LIST_IDENTITY -> reply(requestHeader, 0, 0, listIdentityReply());
            case REGISTER_SESSION -> registerSession(requestHeader, body);
            case UNREGISTER_SESSION -> {
                return false; // no reply, the client closes the socket
            }
            case SEND_RR_DATA, SEND_UNIT_DATA -> {
                if (sessionHandle == 0 || session != sessionHandle) {
                    reply(requestHeader, session, STATUS_INVALID_SESSION, new byte[0]);
                } else if (body.remaining() < 8) {
                    reply(requestHeader, session, STATUS_INVALID_LENGTH, new byte[0]);
                } else if (command == SEND_RR_DATA) {
                    sendRrData(requestHeader, body);
                } else {
                    sendUnitData(requestHeader, body);
                }
            }
            default -> reply(requestHeader, session, STATUS_INVALID_COMMAND, new byte[0]);
        }
        return true;
    }

    private void registerSession(byte[] requestHeader, ByteBuffer body) throws IOException {
        if (body.remaining() < 4) {
            reply(requestHeader, 0, STATUS_INVALID_LENGTH, new byte[0]);
            return;
        }
        int protocolVersion = body.getShort(0) & 0xFFFF;
        if (protocolVersion != 1) {
            reply(requestHeader, 0, STATUS_UNSUPPORTED_PROTOCOL, new byte[] {1, 0, 0, 0});
            return;
        }
        sessionHandle = sessionHandles.getAsInt();
        reply(requestHeader, sessionHandle, 0, new byte[] {1, 0, 0, 0});
    }

    private void sendRrData(byte[] requestHeader, ByteBuffer body) throws IOException {
        byte[] request = items(body).get(ITEM_UNCONNECTED_DATA);
        if (request == null) {
            reply(requestHeader, sessionHandle, STATUS_INVALID_LENGTH, new byte[0]);
            return;
        }
        byte[] cipReply = unconnected(le(request));
        ByteBuffer reply = le(new byte[16 + cipReply.length]);
        reply.putInt(0).putShort((short) 0).putShort((short) 2);
        reply.putShort((short) ITEM_NULL_ADDRESS).putShort((short) 0);
        reply.putShort((short) ITEM_UNCONNECTED_DATA).putShort((short) cipReply.length).put(cipReply);
        reply(requestHeader, sessionHandle, 0, reply.array());
    }

    private void sendUnitData(byte[] requestHeader, ByteBuffer body) throws IOException {
        Map<Integer, byte[]> items = items(body);
        byte[] address = items.get(ITEM_CONNECTED_ADDRESS);
        byte[] data = items.get(ITEM_CONNECTED_DATA);
        ConnectedSession connection = address == null || address.length != 4 ? null : connections.get(le(address).getInt(0));
        if (connection == null || data == null || data.length < 2) {
            // A controller silently drops class-3 traffic for an unknown connection; answering
            // with an encapsulation error tells the client at once instead of after its timeout.
            reply(requestHeader, sessionHandle, STATUS_INVALID_LENGTH, new byte[0]);
            return;
        }
        ByteBuffer item = le(data);
        int sequence = item.getShort(0) & 0xFFFF;
        byte[] cipReply;
        if (sequence == connection.lastSequence && connection.lastReply != null) {
            cipReply = connection.lastReply; // a repeated sequence count is a retransmission
        } else {
            item.position(2);
            cipReply = connected(item.slice().order(ByteOrder.LITTLE_ENDIAN), connection);
            connection.lastSequence = sequence;
            connection.lastReply = cipReply;
        }
        ByteBuffer reply = le(new byte[22 + cipReply.length]);
        reply.putInt(0).putShort((short) 0).putShort((short) 2);
        reply.putShort((short) ITEM_CONNECTED_ADDRESS).putShort((short) 4).putInt(connection.toConnectionId);
        reply.putShort((short) ITEM_CONNECTED_DATA).putShort((short) (2 + cipReply.length))
                .putShort((short) sequence).put(cipReply);
        reply(requestHeader, sessionHandle, 0, reply.array());
    }

    /**
     * The common packet format items of a SendRRData/SendUnitData body (interface handle (4),
     * timeout (2), item count (2), then type, length and data per item), by item type.
     */
    private static Map<Integer, byte[]> items(ByteBuffer body) {
        Map<Integer, byte[]> items = new HashMap<>();
        body.position(6);
        int itemCount = body.getShort() & 0xFFFF;
        for (int i = 0; i < itemCount && body.remaining() >= 4; i++) {
            int type = body.getShort() & 0xFFFF;
            int len = body.getShort() & 0xFFFF;
            byte[] data = new byte[Math.min(len, body.remaining())];
            body.get(data);
            items.put(type, data);
        }
        return items;
    }

    /** A request that arrived unconnected (SendRRData): connection management or a routed message. */
    private byte[] unconnected(ByteBuffer request) {
        int service = request.get(0) & 0x7F;
        return switch (service) {
            case SVC_FORWARD_OPEN, SVC_LARGE_FORWARD_OPEN -> forwardOpen(request, service == SVC_LARGE_FORWARD_OPEN);
            case SVC_FORWARD_CLOSE -> forwardClose(request);
            case SVC_UNCONNECTED_SEND -> unconnectedSend(request);
            default -> messageRouter(request, Integer.MAX_VALUE);
        };
    }

    private byte[] connected(ByteBuffer request, ConnectedSession connection) {
        return messageRouter(request, connection.maxSize);
    }

    /** Services addressed to the Message Router or to tags; {@code maxReply} bounds the reply size. */
    private byte[] messageRouter(ByteBuffer request, int maxReply) {
        if (request.remaining() < 2) {
            return error(0, GS_NOT_ENOUGH_DATA);
        }
        int service = request.get(0) & 0x7F;
        int pathWords = request.get(1) & 0xFF;
        if (request.remaining() < 2 + pathWords * 2) {
            return error(service, GS_NOT_ENOUGH_DATA);
        }
        byte[] path = new byte[pathWords * 2];
        request.get(2, path);
        ByteBuffer data = request.slice(2 + path.length, request.remaining() - 2 - path.length).order(ByteOrder.LITTLE_ENDIAN);
        return switch (service) {
            case SVC_GET_ATTRIBUTES_ALL -> getAttributesAll(path);
            case SVC_MULTIPLE_SERVICE_PACKET -> multipleServicePacket(path, data, maxReply);
            case SVC_READ_TAG -> readTag(path, data);
            default -> error(service, GS_SERVICE_NOT_SUPPORTED);
        };
    }

    private byte[] getAttributesAll(byte[] path) {
        int[] classInstance = LogicalPath.classAndInstance(path);
        if (classInstance == null || classInstance[0] != CLASS_MESSAGE_ROUTER) {
            return error(SVC_GET_ATTRIBUTES_ALL, GS_PATH_DESTINATION_UNKNOWN);
        }
        // Message Router attributes 1-3: object list (count + class ids), max connections, active connections.
        ByteBuffer reply = le(new byte[4 + 2 + ROUTER_OBJECT_LIST.length * 2 + 4]);
        reply.put((byte) (SVC_GET_ATTRIBUTES_ALL | 0x80)).put((byte) 0).put((byte) GS_SUCCESS).put((byte) 0);
        reply.putShort((short) ROUTER_OBJECT_LIST.length);
        for (int classId : ROUTER_OBJECT_LIST) {
            reply.putShort((short) classId);
        }
        reply.putShort((short) 32).putShort((short) connections.size());
        return reply.array();
    }

    private byte[] readTag(byte[] path, ByteBuffer data) {
        String name;
        try {
            name = SymbolicPath.parse(path);
        } catch (IllegalArgumentException e) {
            return error(SVC_READ_TAG, GS_PATH_SEGMENT_ERROR);
        }
        var value = tags.read(name);
        if (value.isEmpty()) {
            // What a Logix controller answers for a tag it does not have (shared/PLC4X-WIRE.md).
            return error(SVC_READ_TAG, GS_PATH_SEGMENT_ERROR);
        }
        CipValue v = value.get();
        ByteBuffer reply = le(new byte[6 + v.data().length]);
        reply.put((byte) (SVC_READ_TAG | 0x80)).put((byte) 0).put((byte) GS_SUCCESS).put((byte) 0);
        reply.putShort((short) v.typeCode()).put(v.data());
        return reply.array();
    }

    private byte[] multipleServicePacket(byte[] path, ByteBuffer data, int maxReply) {
        int[] classInstance = LogicalPath.classAndInstance(path);
        if (classInstance == null || classInstance[0] != CLASS_MESSAGE_ROUTER || data.remaining() < 2) {
            return error(SVC_MULTIPLE_SERVICE_PACKET, GS_PATH_DESTINATION_UNKNOWN);
        }
        int count = data.getShort(0) & 0xFFFF;
        if (data.remaining() < 2 + 2 * count) {
            return error(SVC_MULTIPLE_SERVICE_PACKET, GS_NOT_ENOUGH_DATA);
        }
        // Offsets count from the start of the service-count field.
        byte[][] replies = new byte[count][];
        boolean anyError = false;
        for (int i = 0; i < count; i++) {
            int start = data.getShort(2 + 2 * i) & 0xFFFF;
            int end = i + 1 < count ? data.getShort(2 + 2 * (i + 1)) & 0xFFFF : data.remaining();
            if (start > end || end > data.remaining()) {
                return error(SVC_MULTIPLE_SERVICE_PACKET, GS_NOT_ENOUGH_DATA);
            }
            replies[i] = messageRouter(data.slice(start, end - start).order(ByteOrder.LITTLE_ENDIAN), maxReply);
            anyError |= replies[i][2] != GS_SUCCESS;
        }
        int headerLen = 2 + 2 * count;
        int total = headerLen;
        for (byte[] r : replies) {
            total += r.length;
        }
        ByteBuffer reply = le(new byte[4 + total]);
        reply.put((byte) (SVC_MULTIPLE_SERVICE_PACKET | 0x80)).put((byte) 0)
                .put((byte) (anyError ? GS_EMBEDDED_SERVICE_ERROR : GS_SUCCESS)).put((byte) 0);
        reply.putShort((short) count);
        int offset = headerLen;
        for (byte[] r : replies) {
            reply.putShort((short) offset);
            offset += r.length;
        }
        for (byte[] r : replies) {
            reply.put(r);
        }
        return reply.array();
    }

    private byte[] forwardOpen(ByteBuffer request, boolean large) {
        int service = large ? SVC_LARGE_FORWARD_OPEN : SVC_FORWARD_OPEN;
        int pathWords = request.get(1) & 0xFF;
        ByteBuffer p = request.slice(2 + pathWords * 2, request.remaining() - 2 - pathWords * 2).order(ByteOrder.LITTLE_ENDIAN);
        int paramsLen = large ? 4 : 2;
        if (p.remaining() < 32 + 2 * paramsLen) {
            return error(service, GS_NOT_ENOUGH_DATA);
        }
        p.position(2); // priority/tick time, timeout ticks
        p.getInt(); // O->T connection id: chosen by the target
        int toConnectionId = p.getInt();
        int serial = p.getShort() & 0xFFFF;
        int vendor = p.getShort() & 0xFFFF;
        int originatorSerial = p.getInt();
        p.position(p.position() + 4); // timeout multiplier + reserved
        int otRpi = p.getInt();
        int otParams = large ? p.getInt() : p.getShort() & 0xFFFF;
        int toRpi = p.getInt();
        p.position(p.position() + paramsLen); // T->O parameters
        int requestedSize = large ? otParams & 0xFFFF : otParams & 0x01FF;
        int grantedSize = Math.min(requestedSize, MAX_CONNECTION_SIZE);

        int otConnectionId = nextConnectionId++;
        connections.put(otConnectionId, new ConnectedSession(otConnectionId, toConnectionId, serial, vendor,
                originatorSerial, grantedSize));

        ByteBuffer reply = le(new byte[30]);
        reply.put((byte) (service | 0x80)).put((byte) 0).put((byte) GS_SUCCESS).put((byte) 0);
        reply.putInt(otConnectionId).putInt(toConnectionId);
        reply.putShort((short) serial).putShort((short) vendor).putInt(originatorSerial);
        reply.putInt(otRpi).putInt(toRpi); // actual packet intervals: as requested
        reply.put((byte) 0).put((byte) 0); // application reply size, reserved
        return reply.array();
    }

    private byte[] forwardClose(ByteBuffer request) {
        int pathWords = request.get(1) & 0xFF;
        ByteBuffer p = request.slice(2 + pathWords * 2, request.remaining() - 2 - pathWords * 2).order(ByteOrder.LITTLE_ENDIAN);
        if (p.remaining() < 10) {
            return error(SVC_FORWARD_CLOSE, GS_NOT_ENOUGH_DATA);
        }
        int serial = p.getShort(2) & 0xFFFF;
        int vendor = p.getShort(4) & 0xFFFF;
        int originatorSerial = p.getInt(6);
        boolean found = connections.values().removeIf(c ->
                c.serial == serial && c.vendor == vendor && c.originatorSerial == originatorSerial);
        ByteBuffer reply = le(new byte[14]);
        reply.put((byte) (SVC_FORWARD_CLOSE | 0x80)).put((byte) 0)
                .put((byte) (found ? GS_SUCCESS : GS_CONNECTION_FAILURE)).put((byte) 0);
        reply.putShort((short) serial).putShort((short) vendor).putInt(originatorSerial);
        reply.put((byte) 0).put((byte) 0);
        return reply.array();
    }

    /** Unconnected Send (0x52) carries a message routed to the controller in the given slot: answer it directly. */
    private byte[] unconnectedSend(ByteBuffer request) {
        int pathWords = request.get(1) & 0xFF;
        int at = 2 + pathWords * 2 + 2; // skip path, priority/tick, timeout ticks
        if (request.remaining() < at + 2) {
            return error(SVC_UNCONNECTED_SEND, GS_NOT_ENOUGH_DATA);
        }
        int messageSize = request.getShort(at) & 0xFFFF;
        if (request.remaining() < at + 2 + messageSize) {
            return error(SVC_UNCONNECTED_SEND, GS_NOT_ENOUGH_DATA);
        }
        return messageRouter(request.slice(at + 2, messageSize).order(ByteOrder.LITTLE_ENDIAN), Integer.MAX_VALUE);
    }

    private byte[] listServicesReply() {
        ByteBuffer b = le(new byte[2 + 4 + 20]);
        b.putShort((short) 1);
        b.putShort((short) 0x0100).putShort((short) 20);
        b.putShort((short) 1); // encapsulation protocol version
        b.putShort((short) 0x0120); // capability flags: CIP over TCP (bit 5), class 0/1 over UDP (bit 8)
        byte[] name = new byte[16];
        byte[] text = "Communications".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, name, 0, text.length);
        b.put(name);
        return b.array();
    }

    private byte[] listIdentityReply() {
        byte[] name = productName.getBytes(StandardCharsets.US_ASCII);
        int itemLen = 2 + 16 + 2 + 2 + 2 + 2 + 2 + 4 + 1 + name.length + 1;
        ByteBuffer b = le(new byte[2 + 4 + itemLen]);
        b.putShort((short) 1);
        b.putShort((short) 0x000C).putShort((short) itemLen);
        b.putShort((short) 1); // encapsulation protocol version
        // socket address, big-endian: AF_INET, port 44818, 127.0.0.1, zero padding
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) 2).putShort((short) 44818).put(new byte[] {127, 0, 0, 1}).putLong(0);
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 1); // vendor: Rockwell Automation/Allen-Bradley
        b.putShort((short) 14); // device type: programmable logic controller
        b.putShort((short) 0x0066); // product code
        b.put((byte) 33).put((byte) 11); // revision 33.011
        b.putShort((short) 0x0060); // status: run mode, configured
        b.putInt(0x60C0FFEE); // serial number
        b.put((byte) name.length).put(name);
        b.put((byte) 3); // state: operational
        return b.array();
    }

    private static byte[] error(int service, int generalStatus) {
        return new byte[] {(byte) (service | 0x80), 0, (byte) generalStatus, 0};
    }

    private void reply(byte[] requestHeader, int session, int status, byte[] body) throws IOException {
        ByteBuffer b = le(new byte[24 + body.length]);
        b.putShort(le(requestHeader).getShort(0));
        b.putShort((short) body.length);
        b.putInt(session);
        b.putInt(status);
        b.put(requestHeader, 12, 8); // sender context, echoed
        b.putInt(0);
        b.put(body);
        out.write(b.array());
        out.flush();
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
