package com.ms5.floor.plc.virtual;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's TCP connection to the virtual Logix controller: EtherNet/IP encapsulation and
 * the Connection Manager; the services themselves are the {@link CipRouter}'s.
 *
 * <p>Byte layouts follow the ODVA EtherNet/IP specification (Vol. 2, chapter 2: encapsulation;
 * 2-6: common packet format) and CIP Vol. 1 (3-5: Connection Manager), and what
 * shared/PLC4X-WIRE.md observed PLC4X 0.13.1 send. Everything is little-endian. Served:
 * <ul>
 *   <li>encapsulation: ListServices (0x0004), ListIdentity (0x0063), RegisterSession (0x0065),
 *       UnRegisterSession (0x0066), SendRRData (0x006F), SendUnitData (0x0070); anything else gets
 *       encapsulation status 0x0001 (invalid command)</li>
 *   <li>Connection Manager: Forward Open (0x54) and Large Forward Open (0x5B) with connection-size
 *       negotiation and timeouts, Forward Close (0x4E), Unconnected Send (0x52) with its route</li>
 *   <li>connected messages: a repeated sequence count gets the previous reply again</li>
 * </ul>
 */
final class EipConnection implements FrameProtocol {
    private static final Logger log = LoggerFactory.getLogger(EipConnection.class);

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
    /** The largest encapsulated body a controller accepts. */
    private static final int MAX_BODY = 65_511;

    // Common packet format item types (Vol. 2, table 2-6.3).
    private static final int ITEM_NULL_ADDRESS = 0x0000;
    private static final int ITEM_CONNECTED_ADDRESS = 0x00A1;
    private static final int ITEM_CONNECTED_DATA = 0x00B1;
    private static final int ITEM_UNCONNECTED_DATA = 0x00B2;

    // Connection Manager services (CIP Vol. 1, 3-5.5) and status.
    private static final int SVC_FORWARD_CLOSE = 0x4E;
    private static final int SVC_UNCONNECTED_SEND = 0x52;
    private static final int SVC_FORWARD_OPEN = 0x54;
    private static final int SVC_LARGE_FORWARD_OPEN = 0x5B;
    private static final int CLASS_CONNECTION_MANAGER = 0x06;
    /** Extended status of a Forward Open: connection in use or duplicate Forward Open. */
    private static final int EXT_DUPLICATE_FORWARD_OPEN = 0x0100;
    /** Extended status of a Forward Open: invalid connection size; the largest allowed follows. */
    private static final int EXT_INVALID_CONNECTION_SIZE = 0x0109;
    /** Largest connection a 1769-L3x grants with Large Forward Open, and with Forward Open (9-bit size). */
    private static final int MAX_LARGE_CONNECTION_SIZE = 4002;
    private static final int MAX_CONNECTION_SIZE = 511;
    /** Largest unconnected (UCMM) reply a Logix controller sends. */
    private static final int MAX_UNCONNECTED_REPLY = 504;

    private final Consumer<byte[]> replies;
    private final TagDatabase tags;
    private final CipRouter router;
    private final String productName;
    private final IntSupplier sessionHandles;
    private final FaultInjector faults;
    private final Map<Integer, ConnectedSession> connections = new HashMap<>();
    private int sessionHandle;
    private int nextConnectionId = 0x7F000001;

    /** A CIP class-3 connection opened with Forward Open. */
    private static final class ConnectedSession {
        final int toConnectionId;
        final int serial;
        final int vendor;
        final int originatorSerial;
        final int maxSize;
        final long timeoutNanos;
        long lastActivity = System.nanoTime();
        int lastSequence = -1;
        byte[] lastReply;

        ConnectedSession(int toId, int serial, int vendor, int originatorSerial, int maxSize, long timeoutNanos) {
            this.toConnectionId = toId;
            this.serial = serial;
            this.vendor = vendor;
            this.originatorSerial = originatorSerial;
            this.maxSize = maxSize;
            this.timeoutNanos = timeoutNanos;
        }

        boolean sameOriginator(int serial, int vendor, int originatorSerial) {
            return this.serial == serial && this.vendor == vendor && this.originatorSerial == originatorSerial;
        }
    }

    EipConnection(Consumer<byte[]> replies, TagDatabase tags, String productName,
                  IntSupplier sessionHandles, FaultInjector faults) {
        this.replies = replies;
        this.tags = tags;
        this.router = new CipRouter(tags, productName, faults);
        this.productName = productName;
        this.sessionHandles = sessionHandles;
        this.faults = faults;
    }

    @Override
    public int headerLength() {
        return 24;
    }

    @Override
    public int bodyLength(ByteBuffer header) {
        int length = header.order(ByteOrder.LITTLE_ENDIAN).getShort(2) & 0xFFFF;
        if (length > MAX_BODY) {
            byte[] bytes = new byte[24];
            header.get(0, bytes);
            reply(bytes, header.getInt(4), STATUS_INVALID_LENGTH, new byte[0]);
            return -1; // the stream cannot be resynchronised
        }
        return length;
    }

    @Override
    public boolean onFrame(byte[] header, byte[] body) {
        ByteBuffer h = le(header);
        int command = h.getShort(0) & 0xFFFF;
        int session = h.getInt(4);
        if (log.isTraceEnabled()) {
            log.trace("command 0x{} session 0x{} body {}", Integer.toHexString(command),
                    Integer.toHexString(session), java.util.HexFormat.ofDelimiter(" ").formatHex(body));
        }
        return handle(command, session, header, le(body));
    }

    private boolean handle(int command, int session, byte[] requestHeader, ByteBuffer body) {
        switch (command) {
            case LIST_SERVICES -> reply(requestHeader, 0, 0, listServicesReply());
            case LIST_IDENTITY -> reply(requestHeader, 0, 0, listIdentityReply());
            case REGISTER_SESSION -> registerSession(requestHeader, body);
            case UNREGISTER_SESSION -> {
                return false; // no reply; the session and its connections end with the socket
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

    private void registerSession(byte[] requestHeader, ByteBuffer body) {
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

    private void sendRrData(byte[] requestHeader, ByteBuffer body) {
        byte[] request = items(body).get(ITEM_UNCONNECTED_DATA);
        if (request == null || request.length < 2) {
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

    private void sendUnitData(byte[] requestHeader, ByteBuffer body) {
        Map<Integer, byte[]> items = items(body);
        byte[] address = items.get(ITEM_CONNECTED_ADDRESS);
        byte[] data = items.get(ITEM_CONNECTED_DATA);
        ConnectedSession connection = address == null || address.length != 4 ? null : connection(le(address).getInt(0));
        if (connection == null || data == null || data.length < 4) {
            // A controller drops class-3 traffic for a connection it does not have (never opened,
            // closed, or timed out); answering at once spares the client its timeout.
            reply(requestHeader, sessionHandle, STATUS_INVALID_LENGTH, new byte[0]);
            return;
        }
        ByteBuffer item = le(data);
        int sequence = item.getShort(0) & 0xFFFF;
        byte[] cipReply;
        if (sequence == connection.lastSequence && connection.lastReply != null) {
            cipReply = connection.lastReply; // a repeated sequence count is a retransmission
        } else {
            tags.touch();
            cipReply = router.serve(item.slice(2, data.length - 2).order(ByteOrder.LITTLE_ENDIAN), connection.maxSize);
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

    /** The open connection with this O->T id, or {@code null}; a connection idle past its timeout is closed. */
    private ConnectedSession connection(int otConnectionId) {
        ConnectedSession connection = connections.get(otConnectionId);
        if (connection == null) {
            return null;
        }
        long now = System.nanoTime();
        if (now - connection.lastActivity > connection.timeoutNanos) {
            connections.remove(otConnectionId);
            log.debug("Connection 0x{} timed out", Integer.toHexString(otConnectionId));
            return null;
        }
        connection.lastActivity = now;
        return connection;
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

    /** A request that arrived unconnected (SendRRData): connection management, a routed message, or a service. */
    private byte[] unconnected(ByteBuffer request) {
        int service = request.get(0) & 0x7F;
        int[] target = request.remaining() >= 2 + 2 * (request.get(1) & 0xFF)
                ? LogicalPath.classAndInstance(pathOf(request)) : null;
        if (target != null && target[0] == CLASS_CONNECTION_MANAGER) {
            return switch (service) {
                case SVC_FORWARD_OPEN, SVC_LARGE_FORWARD_OPEN -> forwardOpen(request, service == SVC_LARGE_FORWARD_OPEN);
                case SVC_FORWARD_CLOSE -> forwardClose(request);
                case SVC_UNCONNECTED_SEND -> unconnectedSend(request);
                default -> CipRouter.error(service, CipException.SERVICE_NOT_SUPPORTED, 0);
            };
        }
        // 0x52 addressed to a tag rather than to the Connection Manager is Read Tag Fragmented.
        tags.touch();
        return router.serve(request, MAX_UNCONNECTED_REPLY);
    }

    private byte[] forwardOpen(ByteBuffer request, boolean large) {
        int service = large ? SVC_LARGE_FORWARD_OPEN : SVC_FORWARD_OPEN;
        ByteBuffer p = afterPath(request);
        int paramsLen = large ? 4 : 2;
        if (p.remaining() < 32 + 2 * paramsLen) {
            return CipRouter.error(service, CipException.NOT_ENOUGH_DATA, 0);
        }
        p.position(2); // priority/tick time, timeout ticks
        p.getInt(); // O->T connection id: the target chooses it
        int toConnectionId = p.getInt();
        int serial = p.getShort() & 0xFFFF;
        int vendor = p.getShort() & 0xFFFF;
        int originatorSerial = p.getInt();
        int timeoutMultiplier = p.get() & 0x07;
        p.position(p.position() + 3); // reserved
        int otRpi = p.getInt();
        int otParams = large ? p.getInt() : p.getShort() & 0xFFFF;
        int toRpi = p.getInt();
        p.position(p.position() + paramsLen); // T->O parameters

        int requestedSize = large ? otParams & 0xFFFF : otParams & 0x01FF;
        int maxSize = large ? MAX_LARGE_CONNECTION_SIZE : MAX_CONNECTION_SIZE;
        if (requestedSize > maxSize) {
            // Refused with the size the client may ask for instead (connection-size negotiation).
            return forwardOpenFailure(service, serial, vendor, originatorSerial, EXT_INVALID_CONNECTION_SIZE, maxSize);
        }
        for (ConnectedSession open : connections.values()) {
            if (open.sameOriginator(serial, vendor, originatorSerial)) {
                return forwardOpenFailure(service, serial, vendor, originatorSerial, EXT_DUPLICATE_FORWARD_OPEN, -1);
            }
        }
        // The connection times out after RPI x (4 << multiplier) without traffic (CIP Vol. 1, 3-4.4.3).
        long timeoutNanos = Math.max(1, (long) otRpi) * 1000L * (4L << timeoutMultiplier);
        int otConnectionId = nextConnectionId++;
        connections.put(otConnectionId, new ConnectedSession(toConnectionId, serial, vendor, originatorSerial,
                requestedSize, timeoutNanos));

        ByteBuffer reply = le(new byte[30]);
        reply.put((byte) (service | 0x80)).put((byte) 0).put((byte) 0).put((byte) 0);
        reply.putInt(otConnectionId).putInt(toConnectionId);
        reply.putShort((short) serial).putShort((short) vendor).putInt(originatorSerial);
        reply.putInt(otRpi).putInt(toRpi); // actual packet intervals: as requested
        reply.put((byte) 0).put((byte) 0); // application reply size, reserved
        return reply.array();
    }

    /** Unsuccessful Forward Open reply: status 0x01 with extended status words, then the originator's ids. */
    private static byte[] forwardOpenFailure(int service, int serial, int vendor, int originatorSerial,
                                             int extendedStatus, int extraWord) {
        int words = extraWord >= 0 ? 2 : 1;
        ByteBuffer reply = le(new byte[4 + 2 * words + 10]);
        reply.put((byte) (service | 0x80)).put((byte) 0).put((byte) CipException.CONNECTION_FAILURE).put((byte) words);
        reply.putShort((short) extendedStatus);
        if (extraWord >= 0) {
            reply.putShort((short) extraWord);
        }
        reply.putShort((short) serial).putShort((short) vendor).putInt(originatorSerial);
        reply.put((byte) 0).put((byte) 0); // remaining path size, reserved
        return reply.array();
    }

    private byte[] forwardClose(ByteBuffer request) {
        ByteBuffer p = afterPath(request);
        if (p.remaining() < 10) {
            return CipRouter.error(SVC_FORWARD_CLOSE, CipException.NOT_ENOUGH_DATA, 0);
        }
        int serial = p.getShort(2) & 0xFFFF;
        int vendor = p.getShort(4) & 0xFFFF;
        int originatorSerial = p.getInt(6);
        boolean found = connections.values().removeIf(c -> c.sameOriginator(serial, vendor, originatorSerial));
        ByteBuffer reply = le(new byte[found ? 14 : 16]);
        reply.put((byte) (SVC_FORWARD_CLOSE | 0x80)).put((byte) 0);
        if (found) {
            reply.put((byte) 0).put((byte) 0);
        } else {
            // connection not found at the target application (CIP Vol. 1, table 3-5.33: 0x0107)
            reply.put((byte) CipException.CONNECTION_FAILURE).put((byte) 1).putShort((short) 0x0107);
        }
        reply.putShort((short) serial).putShort((short) vendor).putInt(originatorSerial);
        reply.put((byte) 0).put((byte) 0);
        return reply.array();
    }

    /** Unconnected Send (0x52) carries a message routed to the controller in the given slot: answer it directly. */
    private byte[] unconnectedSend(ByteBuffer request) {
        ByteBuffer p = afterPath(request);
        if (p.remaining() < 4) {
            return CipRouter.error(SVC_UNCONNECTED_SEND, CipException.NOT_ENOUGH_DATA, 0);
        }
        int messageSize = p.getShort(2) & 0xFFFF; // after priority/tick time and timeout ticks
        if (p.remaining() < 4 + messageSize) {
            return CipRouter.error(SVC_UNCONNECTED_SEND, CipException.NOT_ENOUGH_DATA, 0);
        }
        tags.touch();
        return router.serve(p.slice(4, messageSize).order(ByteOrder.LITTLE_ENDIAN), MAX_UNCONNECTED_REPLY);
    }

    private static byte[] pathOf(ByteBuffer request) {
        byte[] path = new byte[(request.get(1) & 0xFF) * 2];
        request.get(2, path);
        return path;
    }

    private static ByteBuffer afterPath(ByteBuffer request) {
        int start = 2 + (request.get(1) & 0xFF) * 2;
        return request.slice(start, Math.max(0, request.remaining() - start)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] listServicesReply() {
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
        byte[] identity = CipRouter.identity(productName);
        int itemLen = 2 + 16 + identity.length + 1;
        ByteBuffer b = le(new byte[2 + 4 + itemLen]);
        b.putShort((short) 1);
        b.putShort((short) 0x000C).putShort((short) itemLen);
        b.putShort((short) 1); // encapsulation protocol version
        // socket address, big-endian: AF_INET, port 44818, 127.0.0.1, zero padding
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) 2).putShort((short) 44818).put(new byte[] {127, 0, 0, 1}).putLong(0);
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.put(identity);
        b.put((byte) 3); // state: operational
        return b.array();
    }

    private void reply(byte[] requestHeader, int session, int status, byte[] body) {
        ByteBuffer b = le(new byte[24 + body.length]);
        b.putShort(le(requestHeader).getShort(0));
        b.putShort((short) body.length);
        b.putInt(session);
        b.putInt(status);
        if (le(requestHeader).getShort(0) == SEND_UNIT_DATA) {
            b.put(new byte[8]); // a CompactLogix sends connected data with an empty sender context (PLC4X's capture)
        } else {
            b.put(requestHeader, 12, 8); // sender context, echoed
        }
        b.putInt(0);
        b.put(body);
        byte[] frame = b.array();
        if (faults.takeCorruptReply()) {
            // a length that promises more than follows, and garbage in place of the command
            ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 0x7E7E).putShort(2, (short) 0xFFF0);
        }
        replies.accept(frame);
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
