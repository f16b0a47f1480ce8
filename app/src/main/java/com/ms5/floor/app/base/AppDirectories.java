package com.ms5.floor.app.base;

import java.nio.file.Path;

/** Where the app keeps its configuration, logs and embedded database on this computer. */
public record AppDirectories(Path home) {

    /**
     * The app-data folder: {@code --data-dir} if given, else {@code %APPDATA%\MS5FloorDashboard} on
     * Windows, else {@code $XDG_DATA_HOME/ms5-floor-dashboard} or {@code ~/.local/share/ms5-floor-dashboard}.
     */
    public static AppDirectories resolve(String dataDirArgument) {
        if (dataDirArgument != null && !dataDirArgument.isBlank()) {
            return new AppDirectories(Path.of(dataDirArgument).toAbsolutePath());
        }
        String appData = System.getenv("APPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && appData != null) {
            return new AppDirectories(Path.of(appData, "MS5FloorDashboard"));
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return new AppDirectories(base.resolve("ms5-floor-dashboard"));
    }

    public Path configFile() {
        return home.resolve("ms5.properties");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    public Path embeddedDatabaseDir() {
        return home.resolve("pgdata");
    }
}
