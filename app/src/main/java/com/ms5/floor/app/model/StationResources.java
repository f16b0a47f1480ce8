package com.ms5.floor.app.model;

import com.ms5.floor.app.base.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What this station uses of its computer, and how its backups go: the Diagnostics tab shows it,
 * and each limit crossed ({@link #warnings}) is also a notification.
 *
 * @param heapUsed       bytes of Java heap in use after the last collection
 * @param heapMax        the most the heap may grow to
 * @param threads        live threads of the app
 * @param diskFree       free bytes on the disk of the data folder (journal, logs, embedded database)
 * @param journalBytes   size of the journal file
 * @param databaseBytes  size of the database, or -1 while it is not known
 * @param backups        the embedded database's backups, or {@code null} for a shared server (backed up by its owners)
 */
public record StationResources(long heapUsed, long heapMax, int threads, long diskFree, long journalBytes,
                               long databaseBytes, Backups backups) {
    /** Below this the journal and the database have little room left to grow. */
    public static final long DISK_FREE_LIMIT = 1L << 30;
    /** A heap this full collects often and is near running out. */
    public static final double HEAP_LIMIT = 0.85;
    /** A daily backup older than this was missed. */
    public static final Duration BACKUP_AGE_LIMIT = Duration.ofHours(26);

    /**
     * @param folder     where they are kept
     * @param newest     when the newest was taken, or {@code null} if none exists
     * @param newestSize its size in bytes
     * @param kept       how many are kept in the folder
     * @param problem    why the last one failed, or {@code null} if it did not
     * @param since      when backups began to be expected (the station's start), for the age limit
     */
    public record Backups(String folder, Instant newest, long newestSize, int kept, String problem, Instant since) {
    }

    /** A limit crossed: {@code title} names which, {@code text} says how far and what to do. */
    public record Warning(String title, String text) {
    }

    /** Each limit crossed, as of {@code now}. */
    public List<Warning> warnings(Instant now) {
        List<Warning> warnings = new ArrayList<>();
        if (diskFree < DISK_FREE_LIMIT) {
            warnings.add(new Warning(Messages.get("limit.disk"), Messages.format("limit.diskText", diskFree / 1e9)));
        }
        if (heapMax > 0 && heapUsed > HEAP_LIMIT * heapMax) {
            warnings.add(new Warning(Messages.get("limit.memory"), Messages.format("limit.memoryText", heapUsed >> 20,
                    heapMax >> 20)));
        }
        if (backups != null) {
            if (backups.problem() != null) {
                warnings.add(new Warning(Messages.get("limit.backupFailed"), backups.problem()));
            } else {
                Instant last = backups.newest() != null ? backups.newest() : backups.since();
                if (Duration.between(last, now).compareTo(BACKUP_AGE_LIMIT) > 0) {
                    warnings.add(new Warning(Messages.get("limit.noBackup"), Messages.format("limit.noBackupText",
                            Duration.between(last, now).toHours())));
                }
            }
        }
        return warnings;
    }
}
