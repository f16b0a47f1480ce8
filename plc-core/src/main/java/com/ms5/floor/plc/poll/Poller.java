package com.ms5.floor.plc.poll;

import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.SampleBatchListener;
import com.ms5.floor.plc.api.TagBinding;
import com.ms5.floor.plc.api.TagValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcConnectionManager;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.apache.plc4x.java.api.value.PlcValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one PLC connection through PLC4X at a fixed scan period and delivers one
 * {@link SampleBatch} per scan.
 *
 * <p>Threading: scans run on one thread of its own, {@code plc-poll-<connectionId>}; the listener
 * is called on that thread, batches in scan order. Connecting runs on {@code plc-connect-<connectionId>}
 * with a deadline, because PLC4X's {@code connect()} has none. Both threads are daemons and are
 * stopped by {@link #close()}.
 *
 * <p>Failures: a scan that fails or times out closes the connection and delivers a batch whose
 * values are all {@link Quality#COMM_FAILURE}; the connection is rebuilt with exponential backoff
 * and jitter (PLC4X neither reconnects nor recovers a broken connection by itself).
 */
public final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(5);
    private static final Duration READ_DEADLINE = Duration.ofSeconds(3);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CLOSE_BUDGET = Duration.ofMillis(500);

    private final String connectionId;
    private final String url;
    private final List<TagBinding> bindings;
    private final Duration scanPeriod;
    private final Clock clock;
    private final SampleBatchListener listener;
    private final PlcConnectionManager driverManager = new DefaultPlcDriverManager();
    private final ScheduledExecutorService scanThread;
    private final ExecutorService connectThread;

    private PlcConnection connection;
    private Instant nextConnectAttempt = Instant.MIN;
    private Duration backoff = FIRST_BACKOFF;
    private volatile ConnectionHealth health = new ConnectionHealth(ConnectionHealth.State.CONNECTING, null, null, 0);

    /**
     * @param connectionId a short name for logs and thread names, for example {@code line1-plc}
     * @param url          the PLC4X connection string, for example {@code logix://10.0.0.5?slot=0}
     * @param bindings     the tags to read each scan
     * @param scanPeriod   time between scan starts (scans do not drift; a slow scan delays the next)
     * @param clock        stamps {@link SampleBatch#scanTime()} and value source times
     * @param listener     receives each batch on the scan thread
     */
    public Poller(String connectionId, String url, List<TagBinding> bindings, Duration scanPeriod,
                  Clock clock, SampleBatchListener listener) {
        this.connectionId = connectionId;
        this.url = url;
        this.bindings = List.copyOf(bindings);
        this.scanPeriod = scanPeriod;
        this.clock = clock;
        this.listener = listener;
        this.scanThread = Executors.newSingleThreadScheduledExecutor(named("plc-poll-" + connectionId));
        this.connectThread = Executors.newSingleThreadExecutor(named("plc-connect-" + connectionId));
    }

    /** Starts scanning; the first scan begins at once. */
    public void start() {
        scanThread.scheduleAtFixedRate(this::scanSafely, 0, scanPeriod.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The connection's health; safe to call from any thread. */
    public ConnectionHealth health() {
        return health;
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException e) {
            // An exception escaping here would silently cancel all future scans.
            log.error("Scan of {} failed unexpectedly", connectionId, e);
        }
    }

    private void scan() {
        if (connection == null && !connect()) {
            deliver(failedBatch(clock.instant(), Quality.COMM_FAILURE));
            return;
        }
        // Stamped after connecting: a slow connect must not make the first values look older.
        Instant scanTime = clock.instant();
        try {
            PlcReadRequest.Builder request = connection.readRequestBuilder();
            for (TagBinding binding : bindings) {
                request.addTagAddress(binding.name(), binding.address());
            }
            PlcReadResponse response = request.build().execute()
                    .get(READ_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            Instant readTime = clock.instant();
            Map<String, TagValue> values = new LinkedHashMap<>();
            for (TagBinding binding : bindings) {
                values.put(binding.name(), decode(response, binding, readTime));
            }
            health = new ConnectionHealth(ConnectionHealth.State.CONNECTED, readTime, null, health.reconnects());
            backoff = FIRST_BACKOFF;
            deliver(new SampleBatch(connectionId, scanTime, values));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            String reason = e instanceof TimeoutException
                    ? "the PLC did not answer within " + READ_DEADLINE.toSeconds() + " s"
                    : String.valueOf(rootCause(e).getMessage());
            failConnection("Reading from " + url + " failed: " + reason);
            deliver(failedBatch(scanTime, Quality.COMM_FAILURE));
        }
    }

    private boolean connect() {
        Instant now = Instant.now();
        if (now.isBefore(nextConnectAttempt)) {
            return false;
        }
        Future<PlcConnection> attempt = connectThread.submit(() -> driverManager.getConnection(url));
        try {
            connection = attempt.get(CONNECT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Connected to {} ({})", connectionId, url);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            attempt.cancel(true);
            String reason = e instanceof TimeoutException
                    ? "no answer within " + CONNECT_DEADLINE.toSeconds() + " s"
                    : String.valueOf(rootCause(e).getMessage());
            failConnection("Cannot connect to " + url + ": " + reason
                    + ". Check that the PLC is on, the address and slot are right, and the network reaches it.");
            return false;
        }
    }

    private void failConnection(String message) {
        PlcConnection broken = connection;
        connection = null;
        if (broken != null) {
            // PLC4X's close() can throw or hang on a dead connection: never let it stop scanning.
            connectThread.execute(() -> closeQuietly(broken));
        }
        long jitterMillis = ThreadLocalRandom.current().nextLong(backoff.toMillis() / 4 + 1);
        nextConnectAttempt = Instant.now().plus(backoff).plusMillis(jitterMillis);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        ConnectionHealth before = health;
        health = new ConnectionHealth(ConnectionHealth.State.RECONNECTING, before.lastGoodRead(), message,
                before.reconnects() + 1);
        if (!message.equals(before.lastError())) {
            log.warn("{}: {} Retrying.", connectionId, message);
        }
    }

    private static TagValue decode(PlcReadResponse response, TagBinding binding, Instant time) {
        PlcResponseCode code = response.getResponseCode(binding.name());
        if (code != PlcResponseCode.OK) {
            Quality quality = code == PlcResponseCode.INVALID_ADDRESS || code == PlcResponseCode.NOT_FOUND
                    || code == PlcResponseCode.INVALID_DATATYPE ? Quality.BAD_CONFIG : Quality.COMM_FAILURE;
            return TagValue.failed(quality, time);
        }
        PlcValue value = response.getPlcValue(binding.name());
        if (value == null || value.getObject() == null) {
            // PLC4X 0.13.1 answers OK with a null value for types it cannot decode (USINT, UDINT, ...).
            return TagValue.failed(Quality.BAD_CONFIG, time);
        }
        Object raw = value.getObject();
        Object normalised = switch (raw) {
            case Float f -> f.doubleValue();
            case Double d -> d;
            case Number n -> n.longValue();
            default -> raw;
        };
        return TagValue.good(normalised, time);
    }

    private SampleBatch failedBatch(Instant scanTime, Quality quality) {
        Map<String, TagValue> values = new LinkedHashMap<>();
        for (TagBinding binding : bindings) {
            values.put(binding.name(), TagValue.failed(quality, scanTime));
        }
        return new SampleBatch(connectionId, scanTime, values);
    }

    private void deliver(SampleBatch batch) {
        try {
            listener.onBatch(batch);
        } catch (RuntimeException e) {
            log.error("The batch listener of {} failed", connectionId, e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void closeQuietly(PlcConnection connection) {
        try {
            connection.close();
        } catch (Exception e) {
            log.debug("Closing a broken PLC connection failed (expected with PLC4X)", e);
        }
    }

    /** Stops scanning and closes the connection; returns within a few seconds. */
    @Override
    public void close() {
        long started = System.nanoTime();
        scanThread.shutdownNow();
        try {
            scanThread.awaitTermination(READ_DEADLINE.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PlcConnection open = connection;
        connection = null;
        if (open != null) {
            connectThread.execute(() -> closeQuietly(open));
        }
        connectThread.shutdown();
        try {
            // PLC4X sends Forward Close and UnRegisterSession within milliseconds, then waits on a
            // disconnect future that 0.13.1 does not complete: don't let that hold up shutdown.
            if (!connectThread.awaitTermination(CLOSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
                connectThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        health = new ConnectionHealth(ConnectionHealth.State.STOPPED, health.lastGoodRead(), health.lastError(),
                health.reconnects());
        log.info("Poller {} stopped in {} ms", connectionId, (System.nanoTime() - started) / 1_000_000);
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception on {}", t.getName(), e));
            return thread;
        };
    }
}
