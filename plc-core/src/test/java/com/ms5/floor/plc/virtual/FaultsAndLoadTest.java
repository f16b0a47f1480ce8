package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
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
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void stalledRepliesNeverComeAndDelayedOnesComeLate() throws Exception {
        try (RawClient client = new RawClient(controller.port())) {
            controller.faults().stallReplies(true);
            assertThatThrownBy(() -> client.registerSession(Duration.ofMillis(500))).isInstanceOf(SocketTimeoutException.class);
        }
        controller.faults().reset();
        controller.faults().delayReplies(Duration.ofMillis(300));
        try (RawClient client = new RawClient(controller.port())) {
            long started = System.nanoTime();
            client.registerSession(Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aCorruptFrameIsNotEtherNetIp() throws Exception {
        controller.faults().corruptNextReply();
        try (RawClient client = new RawClient(controller.port())) {
            ByteBuffer reply = client.registerSession(Duration.ofSeconds(5));
            assertThat(reply.getShort(0)).as("command").isEqualTo((short) 0x7E7E);
        }
    }

    @Test
    void refusedConnectionsAreClosedAtOnceAndAcceptedAgainAfterwards() throws Exception {
        controller.faults().refuseConnections(true);
        try (RawClient client = new RawClient(controller.port())) {
            assertThat(client.in.read()).as("end of stream").isEqualTo(-1);
        }
        controller.faults().refuseConnections(false);
        try (RawClient client = new RawClient(controller.port())) {
            assertThat(client.registerSession(Duration.ofSeconds(5)).getInt(4)).isNotZero();
        }
    }

    @Test
    void aFailedTagAnswersWithTheInjectedStatusAndTheOthersStillRead() throws Exception {
        controller.faults().failTag("Rate", 0x05);
        try (RawClient client = new RawClient(controller.port())) {
            int session = client.registerSession(Duration.ofSeconds(5)).getInt(4);
            assertThat(client.readTag(session, "Rate")).isEqualTo("cc000500");
            assertThat(client.readTag(session, "Counter")).isEqualTo("cc000000c40005000000");
        }
    }

    /** A bare EtherNet/IP client for the fault tests. */
    private static final class RawClient implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;

        RawClient(int port) throws Exception {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            in = new DataInputStream(socket.getInputStream());
        }

        ByteBuffer registerSession(Duration timeout) throws Exception {
            return send(0x0065, 0, new byte[] {1, 0, 0, 0}, timeout);
        }

        String readTag(int session, String tag) throws Exception {
            int padded = tag.length() + tag.length() % 2;
            ByteBuffer cip = ByteBuffer.allocate(2 + 2 + padded + 2).order(ByteOrder.LITTLE_ENDIAN);
            cip.put((byte) 0x4C).put((byte) ((2 + padded) / 2)).put((byte) 0x91).put((byte) tag.length())
                    .put(tag.getBytes()).position(4 + padded);
            cip.putShort((short) 1);
            ByteBuffer body = ByteBuffer.allocate(16 + cip.capacity()).order(ByteOrder.LITTLE_ENDIAN);
            body.putInt(0).putShort((short) 0).putShort((short) 2).putInt(0)
                    .putShort((short) 0xB2).putShort((short) cip.capacity()).put(cip.array());
            ByteBuffer reply = send(0x006F, session, body.array(), Duration.ofSeconds(5));
            return java.util.HexFormat.of().formatHex(reply.array(), 40, reply.capacity());
        }

        ByteBuffer send(int command, int session, byte[] body, Duration timeout) throws Exception {
            socket.setSoTimeout((int) timeout.toMillis());
            ByteBuffer p = ByteBuffer.allocate(24 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            p.putShort((short) command).putShort((short) body.length).putInt(session).putInt(0).putLong(0).putInt(0).put(body);
            socket.getOutputStream().write(p.array());
            byte[] header = new byte[24];
            in.readFully(header);
            int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getShort(2) & 0xFFFF;
            // a corrupt frame promises more than it sends: take only the header of such a frame
            boolean corrupt = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getShort(0) == 0x7E7E;
            byte[] reply = new byte[24 + (corrupt ? 0 : length)];
            System.arraycopy(header, 0, reply, 0, 24);
            in.readFully(reply, 24, reply.length - 24);
            return ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
