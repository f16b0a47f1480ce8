package com.ms5.floor.plc.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 between a poller and a controller that passes requests through as they
 * are and cuts the controller's replies into frames by their encapsulation header (EtherNet/IP: 24
 * bytes, length little-endian at offset 2; CSP: 28 bytes, big-endian), then corrupts a share of them
 * with {@link DecoderFuzzBenchmark#mutate}. The first clean replies are kept as seeds for the
 * decoder fuzz.
 */
final class CorruptingProxy implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final int upstreamPort;
    private final int headerBytes;
    private final boolean bigEndian;
    private final Random random;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<byte[]> seeds = new CopyOnWriteArrayList<>();
    private volatile double corruptShare;
    final AtomicLong replies = new AtomicLong();
    final AtomicLong corrupted = new AtomicLong();
    final AtomicLong sessions = new AtomicLong();

    private CorruptingProxy(int upstreamPort, int headerBytes, boolean bigEndian, long seed) throws IOException {
        this.upstreamPort = upstreamPort;
        this.headerBytes = headerBytes;
        this.bigEndian = bigEndian;
        this.random = new Random(seed);
        Thread.ofPlatform().daemon().name("proxy-" + server.getLocalPort()).start(this::accept);
    }

    static CorruptingProxy etherNetIp(int upstreamPort, long seed) throws IOException {
        return new CorruptingProxy(upstreamPort, 24, false, seed);
    }

    static CorruptingProxy csp(int upstreamPort, long seed) throws IOException {
        return new CorruptingProxy(upstreamPort, 28, true, seed);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The share of replies corrupted from now on (0 passes everything through). */
    void corrupt(double share) {
        corruptShare = share;
    }

    /** Waits until {@code count} replies were corrupted in all; false if the deadline passed first. */
    boolean awaitCorrupted(long count, java.time.Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        synchronized (corrupted) {
            while (corrupted.get() < count) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(corrupted, left);
            }
        }
        return true;
    }

    List<byte[]> seeds() {
        return List.copyOf(seeds);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket controller = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(controller);
                sessions.incrementAndGet();
                Thread.ofVirtual().start(() -> requests(client, controller));
                Thread.ofVirtual().start(() -> replies(controller, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void requests(Socket client, Socket controller) {
        try {
            client.getInputStream().transferTo(controller.getOutputStream());
        } catch (IOException e) {
            // either side went away
        } finally {
            closeBoth(client, controller);
        }
    }

    private void replies(Socket controller, Socket client) {
        try {
            DataInputStream in = new DataInputStream(controller.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] header = new byte[headerBytes];
                in.readFully(header);
                int high = header[bigEndian ? 2 : 3] & 0xFF;
                int low = header[bigEndian ? 3 : 2] & 0xFF;
                int length = high << 8 | low;
                byte[] frame = java.util.Arrays.copyOf(header, headerBytes + length);
                in.readFully(frame, headerBytes, length);
                replies.incrementAndGet();
                boolean corrupt;
                synchronized (random) {
                    corrupt = random.nextDouble() < corruptShare;
                    if (corrupt) {
                        frame = DecoderFuzzBenchmark.mutate(frame, random);
                    }
                }
                if (corrupt) {
                    corrupted.incrementAndGet();
                    synchronized (corrupted) {
                        corrupted.notifyAll();
                    }
                } else if (seeds.size() < 32) {
                    seeds.add(frame);
                }
                out.write(frame);
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            closeBoth(client, controller);
        }
    }

    private void closeBoth(Socket a, Socket b) {
        for (Socket s : List.of(a, b)) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
            sockets.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
