package com.ms5.floor.plc.poll;

import com.ms5.floor.plc.api.PlcText;
import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.DefaultPlcDriverManager;

/**
 * What the engineering dialogs ask of a controller before a change reaches the floor: "test
 * connection" (who answers at that address, and does PLC4X get a session) and "test read" (the
 * live value and quality of some bindings). Blocking, bounded by the deadline given; call off the
 * FX thread. Each call opens and closes its own session, apart from the pollers'.
 */
public final class ConnectionCheck {
    private static final int LIST_IDENTITY = 0x0063;

    private ConnectionCheck() {
    }

    /** The answer to "test connection", in words for the dialog. */
    public record Outcome(boolean ok, String text, Duration took) {
    }

    /** One binding's answer to "test read": its value, or why there is none. */
    public record Reading(PollTag tag, TagValue value, String problem) {
    }

    /**
     * Logix: asks the controller for its identity (EtherNet/IP ListIdentity), then opens a PLC4X
     * session to the slot. ab-eth: opens a PLC4X session (CSP has no identity request).
     */
    public static Outcome testConnection(TagMap.Connection connection, Duration deadline) {
        long start = System.nanoTime();
        String identity = null;
        if (connection.driver() == Driver.LOGIX) {
            try {
                identity = listIdentity(connection.host(), connection.port(), deadline);
            } catch (IOException e) {
                return new Outcome(false, unreachable(connection, e, deadline), since(start));
            }
        }
        ExecutorService connector = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                .name("plc-test-" + connection.id()).factory());
        try {
            Plc4xSession session = Plc4xSession.open(new DefaultPlcDriverManager(), connection.url(), deadline, connector, connector,
                    Duration.ofMillis(500));
            session.close(connector, Duration.ofMillis(500));
            String driver = connection.driver() == Driver.LOGIX
                    ? PlcText.format("check.logixSession", connection.slot())
                    : PlcText.format("check.cspSession", connection.slot());
            return new Outcome(true, (identity == null ? "" : identity + ". ") + driver + ".", since(start));
        } catch (Plc4xSession.SessionException e) {
            String text = identity != null
                    ? PlcText.format("check.noSession", identity, connection.slot(), e.getMessage())
                    : unreachable(connection, new IOException(e.getMessage()), deadline);
            return new Outcome(false, text, since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "Cancelled", since(start));
        } finally {
            connector.shutdown();
        }
    }

    /**
     * Reads the tags once, each probed alone first (a tag the controller rejects cannot wedge the
     * others), through a short-lived {@link Poller}.
     *
     * @return one reading per tag, in order; tags with no answer by the deadline say why
     */
    public static List<Reading> testRead(TagMap.Connection connection, List<PollTag> tags, Duration deadline,
                                         Clock clock) throws InterruptedException {
        List<PollTag> once = tags.stream().map(t -> new PollTag(t.name(), t.driverAddress(), t.type(), t.scaling(), 0,
                "test", 200)).toList();
        Map<String, TagValue> good = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(1);
        Poller[] self = new Poller[1];
        Poller poller = new Poller(connection, once, clock, batch -> {
            batch.values().forEach((name, value) -> {
                if (value.quality() == Quality.GOOD) {
                    good.put(name, value);
                }
            });
            Map<String, String> rejected = self[0].health().quarantined();
            if (once.stream().allMatch(t -> good.containsKey(t.name()) || rejected.containsKey(t.name()))) {
                done.countDown();
            }
        });
        self[0] = poller;
        poller.start();
        try {
            done.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
            ConnectionHealth health = poller.health();
            List<Reading> readings = new ArrayList<>();
            for (PollTag t : once) {
                TagValue value = good.get(t.name());
                String problem = value != null ? null : health.quarantined().containsKey(t.name())
                        ? health.quarantined().get(t.name())
                        : health.lastError() != null ? health.lastError() : PlcText.format("check.noAnswerWithin", deadline.toSeconds());
                readings.add(new Reading(t, value, problem));
            }
            return readings;
        } finally {
            poller.close();
        }
    }

    /** EtherNet/IP ListIdentity over TCP (ODVA CIP Vol. 2, 2-4.2; the reply's layout is what the virtual PLC sends). */
    private static String listIdentity(String host, int port, Duration deadline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) deadline.toMillis());
            socket.setSoTimeout((int) deadline.toMillis());
            ByteBuffer request = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            request.putShort((short) LIST_IDENTITY); // command; length, session, status, context, options all 0
            OutputStream out = socket.getOutputStream();
            out.write(request.array());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[24];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int length = Short.toUnsignedInt(h.getShort(2));
            int status = h.getInt(8);
            if (Short.toUnsignedInt(h.getShort(0)) != LIST_IDENTITY || status != 0 || length < 2 + 4 + 2 + 16 + 15) {
                throw new IOException(PlcText.format("check.notEip", host, port,
                        Integer.toHexString(Short.toUnsignedInt(h.getShort(0))), status));
            }
            byte[] body = readBody(in, length);
            ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            b.position(2 + 4 + 2 + 16); // item count, item type and length, protocol version, socket address
            int vendor = Short.toUnsignedInt(b.getShort());
            b.getShort(); // device type
            int productCode = Short.toUnsignedInt(b.getShort());
            int major = Byte.toUnsignedInt(b.get());
            int minor = Byte.toUnsignedInt(b.get());
            b.getShort(); // status
            long serial = Integer.toUnsignedLong(b.getInt());
            int nameLength = Byte.toUnsignedInt(b.get());
            String name = new String(body, b.position(), Math.min(nameLength, body.length - b.position()),
                    StandardCharsets.US_ASCII);
            return name + " (vendor " + vendor + (vendor == 1 ? " Rockwell" : "") + ", product code " + productCode
                    + ", revision " + major + "." + String.format("%03d", minor) + ", serial "
                    + String.format("%08X", serial) + ")";
        }
    }

    private static byte[] readBody(InputStream in, int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException(PlcText.get("check.closedMidAnswer"));
        }
        return body;
    }

    private static String unreachable(TagMap.Connection c, IOException e, Duration deadline) {
        String where = c.host() + ":" + c.port();
        if (e instanceof UnknownHostException) {
            return PlcText.format("check.unknownHost", c.host());
        }
        if (e instanceof ConnectException) {
            return PlcText.format("check.refused", where, e.getMessage(),
                    PlcText.get(c.driver() == Driver.LOGIX ? "check.eipPort" : "check.cspPort"));
        }
        if (e instanceof SocketTimeoutException) {
            return PlcText.format("check.timeout", where, deadline.toSeconds());
        }
        return PlcText.format("check.cannotTalk", where, e.getMessage());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
