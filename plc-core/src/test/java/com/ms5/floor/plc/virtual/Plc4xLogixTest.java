package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.messages.PlcWriteResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PLC4X's released logix:// driver against the virtual controller over real TCP, in connected
 * messaging (Large Forward Open, SendUnitData) and with force-unconnected-operation (SendRRData
 * with Unconnected Send).
 */
class Plc4xLogixTest {
    private VirtualController controller;

    @BeforeEach
    void start() throws Exception {
        TagDatabase tags = new TagDatabase();
        tags.define("Counter", LogixType.Atomic.DINT).setDint(-123456);
        tags.define("Small", LogixType.Atomic.SINT).write(0, new byte[] {-7});
        tags.define("Medium", LogixType.Atomic.INT).setInt(0, (short) 31000);
        tags.define("Big", LogixType.Atomic.LINT).setLint(9_000_000_000L);
        tags.define("Speed", LogixType.Atomic.REAL).setReal(12.5f);
        tags.define("Precise", LogixType.Atomic.LREAL).setLreal(0.1);
        tags.define("Running", LogixType.Atomic.BOOL).setBool(true);
        tags.define("Product", LogixType.STRING).setString(0, "SKU-4711 Cola 0.5l");
        LogixTag counts = tags.define("Counts", LogixType.Atomic.DINT, 10);
        for (int i = 0; i < 10; i++) {
            counts.setDint(i * 4, i * 100);
        }
        LogixType.Struct machine = LogixType.udt("MachineData", 0x1234, List.of(
                new LogixType.Member("State", LogixType.Atomic.DINT, 0, 1),
                new LogixType.Member("Rate", LogixType.Atomic.REAL, 0, 1),
                new LogixType.Member("Flag", LogixType.Atomic.SINT, 0, 1),
                new LogixType.Member("Faults", LogixType.Atomic.DINT, 0, 4)));
        LogixTag filler = tags.define("Filler", machine);
        filler.setDint(0, 3);
        filler.setReal(4, 88.5f);
        filler.setDint(12 + 8, 107); // Faults[2]
        controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsEveryTypeThePlc4xDriverDecodes(boolean unconnected) throws Exception {
        try (PlcConnection plc = connect(unconnected)) {
            PlcReadResponse r = plc.readRequestBuilder()
                    .addTagAddress("counter", "Counter:DINT")
                    .addTagAddress("small", "Small:SINT")
                    .addTagAddress("medium", "Medium:INT")
                    .addTagAddress("big", "Big:LINT")
                    .addTagAddress("speed", "Speed:REAL")
                    .addTagAddress("precise", "Precise:LREAL")
                    .addTagAddress("running", "Running:BOOL")
                    .addTagAddress("element", "Counts[7]:DINT")
                    .addTagAddress("member", "Filler.Rate:REAL")
                    .build().execute().get(5, TimeUnit.SECONDS);
            assertThat(r.getInteger("counter")).isEqualTo(-123456);
            assertThat(r.getInteger("small")).isEqualTo(-7);
            assertThat(r.getInteger("medium")).isEqualTo(31000);
            assertThat(r.getLong("big")).isEqualTo(9_000_000_000L);
            assertThat(r.getFloat("speed")).isEqualTo(12.5f);
            assertThat(r.getDouble("precise")).isEqualTo(0.1);
            assertThat(r.getBoolean("running")).isTrue();
            assertThat(r.getInteger("element")).isEqualTo(700);
            assertThat(r.getFloat("member")).isEqualTo(88.5f);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsALogixString(boolean unconnected) throws Exception {
        try (PlcConnection plc = connect(unconnected)) {
            PlcReadResponse r = plc.readRequestBuilder().addTagAddress("product", "Product:STRING")
                    .build().execute().get(5, TimeUnit.SECONDS);
            assertThat(r.getString("product")).isEqualTo("SKU-4711 Cola 0.5l");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writesATagAndTheControllerHoldsTheNewValue(boolean unconnected) throws Exception {
        try (PlcConnection plc = connect(unconnected)) {
            PlcWriteResponse w = plc.writeRequestBuilder().addTagAddress("speed", "Speed:REAL", 42.25f)
                    .build().execute().get(5, TimeUnit.SECONDS);
            assertThat(w.getResponseCode("speed")).isEqualTo(PlcResponseCode.OK);
        }
        try (PlcConnection plc = connect(unconnected)) {
            PlcWriteResponse w = plc.writeRequestBuilder().addTagAddress("element", "Counts[3]:DINT", 31337)
                    .build().execute().get(5, TimeUnit.SECONDS);
            assertThat(w.getResponseCode("element")).isEqualTo(PlcResponseCode.OK);
        }
        assertThat(controller.tags().tag("Speed").read(0, 4)).isEqualTo(new byte[] {0, 0, 0x29, 0x42}); // 42.25f LE
        assertThat(controller.tags().tag("Counts").getDint(12)).isEqualTo(31337);
    }

    /**
     * PLC4X 0.13.1 sends the request after a connected write with the write's sequence count
     * (shared/PLC4X-WIRE.md). A Logix controller takes a repeated count for a retransmission and
     * replays its last reply, so the second write never happens although PLC4X reports OK.
     * plc-core's write API must not rely on a connected session after a write.
     */
    @org.junit.jupiter.api.Test
    void aSecondConnectedWriteIsTakenForARetransmissionAsARealControllerWould() throws Exception {
        try (PlcConnection plc = connect(false)) {
            plc.writeRequestBuilder().addTagAddress("speed", "Speed:REAL", 1.0f).build().execute().get(5, TimeUnit.SECONDS);
            PlcWriteResponse second = plc.writeRequestBuilder().addTagAddress("counter", "Counter:DINT", 5)
                    .build().execute().get(5, TimeUnit.SECONDS);
            assertThat(second.getResponseCode("counter")).isEqualTo(PlcResponseCode.OK);
        }
        assertThat(controller.tags().tag("Counter").getDint()).as("the second write was not applied").isEqualTo(-123456);
    }

    private PlcConnection connect(boolean unconnected) throws Exception {
        String url = controller.connectionUrl() + (unconnected ? "&force-unconnected-operation=true" : "");
        return new DefaultPlcDriverManager().getConnection(url);
    }
}
