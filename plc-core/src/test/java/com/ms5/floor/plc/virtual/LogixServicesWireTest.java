package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logix tag services at the byte level, sent unconnected (SendRRData to the Message Router).
 * Request and reply layouts and status codes: Logix 5000 Data Access (Rockwell publication
 * 1756-PM020: Read/Write Tag (Fragmented), Get Instance Attribute List, extended status
 * 0x2105/0x2107) and CIP Vol. 1 (general status 0x06 partial transfer, 0x11 reply data too large;
 * Forward Open extended status 0x0109 invalid connection size).
 */
class LogixServicesWireTest {
    private static final HexFormat HEX = HexFormat.of();
    private VirtualController controller;
    private EipTestClient client;
    private int session;

    @BeforeEach
    void connect() throws Exception {
        TagDatabase tags = new TagDatabase();
        tags.define("Counter", LogixType.Atomic.DINT).setDint(7);
        LogixTag big = tags.define("History", LogixType.Atomic.DINT, 200);
        for (int i = 0; i < 200; i++) {
            big.setDint(i * 4, i);
        }
        tags.define("Grid", LogixType.Atomic.INT, 2, 3, 4).setInt((1 * 12 + 2 * 4 + 3) * 2, (short) 99);
        tags.define("Program:Line1.Counter", LogixType.Atomic.DINT).setDint(42);
        controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
        client = new EipTestClient(controller.port());
        session = client.registerSession();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        controller.close();
    }

    @Test
    void browsesTagsWithTheirTypesAndProgramsWithGetInstanceAttributeList() throws Exception {
        // 0x55 on Symbol (class 0x6B) from instance 0, attributes 1 (name) and 2 (type)
        ByteBuffer r = cip("55 03 20 6b 25 00 00 00 0200 0100 0200");
        assertThat(r.get(2)).as("status").isZero();
        r.position(4);
        StringBuilder listed = new StringBuilder();
        while (r.hasRemaining()) {
            int instance = r.getInt();
            byte[] name = new byte[r.getShort()];
            r.get(name);
            int type = r.getShort() & 0xFFFF;
            listed.append(instance).append(':').append(new String(name, StandardCharsets.US_ASCII))
                    .append(String.format("=%04x ", type));
        }
        // DINT 0xC4; one dimension sets bit 13, three set bits 13-14; a program has type 0x1068
        assertThat(listed.toString().trim()).isEqualTo("1:Counter=00c4 2:History=20c4 3:Grid=60c3 5:Program:Line1=1068");
        // and inside the program
        ByteBuffer p = cip("55 0b 91 0d 50726f6772616d3a4c696e653100 20 6b 25 00 00 00 0100 0100");
        assertThat(HEX.formatHex(p.array(), p.arrayOffset() + 4, p.arrayOffset() + p.limit()))
                .isEqualTo("04000000" + "0700" + HEX.formatHex("Counter".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void answersGetAttributeSingleOnTheIdentityObject() throws Exception {
        assertThat(hex(cip("0e 03 20 01 24 01 30 01"))).isEqualTo("8e000000" + "0100"); // vendor 1: Rockwell
        assertThat(hex(cip("0e 03 20 01 24 01 30 02"))).isEqualTo("8e000000" + "0e00"); // device type 14: PLC
        assertThat(hex(cip("0e 03 20 01 24 01 30 07"))).isEqualTo("8e000000" + "18"
                + HEX.formatHex("1769-L33ER/B LOGIX5333ER".getBytes(StandardCharsets.US_ASCII)));
        assertThat(hex(cip("0e 03 20 01 24 01 30 63"))).isEqualTo("8e001400"); // attribute not supported
    }

    @Test
    void readsAProgramScopedTagAndAnElementOfAThreeDimensionalArray() throws Exception {
        assertThat(hex(cip("4c 0d 91 0d 50726f6772616d3a4c696e653100 91 07 436f756e74657200 0100"))).isEqualTo("cc000000c4002a000000");
        assertThat(hex(cip("4c 06 91 04 47726964 28 01 28 02 28 03 0100"))).isEqualTo("cc000000c3006300");
    }

    @Test
    void aLongReadIsCutToTheReplySizeAndFinishedWithReadTagFragmented() throws Exception {
        // 200 DINTs = 800 bytes; an unconnected reply carries at most 504
        ByteBuffer first = cip("4c 05 91 07 486973746f727900 c800");
        assertThat(first.get(2)).as("partial transfer").isEqualTo((byte) 0x06);
        int got = first.limit() - 6;
        assertThat(got % 4).isZero();
        ByteBuffer rest = cip("52 05 91 07 486973746f727900 c800 " + hexLe32(got));
        assertThat(rest.get(2)).as("the last fragment").isZero();
        assertThat(got + rest.limit() - 6).isEqualTo(800);
        assertThat(rest.getInt(6)).as("first element of the fragment").isEqualTo(got / 4);
    }

    @Test
    void refusesAWriteOfTheWrongTypeAndAReadPastTheEnd() throws Exception {
        // Write Tag REAL (0xCA) to a DINT: general status 0xFF, extended 0x2107
        assertThat(hex(cip("4d 05 91 07 436f756e74657200 ca00 0100 0000803f"))).isEqualTo("cd00ff010721");
        // 2 elements of a scalar: beyond the end, extended 0x2105
        assertThat(hex(cip("4c 05 91 07 436f756e74657200 0200"))).isEqualTo("cc00ff010521");
        // a DINT written with too few bytes: not enough data
        assertThat(hex(cip("4d 05 91 07 436f756e74657200 c400 0100 0100"))).isEqualTo("cd001300");
    }

    @Test
    void aMultipleServicePacketWhoseReplyWouldNotFitIsRefusedWithReplyDataTooLarge() throws Exception {
        String read = "4c 05 91 07 486973746f727900 7800"; // 120 DINTs = 480 bytes each
        ByteBuffer r = cip("0a 02 20 02 24 01 0200 0600 1400 " + read + read);
        assertThat(r.get(2)).isEqualTo((byte) 0x11);
    }

    @Test
    void negotiatesTheConnectionSizeOfALargeForwardOpen() throws Exception {
        // Large Forward Open asking for 5000 bytes (0x1388): refused, 0x01 / 0x0109, largest size 4002 (0x0FA2)
        String request = "5b 02 20 06 24 01 0a 0e 00000000 98840000 430f 3713 2a000000 03 000000 "
                + "34122000 88130042 01402000 88130042 a3 03 010020022401";
        ByteBuffer r = cip(request);
        assertThat(hex(r).substring(0, 16)).isEqualTo("db000102" + "0901" + "a20f");
    }

    @Test
    void writesAnArrayInFragmentsAndRefusesTooMuchData() throws Exception {
        // Write Tag Fragmented: 4 DINTs of History, the last two (8 bytes at byte offset 8) in this fragment
        assertThat(hex(cip("53 05 91 07 486973746f727900 c400 0400 08000000 0b000000 0c000000"))).isEqualTo("d3000000");
        assertThat(controller.tags().tag("History").getDint(8)).isEqualTo(11);
        assertThat(controller.tags().tag("History").getDint(12)).isEqualTo(12);
        // Write Tag of one DINT with 8 bytes: too much data
        assertThat(hex(cip("4d 05 91 07 436f756e74657200 c400 0100 0100000002000000"))).isEqualTo("cd001500");
    }

    @Test
    void opensClosesAndRefusesDuplicateConnections() throws Exception {
        String open = "5b 02 20 06 24 01 0a 0e 00000000 98840000 430f 3713 2a000000 03 000000 "
                + "34122000 a20f0042 01402000 a20f0042 a3 03 010020022401";
        assertThat(hex(cip(open)).substring(0, 8)).isEqualTo("db000000");
        // the same connection serial, vendor and originator serial again: connection in use (0x0100)
        assertThat(hex(cip(open)).substring(0, 12)).isEqualTo("db000101" + "0001");
        // Forward Close names the connection by serial, vendor and originator serial
        String close = "4e 02 20 06 24 01 0a 0e 430f 3713 2a000000 03 00 010020022401";
        assertThat(hex(cip(close))).isEqualTo("ce000000" + "430f3713" + "2a000000" + "0000");
        // a second close finds nothing: 0x01 / 0x0107 connection not found
        assertThat(hex(cip(close)).substring(0, 12)).isEqualTo("ce000101" + "0701");
    }

    @Test
    void aConnectionIdleLongerThanItsTimeoutIsClosedByTheController() throws Exception {
        // RPI 1 ms x (4 << 0) = 4 ms timeout
        String open = "5b 02 20 06 24 01 0a 0e 00000000 01000000 4410 3713 2a000000 00 000000 "
                + "e8030000 a20f0042 e8030000 a20f0042 a3 03 010020022401";
        ByteBuffer opened = cip(open);
        int connectionId = opened.getInt(4);
        String read = "4c 05 91 07 436f756e74657200 0100";
        assertThat(hex(connected(connectionId, 1, read))).isEqualTo("cc000000c40007000000");
        Thread.sleep(50); // idle past the connection's 4 ms timeout: the time passing is what is tested
        ByteBuffer afterTimeout = packet(0x0070, session, connectedBody(connectionId, 2, read));
        assertThat(afterTimeout.getInt(8)).as("encapsulation status for a connection that is gone").isNotZero();
    }

    /** Sends one CIP request over a connection (SendUnitData) and returns the CIP reply. */
    private ByteBuffer connected(int connectionId, int sequence, String requestHex) throws Exception {
        ByteBuffer reply = packet(0x0070, session, connectedBody(connectionId, sequence, requestHex));
        int length = reply.getShort(24 + 18) & 0xFFFF;
        return ByteBuffer.wrap(reply.array(), 24 + 22, length - 2).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] connectedBody(int connectionId, int sequence, String requestHex) {
        byte[] request = HEX.parseHex(requestHex.replace(" ", ""));
        ByteBuffer body = ByteBuffer.allocate(22 + request.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(0).putShort((short) 0).putShort((short) 2).putShort((short) 0xA1).putShort((short) 4).putInt(connectionId)
                .putShort((short) 0xB1).putShort((short) (2 + request.length)).putShort((short) sequence).put(request);
        return body.array();
    }

    private static String hex(ByteBuffer b) {
        return HEX.formatHex(b.array(), b.arrayOffset(), b.arrayOffset() + b.limit());
    }

    private static String hexLe32(int v) {
        return HEX.formatHex(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    /** Sends one CIP request unconnected and returns the CIP reply. */
    private ByteBuffer cip(String requestHex) throws Exception {
        return client.unconnected(session, HEX.parseHex(requestHex.replace(" ", "")));
    }

    private ByteBuffer packet(int command, int sessionHandle, byte[] body) throws Exception {
        return client.send(command, sessionHandle, body);
    }
}
