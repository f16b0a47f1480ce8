package com.ms5.floor.plc.api;

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

/** This module's messages in every language: the same keys and placeholders, and every key the code asks for. */
class PlcTextTest {
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
        Pattern key = Pattern.compile("PlcText\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
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
    void aConnectionProblemIsToldInTheDefaultLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(PlcText.format("tagmap.slot", 40)).isEqualTo("der Steckplatz der Steuerung ist 0-31, war 40");
            Locale.setDefault(Locale.US);
            assertThat(PlcText.format("tagmap.slot", 40)).isEqualTo("the controller's slot is 0-31, was 40");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (var in = PlcTextTest.class.getResourceAsStream("/ms5/i18n/plc" + suffix + ".properties");
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
