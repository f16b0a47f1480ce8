package com.ms5.floor.plc.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Test connection" and "test read" against the demo plant's virtual controllers, over real TCP. */
class ConnectionCheckTest {
    private static VirtualPlant plant;
    private static TagMap map;

    @BeforeAll
    static void start() throws Exception {
        plant = VirtualPlant.startDemo(Clock.systemUTC());
        map = plant.pointAt(VirtualPlant.demoTagMap());
    }

    @AfterAll
    static void stop() {
        plant.close();
    }

    @Test
    void aLogixControllerSaysWhoItIsAndPlc4xGetsASession() {
        ConnectionCheck.Outcome outcome = ConnectionCheck.testConnection(map.connection("line1-plc").orElseThrow(),
                Duration.ofSeconds(5));
        assertThat(outcome.ok()).as(outcome.text()).isTrue();
        assertThat(outcome.text()).contains("(vendor 1 Rockwell, product code 102, revision 33.011, serial 60C0FFEE)")
                .contains("PLC4X opened a session to slot 0");
    }

    @Test
    void anSlcConnectsOverCsp() {
        ConnectionCheck.Outcome outcome = ConnectionCheck.testConnection(map.connection("line3-slc").orElseThrow(),
                Duration.ofSeconds(5));
        assertThat(outcome.ok()).as(outcome.text()).isTrue();
        assertThat(outcome.text()).contains("CSP session to station 1");
    }

    @Test
    void aPortWhereNothingListensSaysWhatToCheck() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        TagMap.Connection wrong = map.connection("line1-plc").orElseThrow().withEndpoint("127.0.0.1", free);
        ConnectionCheck.Outcome outcome = ConnectionCheck.testConnection(wrong, Duration.ofSeconds(2));
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.text()).startsWith("Nothing accepts connections at 127.0.0.1:" + free)
                .contains("EtherNet/IP uses 44818");
    }

    @Test
    void anUnknownHostIsNamed() {
        TagMap.Connection wrong = map.connection("line1-plc").orElseThrow().withEndpoint("no-such-plc.invalid", 44818);
        ConnectionCheck.Outcome outcome = ConnectionCheck.testConnection(wrong, Duration.ofSeconds(2));
        assertThat(outcome.text()).startsWith("The host name 'no-such-plc.invalid' is not known");
    }

    @Test
    void aTestReadShowsLiveValuesAndNamesTheTagTheControllerRejects() throws Exception {
        TagMap.Connection line1 = map.connection("line1-plc").orElseThrow();
        List<PollTag> tags = new ArrayList<>(PollTag.of(map, "line1-plc").stream()
                .filter(t -> t.name().startsWith("L1-FILLER.")).toList());
        tags.add(new PollTag("L1-FILLER.typo", "L1_Filler.TotalCuont:DINT", DataType.DINT, null, 0, "fast", 100));
        List<ConnectionCheck.Reading> readings = ConnectionCheck.testRead(line1, tags, Duration.ofSeconds(10),
                Clock.systemUTC());
        assertThat(readings).hasSize(tags.size());
        assertThat(readings.subList(0, tags.size() - 1)).allSatisfy(r -> {
            assertThat(r.problem()).as(r.tag().name()).isNull();
            assertThat(r.value().quality()).isEqualTo(Quality.GOOD);
        });
        ConnectionCheck.Reading typo = readings.get(tags.size() - 1);
        assertThat(typo.value()).isNull();
        assertThat(typo.problem()).isEqualTo("the controller rejects it (no such tag, or not a DINT) or PLC4X cannot decode the reply; check the address and type");
    }

    @Test
    void aTestReadOfAControllerThatIsDownSaysSo() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        TagMap.Connection down = map.connection("line1-plc").orElseThrow().withEndpoint("127.0.0.1", free);
        List<ConnectionCheck.Reading> readings = ConnectionCheck.testRead(down,
                PollTag.of(map, "line1-plc").subList(0, 1), Duration.ofSeconds(2), Clock.systemUTC());
        assertThat(readings.get(0).problem()).contains("Cannot connect to logix://127.0.0.1:" + free);
    }
}
