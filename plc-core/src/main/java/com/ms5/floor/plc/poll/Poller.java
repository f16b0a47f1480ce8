package com.ms5.floor.plc.poll;

import com.ms5.floor.plc.api.PlcText;
import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.SampleBatchListener;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcDriverManager;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.apache.plc4x.java.api.value.PlcValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one PLC connection through one PLC4X session, scan class by scan class, and delivers one
 * {@link SampleBatch} per scan.
 *
 * <p><b>Threading.</b> Everything runs on the poller's own thread, {@code plc-poll-<connection>}:
 * the listener is called there, one batch at a time, in the order the scans ran. Connecting and
 * closing run on {@code plc-connect-<connection>} under a deadline. Both are daemon threads, stopped
 * by {@link #close()}. MS5 only reads: nothing writes to a controller.
 *
 * <p><b>Scheduling.</b> Each scan class is due every period from the start, without drift; a scan
 * that runs late makes the next ones skip (counted in {@link ConnectionHealth#missedScans()}), never
 * a burst of catch-up scans. Tags are read in Multiple Service Packets cut to fit the connection.
 *
 * <p><b>Hardening</b> (PLC4X 0.13.1, shared/DESIGN.md). A tag is read alone once before it joins a
 * batch: a tag the controller rejects is quarantined with the reason, its value is
 * {@link Quality#BAD_CONFIG}, and it is tried again every {@link Settings#quarantineRetry()}. A
 * request that fails or times out closes the session; it is rebuilt with exponential backoff and
 * jitter, and the tags of the failed request are probed again.
 */
public final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    /** Deadlines and pauses; {@link #DEFAULTS} suit a plant network. */
    public record Settings(Duration connectDeadline, Duration readDeadline, Duration probeDeadline,
                           Duration quarantineRetry, Duration firstBackoff, Duration maxBackoff, Duration closeBudget) {
    }

    public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(5), Duration.ofSeconds(3),
            Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofMillis(500));

    /** What fits in one request: the Large Forward Open size PLC4X asks for (4002), less the
     *  encapsulation, CPF and Multiple Service Packet headers. */
    private static final int LOGIX_REQUEST_BUDGET = 3900;
    /** PLC4X's ab-eth driver sends one PCCC request per tag anyway; this bounds a batch's latency. */
    private static final int AB_ETH_TAGS_PER_REQUEST = 20;
    /** A probe that times out twice (on fresh sessions) means the tag wedges the connection. */
    private static final int PROBE_STRIKES = 2;

    private final TagMap.Connection connection;
    private final String url;
    private final Clock clock;
    private final SampleBatchListener listener;
    private final Settings settings;
    private final PlcDriverManager drivers = new DefaultPlcDriverManager();
    private final Thread pollThread;
    private final ExecutorService connectThread;
    /** Closing can hang in PLC4X; it never holds up a connect. Idle threads end after a second. */
    private final ExecutorService closeThreads;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final PollerStats stats = new PollerStats();

    // Owned by the poll thread.
    private final Map<String, TagState> tags = new LinkedHashMap<>();
    private final Map<String, ScanClassState> scanClasses = new TreeMap<>();
    private Plc4xSession session;
    private long nextConnectNanos;
    private Duration backoff;
    private volatile boolean closing;
    private volatile Map<String, PollTag> tagsByName = Map.of();
    private volatile ConnectionHealth health = ConnectionHealth.starting();

    /** A tag's probe state and the last value delivered. */
    private static final class TagState {
        final PollTag tag;
        boolean probed;
        int strikes;
        String quarantineReason;
        long retryNanos;
        TagValue last;

        TagState(PollTag tag) {
            this.tag = tag;
        }
    }

    private static final class ScanClassState {
        final String name;
        final long periodNanos;
        final long firstDueNanos;
        long nextDueNanos;

        ScanClassState(String name, long periodNanos, long firstDueNanos) {
            this.name = name;
            this.periodNanos = periodNanos;
            this.firstDueNanos = firstDueNanos;
            this.nextDueNanos = firstDueNanos;
        }
    }

    public Poller(TagMap.Connection connection, List<PollTag> tags, Clock clock, SampleBatchListener listener) {
        this(connection, tags, clock, listener, DEFAULTS);
    }

    /**
     * @param connection the PLC connection (driver, address, slot or station)
     * @param tags       what to read; see {@link PollTag#of}
     * @param clock      stamps scan and value times (the plant clock)
     * @param listener   receives each batch on the poll thread
     */
    public Poller(TagMap.Connection connection, List<PollTag> tags, Clock clock, SampleBatchListener listener,
                  Settings settings) {
        this.connection = connection;
        this.url = connection.url();
        this.clock = clock;
        this.listener = listener;
        this.settings = settings;
        this.backoff = settings.firstBackoff();
        this.connectThread = Executors.newSingleThreadExecutor(named("plc-connect-" + connection.id()));
        this.closeThreads = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), named("plc-close-" + connection.id()));
        this.pollThread = named("plc-poll-" + connection.id()).newThread(this::run);
        applyTags(tags, System.nanoTime());
    }

    /** Starts polling; every scan class is due at once. */
    public void start() {
        pollThread.start();
    }

    /** The connection's health; any thread. */
    public ConnectionHealth health() {
        return health;
    }

    /**
     * Replaces the tags without stopping: from the next scan, new tags are probed and join, removed
     * ones are no longer read; unchanged ones keep their state. Any thread.
     */
    public void updateTags(List<PollTag> newTags) {
        List<PollTag> copy = List.copyOf(newTags);
        commands.add(() -> applyTags(copy, System.nanoTime()));
    }

    // ---- the poll thread ----

    private void run() {
        while (!closing) {
            try {
                long now = System.nanoTime();
                ScanClassState due = nextDue();
                long wakeAt = due == null ? now + TimeUnit.SECONDS.toNanos(1) : due.nextDueNanos;
                if (session == null && now >= nextConnectNanos) {
                    connect();
                    continue;
                }
                if (session != null && probeOne(now)) {
                    continue;
                }
                if (due != null && now >= due.nextDueNanos) {
                    scan(due, now);
                    continue;
                }
                Runnable command = commands.poll(Math.max(0, wakeAt - now), TimeUnit.NANOSECONDS);
                if (command != null) {
                    command.run();
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // An exception escaping here would end polling for good.
                log.error("Polling {} failed unexpectedly", connection.id(), e);
                dropSession(PlcText.format("poll.unexpected", e));
            }
        }
        if (session != null) {
            session.close(closeThreads, settings.closeBudget());
            session = null;
        }
    }

    private ScanClassState nextDue() {
        ScanClassState first = null;
        for (ScanClassState s : scanClasses.values()) {
            if (first == null || s.nextDueNanos < first.nextDueNanos) {
                first = s;
            }
        }
        return first;
    }

    private void applyTags(List<PollTag> newTags, long now) {
        Map<String, TagState> old = new LinkedHashMap<>(tags);
        tags.clear();
        for (PollTag tag : newTags) {
            TagState previous = old.get(tag.name());
            tags.put(tag.name(), previous != null && previous.tag.equals(tag) ? previous : new TagState(tag));
        }
        Map<String, ScanClassState> oldClasses = new TreeMap<>(scanClasses);
        scanClasses.clear();
        for (PollTag tag : newTags) {
            long period = TimeUnit.MILLISECONDS.toNanos(tag.periodMillis());
            ScanClassState previous = oldClasses.get(tag.scanClass());
            scanClasses.computeIfAbsent(tag.scanClass(), name -> previous != null && previous.periodNanos == period
                    ? previous : new ScanClassState(name, period, now));
        }
        Map<String, PollTag> byName = new LinkedHashMap<>();
        newTags.forEach(t -> byName.put(t.name(), t));
        tagsByName = Map.copyOf(byName);
        publishHealth(health.state(), health.lastGoodRead(), health.lastError());
    }

    private void connect() throws InterruptedException {
        try {
            session = Plc4xSession.open(drivers, url, settings.connectDeadline(), connectThread, closeThreads, settings.closeBudget());
            log.info("Connected to {} ({})", connection.id(), url);
            publishHealth(ConnectionHealth.State.CONNECTED, health.lastGoodRead(), health.lastError());
        } catch (Plc4xSession.SessionException e) {
            stats.connectFailures++;
            scheduleReconnect(PlcText.format("poll.cannotConnect", url, e.getMessage().replaceFirst("\\.+$", "")));
        }
    }

    /** Reads one tag that has not been probed (or whose quarantine is over) alone. */
    private boolean probeOne(long now) throws InterruptedException {
        for (TagState state : tags.values()) {
            boolean due = !state.probed && (state.quarantineReason == null || now >= state.retryNanos);
            if (!due) {
                continue;
            }
            try {
                PlcReadResponse response = session.read(Map.of(state.tag.name(), state.tag.driverAddress()),
                        settings.probeDeadline());
                TagValue value = decode(response, state.tag, clock.instant());
                if (value.quality() == Quality.BAD_CONFIG) {
                    quarantine(state, now, rejection(response, state.tag));
                } else {
                    state.probed = true;
                    state.strikes = 0;
                    if (state.quarantineReason != null) {
                        log.info("{}: {} reads again; back in the scan", connection.id(), state.tag.name());
                    }
                    state.quarantineReason = null;
                }
            } catch (Plc4xSession.SessionException e) {
                if (!session.connected()) {
                    scheduleReconnect("Reading from " + url + " failed: " + e.getMessage());
                    return true;
                }
                if (!e.timedOut) {
                    // PLC4X's own words here are an internal exception, useless to an engineer; the log keeps them.
                    log.debug("{}: probing {} failed in PLC4X: {}", connection.id(), state.tag.name(), e.getMessage());
                    quarantine(state, now, PlcText.format("poll.rejected", state.tag.type()));
                } else if (++state.strikes >= PROBE_STRIKES) {
                    quarantine(state, now, PlcText.format("poll.wedges", settings.probeDeadline().toMillis()));
                }
                // A rejected tag leaves PLC4X's transaction unfinished: the session is wedged.
                dropSession("probing " + state.tag.name() + " failed");
                nextConnectNanos = 0; // the controller itself is fine: reconnect at once
            }
            return true;
        }
        return false;
    }

    private void quarantine(TagState state, long now, String reason) {
        if (!reason.equals(state.quarantineReason)) {
            log.warn("{}: quarantined {} ({}): {}", connection.id(), state.tag.name(), state.tag.driverAddress(), reason);
        }
        state.quarantineReason = reason;
        state.probed = false;
        state.strikes = 0;
        state.retryNanos = now + settings.quarantineRetry().toNanos();
        publishHealth(health.state(), health.lastGoodRead(), health.lastError());
    }

    private static String rejection(PlcReadResponse response, PollTag tag) {
        PlcResponseCode code = response.getResponseCode(tag.name());
        return code == PlcResponseCode.OK
                ? PlcText.format("poll.noValue", tag.type())
                : PlcText.format("poll.answers", code, tag.type());
    }

    private void scan(ScanClassState scanClass, long now) throws InterruptedException {
        Instant scanTime = clock.instant();
        // Next due time on the original grid: late scans skip ahead instead of bunching up.
        long next = scanClass.nextDueNanos + scanClass.periodNanos;
        if (next <= now) {
            long skipped = (now - next) / scanClass.periodNanos + 1;
            stats.missedScans += skipped;
            next += skipped * scanClass.periodNanos;
        }
        scanClass.nextDueNanos = next;

        if (session != null && !session.connected()) {
            scheduleReconnect(PlcText.format("poll.closed", url));
        }
        List<TagState> members = tags.values().stream().filter(t -> t.tag.scanClass().equals(scanClass.name)).toList();
        Map<String, TagValue> values = new LinkedHashMap<>();
        Set<String> changed = new HashSet<>();
        if (session == null) {
            for (TagState t : members) {
                put(values, changed, t, TagValue.failed(Quality.COMM_FAILURE, scanTime));
            }
        } else {
            List<TagState> readable = new ArrayList<>();
            for (TagState t : members) {
                if (t.probed) {
                    readable.add(t);
                } else {
                    put(values, changed, t, TagValue.failed(t.quarantineReason != null ? Quality.BAD_CONFIG
                            : Quality.COMM_FAILURE, scanTime));
                }
            }
            for (List<TagState> chunk : chunks(readable)) {
                if (!readChunk(chunk, values, changed, scanTime)) {
                    break;
                }
            }
            for (TagState t : readable) {
                if (!values.containsKey(t.tag.name())) {
                    put(values, changed, t, TagValue.failed(Quality.COMM_FAILURE, scanTime));
                }
            }
        }
        publishHealth(session == null ? health.state() : ConnectionHealth.State.CONNECTED, health.lastGoodRead(),
                health.lastError());
        deliver(new SampleBatch(connection.id(), scanClass.name, scanTime, values, changed));
    }

    /** @return {@code false} if the session failed (the remaining chunks are not read) */
    private boolean readChunk(List<TagState> chunk, Map<String, TagValue> values, Set<String> changed, Instant scanTime)
            throws InterruptedException {
        Map<String, String> request = new LinkedHashMap<>();
        chunk.forEach(t -> request.put(t.tag.name(), t.tag.driverAddress()));
        long started = System.nanoTime();
        try {
            PlcReadResponse response = session.read(request, settings.readDeadline());
            stats.roundTrip(System.nanoTime() - started);
            Instant readTime = clock.instant();
            for (TagState t : chunk) {
                TagValue value = decode(response, t.tag, readTime);
                if (value.quality() == Quality.BAD_CONFIG) {
                    quarantine(t, System.nanoTime(), rejection(response, t.tag));
                } else if (value.quality() == Quality.COMM_FAILURE && t.last != null && t.last.value() != null) {
                    value = new TagValue(t.last.value(), Quality.STALE, t.last.sourceTime());
                }
                put(values, changed, t, value);
            }
            stats.valuesRead(chunk.size(), started);
            publishHealth(ConnectionHealth.State.CONNECTED, readTime, null);
            backoff = settings.firstBackoff();
            return true;
        } catch (Plc4xSession.SessionException e) {
            stats.readErrors++;
            chunk.forEach(t -> t.probed = false); // one of them may be what wedged the session
            scheduleReconnect("Reading from " + url + " failed: " + e.getMessage());
            for (TagState t : chunk) {
                put(values, changed, t, TagValue.failed(Quality.COMM_FAILURE, scanTime));
            }
            return false;
        }
    }

    private List<List<TagState>> chunks(List<TagState> readable) {
        List<List<TagState>> chunks = new ArrayList<>();
        List<TagState> current = new ArrayList<>();
        int requestBytes = 0;
        int replyBytes = 0;
        for (TagState t : readable) {
            int req = t.tag.requestBytes();
            int rep = t.tag.replyBytes();
            boolean full = connection.driver() == Driver.AB_ETH
                    ? current.size() >= AB_ETH_TAGS_PER_REQUEST
                    : requestBytes + req > LOGIX_REQUEST_BUDGET || replyBytes + rep > LOGIX_REQUEST_BUDGET;
            if (full && !current.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
                requestBytes = 0;
                replyBytes = 0;
            }
            current.add(t);
            requestBytes += req;
            replyBytes += rep;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Applies the deadband: a value that moved less than it is delivered as the previous one. */
    private static void put(Map<String, TagValue> values, Set<String> changed, TagState state, TagValue value) {
        TagValue last = state.last;
        TagValue delivered = value;
        if (last != null && last.quality() == value.quality()) {
            if (Objects.equals(last.value(), value.value()) || withinDeadband(state.tag, last, value)) {
                delivered = value.quality() == Quality.GOOD ? new TagValue(last.value(), Quality.GOOD, value.sourceTime()) : value;
            } else {
                changed.add(state.tag.name());
            }
        } else {
            changed.add(state.tag.name());
        }
        state.last = delivered;
        values.put(state.tag.name(), delivered);
    }

    private static boolean withinDeadband(PollTag tag, TagValue last, TagValue value) {
        return tag.deadband() > 0 && last.value() instanceof Number a && value.value() instanceof Number b
                && Math.abs(a.doubleValue() - b.doubleValue()) < tag.deadband();
    }

    private static TagValue decode(PlcReadResponse response, PollTag tag, Instant time) {
        PlcResponseCode code = response.getResponseCode(tag.name());
        if (code != PlcResponseCode.OK) {
            boolean config = code == PlcResponseCode.INVALID_ADDRESS || code == PlcResponseCode.NOT_FOUND
                    || code == PlcResponseCode.INVALID_DATATYPE || code == PlcResponseCode.ACCESS_DENIED;
            return TagValue.failed(config ? Quality.BAD_CONFIG : Quality.COMM_FAILURE, time);
        }
        PlcValue value = response.getPlcValue(tag.name());
        if (value == null || value.getObject() == null) {
            // PLC4X 0.13.1 answers OK with no value for what it cannot decode: never pass that on.
            return TagValue.failed(Quality.BAD_CONFIG, time);
        }
        Object normalised = switch (value.getObject()) {
            case Float f -> f.doubleValue();
            case Double d -> d;
            case Number n -> n.longValue();
            case Object other -> other;
        };
        if (tag.scaling() != null && normalised instanceof Number n) {
            normalised = tag.scaling().apply(n.doubleValue());
        }
        return TagValue.good(normalised, time);
    }

    private void scheduleReconnect(String message) {
        dropSession(message);
        long jitter = ThreadLocalRandom.current().nextLong(backoff.toNanos() / 4 + 1);
        nextConnectNanos = System.nanoTime() + backoff.toNanos() + jitter;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    private void dropSession(String message) {
        if (session != null) {
            session.close(closeThreads, settings.closeBudget());
            session = null;
            stats.reconnects++;
        }
        if (!message.equals(health.lastError())) {
            log.warn("{}: {}. Retrying.", connection.id(), message);
        }
        publishHealth(ConnectionHealth.State.RECONNECTING, health.lastGoodRead(), message);
    }

    private void publishHealth(ConnectionHealth.State state, Instant lastGoodRead, String lastError) {
        Map<String, String> quarantined = new TreeMap<>();
        tags.values().stream().filter(t -> t.quarantineReason != null)
                .forEach(t -> quarantined.put(t.tag.name(), t.quarantineReason));
        health = new ConnectionHealth(state, lastGoodRead, lastError, stats.reconnects, stats.p50(), stats.p99(),
                stats.valuesPerSecond(), stats.readErrors, stats.connectFailures, stats.missedScans, tags.size(),
                quarantined);
    }

    private void deliver(SampleBatch batch) {
        try {
            listener.onBatch(batch);
        } catch (RuntimeException e) {
            log.error("The batch listener of {} failed", connection.id(), e);
        }
    }

    /** Stops polling and closes the connection; returns within about a second. */
    @Override
    public void close() {
        long started = System.nanoTime();
        closing = true;
        pollThread.interrupt();
        try {
            pollThread.join(settings.readDeadline().toMillis() + settings.closeBudget().toMillis() + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connectThread.shutdown();
        try {
            if (!connectThread.awaitTermination(settings.closeBudget().toMillis(), TimeUnit.MILLISECONDS)) {
                connectThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeThreads.shutdown();
        try {
            closeThreads.awaitTermination(settings.closeBudget().toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        health = new ConnectionHealth(ConnectionHealth.State.STOPPED, health.lastGoodRead(), health.lastError(),
                health.reconnects(), health.roundTripP50Millis(), health.roundTripP99Millis(), 0, health.readErrors(),
                health.connectFailures(), health.missedScans(), health.tags(), health.quarantined());
        log.info("Poller {} stopped in {} ms", connection.id(), (System.nanoTime() - started) / 1_000_000);
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception on {}", t.getName(), e));
            return thread;
        };
    }
}
