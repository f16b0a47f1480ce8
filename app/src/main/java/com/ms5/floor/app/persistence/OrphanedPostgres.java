package com.ms5.floor.app.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an embedded PostgreSQL left running by an earlier run of the app that was killed
 * (power cut, task manager): it still holds the data folder, so a new server could not start.
 * Only a process that is a postgres server for exactly this data folder is stopped.
 */
final class OrphanedPostgres {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(10);

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDir) {
        Optional<ProcessHandle> server = serverOf(dataDir);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        log.warn("An embedded PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", process.pid(), dataDir);
        process.destroy(); // SIGTERM: the server stops its sessions and shuts down cleanly
        try {
            process.onExit().get(FAST_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL pid {} did not stop in {} s; killing it (it recovers from its WAL on the next start)",
                    process.pid(), FAST_SHUTDOWN.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** The postmaster named in the folder's postmaster.pid, if that process is alive and serves this folder. */
    static Optional<ProcessHandle> serverOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Path servedDir = Path.of(lines.get(1).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .filter(p -> sameFolder(servedDir, dataDir));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a stale or half-written pid file: postgres itself deals with it
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
