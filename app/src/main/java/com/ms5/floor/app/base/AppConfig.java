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
 * @param retentionMonths   months of history the database keeps (older months are dropped whole)
 * @param stationName       this workstation's name, as other stations and the audit log show it
 * @param embeddedDbPort    port of the embedded PostgreSQL, 0 for any free port
 * @param timeScale         how much faster than real time the virtual plant runs (demo mode only)
 * @param demoStartTime     the plant time of day a demo starts at, or {@code null} for now (demo mode only)
 * @param wall              run as an Andon wall display: full screen, no window chrome, pages that rotate
 * @param wallPageSeconds   how long the wall shows each page
 * @param engineer          whether this station offers the Setup and Rules tabs (station.role=engineer, the default);
 *                          {@code supervisor} hides them. The seam for the security work's per-user roles.
 * @param notifySound       whether a new or escalated Andon call also sounds a chime (control room only)
 */
public record AppConfig(AppDirectories directories, Path tagMapFile, String machineId, double idealCycleSeconds, String dbUrl, String dbUser, String dbPasswordEnv,
                        Path dbPasswordFile, String dbSslMode, int retentionMonths, String stationName,
                        int embeddedDbPort, double timeScale, LocalTime demoStartTime, boolean wall,
                        double wallPageSeconds, boolean engineer, boolean notifySound) {

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

    static AppConfig from(AppDirectories directories, Properties p, Path source) {
        String tagMap = blankToNull(p.getProperty("tagmap.file"));
        Path tagMapFile = tagMap == null ? null : source.resolveSibling(tagMap);
        String passwordFile = blankToNull(p.getProperty("db.passwordFile"));
        return new AppConfig(directories, tagMapFile,
                p.getProperty("machine.id", VirtualPlant.MACHINE_ID).trim(),
                number(p, "machine.idealCycleSeconds", 1.0, source).doubleValue(),
                blankToNull(p.getProperty("db.url")),
                p.getProperty("db.user", "ms5").trim(),
                p.getProperty("db.passwordEnv", "MS5_DB_PASSWORD").trim(),
                passwordFile == null ? null : source.resolveSibling(passwordFile),
                blankToNull(p.getProperty("db.sslMode")),
                number(p, "db.retentionMonths", 24, source).intValue(),
                p.getProperty("station.name", hostName()).trim(),
                number(p, "db.embeddedPort", 0, source).intValue(),
                number(p, "demo.timeScale", 1, source).doubleValue(),
                timeOfDay(p, "demo.startTime", source),
                Boolean.parseBoolean(p.getProperty("wall", "false").trim()),
                Math.max(1, number(p, "wall.pageSeconds", 15, source).doubleValue()),
                role(p, source),
                Boolean.parseBoolean(p.getProperty("notify.sound", "false").trim()));
    }

    public AppConfig withTimeScale(double scale) {
        return new AppConfig(directories, tagMapFile, machineId, idealCycleSeconds, dbUrl, dbUser, dbPasswordEnv,
                dbPasswordFile, dbSslMode, retentionMonths, stationName, embeddedDbPort, scale, demoStartTime, wall, wallPageSeconds, engineer, notifySound);
    }

    public AppConfig withDemoStartTime(LocalTime time) {
        return new AppConfig(directories, tagMapFile, machineId, idealCycleSeconds, dbUrl, dbUser, dbPasswordEnv,
                dbPasswordFile, dbSslMode, retentionMonths, stationName, embeddedDbPort, timeScale, time, wall, wallPageSeconds, engineer, notifySound);
    }

    /** As an Andon wall display, each page shown {@code pageSeconds}. */
    public AppConfig withWall(double pageSeconds) {
        return new AppConfig(directories, tagMapFile, machineId, idealCycleSeconds, dbUrl, dbUser, dbPasswordEnv,
                dbPasswordFile, dbSslMode, retentionMonths, stationName, embeddedDbPort, timeScale, demoStartTime, true,
                pageSeconds, engineer, notifySound);
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
