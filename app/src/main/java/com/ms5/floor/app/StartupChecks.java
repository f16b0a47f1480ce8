package com.ms5.floor.app;

import com.ms5.floor.app.base.AppConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the machine must offer before MS5 can start, checked before anything fails deeper down with a
 * stack trace: each missing piece named with what to do about it.
 */
final class StartupChecks {
    /** Where Debian, Ubuntu, Fedora and others keep GTK 3, which JavaFX draws its windows with on Linux. */
    static final List<Path> GTK_PLACES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"),
            Path.of("/usr/lib/aarch64-linux-gnu/libgtk-3.so.0"), Path.of("/usr/lib64/libgtk-3.so.0"),
            Path.of("/usr/lib/libgtk-3.so.0"));

    private StartupChecks() {
    }

    /**
     * A window needs a display and, on Linux, GTK 3; headless runs (Monocle) need neither.
     *
     * @param env the process environment
     */
    static List<String> desktop(String osName, Map<String, String> env, boolean headless, List<Path> gtkPlaces) {
        List<String> problems = new ArrayList<>();
        if (headless || !osName.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return problems;
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            problems.add("There is no graphical display (DISPLAY is not set). Start MS5 from a desktop session; on a "
                    + "machine without one, run it under a virtual display: sudo apt install xvfb, then xvfb-run before the command.");
        }
        if (gtkPlaces.stream().noneMatch(Files::exists)) {
            problems.add("GTK 3, which JavaFX draws MS5's windows with, is not installed. Install it "
                    + "(Debian or Ubuntu: sudo apt install libgtk-3-0; Fedora: sudo dnf install gtk3) and start MS5 again.");
        }
        return problems;
    }

    /** The data folder must exist or be creatable, and be writable: logs, journal and database live there. */
    static List<String> dataFolder(Path home) {
        try {
            Files.createDirectories(home);
            Path probe = Files.createTempFile(home, ".write-test", "");
            Files.delete(probe);
            return List.of();
        } catch (IOException | SecurityException e) {
            return List.of("MS5 cannot write to its data folder " + home + " (" + e.getMessage() + "). Start it with "
                    + "--data-dir= and a folder this user may write to, or give this user write access to that folder.");
        }
    }

    /** A fixed port for the embedded PostgreSQL must be free. */
    static List<String> embeddedPort(AppConfig config) {
        if (!config.embeddedDatabase() || config.embeddedDbPort() == 0) {
            return List.of();
        }
        try (ServerSocket probe = new ServerSocket(config.embeddedDbPort(), 1, InetAddress.getLoopbackAddress())) {
            return List.of();
        } catch (IOException e) {
            return List.of("Port " + config.embeddedDbPort() + " (db.embeddedPort) is taken by another program, so the "
                    + "embedded database cannot start. Set db.embeddedPort to a free port, or to 0 for any free port, "
                    + "or stop the program that holds it (sudo ss -ltnp shows which).");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
