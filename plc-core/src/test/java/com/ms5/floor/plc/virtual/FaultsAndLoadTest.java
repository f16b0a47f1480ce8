package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many clients at once, and each kind of misbehaviour the fault injector offers. */
class FaultsAndLoadTest {
    private VirtualController controller;

    @BeforeEach
    void start() throws Exception {
        TagDatabase tags = new TagDatabase();
        tags.define("Counter", LogixType.Atomic.DINT).setDint(5);
        tags.define("Rate", LogixType.Atomic.REAL).setReal(1.5f);
        controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void fiftyClientsReadAtOnceWithoutAnError() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                results.add(clients.submit(() -> {
                    int good = 0;
                    try (PlcConnection plc = new DefaultPlcDriverManager().getConnection(controller.connectionUrl())) {
                        for (int i = 0; i < 20; i++) {
                            var r = plc.readRequestBuilder().addTagAddress("c", "Counter:DINT").addTagAddress("r", "Rate:REAL")
                                    .build().execute().get(10, TimeUnit.SECONDS);
                            if (r.getInteger("c") == 5 && r.getFloat("r") == 1.5f) {
                                good++;
                            }
                        }
                    }
                    return good;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(20);
            }
            assertThat(controller.connectionsAccepted()).isEqualTo(50);
            // one selector thread serves them all: nothing per connection
            String serverThread = "virtual-logix-" + controller.port();
            assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.startsWith(serverThread) && !name.endsWith("-delays")))
                    .containsExactly(serverThread);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void stalledRepliesNeverComeAndDelayedOnesComeLate() throws Exception {
        try (EipTestClient client = new EipTestClient(controller.port())) {
            controller.faults().stallReplies(true);
            assertThatThrownBy(() -> client.send(0x0065, 0, new byte[] {1, 0, 0, 0}, Duration.ofMillis(500))).isInstanceOf(SocketTimeoutException.class);
        }
        controller.faults().reset();
        controller.faults().delayReplies(Duration.ofMillis(300));
        try (EipTestClient client = new EipTestClient(controller.port())) {
            long started = System.nanoTime();
            client.registerSession();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aCorruptFrameIsNotEtherNetIp() throws Exception {
        controller.faults().corruptNextReply();
        try (EipTestClient client = new EipTestClient(controller.port())) {
            ByteBuffer reply = client.send(0x0065, 0, new byte[] {1, 0, 0, 0});
            assertThat(reply.getShort(0)).as("command").isEqualTo((short) 0x7E7E);
        }
    }

    @Test
    void refusedConnectionsAreClosedAtOnceAndAcceptedAgainAfterwards() throws Exception {
        controller.faults().refuseConnections(true);
        try (EipTestClient client = new EipTestClient(controller.port())) {
            assertThat(client.in.read()).as("end of stream").isEqualTo(-1);
        }
        controller.faults().refuseConnections(false);
        try (EipTestClient client = new EipTestClient(controller.port())) {
            assertThat(client.registerSession()).isNotZero();
        }
    }

    /** Read Tag of one element of a controller-scoped tag; the CIP reply as hex. */
    private static String readTag(EipTestClient client, int session, String tag) throws Exception {
        int padded = tag.length() + tag.length() % 2;
        ByteBuffer cip = ByteBuffer.allocate(4 + padded + 2).order(ByteOrder.LITTLE_ENDIAN);
        cip.put((byte) 0x4C).put((byte) ((2 + padded) / 2)).put((byte) 0x91).put((byte) tag.length())
                .put(tag.getBytes()).position(4 + padded);
        cip.putShort((short) 1);
        ByteBuffer reply = client.unconnected(session, cip.array());
        return java.util.HexFormat.of().formatHex(reply.array(), reply.arrayOffset(), reply.arrayOffset() + reply.limit());
    }

    @Test
    void aFailedTagAnswersWithTheInjectedStatusAndTheOthersStillRead() throws Exception {
        controller.faults().failTag("Rate", 0x05);
        try (EipTestClient client = new EipTestClient(controller.port())) {
            int session = client.registerSession();
            assertThat(readTag(client, session, "Rate")).isEqualTo("cc000500");
            assertThat(readTag(client, session, "Counter")).isEqualTo("cc000000c40005000000");
        }
    }
}
