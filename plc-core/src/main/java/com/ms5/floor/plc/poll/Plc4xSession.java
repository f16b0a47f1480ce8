package com.ms5.floor.plc.poll;

import com.ms5.floor.plc.api.PlcText;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.netty.channel.Channel;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcDriverManager;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.spi.Plc4xNettyWrapper;
import org.apache.plc4x.java.spi.Plc4xProtocolBase;
import org.apache.plc4x.java.spi.TimeoutManager;
import org.apache.plc4x.java.spi.connection.AbstractPlcConnection;
import org.apache.plc4x.java.spi.connection.DefaultNettyPlcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PLC4X 0.13.1 connection with its sharp edges filed off (shared/DESIGN.md): connecting has a
 * deadline, every request has a deadline, and closing takes a bounded time and releases every
 * thread the driver started, also after the controller dropped the connection. Used by one thread
 * at a time.
 */
final class Plc4xSession {
    private static final Logger log = LoggerFactory.getLogger(Plc4xSession.class);

    /** Why a session failed, in words a person can act on. */
    static final class SessionException extends Exception {
        final boolean timedOut;

        SessionException(String message, boolean timedOut) {
            super(message, null, false, false);
            this.timedOut = timedOut;
        }
    }

    private final PlcConnection connection;
    /** Read requests by their tags: a scan repeats the same requests, and PLC4X parses every
     *  address with regular expressions when a request is built. Bounded, as tag maps change. */
    private final Map<Map<String, String>, PlcReadRequest> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Map<String, String>, PlcReadRequest> eldest) {
            return size() > 256;
        }
    };

    private Plc4xSession(PlcConnection connection) {
        this.connection = connection;
    }

    /**
     * Connects on {@code connector} and gives up after {@code deadline}: PLC4X's connect() has none.
     * The connection is made first and connected after, so an attempt that fails or runs out of time
     * can be closed: a controller that accepts TCP but never finishes its session (booting, faulted,
     * another device on the port, garbage) would otherwise leave its socket, event loop and driver
     * threads behind on every retry. The close runs on {@code closers}, cut off after {@code closeBudget}.
     */
    static Plc4xSession open(PlcDriverManager drivers, String url, Duration deadline, ExecutorService connector,
                             ExecutorService closers, Duration closeBudget) throws SessionException, InterruptedException {
        PlcConnection connection;
        try {
            connection = drivers.getDriverForUrl(url).getConnection(url); // made, not connected: PlcConnectionManager does both
        } catch (PlcConnectionException | RuntimeException e) {
            throw new SessionException(String.valueOf(rootCause(e).getMessage()), false);
        }
        CountDownLatch connectEnded = new CountDownLatch(1);
        Future<?> attempt = connector.submit(() -> {
            try {
                connection.connect();
            } finally {
                connectEnded.countDown();
            }
            return null;
        });
        Plc4xSession session = new Plc4xSession(connection);
        try {
            attempt.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return session;
        } catch (TimeoutException e) {
            attempt.cancel(true);
            session.abandon(closers, closeBudget, connectEnded);
            throw new SessionException(PlcText.format("session.noAnswer", deadline.toSeconds()), true);
        } catch (ExecutionException e) {
            session.abandon(closers, closeBudget, connectEnded);
            throw new SessionException(String.valueOf(rootCause(e).getMessage()), false);
        } catch (InterruptedException e) {
            attempt.cancel(true);
            session.abandon(closers, closeBudget, connectEnded);
            throw e;
        }
    }

    boolean connected() {
        return connection.isConnected();
    }

    /** Reads the tags (value name -> driver address) in one request. */
    PlcReadResponse read(Map<String, String> tags, Duration deadline) throws SessionException, InterruptedException {
        return await(prepared.computeIfAbsent(tags, this::buildRequest).execute(), deadline);
    }

    private PlcReadRequest buildRequest(Map<String, String> tags) {
        PlcReadRequest.Builder request = connection.readRequestBuilder();
        tags.forEach(request::addTagAddress);
        return request.build();
    }


    private static <T> T await(java.util.concurrent.CompletableFuture<T> future, Duration deadline)
            throws SessionException, InterruptedException {
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SessionException(PlcText.format("session.noAnswerMs", deadline.toMillis()), true);
        } catch (ExecutionException e) {
            throw new SessionException(String.valueOf(rootCause(e).getMessage()), false);
        } catch (RuntimeException e) {
            throw new SessionException(String.valueOf(rootCause(e).getMessage()), false);
        }
    }

    /**
     * Closes in the background on {@code closers} and returns at once; the close is cut off after
     * {@code budget}. PLC4X sends Forward Close and UnRegisterSession at once, then waits on a
     * disconnect future that 0.13.1 never completes; interrupting that wait lets it close the
     * channel and its event loop right away.
     */
    void close(ExecutorService closers, Duration budget) {
        closers.execute(() -> {
            // Taken before close() forgets the channel.
            Plc4xNettyWrapper<?> wrapper = wrapperOf(connection, channel());
            Thread closing = Thread.ofPlatform().daemon().name(Thread.currentThread().getName() + "-wait").start(() -> {
                try {
                    connection.close();
                } catch (Exception e) {
                    log.debug("Closing a PLC connection failed (expected with PLC4X after a drop)", e);
                }
            });
            try {
                closing.join(budget);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closing.interrupt();
            releaseDriverThreads(wrapper);
        });
    }

    /**
     * Ends a connection that never came up, once its connect attempt has given up ({@code connectEnded};
     * its channel is set by then): there is no session to end politely, so its event loop (PLC4X gives
     * each channel a group of its own) is shut down at once, which closes the channel, instead of after
     * Netty's 2 s of quiet; and the driver's threads are released. A controller that fails every
     * attempt so leaves nothing behind between retries.
     */
    private void abandon(ExecutorService closers, Duration budget, CountDownLatch connectEnded) {
        closers.execute(() -> {
            try {
                connectEnded.await(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Channel channel = channel();
            Plc4xNettyWrapper<?> wrapper = wrapperOf(connection, channel);
            if (channel != null) {
                channel.eventLoop().parent().shutdownGracefully(0, budget.toMillis(), TimeUnit.MILLISECONDS)
                        .awaitUninterruptibly(budget.toMillis());
            }
            releaseDriverThreads(wrapper);
        });
    }

    private Channel channel() {
        return connection instanceof DefaultNettyPlcConnection netty ? netty.getChannel() : null;
    }

    /** Both calls are safe to repeat, so this also runs after a close that PLC4X completed itself. */
    private static void releaseDriverThreads(Plc4xNettyWrapper<?> wrapper) {
        if (wrapper == null) {
            return;
        }
        try {
            ((Plc4xProtocolBase<?>) privateField(wrapper, "protocolBase")).close(null); // the transaction-manager pool
            ((TimeoutManager) privateField(wrapper, "timeoutManager")).stop(); // the timeout wheel's thread
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot release PLC4X's threads; a dropped connection may leave threads behind", e);
        }
    }

    /**
     * The driver's pipeline stage: it owns a transaction-manager pool and a timeout wheel thread, which
     * PLC4X stops neither on a drop nor on close. Found in the channel's pipeline; once the controller
     * has closed the channel the pipeline is empty, and it is found as the outer object of the
     * protocol's conversation context instead (PLC4X 0.13.1's layout, read by reflection).
     */
    private static Plc4xNettyWrapper<?> wrapperOf(PlcConnection connection, Channel channel) {
        Plc4xNettyWrapper<?> inPipeline = channel == null ? null : channel.pipeline().get(Plc4xNettyWrapper.class);
        if (inPipeline != null || !(connection instanceof AbstractPlcConnection plc) || plc.getProtocol() == null) {
            return inPipeline;
        }
        try {
            Field context = Plc4xProtocolBase.class.getDeclaredField("conversationContext");
            context.setAccessible(true);
            Object conversation = context.get(plc.getProtocol());
            if (conversation == null) {
                return null;
            }
            Field outer = conversation.getClass().getDeclaredField("this$0");
            outer.setAccessible(true);
            return outer.get(conversation) instanceof Plc4xNettyWrapper<?> wrapper ? wrapper : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot find PLC4X's threads of a closed connection; they may stay behind", e);
            return null;
        }
    }

    private static Object privateField(Plc4xNettyWrapper<?> wrapper, String name) throws ReflectiveOperationException {
        Field field = Plc4xNettyWrapper.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(wrapper);
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
