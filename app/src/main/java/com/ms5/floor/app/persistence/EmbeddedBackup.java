package com.ms5.floor.app.persistence;

import com.ms5.floor.app.base.Messages;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the embedded PostgreSQL, made with the server's own tools: a base backup through its
 * low-level API (PostgreSQL 17 manual, 25.3.4 "Making a Base Backup Using the Low Level API") with
 * the WAL it needs from its WAL archive, packed by GNU tar into one {@code ms5-backup-*.tar.gz}.
 * The bundled server has no pg_dump or pg_basebackup, and the system's are too old for it.
 *
 * <p>A backup is a data folder that has stopped in the middle of its work: restored, it starts by
 * replaying its WAL to the moment the backup ended (its {@code backup_label} says from where), then
 * runs as usual. Blocking; call off the FX thread.
 */
public final class EmbeddedBackup {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackup.class);
    /** A backup's file name: when it ended, local time, sortable. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());
    private static final String PREFIX = "ms5-backup-";
    private static final String SUFFIX = ".tar.gz";
    /** Beside the backups: the WAL segments the server has finished, kept until the next backup holds them. */
    static final String WAL_ARCHIVE = "wal-archive";
    /** What a base backup leaves out: the server's run-time files, rebuilt at start (same manual section). */
    private static final List<String> NOT_BACKED_UP = List.of("./postmaster.pid", "./postmaster.opts", "./pg_wal/*",
            "./pg_replslot/*", "./pg_dynshmem/*", "./pg_notify/*", "./pg_serial/*", "./pg_snapshots/*",
            "./pg_stat_tmp/*", "./pg_subtrans/*", "*/pgsql_tmp*");

    /** One backup file. */
    public record Backup(Path file, Instant at, long bytes) {
    }

    private EmbeddedBackup() {
    }

    /**
     * The server settings that archive each finished WAL segment into {@code folder}'s WAL archive.
     * pg_ctl hands them to the server through a shell, hence the quoting; a folder name that would
     * need more than that is refused.
     */
    public static Map<String, String> archiveSettings(Path folder) throws IOException {
        Path archive = folder.resolve(WAL_ARCHIVE).toAbsolutePath();
        if (archive.toString().matches(".*['\"$`\\\\].*")) {
            throw new IOException(Messages.format("backup.badFolder", folder));
        }
        Files.createDirectories(archive);
        return Map.of("archive_mode", "on",
                // never overwrite an archived segment, and say done when it is already there unchanged
                // (the manual's advice for archive_command)
                "archive_command", "'test ! -f \"" + archive + "/%f\" && cp %p \"" + archive + "/%f\" || cmp -s %p \""
                        + archive + "/%f\"'");
    }

    /**
     * Takes a backup of the running embedded server whose data folder is {@code dataDir} into
     * {@code folder}, then forgets the archived WAL it no longer needs.
     */
    public static Backup take(Database database, Path dataDir, Path folder) throws IOException {
        Path work = folder.resolve(".in-progress");
        deleteTree(work); // left by a backup that did not finish
        Files.createDirectories(work.resolve("pg_wal"));
        Path tar = work.resolve("backup.tar");
        String firstSegment;
        try (Connection session = database.openSession(); Statement st = session.createStatement()) {
            st.execute("SET statement_timeout = '10min'"); // an archive that cannot be written ends the wait
            try (ResultSet start = st.executeQuery("SELECT pg_walfile_name(pg_backup_start('MS5 backup', true))")) {
                start.next();
                firstSegment = start.getString(1);
            }
            List<String> command = new ArrayList<>(List.of("tar", "-cf", tar.toString()));
            NOT_BACKED_UP.forEach(pattern -> command.add("--exclude=" + pattern));
            command.addAll(List.of("-C", dataDir.toString(), "."));
            // GNU tar says 1 for a file that changed while it was read: expected here, the WAL covers it.
            run(command, 1);
            String lastSegment;
            try (ResultSet stop = st.executeQuery("SELECT pg_walfile_name(lsn), labelfile FROM pg_backup_stop(true)")) {
                stop.next();
                lastSegment = stop.getString(1);
                Files.writeString(work.resolve("backup_label"), stop.getString(2));
            }
            Path archive = folder.resolve(WAL_ARCHIVE);
            for (String segment : segments(archive)) {
                if (segment.compareTo(firstSegment) >= 0 && segment.compareTo(lastSegment) <= 0) {
                    Files.copy(archive.resolve(segment), work.resolve("pg_wal").resolve(segment));
                }
            }
        } catch (SQLException e) {
            throw new IOException(Messages.format("backup.dbFailed", e.getMessage()), e);
        }
        run(List.of("tar", "-rf", tar.toString(), "-C", work.toString(), "backup_label", "pg_wal"), 0);
        run(List.of("gzip", "-f", tar.toString()), 0);
        Instant at = Instant.now();
        Path file = folder.resolve(PREFIX + STAMP.format(at) + SUFFIX);
        Files.move(work.resolve("backup.tar.gz"), file, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(work);
        for (String segment : segments(folder.resolve(WAL_ARCHIVE))) {
            if (segment.compareTo(firstSegment) < 0) {
                Files.delete(folder.resolve(WAL_ARCHIVE).resolve(segment)); // this backup holds what came after
            }
        }
        Backup made = new Backup(file, at, Files.size(file));
        log.info("Backed up the embedded database to {} ({} kB)", file, made.bytes() / 1024);
        return made;
    }

    /** The backups in {@code folder}, newest first. */
    public static List<Backup> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Backup> backups = new ArrayList<>();
            for (Path file : files.filter(EmbeddedBackup::isBackup).toList()) {
                backups.add(new Backup(file, Files.getLastModifiedTime(file).toInstant(), Files.size(file)));
            }
            backups.sort(Comparator.comparing((Backup b) -> b.file().getFileName().toString()).reversed());
            return backups;
        }
    }

    /** Deletes all but the newest {@code keep} backups, naming each in the log. */
    public static void keepNewest(Path folder, int keep) throws IOException {
        List<Backup> backups = list(folder);
        for (Backup old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.delete(old.file());
            log.info("Deleted the backup {}: backup.keep={} newer ones are kept", old.file(), keep);
        }
    }

    /**
     * Puts {@code backup} in place as the embedded database in {@code dataDir}. What was there is
     * moved aside, never deleted, with its password file: the restored server is given a new password
     * at its next start, and with the WAL archive in {@code backupsFolder}. The server must not be
     * running on {@code dataDir}.
     *
     * @return where the former data folder went, if there was one
     */
    public static java.util.Optional<Path> restore(Path backup, Path dataDir, Path backupsFolder) throws IOException {
        Path archive = backupsFolder.resolve(WAL_ARCHIVE);
        if (!isBackup(backup) || !Files.isRegularFile(backup)) {
            throw new IOException(Messages.format("backup.notABackup", backup));
        }
        if (OrphanedPostgres.serverOf(dataDir).isPresent()) {
            throw new IOException(Messages.format("backup.running", dataDir));
        }
        java.util.Optional<Path> before = java.util.Optional.empty();
        String aside = ".before-restore-" + STAMP.format(Instant.now());
        if (Files.exists(dataDir)) {
            before = java.util.Optional.of(dataDir.resolveSibling(dataDir.getFileName() + aside));
            Files.move(dataDir, before.get());
        }
        Path secret = dataDir.resolveSibling(dataDir.getFileName() + ".secret");
        if (Files.exists(secret)) {
            Files.move(secret, dataDir.resolveSibling(dataDir.getFileName() + ".secret" + aside));
        }
        if (Files.exists(archive)) {
            // the former server's later segments: the restored one writes segments of the same names anew
            Files.move(archive, archive.resolveSibling(WAL_ARCHIVE + aside));
        }
        Files.createDirectories(dataDir.getParent());
        Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        run(List.of("tar", "-xzf", backup.toString(), "-C", dataDir.toString()), 0);
        if (!Files.isRegularFile(dataDir.resolve("PG_VERSION")) || !Files.isRegularFile(dataDir.resolve("backup_label"))) {
            throw new IOException(Messages.format("backup.noData", backup));
        }
        log.info("Restored {} into {}{}", backup, dataDir, before.map(b -> "; the former database is in " + b).orElse(""));
        return before;
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /** The WAL segment files in the archive (24 hex digits), in the order the server wrote them. */
    private static List<String> segments(Path archive) throws IOException {
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archive)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[0-9A-F]{24}")).sorted().toList();
        }
    }

    private static void run(List<String> command, int acceptedExit) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish in 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(command.getFirst() + " was interrupted", e);
        }
        if (process.exitValue() > acceptedExit) {
            throw new IOException(command.getFirst() + " failed (exit " + process.exitValue() + "): " + output.strip());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }
}
