package com.ms5.floor.app;

import com.ms5.floor.app.ui.StartupProblemDialog;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.persistence.EmbeddedBackup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the app. Not a JavaFX {@code Application} itself, so it runs from a plain classpath.
 *
 * <pre>
 *   --config=FILE      settings file (default: ms5.properties in the app-data folder)
 *   --data-dir=DIR     app-data folder (logs, embedded database, default settings file)
 *   --time-scale=N     run the virtual plant N times faster than real time (demo mode)
 *   --view=V           open on the plant overview (plant), a line (line), the Andon board (andon), a machine
 *                      (machine), diagnostics, the tag-map setup (setup) or the plant rules (rules)
 *   --wall             run as an Andon wall display (full screen, rotating pages); the same as wall=true
 *   --virtual-plant    run only the virtual plant (no window) for other clients; with --plant=FILE
 *                      a plant file of your own instead of the demo plant
 *   --restore=FILE     put a backup of the embedded database in place (MS5 closed), then exit
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String configArg = option(args, "--config=");
        AppDirectories directories = AppDirectories.resolve(option(args, "--data-dir="));
        List<String> unwritable = StartupChecks.dataFolder(directories.home());
        // Before the first logger exists: logback.xml writes the rolling log file here (in the temporary
        // folder when the data folder cannot take it, so the reason still reaches a log).
        System.setProperty("ms5.logDir", unwritable.isEmpty() ? directories.logDir().toString()
                : Path.of(System.getProperty("java.io.tmpdir"), "ms5-logs").toString());
        cannotStartIf(unwritable, 2, null);
        Logger log = LoggerFactory.getLogger(Main.class);

        if (java.util.Arrays.asList(args).contains("--virtual-plant")) {
            try {
                String scale = option(args, "--time-scale=");
                String plant = option(args, "--plant=");
                VirtualPlantCommand.run(plant == null ? null : Path.of(plant), scale == null ? 1 : timeScale(scale));
            } catch (IOException | IllegalArgumentException e) {
                log.error("Cannot start the virtual plant: {}", e.getMessage());
                System.exit(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }

        AppConfig config;
        Path configFile = configArg != null ? Path.of(configArg) : directories.configFile();
        try {
            config = AppConfig.load(directories, configFile);
            String scale = option(args, "--time-scale=");
            if (scale != null) {
                config = config.withTimeScale(timeScale(scale));
            }
            if (java.util.Arrays.asList(args).contains("--wall")) {
                config = config.withWall(config.wallPageSeconds());
            }
        } catch (IOException | IllegalArgumentException e) {
            log.error("Cannot start: the settings in {} are not usable: {}", configFile, e.getMessage());
            StartupProblemDialog.showAndWait("The settings in " + configFile + " are not usable", e.getMessage(),
                    "Correct them (the README's \"Configuration\" lists every setting) and start MS5 again.");
            System.exit(2);
            return;
        }
        useLanguage(config);
        String backup = option(args, "--restore=");
        if (backup != null) {
            System.exit(restore(config, Path.of(backup)));
            return;
        }
        boolean headless = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        cannotStartIf(StartupChecks.desktop(System.getProperty("os.name"), System.getenv(), headless,
                StartupChecks.GTK_PLACES), 3, null); // no window can say these
        cannotStartIf(StartupChecks.embeddedPort(config), 2, "The embedded database cannot start");
        log.info("Starting MS5 Floor Dashboard; app data in {}, settings from {}", directories.home(), configFile);
        FloorDashboardApp.launch(config, args);
        // PLC4X 0.13.1 leaks non-daemon threads for dropped connections; everything of ours is
        // already closed by FloorDashboardApp.stop(), so end the JVM instead of waiting on them.
        log.info("MS5 Floor Dashboard exits");
        System.exit(0);
    }

    /**
     * Ends the start with {@code exitCode} if there are problems: each in the log (console and file),
     * and in a window titled {@code what} where a window can open.
     */
    private static void cannotStartIf(List<String> problems, int exitCode, String what) {
        if (problems.isEmpty()) {
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        problems.forEach(problem -> log.error("MS5 cannot start: {}", problem)); // the console and the log file
        if (what != null) {
            StartupProblemDialog.showAndWait(what, String.join("\n\n", problems), "Then start MS5 again.");
        }
        System.exit(exitCode);
    }

    /** The language of the settings, if they name one; before any text is read, since every bundle, number and date follows it. */
    public static void useLanguage(AppConfig config) {
        if (config.language() != null) {
            java.util.Locale.setDefault(config.language());
        }
    }

    /**
     * Puts a backup in place as this data folder's embedded database (README, "Backups"); the
     * database in place before is moved aside, never deleted.
     *
     * @return the exit code: 0 when restored, 2 when not
     */
    public static int restore(AppConfig config, Path backup) {
        Logger log = LoggerFactory.getLogger(Main.class);
        if (!config.embeddedDatabase()) {
            log.error("Cannot restore: these settings use the shared database {}; restore it with its server's tools", config.dbUrl());
            return 2;
        }
        try {
            Path dataDir = config.directories().embeddedDatabaseDir();
            java.util.Optional<Path> before = EmbeddedBackup.restore(backup, dataDir, config.backups().folder());
            log.info("Restored. Start MS5 as usual: the database first replays the backup's last moments.{}",
                    before.map(b -> " The database that was in place is kept in " + b + "; delete it once you no longer need it.")
                            .orElse(""));
            return 0;
        } catch (IOException e) {
            log.error("Cannot restore {}: {}", backup, e.getMessage());
            return 2;
        }
    }

    /** The virtual plant's speed: a number above 0, or a message saying what to write. */
    public static double timeScale(String text) {
        try {
            double scale = Double.parseDouble(text);
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--time-scale=" + text + " is not a speed; give a number above 0 "
                + "(1 is real time, 10 ten times faster)");
    }

    private static String option(String[] args, String prefix) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return null;
    }
}
