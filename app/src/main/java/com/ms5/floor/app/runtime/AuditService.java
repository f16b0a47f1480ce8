package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.model.AuditEntry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The audit log as people read it: who acknowledged, resolved or shelved a call, gave a stop its
 * reason, or saved a configuration version, when and from which station. Reads on {@code db-work}.
 */
@Singleton
public final class AuditService {
    /** The most entries one read shows; a filter narrows it. */
    public static final int SHOWN = 1000;

    private final StationThreads threads;
    private final StationDatabase database;

    @Inject
    AuditService(StationThreads threads, StationDatabase database) {
        this.threads = threads;
        this.database = database;
    }

    /**
     * The entries of the last {@code back} (the audit log's own clock, the database's), newest first,
     * those containing {@code text} where it is not blank. Fails with a sentence while the database is away.
     */
    public CompletableFuture<List<AuditEntry>> entries(Duration back, String text) {
        Connected connected = database.online().orElse(null);
        if (connected == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("audit.offline")));
        }
        Instant now = Instant.now();
        return CompletableFuture.supplyAsync(() -> connected.audit().entries(now.minus(back), now.plusSeconds(60), text, SHOWN),
                threads.db());
    }
}
