package com.ms5.floor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The analytics messages in every language: the same keys and placeholders, and every key the code asks for. */
class AnalyticsTextTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    @Test
    void germanSaysEverythingEnglishSaysWithTheSamePlaceholders() throws IOException {
        Properties english = load("");
        Properties german = load("_de");
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames().stream()
                .filter(k -> !placeholders(english.getProperty(k)).equals(placeholders(german.getProperty(k)))).toList())
                .as("messages whose placeholders differ").isEmpty();
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Properties english = load("");
        List<String> missing = new ArrayList<>();
        Pattern key = Pattern.compile("AnalyticsText\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher found = key.matcher(Files.readString(file));
                while (found.find()) {
                    if (!english.containsKey(found.group(1))) {
                        missing.add(file.getFileName() + ": " + found.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aFigureToCheckIsToldInTheDefaultLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(AnalyticsText.format("oee.overSpeed", "L1-FILLER", 100.4)).isEqualTo("L1-FILLER: Leistung 100,4 % liegt über 100 %");
            Locale.setDefault(Locale.US);
            assertThat(AnalyticsText.format("oee.overSpeed", "L1-FILLER", 100.4)).isEqualTo("L1-FILLER: performance 100.4 % is above 100 %");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (var in = AnalyticsTextTest.class.getResourceAsStream("/ms5/i18n/analytics" + suffix + ".properties");
             var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static List<String> placeholders(String message) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
