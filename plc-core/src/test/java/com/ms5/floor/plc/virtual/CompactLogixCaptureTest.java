package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Replays the requests of a real CompactLogix session and compares the virtual controller's
 * replies with the real controller's, byte for byte except for what the controller chooses
 * itself (session handle, connection id) and the value read.
 *
 * <p>Fixture source: a capture of PLC4X talking to a CompactLogix, published in Apache PLC4X's
 * test suite, protocols/eip/src/test/resources/protocols/logix/CompactLogixSimpleRead.xml
 * (frames 1-10). Frames are quoted as hex; XX marks bytes the test substitutes.
 */
class CompactLogixCaptureTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void answersAsTheCapturedCompactLogixDid() throws Exception {
        TagDatabase tags = new TagDatabase();
        tags.define("HorizontalPosition", LogixType.Atomic.REAL).setReal(0f);
        try (VirtualController controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), controller.port())) {
            socket.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();

            // 1, 2: List Services
            assertThat(exchange(in, out, "040000000000000000000000504c43345820202000000000"))
                    .isEqualTo("04001a000000000000000000504c4334582020200000000001000001140001002001436f6d6d756e69636174696f6e730000");

            // 3, 4: Register Session; the handle is the controller's choice
            String registered = exchange(in, out, "650004000000000000000000504c4334582020200000000001000000");
            String session = registered.substring(8, 16);
            assertThat(registered).isEqualTo("65000400" + session + "00000000504c4334582020200000000001000000");

            // 5, 6: Get Attributes All on the Message Router: the same 42-class object list
            assertThat(exchange(in, out, "6f001600" + session + "00000000504c43345820202000000000000000000000020000000000b2000600010220022401"))
                    .isEqualTo("6f006a00" + session + "00000000504c43345820202000000000000000000000020000000000b2005a00810000002a000100020006000403f400a1003700770073006700680069006a006b006c006d006e006f007000720074007f008b008c008d008e007e00a200a300f200ac00b000b1002b03b20035031a0317031803160319036400");

            // 7, 8: Large Forward Open, 4002 bytes; the O->T connection id is the controller's choice
            String opened = exchange(in, out, "6f004400" + session + "00000000504c43345820202000000000000000000000020000000000b20034005b02200624010a0e0200002098840000430f37132a0000000300000034122000a20f004201402000a20f0042a303010020022401");
            String otConnectionId = opened.substring(88, 96);
            assertThat(opened).isEqualTo("6f002e00" + session + "00000000504c43345820202000000000000000000000020000000000b2001e00db000000"
                    + otConnectionId + "98840000430f37132a00000034122000014020000000");

            // 9, 10: Read Tag 'HorizontalPosition' over the connection: a REAL of 0.0, empty sender context
            assertThat(exchange(in, out, "70002e00" + session + "00000000504c433458202020000000000000000000000200a1000400"
                    + otConnectionId + "b1001a0001004c0a9112486f72697a6f6e74616c506f736974696f6e0100"))
                    .isEqualTo("70002000" + session + "00000000" + "0000000000000000" + "00000000" // status, context, options
                            + "000000000000" + "0200a100040098840000b1000c000100cc000000ca0000000000");
        }
    }

    private static String exchange(DataInputStream in, OutputStream out, String requestHex) throws Exception {
        out.write(HEX.parseHex(requestHex));
        byte[] header = new byte[24];
        in.readFully(header);
        int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getShort(2) & 0xFFFF;
        byte[] body = new byte[length];
        in.readFully(body);
        return HEX.formatHex(header) + HEX.formatHex(body);
    }
}
