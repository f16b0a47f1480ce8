package com.ms5.floor.plc.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated controller on a loopback port: a CompactLogix/ControlLogix answering EtherNet/IP
 * ({@link #logix}; see {@link EipConnection} and {@link CipRouter}), or an SLC 5/05 answering
 * CSP/PCCC ({@link #slc}; see {@link CspConnection}). Any number of clients at once.
 *
 * <p>Each TCP connection is served by its own daemon thread ({@code virtual-<kind>-<port>-conn-N}),
 * so a controller never keeps the JVM alive.
 */
public final class VirtualController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualController.class);

    /** Serves one client connection until it ends. */
    @FunctionalInterface
    private interface Protocol {
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final String kind;
    private final String url;
    private final TagDatabase tags;
    private final PcccDataTable files;
    private final FaultInjector faults = new FaultInjector();
    private final AtomicInteger nextSessionHandle = new AtomicInteger(0x1000);
    private final Protocol protocol;
    private final ServerSocket server;
    private final Thread acceptThread;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Starts a Logix controller on 127.0.0.1.
     *
     * @param port        the TCP port; 0 picks a free one (see {@link #port()}); Logix uses 44818
     * @param tags        the tag database the controller serves
     * @param productName what the identity object reports, for example {@code 1769-L33ER/B LOGIX5333ER}
     */
    public static VirtualController logix(int port, TagDatabase tags, String productName) throws IOException {
        return new VirtualController("logix", listen(port), tags, null, productName, 0);
    }

    /**
     * Starts an SLC 5/05 on 127.0.0.1.
     *
     * @param port    the TCP port; 0 picks a free one; CSP uses 2222
     * @param files   the data files the controller serves
     * @param station the station number clients address
     */
    public static VirtualController slc(int port, PcccDataTable files, int station) throws IOException {
        return new VirtualController("slc", listen(port), null, files, "SLC 5/05", station);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return server;
    }

    private VirtualController(String kind, ServerSocket server, TagDatabase tags, PcccDataTable files,
                              String productName, int station) {
        this.kind = kind;
        this.server = server;
        this.tags = tags;
        this.files = files;
        int port = server.getLocalPort();
        if (tags != null) {
            this.url = "logix://127.0.0.1:" + port + "?slot=0";
            this.protocol = (in, out) -> new EipConnection(in, out, tags, productName,
                    nextSessionHandle::incrementAndGet, faults).run();
        } else {
            this.url = "ab-eth:tcp://127.0.0.1:" + port + "?station=" + station;
            this.protocol = (in, out) -> new CspConnection(in, out, files, station,
                    nextSessionHandle::incrementAndGet, faults).run();
        }
        this.acceptThread = Thread.ofPlatform().daemon().name("virtual-" + kind + "-" + port + "-accept")
                .start(this::acceptLoop);
        log.info("Virtual {} listening: {}", productName, url);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The PLC4X connection string for this controller. */
    public String connectionUrl() {
        return url;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                if (faults.refusingConnections()) {
                    socket.close();
                    continue;
                }
                socket.setTcpNoDelay(true);
                clients.add(socket);
                int n = connectionCount.incrementAndGet();
                Thread.ofPlatform().daemon().name("virtual-" + kind + "-" + port() + "-conn-" + n).start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    log.warn("Virtual controller on port {} stopped accepting: {}", port(), e.toString());
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            protocol.serve(socket.getInputStream(), socket.getOutputStream());
        } catch (SocketException e) {
            log.debug("Client connection ended: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.warn("Client connection to the virtual controller failed", e);
            }
        } finally {
            clients.remove(socket);
        }
    }

    /** Misbehaviour on demand, for tests. */
    public FaultInjector faults() {
        return faults;
    }

    /** A Logix controller's tags ({@code null} for an SLC). */
    public TagDatabase tags() {
        return tags;
    }

    /** An SLC's data files ({@code null} for a Logix controller). */
    public PcccDataTable files() {
        return files;
    }

    /** Drops every client connection at once, as a controller that loses power or its cable does. */
    public void dropAllConnections() {
        for (Socket socket : clients) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** How many TCP connections clients have opened so far. */
    public int connectionsAccepted() {
        return connectionCount.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("Closing the listening socket failed", e);
        }
        dropAllConnections();
        try {
            acceptThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
