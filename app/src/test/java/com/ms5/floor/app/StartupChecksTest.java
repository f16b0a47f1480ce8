package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a machine lacks for MS5 to start is named with what to do, before a stack trace: no display,
 * no GTK, a data folder it cannot write, the embedded database's port taken.
 */
class StartupChecksTest {
    @TempDir
    Path dir;

    @Test
    void aLinuxDesktopWithoutDisplayOrGtkIsToldWhatToInstall() throws Exception {
        Path gtk = Files.createFile(dir.resolve("libgtk-3.so.0"));
        assertThat(StartupChecks.desktop("Linux", Map.of("DISPLAY", ":0"), false, List.of(gtk))).isEmpty();
        assertThat(StartupChecks.desktop("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), false, List.of(gtk))).isEmpty();
        assertThat(StartupChecks.desktop("Linux", Map.of(), false, List.of(gtk)))
                .singleElement().asString().contains("DISPLAY is not set").contains("xvfb-run");
        assertThat(StartupChecks.desktop("Linux", Map.of("DISPLAY", ":0"), false, List.of(dir.resolve("none"))))
                .singleElement().asString().contains("GTK 3").contains("sudo apt install libgtk-3-0");
        assertThat(StartupChecks.desktop("Linux", Map.of(), true, List.of())).as("headless needs neither").isEmpty();
        assertThat(StartupChecks.desktop("Windows 11", Map.of(), false, List.of())).isEmpty();
    }

    @Test
    void aDataFolderItCannotWriteAndATakenDatabasePortAreNamed() throws Exception {
        assertThat(StartupChecks.dataFolder(dir.resolve("ms5"))).isEmpty();
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertThat(StartupChecks.dataFolder(file.resolve("ms5")))
                .singleElement().asString().contains("cannot write to its data folder").contains("--data-dir=");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(dir.resolve("ms5.properties"), "db.embeddedPort=" + taken.getLocalPort() + "\n");
            AppConfig config = AppConfig.load(new AppDirectories(dir), dir.resolve("ms5.properties"));
            assertThat(StartupChecks.embeddedPort(config)).singleElement().asString()
                    .contains("Port " + taken.getLocalPort() + " (db.embeddedPort) is taken").contains("0 for any free port");
        }
        AppConfig anyPort = AppConfig.load(new AppDirectories(dir), dir.resolve("none.properties"));
        assertThat(StartupChecks.embeddedPort(anyPort)).isEmpty();
    }

    /** The app itself, started where there is no display: one sentence on the console and exit code 3, no stack trace. */
    @Test
    void theAppStartedWithoutADisplaySaysSoAndExits() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir=" + dir));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process app = builder.start();
        String output = new String(app.getInputStream().readAllBytes());
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("MS5 cannot start: There is no graphical display (DISPLAY is not set).")
                .doesNotContain("Exception");
    }

    /** mvnw on a machine whose only JDK is older than 25 says what to install (a JDK 17 here: the machine's own). */
    @Test
    void aMachineWithoutJdk25IsToldToInstallOne() throws Exception {
        Path jdk17 = Files.createDirectories(dir.resolve("jvm/java-17-openjdk-amd64"));
        Files.writeString(jdk17.resolve("release"), "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\n");
        Process check = new ProcessBuilder("sh", Path.of("..", ".mvn", "jdk-check.sh").toString(), dir.resolve("jvm").toString())
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).isEqualTo(1);
        assertThat(said).startsWith("MS5 needs a JDK 25 or newer to build and run").contains("Temurin 25");

        Path jdk25 = Files.createDirectories(dir.resolve("jvm/temurin-25-jdk-amd64"));
        Files.writeString(jdk25.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        check = new ProcessBuilder("sh", Path.of("..", ".mvn", "jdk-check.sh").toString(), dir.resolve("jvm").toString())
                .redirectErrorStream(true).start();
        assertThat(new String(check.getInputStream().readAllBytes())).isEmpty();
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).isZero();
    }
}
