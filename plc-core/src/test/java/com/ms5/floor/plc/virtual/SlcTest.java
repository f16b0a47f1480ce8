package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The virtual SLC 5/05: PLC4X's ab-eth driver over real TCP, and raw CSP/PCCC frames for what
 * that driver does not send (writes, other file types, errors). PCCC layouts and status codes:
 * DF1 Protocol and Command Set Reference Manual (Allen-Bradley 1770-6.5.16), chapter 7.
 */
class SlcTest {
    private static final HexFormat HEX = HexFormat.of();
    private VirtualController slc;

    @BeforeEach
    void start() throws Exception {
        PcccDataTable files = new PcccDataTable();
        PcccDataTable.DataFile n10 = files.define(10, PcccDataTable.FileType.INTEGER, 10);
        n10.setWord(0, 0, 1);
        n10.setWord(2, 0, 12345);
        n10.setWord(3, 0, -2);
        n10.setWord(8, 0, 0b0100);
        files.define(8, PcccDataTable.FileType.FLOAT, 4).setFloat(1, 87.5f);
        PcccDataTable.DataFile t4 = files.define(4, PcccDataTable.FileType.TIMER, 2);
        t4.setWord(1, 1, 500); // T4:1.PRE
        t4.setWord(1, 2, 123); // T4:1.ACC
        files.define(3, PcccDataTable.FileType.BIT, 4);
        slc = VirtualController.slc(0, files, 1);
    }

    @AfterEach
    void stop() {
        slc.close();
    }

    @Test
    void plc4xReadsIntegerWordsAndBitsOfAnNFile() throws Exception {
        try (PlcConnection plc = new DefaultPlcDriverManager().getConnection(slc.connectionUrl())) {
            PlcReadResponse r = plc.readRequestBuilder()
                    .addTagAddress("state", "N10:0:WORD")
                    .addTagAddress("total", "N10:2:WORD")
                    .addTagAddress("negative", "N10:3:WORD")
                    .addTagAddress("materialCall", "N10:8/2:SINGLEBIT")
                    .addTagAddress("missing", "N99:0:WORD")
                    .build().execute().get(5, TimeUnit.SECONDS);
            assertThat(r.getInteger("state")).isEqualTo(1);
            assertThat(r.getInteger("total")).isEqualTo(12345);
            // PLC4X 0.13.1 decodes WORD as unsigned: a negative word (an SLC counter past 32767 wraps
            // there) reads as OK with no value. plc-core must read such words another way (issue 4).
            assertThat(r.getResponseCode("negative")).isEqualTo(PlcResponseCode.OK);
            assertThat(r.getPlcValue("negative")).isNull();
            assertThat(r.getBoolean("materialCall")).isTrue();
            assertThat(r.getResponseCode("missing")).isEqualTo(PlcResponseCode.NOT_FOUND);
        }
    }

    @Test
    void answersTypedReadsAndWritesOfEveryFileTypeAsAnSlcDoes() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), slc.port())) {
            socket.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int session = ByteBuffer.wrap(HEX.parseHex(exchange(in, out, 0x0101, 0, ""))).getInt(4);

            // 0xA2 read of 4 bytes of F8:1 (type 0x8A): 87.5f, low word first
            String reply = exchange(in, out, 0x0107, session, "01050000" + "0f00" + "0007" + "a2" + "04" + "08" + "8a" + "01" + "00");
            // 87.5f = 0x42AF0000: low word, then high word
            assertThat(reply.substring(56)).isEqualTo("00050100" + "4f00" + "0007" + "0000af42");

            // T4:1 sub-element 2 (ACC) of a timer file (type 0x86)
            reply = exchange(in, out, 0x0107, session, "01050000" + "0f00" + "0008" + "a2" + "02" + "04" + "86" + "01" + "02");
            assertThat(reply.substring(56)).isEqualTo("00050100" + "4f00" + "0008" + "7b00");

            // 0xAA write of B3:2 (type 0x85), then read it back
            reply = exchange(in, out, 0x0107, session, "01050000" + "0f00" + "0009" + "aa" + "02" + "03" + "85" + "02" + "00" + "3412");
            assertThat(reply.substring(56)).isEqualTo("00050100" + "4f00" + "0009");
            assertThat(slc.files().file(3).word(2, 0)).isEqualTo((short) 0x1234);

            // errors: STS 0xF0 with EXT STS 0x06 (no such file), 0x0E (type does not match the file)
            reply = exchange(in, out, 0x0107, session, "01050000" + "0f00" + "000a" + "a2" + "02" + "63" + "89" + "00" + "00");
            assertThat(reply.substring(56)).isEqualTo("00050100" + "4ff0" + "000a" + "06");
            reply = exchange(in, out, 0x0107, session, "01050000" + "0f00" + "000b" + "a2" + "02" + "0a" + "8a" + "00" + "00");
            assertThat(reply.substring(56)).isEqualTo("00050100" + "4ff0" + "000b" + "0e");
            // a command it does not know: STS 0x10, illegal command or format
            reply = exchange(in, out, 0x0107, session, "01050000" + "0600" + "000c" + "03");
            assertThat(reply.substring(56)).isEqualTo("00050100" + "4610" + "000c");
        }
    }

    private static String exchange(DataInputStream in, OutputStream out, int command, int session, String bodyHex)
            throws Exception {
        byte[] body = HEX.parseHex(bodyHex);
        ByteBuffer frame = ByteBuffer.allocate(28 + body.length);
        frame.putShort((short) command).putShort((short) body.length).putInt(session).putInt(0)
                .put(new byte[] {0, 4, 0, 5, 0, 0, 0, 0}).putInt(0).putInt(0).put(body);
        out.write(frame.array());
        byte[] header = new byte[28];
        in.readFully(header);
        byte[] reply = new byte[ByteBuffer.wrap(header).getShort(2) & 0xFFFF];
        in.readFully(reply);
        return HEX.formatHex(header) + HEX.formatHex(reply);
    }
}
