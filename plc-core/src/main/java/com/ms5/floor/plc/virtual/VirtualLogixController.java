package com.ms5.floor.plc.virtual;

import java.io.IOException;
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
 * A simulated CompactLogix/ControlLogix controller that answers EtherNet/IP on a loopback port,
 * enough for PLC4X's {@code logix://} driver and other Logix clients to read its tags.
 *
 * <p>Each TCP connection is served by its own daemon thread ({@code virtual-logix-<port>-conn-N}),
 * so a closed controller never keeps the JVM alive. See {@link EipConnection} for the services.
 */
public final class VirtualLogixController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualLogixController.class);

    private final TagDatabase tags;
    private final FaultInjector faults = new FaultInjector();
    private final String productName;
    private final ServerSocket server;
    private final Thread acceptThread;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicInteger nextSessionHandle = new AtomicInteger(0x1000);
    private volatile boolean closed;

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port        the TCP port; 0 picks a free one (see {@link #port()}); Logix uses 44818
     * @param tags        the tag database the controller serves
     * @param productName what the identity object reports, for example {@code 1769-L33ER/B LOGIX5333ER}
     */
    public static VirtualLogixController start(int port, TagDatabase tags, String productName) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new VirtualLogixController(server, tags, productName);
    }

    private VirtualLogixController(ServerSocket server, TagDatabase tags, String productName) {
        this.server = server;
        this.tags = tags;
        this.productName = productName;
        this.acceptThread = Thread.ofPlatform().daemon().name("virtual-logix-" + port() + "-accept")
                .start(this::acceptLoop);
        log.info("Virtual Logix controller '{}' listening on 127.0.0.1:{} with {} tags", productName, port(), tags.all().size());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The PLC4X connection string for this controller. */
    public String connectionUrl() {
        return "logix://127.0.0.1:" + port() + "?slot=0";
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
                Thread.ofPlatform().daemon().name("virtual-logix-" + port() + "-conn-" + n).start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    log.warn("Virtual Logix controller on port {} stopped accepting: {}", port(), e.toString());
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            new EipConnection(socket.getInputStream(), socket.getOutputStream(), tags, productName,
                    nextSessionHandle::incrementAndGet, faults).run();
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

    /** Misbehaviour on demand, for tests. */
    public FaultInjector faults() {
        return faults;
    }

    /** The controller's tags. */
    public TagDatabase tags() {
        return tags;
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
