package com.ms5.floor.plc.virtual;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * One client's TCP connection to the virtual SLC 5/05: CSP (Client Server Protocol, the
 * pre-EtherNet/IP encapsulation SLC 5/05 and PLC-5 speak on port 2222) carrying PCCC commands.
 *
 * <p>Frames: a 28-byte big-endian header (command, length, session handle, status, 8-byte
 * context, options, reserved), then the body. 0x0101 registers a session (answered 0x0201);
 * 0x0107 carries a PCCC command (answered 0x0207). Layout as observed from PLC4X 0.13.1's
 * ab-eth driver (shared/PLC4X-WIRE.md). PCCC: command 0x0F with protected typed logical read
 * (0xA2) and write (0xAA) with three address fields; replies are command 0x4F; errors use
 * STS 0xF0 with an EXT STS byte. Codes: DF1 Protocol and Command Set Reference Manual
 * (Allen-Bradley publication 1770-6.5.16), chapters 6-7.
 */
final class CspConnection implements FrameProtocol {
    private static final int REGISTER = 0x0101;
    private static final int REGISTER_REPLY = 0x0201;
    private static final int PCCC = 0x0107;
    private static final int PCCC_REPLY = 0x0207;

    private static final int CMD_TYPED = 0x0F;
    private static final int FNC_TYPED_READ_3 = 0xA2;
    private static final int FNC_TYPED_WRITE_3 = 0xAA;
    private static final int STS_ILLEGAL_COMMAND = 0x10;
    private static final int STS_EXTENDED = 0xF0;
    /** EXT STS: address does not point to something usable (no such file or element). */
    static final int EXT_BAD_ADDRESS = 0x06;
    /** EXT STS: transaction size plus word address is too large. */
    static final int EXT_TOO_LARGE = 0x0A;
    /** EXT STS: data type in the command does not match the file. */
    static final int EXT_TYPE_MISMATCH = 0x0E;

    private final Consumer<byte[]> replies;
    private final PcccDataTable files;
    private final IntSupplier sessionHandles;
    private final FaultInjector faults;
    private final int station;
    private int session;

    CspConnection(Consumer<byte[]> replies, PcccDataTable files, int station, IntSupplier sessionHandles,
                  FaultInjector faults) {
        this.replies = replies;
        this.files = files;
        this.station = station;
        this.sessionHandles = sessionHandles;
        this.faults = faults;
    }

    @Override
    public int headerLength() {
        return 28;
    }

    @Override
    public int bodyLength(ByteBuffer header) {
        return header.getShort(2) & 0xFFFF;
    }

    @Override
    public boolean onFrame(byte[] header, byte[] body) {
        ByteBuffer h = ByteBuffer.wrap(header);
        switch (h.getShort(0) & 0xFFFF) {
            case REGISTER -> {
                session = sessionHandles.getAsInt();
                reply(REGISTER_REPLY, header, new byte[0]);
                return true;
            }
            case PCCC -> {
                if (session == 0 || h.getInt(4) != session || body.length < 8) {
                    return false; // a CSP device drops a connection that skips registration
                }
                files.touch();
                reply(PCCC_REPLY, header, pccc(body));
                return true;
            }
            default -> {
                return false; // unknown CSP command: the device closes the connection
            }
        }
    }

    /** Request body: DST, SRC, reserved (2), CMD, STS, TNS (2), FNC, then the function's fields. */
    private byte[] pccc(byte[] request) {
        int destination = request[0] & 0xFF;
        int source = request[1] & 0xFF;
        int command = request[4] & 0xFF;
        byte tnsHigh = request[6];
        byte tnsLow = request[7];
        byte[] data;
        int status;
        try {
            if (command != CMD_TYPED || request.length < 9) {
                throw new PcccError(STS_ILLEGAL_COMMAND, -1);
            }
            int function = request[8] & 0xFF;
            data = switch (function) {
                case FNC_TYPED_READ_3 -> typedRead(request);
                case FNC_TYPED_WRITE_3 -> typedWrite(request);
                default -> throw new PcccError(STS_ILLEGAL_COMMAND, -1);
            };
            status = 0;
        } catch (PcccError e) {
            status = e.sts;
            data = e.ext >= 0 ? new byte[] {(byte) e.ext} : new byte[0];
        }
        // Reply: reserved, DST (the requester), SRC (this station), reserved, CMD | 0x40, STS, TNS as sent, data.
        ByteBuffer reply = ByteBuffer.allocate(8 + data.length);
        reply.put((byte) 0).put((byte) source).put((byte) (destination == 0 ? station : destination)).put((byte) 0);
        reply.put((byte) (command | 0x40)).put((byte) status).put(tnsHigh).put(tnsLow).put(data);
        return reply.array();
    }

    /** 0xA2: byte size, file number, file type, element, sub-element. */
    private byte[] typedRead(byte[] r) throws PcccError {
        if (r.length < 14) {
            throw new PcccError(STS_ILLEGAL_COMMAND, -1);
        }
        int size = r[9] & 0xFF;
        PcccDataTable.DataFile file = file(r[10] & 0xFF, r[11] & 0xFF, r[12] & 0xFF);
        if (faults.tagError("N" + (r[10] & 0xFF) + ":" + (r[12] & 0xFF)) != null) {
            throw new PcccError(STS_EXTENDED, EXT_BAD_ADDRESS);
        }
        int word = (r[12] & 0xFF) * file.type.wordsPerElement + (r[13] & 0xFF);
        byte[] bytes = file.read(word, size);
        if (bytes == null) {
            throw new PcccError(STS_EXTENDED, EXT_TOO_LARGE);
        }
        return bytes;
    }

    /** 0xAA: byte size, file number, file type, element, sub-element, data. */
    private byte[] typedWrite(byte[] r) throws PcccError {
        if (r.length < 14) {
            throw new PcccError(STS_ILLEGAL_COMMAND, -1);
        }
        int size = r[9] & 0xFF;
        PcccDataTable.DataFile file = file(r[10] & 0xFF, r[11] & 0xFF, r[12] & 0xFF);
        if (r.length - 14 != size) {
            throw new PcccError(STS_ILLEGAL_COMMAND, -1);
        }
        byte[] data = java.util.Arrays.copyOfRange(r, 14, r.length);
        int word = (r[12] & 0xFF) * file.type.wordsPerElement + (r[13] & 0xFF);
        if (!file.write(word, data)) {
            throw new PcccError(STS_EXTENDED, EXT_TOO_LARGE);
        }
        return new byte[0];
    }

    private PcccDataTable.DataFile file(int number, int typeCode, int element) throws PcccError {
        PcccDataTable.DataFile file = files.file(number);
        if (file == null || element >= file.elements()) {
            throw new PcccError(STS_EXTENDED, EXT_BAD_ADDRESS);
        }
        if (file.type.code != typeCode) {
            throw new PcccError(STS_EXTENDED, EXT_TYPE_MISMATCH);
        }
        return file;
    }

    private void reply(int command, byte[] requestHeader, byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(28 + body.length);
        frame.putShort((short) command).putShort((short) body.length).putInt(session).putInt(0);
        frame.put(requestHeader, 12, 8).putInt(0).putInt(0).put(body);
        byte[] bytes = frame.array();
        if (faults.takeCorruptReply()) {
            bytes[0] = 0x7E;
            bytes[2] = (byte) 0xFF;
        }
        replies.accept(bytes);
    }

    private static final class PcccError extends Exception {
        final int sts;
        final int ext;

        PcccError(int sts, int ext) {
            super(null, null, false, false);
            this.sts = sts;
            this.ext = ext;
        }
    }
}
