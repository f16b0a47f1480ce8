package com.ms5.floor.app.base;

import com.ms5.floor.plc.virtual.VirtualPlant;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Properties;

/**
 * The station's settings, read from one properties file (README, "Configuration").
 * An empty file, or none, means demo mode: the virtual plant and the embedded PostgreSQL.
 *
 * @param tagMapFile        the plant's tag map (README, "Tag maps"), or {@code null} for the virtual plant
 * @param machineId         the machine the dashboard shows
 * @param dbUrl             JDBC URL of a shared PostgreSQL, or {@code null} for the embedded one
 * @param dbPasswordEnv     name of the environment variable that holds the database password
 * @param dbPasswordFile    a file that holds the database password instead, readable by its owner only, or {@code null}
 * @param dbSslMode         the PostgreSQL driver's sslmode (disable, require, verify-ca, verify-full), or {@code null} for the URL's
 * @param dbSslRootCert     the certificate (PEM) of the authority that signed the shared server's, for verify-ca and
 *                          verify-full, or {@code null} for the driver's default (~/.postgresql/root.crt)
 * @param retentionMonths   months of history the database keeps (older months are dropped whole), 3 or more
 * @param auditRetentionMonths months the audit log keeps, never fewer than {@code retentionMonths}
 * @param stationName       this workstation's name, as other stations and the audit log show it
 * @param embeddedDbPort    port of the embedded PostgreSQL, 0 for any free port
 * @param timeScale         how much faster than real time the virtual plant runs (demo mode only)
 * @param demoStartTime     the plant time of day a demo starts at, or {@code null} for now (demo mode only)
 * @param wall              run as an Andon wall display: full screen, no window chrome, pages that rotate
 * @param wallPageSeconds   how long the wall shows each page
 * @param engineer          whether this station offers the Setup and Rules tabs (station.role=engineer, the default);
 *                          {@code supervisor} hides them. The seam for the security work's per-user roles.
 * @param notifySound       whether a new or escalated Andon call also sounds a chime (control room only)
 * @param reportsFolder     where each line's shift report is written as PDF and CSV when the shift ends
 * @param backups           when and where the embedded database is backed up (README, "Backups")
 * @param language          the language of the screens, reports and notifications ({@code en} or {@code de}),
 *                          or {@code null} for the operating system's where MS5 speaks it, else English
 */
public record AppConfig(AppDirectories directories, Path tagMapFile, String machineId, double idealCycleSeconds, String dbUrl, String dbUser, String dbPasswordEnv,
                        Path dbPasswordFile, String dbSslMode, Path dbSslRootCert, int retentionMonths, int auditRetentionMonths, String stationName,
                        int embeddedDbPort, double timeScale, LocalTime demoStartTime, boolean wall,
                        double wallPageSeconds, boolean engineer, boolean notifySound, Path reportsFolder,
                        Backups backups, java.util.Locale language) {
    /** The languages MS5 speaks (messages_de.properties beside messages.properties). */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de");

    /**
     * The embedded database's daily backup.
     *
     * @param folder where the backup files and the WAL archive are kept
     * @param at     the local time of day it is taken
     * @param keep   how many backup files are kept, 1 or more
     */
    public record Backups(Path folder, LocalTime at, int keep) {
    }


    public boolean demoPlant() {
        return tagMapFile == null;
    }

    public boolean embeddedDatabase() {
        return dbUrl == null;
    }

    /** Reads {@code file} if it exists; a missing file means all defaults. */
    public static AppConfig load(AppDirectories directories, Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                p.load(reader);
            }
        }
        return from(directories, p, file);
    }

    /** Every key ms5.properties knows (README, "Configuration"). */
    static final java.util.List<String> KEYS = java.util.List.of("tagmap.file", "machine.id", "machine.idealCycleSeconds",
            "db.url", "db.user", "db.passwordEnv", "db.passwordFile", "db.sslMode", "db.sslRootCert", "db.retentionMonths",
            "db.auditRetentionMonths", "station.name", "db.embeddedPort", "demo.timeScale", "demo.startTime", "wall",
            "wall.pageSeconds", "station.role", "notify.sound", "reports.folder", "backup.folder", "backup.time", "backup.keep", "ui.language");
    /** Fewer months would drop history a plant still reports on (last quarter's figures). */
    static final int MIN_RETENTION_MONTHS = 3;

    static AppConfig from(AppDirectories directories, Properties p, Path source) {
        unknownKeys(p, source);
        int retention = wholeMonths(p, "db.retentionMonths", 24, MIN_RETENTION_MONTHS, source);
        int auditRetention = wholeMonths(p, "db.auditRetentionMonths", Math.max(84, retention), retention, source);
        double timeScale = number(p, "demo.timeScale", 1, source).doubleValue();
        if (timeScale <= 0) {
            throw new IllegalArgumentException(source + ": 'demo.timeScale=" + p.getProperty("demo.timeScale").trim()
                    + "' must be above 0 (1 is real time, 10 ten times faster)");
        }
        String tagMap = blankToNull(p.getProperty("tagmap.file"));
        Path tagMapFile = tagMap == null ? null : source.resolveSibling(tagMap);
        String passwordFile = blankToNull(p.getProperty("db.passwordFile"));
        String rootCert = blankToNull(p.getProperty("db.sslRootCert"));
        String reportsFolder = blankToNull(p.getProperty("reports.folder"));
        String backupFolder = blankToNull(p.getProperty("backup.folder"));
        LocalTime backupAt = timeOfDay(p, "backup.time", source);
        int backupKeep = number(p, "backup.keep", 7, source).intValue();
        if (backupKeep < 1) {
            throw new IllegalArgumentException(source + ": 'backup.keep=" + p.getProperty("backup.keep").trim()
                    + "' would keep no backup; use 1 or more (7 keeps a week of daily backups)");
        }
        return new AppConfig(directories, tagMapFile,
                p.getProperty("machine.id", VirtualPlant.MACHINE_ID).trim(),
                number(p, "machine.idealCycleSeconds", 1.0, source).doubleValue(),
                blankToNull(p.getProperty("db.url")),
                p.getProperty("db.user", "ms5").trim(),
                p.getProperty("db.passwordEnv", "MS5_DB_PASSWORD").trim(),
                passwordFile == null ? null : source.resolveSibling(passwordFile),
                blankToNull(p.getProperty("db.sslMode")),
                rootCert == null ? null : source.resolveSibling(rootCert),
                retention,
                auditRetention,
                p.getProperty("station.name", hostName()).trim(),
                number(p, "db.embeddedPort", 0, source).intValue(),
                timeScale,
                timeOfDay(p, "demo.startTime", source),
                Boolean.parseBoolean(p.getProperty("wall", "false").trim()),
                Math.max(1, number(p, "wall.pageSeconds", 15, source).doubleValue()),
                role(p, source),
                Boolean.parseBoolean(p.getProperty("notify.sound", "false").trim()),
                reportsFolder == null ? directories.home().resolve("reports") : source.resolveSibling(reportsFolder),
                new Backups(backupFolder == null ? directories.home().resolve("backups") : source.resolveSibling(backupFolder),
                        backupAt == null ? LocalTime.of(2, 30) : backupAt, backupKeep),
                language(p, source));
    }

    public AppConfig withTimeScale(double scale) {
        return new AppConfig(directories, tagMapFile, machineId, idealCycleSeconds, dbUrl, dbUser, dbPasswordEnv,
                dbPasswordFile, dbSslMode, dbSslRootCert, retentionMonths, auditRetentionMonths, stationName, embeddedDbPort, scale, demoStartTime, wall, wallPageSeconds, engineer, notifySound, reportsFolder, backups, language);
    }

    public AppConfig withDemoStartTime(LocalTime time) {
        return new AppConfig(directories, tagMapFile, machineId, idealCycleSeconds, dbUrl, dbUser, dbPasswordEnv,
                dbPasswordFile, dbSslMode, dbSslRootCert, retentionMonths, auditRetentionMonths, stationName, embeddedDbPort, timeScale, time, wall, wallPageSeconds, engineer, notifySound, reportsFolder, backups, language);
    }

    /** As an Andon wall display, each page shown {@code pageSeconds}. */
    public AppConfig withWall(double pageSeconds) {
        return new AppConfig(directories, tagMapFile, machineId, idealCycleSeconds, dbUrl, dbUser, dbPasswordEnv,
                dbPasswordFile, dbSslMode, dbSslRootCert, retentionMonths, auditRetentionMonths, stationName, embeddedDbPort, timeScale, demoStartTime, true,
                pageSeconds, engineer, notifySound, reportsFolder, backups, language);
    }

    /**
     * A misspelt key would be ignored and its default used ({@code db.Url=} would run an embedded
     * database beside the shared one): every key that is not one is named, with the nearest that is.
     */
    private static void unknownKeys(Properties p, Path source) {
        java.util.List<String> unknown = p.stringPropertyNames().stream().filter(k -> !KEYS.contains(k)).sorted()
                .map(k -> "'" + k + "' is not a setting" + nearest(k).map(n -> "; did you mean " + n + "?").orElse(""))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join(", ", unknown)
                    + " (the settings are listed in the README, \"Configuration\")");
        }
    }

    /** The known key closest to a misspelt one, if it is close (edit distance at most 3, ignoring case). */
    static java.util.Optional<String> nearest(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return KEYS.stream().min(java.util.Comparator.comparingInt(k -> distance(lower, k.toLowerCase(java.util.Locale.ROOT))))
                .filter(k -> distance(lower, k.toLowerCase(java.util.Locale.ROOT)) <= 3);
    }

    /** Levenshtein distance (insertions, deletions and substitutions). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Whole months, at least {@code minimum}: a wrong value here drops history, so it is refused. */
    private static int wholeMonths(Properties p, String key, int fallback, int minimum, Path source) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            return fallback;
        }
        int months;
        try {
            months = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + key + "=" + value + "' is not a whole number of months");
        }
        if (months < minimum) {
            throw new IllegalArgumentException(source + ": '" + key + "=" + value + "' would drop history older than "
                    + months + " month(s) from the database at start; use " + minimum + " or more"
                    + (key.equals("db.auditRetentionMonths") ? " (the audit log is kept at least as long as the history)"
                    : " (history a plant still reports on)"));
        }
        return months;
    }

    private static Number number(Properties p, String key, Number fallback, Path source) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed < 0 || Double.isNaN(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + key + "=" + value + "' is not a positive number");
        }
    }

    private static boolean role(Properties p, Path source) {
        String role = p.getProperty("station.role", "engineer").trim();
        return switch (role) {
            case "engineer" -> true;
            case "supervisor" -> false;
            default -> throw new IllegalArgumentException(source + ": 'station.role=" + role
                    + "' is not a role; use engineer (with the Setup and Rules tabs) or supervisor (without)");
        };
    }

    private static java.util.Locale language(Properties p, Path source) {
        String value = blankToNull(p.getProperty("ui.language"));
        if (value == null) {
            return null;
        }
        if (!LANGUAGES.contains(value)) {
            throw new IllegalArgumentException(source + ": 'ui.language=" + value + "' is not a language MS5 speaks; use "
                    + String.join(" or ", LANGUAGES) + ", or leave it empty for the operating system's");
        }
        return java.util.Locale.forLanguageTag(value);
    }

    private static LocalTime timeOfDay(Properties p, String key, Path source) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": '" + key + "=" + value + "' is not a time of day such as 07:00");
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "station";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
