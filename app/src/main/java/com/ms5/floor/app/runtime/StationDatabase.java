package com.ms5.floor.app.runtime;

import com.ms5.floor.app.model.Backlog;
import com.ms5.floor.app.model.StoredEvent;
import com.ms5.floor.app.sync.EventRecorder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Whether this station can use the shared database now, in one place: {@link #open()} once it
 * has answered, {@link #online()} while it also takes writes (the journal is not holding events
 * back). Everything this station concludes goes through the journal ({@link #record}), which
 * keeps it while the database is away. Set by {@link StationLifecycle}; any thread reads it.
 */
@Singleton
public final class StationDatabase {
    private volatile EventRecorder recorder;
    private volatile Connected connected;

    /** The database once it has answered, whatever the journal says. */
    public Optional<Connected> open() {
        return Optional.ofNullable(connected);
    }

    /** The database while it is open and storing: what reads and edits people make go to. */
    public Optional<Connected> online() {
        Connected c = connected;
        return c != null && backlog().online() ? Optional.of(c) : Optional.empty();
    }

    /** How storing goes: online, or offline since when with how many events waiting. */
    public Backlog backlog() {
        EventRecorder r = recorder;
        return r == null ? new Backlog(null, 0, 0, 0) : r.backlog();
    }

    /** Keeps {@code event} in the journal, stored in the database as soon as it can be. */
    void record(StoredEvent event) {
        recorder.record(event);
    }

    void useJournal(EventRecorder journal) {
        recorder = journal;
    }

    void connect(Connected database) {
        connected = database;
        recorder.attach(database.events());
    }

    /** Closes the journal; what is queued is written first. */
    void closeJournal() {
        if (recorder != null) {
            recorder.close();
        }
    }

    void closeDatabase() {
        if (connected != null) {
            connected.database().close();
        }
    }
}
