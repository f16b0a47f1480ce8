package com.ms5.floor.plc.virtual;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated controller on a loopback port: a CompactLogix/ControlLogix answering EtherNet/IP
 * ({@link #logix}; see {@link EipConnection} and {@link CipRouter}), or an SLC 5/05 answering
 * CSP/PCCC ({@link #slc}; see {@link CspConnection}). Any number of clients at once.
 *
 * <p>One non-blocking {@link FrameServer} thread ({@code virtual-<kind>-<port>}) serves all of a
 * controller's clients; its threads are daemons, so a controller never keeps the JVM alive.
 */
public final class VirtualController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualController.class);

    private final String url;
    private final TagDatabase tags;
    private final PcccDataTable files;
    private final FaultInjector faults = new FaultInjector();
    private final AtomicInteger nextSessionHandle = new AtomicInteger(0x1000);
    private final FrameServer server;

    /**
     * Starts a Logix controller on 127.0.0.1.
     *
     * @param port        the TCP port; 0 picks a free one (see {@link #port()}); Logix uses 44818
     * @param tags        the tag database the controller serves
     * @param productName what the identity object reports, for example {@code 1769-L33ER/B LOGIX5333ER}
     */
    public static VirtualController logix(int port, TagDatabase tags, String productName) throws IOException {
        return new VirtualController(port, tags, null, productName, 0);
    }

    /**
     * Starts an SLC 5/05 on 127.0.0.1.
     *
     * @param port    the TCP port; 0 picks a free one; CSP uses 2222
     * @param files   the data files the controller serves
     * @param station the station number clients address
     */
    public static VirtualController slc(int port, PcccDataTable files, int station) throws IOException {
        return new VirtualController(port, null, files, "SLC 5/05", station);
    }

    private VirtualController(int port, TagDatabase tags, PcccDataTable files, String productName, int station)
            throws IOException {
        this.tags = tags;
        this.files = files;
        if (tags != null) {
            this.server = new FrameServer("virtual-logix", port, faults, replies -> new EipConnection(replies, tags,
                    productName, nextSessionHandle::incrementAndGet, faults));
            this.url = "logix://127.0.0.1:" + server.port() + "?slot=0";
        } else {
            this.server = new FrameServer("virtual-slc", port, faults, replies -> new CspConnection(replies, files,
                    station, nextSessionHandle::incrementAndGet, faults));
            this.url = "ab-eth:tcp://127.0.0.1:" + server.port() + "?station=" + station;
        }
        log.info("Virtual {} listening: {}", productName, url);
    }

    public int port() {
        return server.port();
    }

    /** The PLC4X connection string for this controller. */
    public String connectionUrl() {
        return url;
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
        server.dropAllConnections();
    }

    /** How many TCP connections clients have opened so far. */
    public int connectionsAccepted() {
        return server.connectionsAccepted();
    }

    @Override
    public void close() {
        server.close();
    }
}
