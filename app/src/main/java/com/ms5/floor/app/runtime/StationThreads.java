package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.NamedThreads;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The station's own threads (shared/DESIGN.md, threading rule 4), shut down by
 * {@link StationLifecycle#close()} in its order:
 * <ul>
 *   <li>{@code station-startup}: start-up, database retries, adopting configuration versions, timers;
 *   <li>{@code db-work}: every blocking database call the services make, in order;
 *   <li>{@code setup-work}: the engineering dialogs' slow work (test connections and reads, files);
 *   <li>{@code upkeep-work}: the database's daily upkeep and backups, which take long and must not
 *       hold up {@code db-work}.
 * </ul>
 */
@Singleton
public final class StationThreads {
    private final ScheduledThreadPoolExecutor startup = new ScheduledThreadPoolExecutor(1,
            NamedThreads.factory("station-startup"));
    private final ExecutorService db = NamedThreads.singleThread("db-work");
    private final ExecutorService setup = NamedThreads.singleThread("setup-work");
    private final ExecutorService upkeep = NamedThreads.singleThread("upkeep-work");

    public StationThreads() {
        startup.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // closing drops a pending retry
    }

    public ScheduledExecutorService startup() {
        return startup;
    }

    public ExecutorService db() {
        return db;
    }

    public ExecutorService setup() {
        return setup;
    }

    public ExecutorService upkeep() {
        return upkeep;
    }

    /** Whether the station is closing: start-up work stops where it is. */
    boolean closing() {
        return startup.isShutdown();
    }
}
