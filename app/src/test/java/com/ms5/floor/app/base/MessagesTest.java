package com.ms5.floor.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * Every message in every language: a key missing in German would show English mid-screen (or fail),
 * and a placeholder that differs would throw when the message is formatted.
 */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    @Test
    void germanSaysEverythingEnglishSaysWithTheSamePlaceholders() throws IOException {
        Properties english = load("");
        Properties german = load("_de");
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        List<String> differing = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (!placeholders(english.getProperty(key)).equals(placeholders(german.getProperty(key)))) {
                differing.add(key);
            }
        }
        assertThat(differing).as("messages whose placeholders differ between the languages").isEmpty();
    }

    /** Keys written out whole, in FXML and in code (a key put together at run time, "config." + id, is not checked here). */
    @Test
    void everyKeyAViewAsksForExists() throws IOException {
        Properties english = load("");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/com/ms5/floor/app/ui"))) {
            for (Path fxml : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                Matcher key = Pattern.compile("\"%([A-Za-z0-9_.]+)\"").matcher(Files.readString(fxml));
                while (key.find()) {
                    if (!english.containsKey(key.group(1))) {
                        missing.add(fxml.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path java : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher key = Pattern.compile("Messages\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]").matcher(Files.readString(java));
                while (key.find()) {
                    if (!english.containsKey(key.group(1))) {
                        missing.add(java.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theLanguageFollowsTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.get("tab.plant")).isEqualTo("Werk");
            assertThat(Messages.format("plant.parts", 1234, 5)).isEqualTo("1.234 gut · 5 Ausschuss");
            Locale.setDefault(Locale.US);
            assertThat(Messages.get("tab.plant")).isEqualTo("Plant");
            assertThat(Messages.format("plant.parts", 1234, 5)).isEqualTo("1,234 good · 5 rejected");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + Messages.BUNDLE + suffix + ".properties");
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
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
