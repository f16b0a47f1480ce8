package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The virtual controller's answers, byte by byte, to what a Logix client sends: the happy path
 * and the errors a real controller reports instead of dropping the connection.
 * Layouts: ODVA EtherNet/IP Vol. 2 (encapsulation) and CIP Vol. 1 (services, status codes).
 */
class EipWireTest {
    private VirtualController controller;
    private EipTestClient client;

    @BeforeEach
    void connect() throws Exception {
        TagDatabase tags = new TagDatabase();
        tags.define("Counter", LogixType.Atomic.DINT).setDint(123456);
        tags.define("Rate", LogixType.Atomic.REAL).setReal(2.5f);
        controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
        client = new EipTestClient(controller.port());
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        controller.close();
    }

    @Test
    void registersASessionAndEchoesTheSenderContext() throws Exception {
        ByteBuffer reply = request(0x0065, 0, "01 00 00 00");
        assertThat(reply.getShort(0)).isEqualTo((short) 0x0065);
        assertThat(reply.getInt(4)).as("session handle").isNotZero();
        assertThat(reply.getInt(8)).as("status").isZero();
        assertThat(HexFormat.of().formatHex(reply.array(), 12, 20)).isEqualTo("0102030405060708");
    }

    @Test
    void answersAnUnknownCommandWithInvalidCommandStatus() throws Exception {
        ByteBuffer reply = request(0x0099, 0, "");
        assertThat(reply.getInt(8)).isEqualTo(0x0001);
        // and the connection stays usable
        assertThat(request(0x0065, 0, "01 00 00 00").getInt(8)).isZero();
    }

    @Test
    void refusesDataForAnUnregisteredSession() throws Exception {
        ByteBuffer reply = request(0x006F, 0x1234, "00000000 0000 0200 0000 0000 b200 0600 01 02 20 02 24 01");
        assertThat(reply.getInt(8)).as("invalid session handle").isEqualTo(0x0064);
    }

    @Test
    void readsTwoTagsInAMultipleServicePacketOverAnUnconnectedSend() throws Exception {
        int session = request(0x0065, 0, "01 00 00 00").getInt(4);
        // Read Tag "Counter" (1 element) and "Rate", inside a Multiple Service Packet, inside an
        // Unconnected Send routed to backplane port 1, slot 0.
        String readCounter = "4c 05 91 07 436f756e746572 00 0100";
        String readRate = "4c 03 91 04 52617465 0100";
        String msp = "0a 02 20 02 24 01 0200 0600 1400 " + readCounter + readRate;
        int mspLength = HexFormat.of().parseHex(msp.replace(" ", "")).length;
        String send = "52 02 20 06 24 01 0a 0e " + String.format("%02x00 ", mspLength) + msp + " 01 00 01 00";
        int sendLength = HexFormat.of().parseHex(send.replace(" ", "")).length;
        ByteBuffer reply = request(0x006F, session,
                "00000000 0000 0200 0000 0000 b200 " + String.format("%02x00 ", sendLength) + send);

        assertThat(reply.getInt(8)).isZero();
        ByteBuffer cip = ByteBuffer.wrap(reply.array(), 24 + 16, reply.capacity() - 40).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(cip.get(0) & 0xFF).as("MSP reply service").isEqualTo(0x8A);
        assertThat(cip.get(2)).as("general status").isZero();
        assertThat(cip.getShort(4)).as("replies").isEqualTo((short) 2);
        int first = 4 + cip.getShort(6);
        int second = 4 + cip.getShort(8);
        assertThat(HexFormat.of().formatHex(cip.array(), cip.arrayOffset() + first, cip.arrayOffset() + first + 10)).isEqualTo("cc000000c40040e20100");
        assertThat(cip.getShort(second + 4)).as("REAL").isEqualTo((short) 0xCA);
        assertThat(cip.getFloat(second + 6)).isEqualTo(2.5f);
    }

    @Test
    void answersATagItDoesNotHaveWithAPathSegmentError() throws Exception {
        int session = request(0x0065, 0, "01 00 00 00").getInt(4);
        String read = "4c 04 91 05 4e6f706521 00 0100"; // "Nope!"
        ByteBuffer reply = request(0x006F, session, "00000000 0000 0200 0000 0000 b200 0c00 " + read);
        assertThat(HexFormat.of().formatHex(reply.array(), 40, 44)).isEqualTo("cc000400");
    }

    @Test
    void answersAServiceItDoesNotKnowWithServiceNotSupported() throws Exception {
        int session = request(0x0065, 0, "01 00 00 00").getInt(4);
        ByteBuffer reply = request(0x006F, session, "00000000 0000 0200 0000 0000 b200 0600 4b 02 20 02 24 01");
        assertThat(HexFormat.of().formatHex(reply.array(), 40, 44)).isEqualTo("cb000800");
    }

    @Test
    void identifiesItselfAsARockwellController() throws Exception {
        ByteBuffer reply = request(0x0063, 0, "");
        ByteBuffer item = ByteBuffer.wrap(reply.array(), 24, reply.capacity() - 24).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(item.getShort(2)).as("identity item").isEqualTo((short) 0x000C);
        assertThat(item.getShort(24)).as("vendor: Rockwell").isEqualTo((short) 1);
        assertThat(item.getShort(26)).as("device type: PLC").isEqualTo((short) 14);
        int nameLength = item.get(38) & 0xFF;
        assertThat(new String(item.array(), item.arrayOffset() + 39, nameLength)).isEqualTo("1769-L33ER/B LOGIX5333ER");
    }

    /** Sends one encapsulation packet (sender context 01..08) and returns the whole reply. */
    private ByteBuffer request(int command, int session, String bodyHex) throws Exception {
        return client.send(command, session, HexFormat.of().parseHex(bodyHex.replace(" ", "")));
    }
}
