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
        missing.addAll(keysNotIn(english, Path.of("src/main/resources/com/ms5/floor/app/ui"), ".fxml",
                Pattern.compile("\"%([A-Za-z0-9_.]+)\"")));
        missing.addAll(keysNotIn(english, Path.of("src/main/java"), ".java",
                Pattern.compile("Messages\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]")));
        assertThat(missing).isEmpty();
    }

    /** The keys that files ending in {@code suffix} below {@code folder} ask for with {@code key} and {@code bundle} lacks. */
    private static List<String> keysNotIn(Properties bundle, Path folder, String suffix, Pattern key) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher found = key.matcher(Files.readString(file));
                while (found.find()) {
                    if (!bundle.containsKey(found.group(1))) {
                        missing.add(file.getFileName() + ": " + found.group(1));
                    }
                }
            }
        }
        return missing;
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
