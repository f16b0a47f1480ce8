package com.ms5.floor.app.sync;

import com.ms5.floor.app.model.StoredEvent;
import com.ms5.floor.app.model.Backlog;
import com.ms5.floor.app.base.NamedThreads;
import com.ms5.floor.app.persistence.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store-and-forward of the station's events. Every event goes first into the durable
 * {@link Journal} (thread {@code journal-writer}, every {@value #JOURNAL_EVERY_MS} ms, one synced
 * transaction per round), then from the journal to the database in order and in batches (thread
 * {@code db-forwarder}); it leaves the journal only once the database committed it. While the
 * database is away the journal grows and the forwarder retries; a kill loses at most the events of
 * the last {@value #JOURNAL_EVERY_MS} ms, which were never on disk.
 */
public final class EventRecorder implements AutoCloseable {
    static final long JOURNAL_EVERY_MS = 100;
    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    private static final int BATCH = 5000;

    private final Journal journal;
    private final Clock wallClock;
    private final ConcurrentLinkedQueue<StoredEvent> fresh = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService journalWriter =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("journal-writer"));
    private final ScheduledExecutorService forwarder =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("db-forwarder"));
    private volatile EventStore store;
    private volatile Backlog backlog;
    private Instant offlineSince; // db-forwarder only
    private long stored; // db-forwarder only
    private long setAside; // db-forwarder only, after the constructor
    private boolean retryScheduled; // db-forwarder only

    public EventRecorder(Journal journal, Clock wallClock) {
        this.journal = journal;
        this.wallClock = wallClock;
        this.setAside = journal.setAsideCount();
        this.backlog = new Backlog(null, journal.size(), 0, setAside);
        journalWriter.scheduleWithFixedDelay(this::writeJournal, JOURNAL_EVERY_MS, JOURNAL_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Any thread: queues the event; it is on disk within {@value #JOURNAL_EVERY_MS} ms. */
    public void record(StoredEvent event) {
        fresh.add(event);
    }

    /** Starts forwarding to the database, the oldest waiting events first. */
    public void attach(EventStore eventStore) {
        store = eventStore;
        forwarder.execute(this::forward);
    }

    /** Any thread. */
    public Backlog backlog() {
        return backlog;
    }

    private void writeJournal() {
        List<StoredEvent> batch = new ArrayList<>();
        for (StoredEvent e; (e = fresh.poll()) != null; ) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            synchronized (journal) {
                journal.append(batch, wallClock.instant());
            }
        } catch (RuntimeException e) {
            // Keep them in memory, in order, and try again next round.
            List<StoredEvent> again = new ArrayList<>(batch);
            again.addAll(fresh);
            fresh.clear();
            fresh.addAll(again);
            log.error("{} {} event(s) wait in memory.", e.getMessage(), again.size());
            return;
        }
        if (store != null && backlog.online() && !forwarder.isShutdown()) {
            forwarder.execute(this::forward); // while offline, only the scheduled retry tries the database
        } else if (!backlog.online()) {
            backlog = new Backlog(backlog.offlineSince(), backlog.waiting() + batch.size(), backlog.stored(), backlog.setAside());
        }
    }

    /** Moves waiting events from the journal into the database until it is empty or the database fails. */
    private void forward() {
        retryScheduled = false;
        EventStore target = store;
        if (target == null) {
            return;
        }
        while (true) {
            List<Journal.Entry> entries;
            synchronized (journal) {
                entries = journal.oldest(BATCH);
            }
            if (entries.isEmpty()) {
                if (offlineSince != null) {
                    log.info("Database reachable again: every waiting event is stored (offline since {})", offlineSince);
                    offlineSince = null;
                }
                backlog = new Backlog(null, 0, stored, setAside);
                return;
            }
            try {
                target.store(entries.stream().map(Journal.Entry::event).toList());
            } catch (Exception e) {
                if (EventStore.refusesContent(e) && storeOneByOne(target, entries)) {
                    continue; // what the database refused is set aside; the rest went in, in order
                }
                long waiting;
                synchronized (journal) {
                    waiting = journal.size();
                }
                if (offlineSince == null) {
                    offlineSince = wallClock.instant();
                    log.warn("Storing events failed ({}); they wait in the journal and are retried every {} s",
                            e.getMessage(), RETRY_EVERY.toSeconds());
                }
                backlog = new Backlog(offlineSince, waiting, stored, setAside);
                if (!forwarder.isShutdown() && !retryScheduled) {
                    retryScheduled = true;
                    forwarder.schedule(this::forward, RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            synchronized (journal) {
                journal.removeUpTo(entries.getLast().seq());
            }
            stored += entries.size();
            backlog = new Backlog(offlineSince, Math.max(0, backlog.waiting() - entries.size()), stored, setAside);
        }
    }

    /**
     * A batch the database refused for its content (a constraint, a value out of range): stores its
     * events one at a time, in order, and sets aside each one refused, so one bad event cannot hold
     * back every event behind it. Returns false if the database itself failed meanwhile.
     */
    private boolean storeOneByOne(EventStore target, List<Journal.Entry> entries) {
        for (Journal.Entry entry : entries) {
            try {
                target.store(List.of(entry.event()));
                synchronized (journal) {
                    journal.removeUpTo(entry.seq());
                }
                stored++;
            } catch (Exception e) {
                if (!EventStore.refusesContent(e)) {
                    return false;
                }
                synchronized (journal) {
                    journal.setAside(entry, e.getMessage(), wallClock.instant());
                }
                setAside++;
                log.error("The database refused an event, which is set aside so that the events behind it are stored: {} "
                        + "({}). It is kept in the journal's set_aside table; tell the MS5 team, with the log.",
                        entry.event(), e.getMessage());
            }
        }
        synchronized (journal) {
            backlog = new Backlog(offlineSince, journal.size(), stored, setAside);
        }
        return true;
    }

    /** Writes what is queued to the journal, tries the database once more, and closes the journal. */
    @Override
    public void close() {
        if (journalWriter.isShutdown()) {
            return;
        }
        NamedThreads.shutdown(journalWriter, 2);
        writeJournal();
        if (offlineSince == null) {
            forwarder.execute(this::forward);
        }
        NamedThreads.shutdown(forwarder, 5);
        synchronized (journal) {
            journal.close();
        }
    }
}
