package com.ms5.floor.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The app in a JVM of its own (headless, the test's classpath), with its console output collected. */
final class ChildApp implements AutoCloseable {
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildApp(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static ChildApp start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String property : List.of("java.awt.headless", "testfx.robot", "testfx.headless", "prism.order",
                "glass.platform", "monocle.platform", "headless.geometry")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return new ChildApp(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for the process to end by itself and for the last of its output; false if it did not end in time. */
    boolean awaitExit(java.time.Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(deadline.toMillis());
        return true;
    }

    Process process() {
        return process;
    }

    boolean printed(String text) {
        return output.stream().anyMatch(line -> line.contains(text));
    }

    /** The first printed line containing {@code text}, or {@code null}. */
    String line(String text) {
        return output.stream().filter(line -> line.contains(text)).findFirst().orElse(null);
    }

    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(2000);
    }
}
