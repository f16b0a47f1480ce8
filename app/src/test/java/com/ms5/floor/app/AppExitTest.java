package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String property : List.of("java.awt.headless", "testfx.robot", "testfx.headless", "prism.order",
                "glass.platform", "monocle.platform", "headless.geometry")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CloseWindowProbe.class.getName(),
                "--data-dir=" + home, "--time-scale=30"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).start();

        List<String> output = new CopyOnWriteArrayList<>();
        AtomicLong closedAt = new AtomicLong();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    if (line.contains(CloseWindowProbe.CLOSING)) {
                        closedAt.set(System.nanoTime());
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        try {
            Await.until(Duration.ofSeconds(90), "the app shows live counts and the probe closes the window",
                    () -> closedAt.get() != 0 || !app.isAlive());
            assertThat(closedAt.get()).as("window closed while the app was live; output:\n%s",
                    String.join("\n", output)).isNotZero();
            boolean exited = app.waitFor(5, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - closedAt.get()) / 1_000_000;
            assertThat(exited).as("process still running 5 s after the window closed; output:\n%s",
                    String.join("\n", output)).isTrue();
            assertThat(app.exitValue()).isZero();
            System.getLogger(AppExitTest.class.getName()).log(System.Logger.Level.INFO,
                    "process exited {0} ms after the window closed; its last lines:\n{1}", millis,
                    String.join("\n", output.subList(Math.max(0, output.size() - 12), output.size())));
        } finally {
            app.destroyForcibly();
            reader.join(2000);
        }
    }
}
