package com.ms5.floor.plc.virtual;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/** A bare EtherNet/IP client for byte-level tests: one request, one reply, nothing hidden. */
final class EipTestClient implements AutoCloseable {
    /** The sender context the client sends, 01 to 08, so a test can see it echoed. */
    static final byte[] CONTEXT = {1, 2, 3, 4, 5, 6, 7, 8};

    private final Socket socket;
    final DataInputStream in;

    EipTestClient(int port) throws Exception {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
    }

    /** Registers a session and returns its handle. */
    int registerSession() throws Exception {
        return send(0x0065, 0, new byte[] {1, 0, 0, 0}).getInt(4);
    }

    /** Sends one encapsulation packet and returns the whole reply (header and body). */
    ByteBuffer send(int command, int session, byte[] body) throws Exception {
        return send(command, session, body, Duration.ofSeconds(5));
    }

    ByteBuffer send(int command, int session, byte[] body, Duration timeout) throws Exception {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteBuffer p = ByteBuffer.allocate(24 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        p.putShort((short) command).putShort((short) body.length).putInt(session).putInt(0).put(CONTEXT).putInt(0).put(body);
        socket.getOutputStream().write(p.array());
        byte[] header = new byte[24];
        in.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        // a deliberately corrupt frame promises more than it sends: take only its header
        int length = h.getShort(0) == 0x7E7E ? 0 : h.getShort(2) & 0xFFFF;
        byte[] reply = new byte[24 + length];
        System.arraycopy(header, 0, reply, 0, 24);
        in.readFully(reply, 24, length);
        return ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Sends one CIP request unconnected (SendRRData) and returns the CIP reply. */
    ByteBuffer unconnected(int session, byte[] request) throws Exception {
        ByteBuffer body = ByteBuffer.allocate(16 + request.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(0).putShort((short) 0).putShort((short) 2).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0xB2).putShort((short) request.length).put(request);
        ByteBuffer reply = send(0x006F, session, body.array());
        int length = reply.getShort(24 + 14) & 0xFFFF;
        return ByteBuffer.wrap(reply.array(), 24 + 16, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() throws Exception {
        socket.close();
    }
}
