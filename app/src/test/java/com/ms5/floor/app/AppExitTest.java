package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the window ends the process: the app stops polling, the virtual PLC and the embedded
 * PostgreSQL, and the JVM exits although PLC4X leaves non-daemon threads behind.
 */
class AppExitTest {
    @TempDir
    Path home;

    @Test
    void closingTheWindowEndsTheProcessWithinFiveSeconds() throws Exception {
        java.nio.file.Files.writeString(home.resolve("ms5.properties"), "demo.startTime=07:00\n"); // no break while testing
        try (ChildApp app = ChildApp.start(CloseWindowProbe.class, "--data-dir=" + home, "--time-scale=30",
                "--view=machine")) {
            Await.until(Duration.ofSeconds(90), "the app shows live counts and the probe closes the window",
                    () -> app.printed(CloseWindowProbe.CLOSING) || !app.process().isAlive());
            assertThat(app.printed(CloseWindowProbe.CLOSING)).as("window closed while live; output:\n%s", app.output())
                    .isTrue();
            long closedAt = System.nanoTime();
            boolean exited = app.process().waitFor(5, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - closedAt) / 1_000_000;
            assertThat(exited).as("process still running 5 s after the window closed; output:\n%s", app.output())
                    .isTrue();
            assertThat(app.process().exitValue()).isZero();
            System.getLogger(AppExitTest.class.getName()).log(System.Logger.Level.INFO,
                    "process exited {0} ms after the window closed; {1}", millis, app.line("Stopped:"));
        }
    }
}
