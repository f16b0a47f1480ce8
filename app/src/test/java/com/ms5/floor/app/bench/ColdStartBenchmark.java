package com.ms5.floor.app.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start as a plant's first run sees it: the app in a JVM of its own on a fresh data folder
 * (the embedded PostgreSQL is created: initdb, password, migrations), headless, on the virtual
 * plant. Reads the phases the app logs ("... N ms after start") and prints p50 and max per phase
 * over the runs. Run: {@code ./mvnw -Pbench-start -pl app -am -DskipTests package} (README,
 * "Benchmarks"); {@code -Dbench.args=N} runs N times (default 5).
 */
public final class ColdStartBenchmark {
    private static final Pattern AFTER_START = Pattern.compile("(\\d+) ms after start");
    private static final List<String> PHASES = List.of("Plant and analytics ready", "First live value",
            "Dashboard shown", "Database ready");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, List<Long>> times = new LinkedHashMap<>();
        PHASES.forEach(p -> times.put(p, new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            Path home = Files.createTempDirectory("ms5-cold-start");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Djava.awt.headless=true", "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-cp", System.getProperty("java.class.path"), "com.ms5.floor.app.Main", "--data-dir=" + home));
            Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
            Map<String, Long> seen = new LinkedHashMap<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
                for (String line; seen.size() < PHASES.size() && (line = out.readLine()) != null; ) {
                    Matcher m = AFTER_START.matcher(line);
                    if (m.find()) {
                        String logged = line;
                        PHASES.stream().filter(logged::contains).findFirst()
                                .ifPresent(phase -> seen.putIfAbsent(phase, Long.parseLong(m.group(1))));
                    }
                }
            } finally {
                app.toHandle().destroy(); // SIGTERM: the app closes in order
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
            seen.forEach((phase, ms) -> times.get(phase).add(ms));
            System.out.printf("run %d: %s%n", run + 1, seen);
        }
        System.out.printf("%nCold start on a fresh data folder, %d runs, %d cores%n", runs, Runtime.getRuntime().availableProcessors());
        System.out.printf("  %-28s %10s %10s%n", "phase (ms after JVM start)", "p50", "max");
        times.forEach((phase, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-28s %10s %10s%n", phase, sorted.length == 0 ? "-" : sorted[(sorted.length - 1) / 2],
                    sorted.length == 0 ? "-" : Arrays.stream(sorted).max().getAsLong());
        });
    }
}
