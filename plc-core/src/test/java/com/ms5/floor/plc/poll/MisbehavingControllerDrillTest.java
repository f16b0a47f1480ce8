package com.ms5.floor.plc.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.LogixType;
import com.ms5.floor.plc.virtual.TagDatabase;
import com.ms5.floor.plc.virtual.VirtualController;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Drill: controllers that accept TCP but never finish an EtherNet/IP session (booting, faulted, or
 * another device on the port) answer with silence, with garbage, with a header claiming 65,535
 * bytes, or by hanging up. A poller retries each for well over 200 connect attempts in all; the
 * station's threads and open files stay where they were after the first few, and a healthy
 * controller beside them is read throughout. (Before this drill every failed attempt left an event
 * loop thread, a pool thread and a socket behind.)
 */
class MisbehavingControllerDrillTest {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MisbehavingControllerDrillTest.class);
    /** Short deadlines: many attempts in a few seconds; each closes within its budget. */
    private static final Poller.Settings DRILL = new Poller.Settings(Duration.ofMillis(150), Duration.ofMillis(500),
            Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofMillis(200));

    @Test
    void twoHundredFailedConnectsLeaveThreadsAndFilesFlatAndTheHealthyControllerIsRead() throws Exception {
        Random random = new Random(7);
        List<SampleBatch> healthy = new CopyOnWriteArrayList<>();
        TagDatabase tags = new TagDatabase();
        tags.define("Counter", LogixType.Atomic.DINT).setDint(5);
        try (Server silent = new Server(socket -> { }); // holds the connection and says nothing
             Server garbage = new Server(socket -> {
                 byte[] noise = new byte[64];
                 random.nextBytes(noise);
                 socket.getOutputStream().write(noise);
             });
             Server hugeLength = new Server(socket -> { // a RegisterSession reply claiming 65,535 bytes that never come
                 byte[] header = new byte[24];
                 header[0] = 0x65;
                 header[2] = (byte) 0xFF;
                 header[3] = (byte) 0xFF;
                 socket.getOutputStream().write(header);
             });
             Server hangsUp = new Server(Socket::close);
             VirtualController good = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER")) {
            List<Poller> bad = new ArrayList<>();
            for (Server server : List.of(silent, garbage, hugeLength, hangsUp)) {
                bad.add(new Poller(connection("bad" + bad.size(), server.port()), List.of(counter()), Clock.systemUTC(),
                        batch -> { }, DRILL));
            }
            Poller healthyPoller = new Poller(connection("good", good.port()), List.of(counter()), Clock.systemUTC(),
                    healthy::add, DRILL);
            try {
                healthyPoller.start();
                bad.forEach(Poller::start);
                PollerTest.await(() -> bad.stream().allMatch(p -> p.health().connectFailures() >= 10));
                int threadsAfterTen = threads();
                int filesAfterTen = openFiles();

                PollerTest.await(() -> bad.stream().mapToLong(p -> p.health().connectFailures()).sum() >= 240
                        && bad.stream().allMatch(p -> p.health().connectFailures() >= 40));
                // Event loops shut down a moment after their channel closes: the counts settle, they do not drop at once.
                int threadLimit = threadsAfterTen + 12;
                int fileLimit = filesAfterTen + 16;
                try {
                    PollerTest.await(() -> threads() <= threadLimit && openFiles() <= fileLimit);
                } catch (AssertionError e) {
                    throw new AssertionError(threads() + " threads (after ten failures each: " + threadsAfterTen + "), "
                            + openFiles() + " open files (" + filesAfterTen + "); threads by name: " + Thread.getAllStackTraces().keySet()
                            .stream().collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"),
                                    java.util.TreeMap::new, java.util.stream.Collectors.counting())), e);
                }
                log.info("Drill: {} failed connects; {} threads and {} open files after ten each, {} and {} now",
                        bad.stream().mapToLong(p -> p.health().connectFailures()).sum(), threadsAfterTen, filesAfterTen,
                        threads(), openFiles());
                assertThat(healthyPoller.health().state()).isEqualTo(ConnectionHealth.State.CONNECTED);
                int read = healthy.size();
                PollerTest.await(() -> healthy.size() > read + 5 && healthy.getLast().get("c").isGood());
                assertThat(healthy.getLast().get("c").asLong()).isEqualTo(5);
                assertThat(bad).allSatisfy(p -> assertThat(p.health().state()).isNotEqualTo(ConnectionHealth.State.CONNECTED));
            } finally {
                bad.forEach(Poller::close);
                healthyPoller.close();
            }
        }
    }

    private static TagMap.Connection connection(String id, int port) {
        return new TagMap.Connection(id, Driver.LOGIX, "127.0.0.1", port, 0, List.of(new TagMap.ScanClass("fast", 50)));
    }

    private static PollTag counter() {
        return new PollTag("c", "Counter:DINT", DataType.DINT, null, 0, "fast", 50);
    }

    private static int threads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
    }

    /** This process's open file descriptors (sockets included), on Linux. */
    private static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    /** A TCP server on 127.0.0.1 that treats each client as {@code behaviour} says, then holds it until closed. */
    private static final class Server implements AutoCloseable {
        interface Behaviour {
            void greet(Socket socket) throws IOException;
        }

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> clients = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Server(Behaviour behaviour) throws IOException {
            acceptor = Thread.ofPlatform().daemon().name("drill-server-" + server.getLocalPort()).start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        clients.add(socket);
                        Thread.ofVirtual().start(() -> serve(socket, behaviour));
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        /** Waits for the client's first request, answers as the behaviour says, then reads until the client goes. */
        private void serve(Socket socket, Behaviour behaviour) {
            try (socket) {
                InputStream in = socket.getInputStream();
                if (in.read(new byte[4096]) < 0) {
                    return;
                }
                behaviour.greet(socket);
                if (!socket.isClosed()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            } catch (IOException e) {
                // the client closed: what a drill expects
            } finally {
                clients.remove(socket);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : clients) {
                s.close();
            }
        }
    }
}
