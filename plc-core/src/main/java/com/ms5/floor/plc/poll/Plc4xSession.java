package com.ms5.floor.plc.poll;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcConnectionManager;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.spi.Plc4xNettyWrapper;
import org.apache.plc4x.java.spi.Plc4xProtocolBase;
import org.apache.plc4x.java.spi.TimeoutManager;
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
    /** The driver's pipeline stage. It owns a transaction-manager pool (in its protocol logic) and
     *  a timeout wheel thread, and PLC4X stops neither when the controller drops the connection:
     *  without {@link #releaseDriverThreads} every drop would leave five threads behind. */
    private final Plc4xNettyWrapper<?> wrapper;
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
        this.wrapper = wrapperOf(connection);
    }

    /** Connects on {@code connector} and gives up after {@code deadline}: PLC4X's connect() has none. */
    static Plc4xSession open(PlcConnectionManager drivers, String url, Duration deadline, ExecutorService connector)
            throws SessionException, InterruptedException {
        Future<PlcConnection> attempt = connector.submit(() -> drivers.getConnection(url));
        try {
            return new Plc4xSession(attempt.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            attempt.cancel(true);
            throw new SessionException("no answer within " + deadline.toSeconds() + " s", true);
        } catch (ExecutionException e) {
            throw new SessionException(String.valueOf(rootCause(e).getMessage()), false);
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
            throw new SessionException("the PLC did not answer within " + deadline.toMillis() + " ms", true);
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
            releaseDriverThreads();
        });
    }

    /** Both calls are safe to repeat, so this also runs after a close that PLC4X completed itself. */
    private void releaseDriverThreads() {
        if (wrapper == null) {
            return;
        }
        try {
            ((Plc4xProtocolBase<?>) privateField("protocolBase")).close(null); // the transaction-manager pool
            ((TimeoutManager) privateField("timeoutManager")).stop(); // the timeout wheel's thread
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot release PLC4X's threads; a dropped connection may leave threads behind", e);
        }
    }

    private Object privateField(String name) throws ReflectiveOperationException {
        Field field = Plc4xNettyWrapper.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(wrapper);
    }

    private static Plc4xNettyWrapper<?> wrapperOf(PlcConnection connection) {
        if (connection instanceof DefaultNettyPlcConnection netty && netty.getChannel() != null) {
            return netty.getChannel().pipeline().get(Plc4xNettyWrapper.class);
        }
        return null;
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
