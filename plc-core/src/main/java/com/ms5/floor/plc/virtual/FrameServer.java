package com.ms5.floor.plc.virtual;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking TCP server on 127.0.0.1: one selector thread serves every client of one
 * virtual controller, so fifty clients cost one thread, not fifty. Frames are handed to a
 * {@link FrameProtocol} per client; injected reply delays run on a timer, never on the
 * selector thread, and keep each client's replies in order. All threads are daemons.
 */
final class FrameServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FrameServer.class);
    private static final int INITIAL_BUFFER = 4096;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread loop;
    private final FaultInjector faults;
    private final Function<Consumer<byte[]>, FrameProtocol> protocols;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    /** Work handed to the selector thread by other threads (delayed replies). */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService delays;
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param name      names the threads with the port appended, for example {@code virtual-logix}
     * @param port      0 picks a free port
     * @param protocols creates one client's protocol state, given where its replies go
     */
    FrameServer(String name, int port, FaultInjector faults, Function<Consumer<byte[]>, FrameProtocol> protocols)
            throws IOException {
        this.faults = faults;
        this.protocols = protocols;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        String threadName = name + "-" + server.socket().getLocalPort();
        this.delays = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name(threadName + "-delays").factory());
        this.loop = Thread.ofPlatform().daemon().name(threadName).start(this::run);
    }

    int port() {
        return server.socket().getLocalPort();
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    /**
     * Closes every client connection, from any thread; returns once they are closed. Runs on the
     * selector thread: a registered channel closed elsewhere stays open until the selector wakes.
     */
    void dropAllConnections() {
        if (Thread.currentThread() == loop || !loop.isAlive()) {
            List.copyOf(clients).forEach(Client::close);
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        tasks.add(() -> {
            List.copyOf(clients).forEach(Client::close);
            done.countDown();
        });
        selector.wakeup();
        try {
            done.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (key.isAcceptable()) {
                            accept();
                        } else if (key.attachment() instanceof Client client) {
                            if (key.isReadable()) {
                                client.read();
                            }
                            if (key.isValid() && key.isWritable()) {
                                client.flush();
                            }
                        }
                    } catch (CancelledKeyException e) {
                        // the client was dropped from another thread meanwhile
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                log.warn("Virtual controller on port {} stopped serving: {}", port(), e.toString());
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            if (faults.refusingConnections()) {
                channel.close();
                continue;
            }
            accepted.incrementAndGet();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Client client = new Client(channel);
            client.key = channel.register(selector, SelectionKey.OP_READ, client);
            clients.add(client);
        }
    }

    /** One TCP client: its input buffer, its queue of unsent replies and its protocol state. */
    private final class Client {
        final SocketChannel channel;
        final FrameProtocol protocol;
        final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
        SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(INITIAL_BUFFER);
        boolean closeWhenSent;
        /** When the last delayed reply of this client is due, so a shorter delay cannot overtake it. */
        long lastDueNanos;

        Client(SocketChannel channel) {
            this.channel = channel;
            this.protocol = protocols.apply(this::send);
        }

        void read() {
            try {
                if (channel.read(in) < 0) {
                    close();
                    return;
                }
            } catch (IOException e) {
                log.debug("Client connection ended: {}", e.getMessage());
                close();
                return;
            }
            in.flip();
            while (!closeWhenSent && channel.isOpen() && takeFrame()) {
                // one frame handled per turn
            }
            in.compact();
            flush();
        }

        /** @return whether a whole frame was there and handled */
        private boolean takeFrame() {
            int headerLength = protocol.headerLength();
            if (in.remaining() < headerLength) {
                return false;
            }
            int bodyLength = protocol.bodyLength(in.slice(in.position(), headerLength));
            if (bodyLength < 0) {
                closeWhenSent = true;
                return false;
            }
            int frameLength = headerLength + bodyLength;
            if (in.remaining() < frameLength) {
                if (in.capacity() < frameLength) {
                    in = ByteBuffer.allocate(frameLength).put(in).flip();
                }
                return false;
            }
            byte[] header = new byte[headerLength];
            byte[] body = new byte[bodyLength];
            in.get(header).get(body);
            if (!protocol.onFrame(header, body)) {
                closeWhenSent = true;
            }
            return true;
        }

        /** A reply from the protocol; held back or dropped as the fault injector says. */
        private void send(byte[] frame) {
            if (faults.stallingReplies()) {
                return;
            }
            long delayNanos = TimeUnit.MILLISECONDS.toNanos(faults.replyDelayMillis());
            if (delayNanos == 0 && lastDueNanos - System.nanoTime() <= 0) {
                unsent.add(ByteBuffer.wrap(frame));
                return;
            }
            long due = Math.max(System.nanoTime() + delayNanos, lastDueNanos);
            lastDueNanos = due;
            delays.schedule(() -> {
                tasks.add(() -> {
                    unsent.add(ByteBuffer.wrap(frame));
                    flush();
                });
                selector.wakeup();
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        void flush() {
            if (!key.isValid()) {
                return;
            }
            try {
                while (!unsent.isEmpty()) {
                    ByteBuffer next = unsent.peek();
                    channel.write(next);
                    if (next.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        return;
                    }
                    unsent.poll();
                }
                key.interestOps(SelectionKey.OP_READ);
                if (closeWhenSent) {
                    close();
                }
            } catch (IOException | CancelledKeyException e) {
                log.debug("Client connection ended while writing: {}", e.getMessage());
                close();
            }
        }

        void close() {
            clients.remove(this);
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List.copyOf(clients).forEach(Client::close);
        delays.shutdownNow();
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            log.debug("Closing the virtual controller's sockets failed", e);
        }
    }
}
